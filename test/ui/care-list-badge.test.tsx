// The 關懷名單 badge follows NHI's care-list Web API when it answered, and the MediCloud rows
// (s02/s03) when it did not — then the summary says why, as a caveat rather than an error.
import test from 'ava';
import { renderAt } from './harness.ts';
import { app, duplicateHistory, logIn, makeStore, openPatient, patientData } from './fixtures.tsx';
import { plain } from './plain.ts';
import type { CareListStatus, PatientData } from '../../src/core/session/types.ts';

async function viewWith(careList: CareListStatus | undefined): Promise<string> {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 40);
  logIn(store);
  const history = duplicateHistory();
  const data: PatientData = { ...patientData(history), ...(careList ? { careList } : {}) };
  openPatient(store, history, data);
  const frame = await r.waitFor((f) => f.includes('王小明'));
  r.instance.unmount();
  return plain(frame);
}

const headerOf = (frame: string) => frame.split('\n').find((l) => l.includes('王小明')) ?? '';

test('the API says the patient is on the care list: the badge shows although the rows are empty', async (t) => {
  const frame = await viewWith({ source: 'api', onList: true, exeUrl: null });
  t.true(headerOf(frame).includes('關懷名單'));
  t.false(frame.includes('關懷名單查詢 API 未回應'));
});

test('the API says no: no badge', async (t) => {
  t.false(headerOf(await viewWith({ source: 'api', onList: false, exeUrl: null })).includes('關懷名單'));
});

test('the API failed: the badge follows the rows (none here) and the summary names the failure', async (t) => {
  const frame = await viewWith({ source: 'rows', failure: 'timeout' });
  t.false(headerOf(frame).includes('關懷名單'));
  t.regex(frame, /關懷名單查詢 API 未回應（timeout）/);
});
