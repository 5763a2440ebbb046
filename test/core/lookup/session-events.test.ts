// Look-up events as the kiosk session understands them.
import test from 'ava';
import { CloudError } from '../../../src/core/cloud/index.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import type { PatientHistory } from '../../../src/core/domain/types.ts';
import { toSessionEvents, type LookupEvent } from '../../../src/core/lookup/index.ts';

const history: PatientHistory = { patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
const analysis = analyzeHistory(history, '2026-11-23');
const fetchedAt = new Date('2026-11-22T02:00:00Z');

test('progress states and data events carry the lookupId and time; cache vs cloud source', (t) => {
  t.deepEqual(toSessionEvents({ type: 'progress', endpoint: 'imue0008s02', state: 'retrying' }, 7, 100, false), [
    { type: 'lookup-progress', at: 100, lookupId: 7, endpoint: 'imue0008s02', state: 'loading' },
  ]);
  const cached = toSessionEvents({ type: 'cached', history, analysis, fetchedAt, missing: [] }, 7, 101, false);
  t.deepEqual(cached, [{ type: 'lookup-cached', at: 101, lookupId: 7, data: { history, analysis, fetchedAt: fetchedAt.getTime(), source: 'cache' } }]);
  const fresh = toSessionEvents({ type: 'fresh', history, analysis, fetchedAt, missing: [] }, 7, 102, true);
  t.is(fresh[0]?.type, 'lookup-fresh');
  t.deepEqual(toSessionEvents({ type: 'fresh', history, analysis: null, fetchedAt, missing: [] }, 7, 102, true), [
    { type: 'lookup-failed', at: 102, lookupId: 7, error: { kind: 'analysis-failed' } },
  ]);
});

test('403 becomes staff-unauthorized, 404 patient-unknown; others keep their kind and message key', (t) => {
  const failed = (kind: CloudError['kind']): LookupEvent => ({ type: 'failed', error: new CloudError({ kind, endpoint: 'login' }) });
  t.deepEqual(toSessionEvents(failed('forbidden'), 1, 5, false)[0], { type: 'lookup-failed', at: 5, lookupId: 1, error: { kind: 'staff-unauthorized', key: 'cloud.forbidden' } });
  t.like(toSessionEvents(failed('not-found'), 1, 5, false)[0], { error: { kind: 'patient-unknown' } });
  t.like(toSessionEvents(failed('schema'), 1, 5, false)[0], { error: { kind: 'schema', key: 'cloud.schema' } });
});

test('offline: with nothing shown yet, the partial data goes first, then the offline notice', (t) => {
  const error = new CloudError({ kind: 'timeout', endpoint: 'imue0040s02', ms: 8000 });
  const event: LookupEvent = { type: 'offline', error, history, analysis, fetchedAt, missing: ['imue0040s02'] };
  t.deepEqual(toSessionEvents(event, 3, 9, false).map((e) => e.type), ['lookup-cached', 'lookup-offline']);
  t.deepEqual(toSessionEvents(event, 3, 9, true).map((e) => e.type), ['lookup-offline']);
  t.deepEqual(toSessionEvents({ type: 'offline', error }, 3, 9, false).map((e) => e.type), ['lookup-offline']);
});

test('the care-list Web API answer travels with the data; no answer, no field', (t) => {
  const careList = { source: 'api' as const, onList: true, exeUrl: 'http://127.0.0.1/imu/imue1000?type=ies&AUDIT_SEQ=1' };
  t.like(toSessionEvents({ type: 'fresh', history, analysis, fetchedAt, missing: [], careList }, 3, 9, true)[0], { type: 'lookup-fresh', data: { careList } });
  const fallback = { source: 'rows' as const, failure: 'timeout' };
  t.like(toSessionEvents({ type: 'fresh', history, analysis, fetchedAt, missing: [], careList: fallback }, 3, 9, true)[0], { data: { careList: fallback } });
  const cached = toSessionEvents({ type: 'cached', history, analysis, fetchedAt, missing: [], careList: null }, 3, 9, false)[0];
  t.false(cached?.type === 'lookup-cached' && 'careList' in cached.data);
});
