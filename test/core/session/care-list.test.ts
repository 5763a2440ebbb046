// The care-list badge and the 開啟率 record follow one answer: NHI's care-list Web API when it
// answered in this look-up, else the imue0009s02/s03 rows (with the API's failure as a caveat).
import test from 'ava';
import { careListCaveat, onCareList, type PatientData, type SessionState } from '../../../src/core/session/index.ts';
import { sessionMessages } from '../../../src/core/session/messages.ts';
import { translate } from '../../../src/i18n/index.ts';
import { loading, nonAudit, patientData, run } from './flow.ts';

function withRows(data: PatientData): PatientData {
  const row = { date: '2026-10-01', ingredient: 'ZOLPIDEM', ingredientCode: '2824801820', institution: { id: '3532052586', name: '仁愛診所', visitKind: 'outpatient' as const }, totalMg: 280, cloudTotalDdd: 28, memo: null };
  return { ...data, history: { ...data.history, careList: [row] } };
}

const viewing = (data: PatientData): SessionState => run(loading('P001'), [{ type: 'lookup-fresh', at: 3000, lookupId: 1, data }]).state;
const opens = (data: PatientData) => nonAudit(run(viewing(data), [{ type: 'tab-shown', at: 3001, tab: 'controlled' }]).effects).filter((e) => e.type === 'care-list-open').length;

test('the API answer decides when there is one; the rows otherwise', (t) => {
  const api = (onList: boolean) => ({ source: 'api' as const, onList, exeUrl: onList ? 'http://127.0.0.1/imu/imue1000?type=ies&AUDIT_SEQ=1' : null });
  t.true(onCareList({ ...patientData(), careList: api(true) }), 'Y without rows (yet)');
  t.false(onCareList({ ...withRows(patientData()), careList: api(false) }), 'N overrides older rows');
  t.true(onCareList(withRows(patientData())), 'no API answer (cached data): the rows');
  t.false(onCareList(patientData()));
  t.true(onCareList({ ...withRows(patientData()), careList: { source: 'rows', failure: 'timeout' } }), 'API failed: the rows');
  t.is(careListCaveat({ careList: { source: 'rows', failure: 'timeout' } }), 'timeout');
  t.is(careListCaveat({ careList: api(true) }), null);
  t.is(careListCaveat({}), null);
  t.is(translate(sessionMessages, 'caveat.care-list-api', 'zh-TW', { kind: 'timeout' }), '關懷名單查詢 API 未回應（timeout），關懷名單標示依雲端藥歷 (s02/s03) 判斷');
});

test('the care-list open is recorded on the same answer as the badge', (t) => {
  t.is(opens({ ...patientData(), careList: { source: 'api', onList: true, exeUrl: null } }), 1);
  t.is(opens({ ...withRows(patientData()), careList: { source: 'api', onList: false, exeUrl: null } }), 0);
  t.is(opens({ ...withRows(patientData()), careList: { source: 'rows', failure: 'server' } }), 1);
  t.is(opens(patientData()), 0);
});
