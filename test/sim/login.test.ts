import test from 'ava';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { LOGIN_PATH } from '../../src/sim/endpoints.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { decodeJwt, getData, loginRequest, manualClock, postJson, signMessage } from './helpers.ts';

// 2026-11-23 10:00 in Taipei.
const clock = manualClock('2026-11-23T02:00:00Z');
let sim: RunningSimulator;

test.before(async () => {
  sim = await startSimulator({ seed: 20261123, clock: clock.now });
});
test.after.always(async () => {
  await sim.close();
});

const staff = (id: string) => findStaff(sim.deck, id)!;
const patient = (id: string) => findPatient(sim.deck, id)!;

test('an authorized pharmacist logs in and gets a JWT with the contract claims', async (t) => {
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, loginRequest(sim.deck, staff('S01'), patient('P001')));
  t.is(res.status, 200);
  const { token } = (await res.json()) as { token: string };
  const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
  t.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
  const claims = decodeJwt(token);
  const p = patient('P001');
  t.is(claims.UserID, p.nationalId);
  t.is(claims.UserName, p.name);
  t.is(claims.UserSex, p.sex);
  t.regex(String(claims.UserBirthday), /^\d{7}$/);
  t.is(claims.HPCCName, staff('S01').name);
  t.is(claims.StaffID, staff('S01').staffId);
  t.is(claims.HospID, sim.deck.home.id);
  t.is(claims.iat, Date.parse('2026-11-23T02:00:00Z') / 1000);
  t.is(claims.exp, (claims.iat as number) + 20 * 60);
  t.true(String(claims.Permission).split(',').includes('2.1'));
  t.true(String(claims.Permission).split(',').includes('2.3'), 'P001 has chronic prescriptions');
});

test('the no-data patient logs in with only the summary node permitted', async (t) => {
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, loginRequest(sim.deck, staff('S02'), patient('P008')));
  t.is(res.status, 200);
  t.is(decodeJwt(((await res.json()) as { token: string }).token).Permission, '1.1');
});

test('a bad staff signature is 401', async (t) => {
  const request = loginRequest(sim.deck, staff('S01'), patient('P001'));
  request.staffSignature = signMessage(sim.deck.seed, 'staff:S01', 'something else');
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, request);
  t.is(res.status, 401);
  t.is(((await res.json()) as { rtnCode: string }).rtnCode, 'STAFF_SIGNATURE');
});

test('a SAM signature by the wrong key is 401', async (t) => {
  const request = loginRequest(sim.deck, staff('S01'), patient('P001'));
  request.samSignature = request.staffSignature;
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, request);
  t.is(res.status, 401);
  t.is(((await res.json()) as { rtnCode: string }).rtnCode, 'SAM_SIGNATURE');
});

test('a staff card whose public key is not the registered one is 401', async (t) => {
  const request = loginRequest(sim.deck, staff('S01'), patient('P001'));
  request.staffPublicKey = loginRequest(sim.deck, staff('S02'), patient('P001')).staffPublicKey;
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, request);
  t.is(res.status, 401);
  t.is(((await res.json()) as { rtnCode: string }).rtnCode, 'STAFF_KEY');
});

test('staff not on the authorization list (S06) is 403', async (t) => {
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, loginRequest(sim.deck, staff('S06'), patient('P001')));
  t.is(res.status, 403);
  const body = (await res.json()) as { rtnCode: string; message: string };
  t.is(body.rtnCode, 'STAFF_UNAUTHORIZED');
  t.regex(body.message, /授權/);
});

test('the 機構管理者 authorizes S06 on the cloud side: then S06 logs in; withdrawn, 403 again', async (t) => {
  const own = await startSimulator({ seed: 20261123, clock: clock.now });
  t.teardown(() => own.close());
  const s06 = findStaff(own.deck, 'S06')!;
  const login = () => postJson(`${own.url}${LOGIN_PATH}`, loginRequest(own.deck, s06, findPatient(own.deck, 'P001')!));
  t.is((await login()).status, 403);
  t.true(own.setStaffAuthorized(s06.staffId, true));
  t.is((await login()).status, 200);
  own.setStaffAuthorized(s06.staffId, false);
  t.is((await login()).status, 403);
  t.false(own.setStaffAuthorized('Z999999999', true), 'not a deck staff member');
});

test('a birthday that does not match the card is 404', async (t) => {
  const request = loginRequest(sim.deck, staff('S01'), patient('P001'));
  request.patientBirthday = '0010101';
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, request);
  t.is(res.status, 404);
});

test('a request without the required fields is 400 with a bilingual message', async (t) => {
  const res = await postJson(`${sim.url}${LOGIN_PATH}`, { hospId: sim.deck.home.id });
  t.is(res.status, 400);
  t.regex(((await res.json()) as { message: string }).message, /缺少欄位 missing field/);
});

test('the token expires with the injected clock', async (t) => {
  const local = manualClock('2026-11-23T02:00:00Z');
  const other = await startSimulator({ seed: 20261123, clock: local.now, tokenLifetimeSeconds: 60 });
  t.teardown(() => other.close());
  const res = await postJson(`${other.url}${LOGIN_PATH}`, loginRequest(other.deck, findStaff(other.deck, 'S01')!, findPatient(other.deck, 'P001')!));
  const { token } = (await res.json()) as { token: string };
  t.is((await getData(other.url, 'imue0008s02', token)).status, 200);
  local.advance(61_000);
  const expired = await getData(other.url, 'imue0008s02', token);
  t.is(expired.status, 401);
  t.is(((await expired.json()) as { rtnCode: string }).rtnCode, 'TOKEN_EXPIRED');
});

test('data endpoints without a token are 401', async (t) => {
  const res = await fetch(`${sim.url}/imu/api/imue0008/imue0008s02/get-data`);
  t.is(res.status, 401);
  t.is(((await res.json()) as { rtnCode: string }).rtnCode, 'TOKEN_MISSING');
});
