// Every fault class over real sockets: latency, 5xx, hang (ended by the client's abort and by
// close()), malformed JSON, truncated JSON, expired token; per endpoint or '*', with `times`.
import test from 'ava';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { LOGIN_PATH } from '../../src/sim/endpoints.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { dataUrl, decodeJwt, getData, login, loginRequest, manualClock, postJson } from './helpers.ts';

let sim: RunningSimulator;
let token: string;
test.before(async () => {
  sim = await startSimulator({ seed: 20261123, clock: manualClock('2026-11-23T02:00:00Z').now });
  token = await login(sim.url, sim.deck, findStaff(sim.deck, 'S01')!, findPatient(sim.deck, 'P001')!);
});
test.afterEach.always(() => sim.faults.clear());
test.after.always(() => sim.close());

/** 'answered' or the name of the error the request failed with (fetch rejects with a DOMException). */
const outcome = (request: Promise<Response>): Promise<string> => request.then(() => 'answered', (error: { name: string }) => error.name);
const addFault = async (spec: unknown) => postJson(`${sim.url}/__sim/faults`, spec);

test.serial('status fault: 503 for the named endpoint only, for `times` requests', async (t) => {
  const res = await addFault({ endpoint: 'imue0008s02', status: 503, times: 2 });
  t.is(res.status, 201);
  t.is((await getData(sim.url, 'imue0008s05', token)).status, 200);
  t.is((await getData(sim.url, 'imue0008s02', token)).status, 503);
  t.is((await getData(sim.url, 'imue0008s02', token)).status, 503);
  t.is((await getData(sim.url, 'imue0008s02', token)).status, 200);
  t.deepEqual(await (await fetch(`${sim.url}/__sim/faults`)).json(), []);
});

test.serial("'*' applies to every endpoint, including login, until DELETE", async (t) => {
  await addFault({ endpoint: '*', status: 500 });
  t.is((await getData(sim.url, 'imue0120s01', token)).status, 500);
  t.is((await postJson(`${sim.url}${LOGIN_PATH}`, loginRequest(sim.deck, findStaff(sim.deck, 'S01')!, findPatient(sim.deck, 'P001')!))).status, 500);
  t.is((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status, 200);
  t.is((await getData(sim.url, 'imue0120s01', token)).status, 200);
});

test.serial('latency fault: the answer still comes, and the delay is observable by a short client timeout', async (t) => {
  await addFault({ endpoint: 'imue0040s02', latencyMs: 400, times: 1 });
  t.is(await outcome(fetch(dataUrl(sim.url, 'imue0040s02'), { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(50) })), 'TimeoutError');
  await addFault({ endpoint: 'imue0040s02', latencyMs: 30, times: 1 });
  t.is((await getData(sim.url, 'imue0040s02', token)).status, 200);
});

test.serial('hang fault: no answer until the client gives up', async (t) => {
  await addFault({ endpoint: 'imue0009s02', hang: true, times: 1 });
  t.is(await outcome(fetch(dataUrl(sim.url, 'imue0009s02'), { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(100) })), 'TimeoutError');
  t.is((await getData(sim.url, 'imue0009s02', token)).status, 200, 'times: 1 used up');
});

test.serial('malformed fault: 200 with JSON of the wrong shape', async (t) => {
  await addFault({ endpoint: 'imue0008s05', malformed: true, times: 1 });
  const res = await getData(sim.url, 'imue0008s05', token);
  t.is(res.status, 200);
  const body = (await res.json()) as Record<string, unknown>;
  t.false(Array.isArray(body.chrDataN));
  t.false(Array.isArray(body.robject));
});

test.serial('truncated fault: 200 with half the body, a JSON syntax error', async (t) => {
  await addFault({ endpoint: 'imue0008s02', truncated: true, times: 1 });
  const res = await getData(sim.url, 'imue0008s02', token);
  t.is(res.status, 200);
  const text = await res.text();
  t.true(text.startsWith('{"log2time"'));
  t.throws(() => JSON.parse(text), { instanceOf: SyntaxError });
});

test.serial('expiredToken fault: data endpoints answer 401 TOKEN_EXPIRED; login hands out an expired token', async (t) => {
  await addFault({ endpoint: 'imue0008s02', expiredToken: true, times: 1 });
  const res = await getData(sim.url, 'imue0008s02', token);
  t.is(res.status, 401);
  t.is(((await res.json()) as { rtnCode: string }).rtnCode, 'TOKEN_EXPIRED');
  await addFault({ endpoint: 'verify3cards', expiredToken: true, times: 1 });
  const loginRes = await postJson(`${sim.url}${LOGIN_PATH}`, loginRequest(sim.deck, findStaff(sim.deck, 'S01')!, findPatient(sim.deck, 'P001')!));
  const expired = ((await loginRes.json()) as { token: string }).token;
  const claims = decodeJwt(expired);
  t.true((claims.exp as number) < (claims.iat as number));
  t.is((await getData(sim.url, 'imue0008s02', expired)).status, 401);
});

test.serial('fault specs are validated', async (t) => {
  for (const spec of [{ endpoint: 'nope', status: 500 }, { status: 200 }, { latencyMs: -1 }, { endpoint: '*' }, { hang: 'yes' }, { typo: true }]) {
    const res = await addFault(spec);
    t.is(res.status, 400, JSON.stringify(spec));
  }
  t.is((await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: '{not json' })).status, 400);
});

test.serial('the programmatic faults API is the same registry', async (t) => {
  const fault = sim.faults.add({ endpoint: 'imue2000s01', status: 502, times: 1 });
  t.is(fault.remaining, 1);
  t.is((await getData(sim.url, 'imue2000s01', token)).status, 502);
  t.is((await getData(sim.url, 'imue2000s01', token)).status, 200);
});
