// The two Web APIs of reference/nhi-controlled-drug-care-list.txt, with their exact field names.
import test from 'ava';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { ACTIVE_ALERT_PATH, CARE_LIST_PATH } from '../../src/sim/endpoints.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { manualClock, postJson, signMessage } from './helpers.ts';

let sim: RunningSimulator;
test.before(async () => {
  sim = await startSimulator({ seed: 20261123, clock: manualClock('2026-11-23T02:00:00Z').now });
});
test.after.always(() => sim.close());

function careListRequest(patientId: string, birthday: string, staffId: string, hex = true): Record<string, string> {
  const random = '09AD8428D6B57FE05000';
  const signature = signMessage(sim.deck.seed, `sam:${sim.deck.samId}`, `${random}|${sim.deck.home.id}|${staffId}|${patientId}`);
  return {
    sHospId: sim.deck.home.id,
    sClientRandom: random,
    sSignature: hex ? Buffer.from(signature, 'base64').toString('hex').toUpperCase() : signature,
    sSamId: sim.deck.samId,
    sHpclId: staffId,
    sPatId: patientId,
    sPatBirthday: birthday,
  };
}

function alertRequest(patientId: string, staffId: string, types: string[]): Record<string, unknown> {
  const random = '4pe-v0Uz/Yc-';
  return {
    hospitalId: sim.deck.home.id,
    samId: sim.deck.samId,
    clientRandom: random,
    signature: signMessage(sim.deck.seed, `sam:${sim.deck.samId}`, `${random}|${sim.deck.home.id}|${staffId}|${patientId}`),
    hpcIdNo: staffId,
    patId: patientId,
    verify: patientId,
    serviceType: '01',
    sub: types.map((oType) => ({ oType })),
  };
}

const gregorian = (iso: string) => iso.replaceAll('-', '');

test('care-list check: P002 is on the list with an exeURL; P001 is not', async (t) => {
  const staff = findStaff(sim.deck, 'S01')!;
  const p002 = findPatient(sim.deck, 'P002')!;
  const yes = (await (await postJson(`${sim.url}${CARE_LIST_PATH}`, careListRequest(p002.nationalId, gregorian(p002.birthDate), staff.staffId))).json()) as Record<string, string>;
  t.deepEqual(Object.keys(yes), ['rtnCode', 'isCareList', 'exeURL']);
  t.is(yes.rtnCode, '00');
  t.is(yes.isCareList, 'Y');
  t.regex(yes.exeURL!, /\/imu\/imue1000\?type=ies&AUDIT_SEQ=20261123\d{8}$/);
  const p001 = findPatient(sim.deck, 'P001')!;
  const no = (await (await postJson(`${sim.url}${CARE_LIST_PATH}`, careListRequest(p001.nationalId, gregorian(p001.birthDate), staff.staffId, false))).json()) as Record<string, string>;
  t.deepEqual(no, { rtnCode: '00', isCareList: 'N', exeURL: '' });
});

test('care-list check refuses a bad SAM signature and a wrong birthday with a non-00 rtnCode', async (t) => {
  const staff = findStaff(sim.deck, 'S01')!;
  const p002 = findPatient(sim.deck, 'P002')!;
  const forged = careListRequest(p002.nationalId, gregorian(p002.birthDate), staff.staffId);
  forged.sPatId = findPatient(sim.deck, 'P001')!.nationalId;
  t.is(((await (await postJson(`${sim.url}${CARE_LIST_PATH}`, forged)).json()) as { rtnCode: string }).rtnCode, '01');
  const wrongDay = careListRequest(p002.nationalId, '19000101', staff.staffId);
  t.is(((await (await postJson(`${sim.url}${CARE_LIST_PATH}`, wrongDay)).json()) as { rtnCode: string }).rtnCode, '02');
});

test('active alert oType 10/13: drugGroupCName, drugGroupCode, dose and sugDose as strings', async (t) => {
  const staff = findStaff(sim.deck, 'S02')!;
  const p002 = findPatient(sim.deck, 'P002')!;
  const res = await postJson(`${sim.url}${ACTIVE_ALERT_PATH}`, alertRequest(p002.nationalId, staff.staffId, ['13']));
  const body = (await res.json()) as { rtnCode: string; sub: { oType: string; rtnNum: string; sub: Record<string, string>[] }[] };
  t.is(body.rtnCode, '00');
  t.is(body.sub[0]!.oType, '13');
  const zolpidem = body.sub[0]!.sub[0]!;
  t.deepEqual(Object.keys(zolpidem), ['drugGroupCName', 'drugGroupCode', 'dose', 'sugDose']);
  t.is(zolpidem.drugGroupCName, 'ZOLPIDEM (TARTRATE+HEMITARTRATE)');
  t.is(zolpidem.drugGroupCode, '(2824801820+2824801810)');
  t.is(zolpidem.sugDose, '1825');
  t.is(Number(zolpidem.dose) % 420, 0);
  t.is(body.sub[0]!.rtnNum, String(body.sub[0]!.sub.length));
});

test('active alert: a patient off the list gets rtnNum 0; unauthorized staff (S06) is refused', async (t) => {
  const p001 = findPatient(sim.deck, 'P001')!;
  const off = (await (await postJson(`${sim.url}${ACTIVE_ALERT_PATH}`, alertRequest(p001.nationalId, findStaff(sim.deck, 'S01')!.staffId, ['10', '13']))).json()) as { sub: { oType: string; rtnNum: string }[] };
  t.deepEqual(off.sub.map((s) => [s.oType, s.rtnNum]), [['10', '0'], ['13', '0']]);
  const refused = (await (await postJson(`${sim.url}${ACTIVE_ALERT_PATH}`, alertRequest(p001.nationalId, findStaff(sim.deck, 'S06')!.staffId, ['10']))).json()) as { rtnCode: string };
  t.is(refused.rtnCode, '03');
});
