import test from 'ava';
import { PATIENT_READER, loading, mentions, nonAudit, patientData, run } from './flow.ts';

const duplicate = { severity: 'critical' as const, key: 'duplicate.L1', facts: { drug: 'X' } };

test('per-endpoint progress shows while loading; fresh data opens the patient view with its latency audited', (t) => {
  const r = run(loading(), [
    { type: 'lookup-progress', at: 2030, lookupId: 1, endpoint: 'imue0008s02', state: 'loading' },
    { type: 'lookup-progress', at: 2040, lookupId: 1, endpoint: 'imue0040s02', state: 'done' },
  ]);
  t.true(r.state.phase.name === 'loading' && r.state.phase.progress.imue0008s02 === 'loading');
  t.true(r.state.phase.name === 'loading' && r.state.phase.progress.imue0040s02 === 'done');
  const view = run(r.state, [{ type: 'lookup-fresh', at: 2200, lookupId: 1, data: patientData([duplicate]) }]);
  t.is(view.state.phase.name, 'patient-view');
  t.is(view.state.notice, null);
  t.like(view.audits.at(-1), { from: 'loading', to: 'patient-view', outcome: 'fresh', latencyMs: 180, consent: 'verbal' });
});

test('a cache hit shows the cached view at once and keeps refreshing; fresh data then replaces it', (t) => {
  const cached = { ...patientData([], false, 500), source: 'cache' as const };
  const r = run(loading(), [{ type: 'lookup-cached', at: 2050, lookupId: 1, data: cached }]);
  t.true(r.state.phase.name === 'patient-view' && r.state.phase.refreshing);
  t.like(r.audits.at(-1), { outcome: 'cache-hit', latencyMs: 30 });
  const fresh = run(r.state, [{ type: 'lookup-fresh', at: 2300, lookupId: 1, data: patientData([duplicate]) }]);
  const phase = fresh.state.phase;
  t.true(phase.name === 'patient-view' && !phase.refreshing && phase.data.source === 'cloud');
  t.is(phase.name === 'patient-view' && phase.data.analysis.alerts.length, 1);
});

test('offline with a cache: the cached view stays with a stale banner', (t) => {
  const cached = { ...patientData([], false, 500), source: 'cache' as const };
  const r = run(loading(), [
    { type: 'lookup-cached', at: 2050, lookupId: 1, data: cached },
    { type: 'lookup-offline', at: 2100, lookupId: 1, error: { kind: 'network' } },
  ]);
  const phase = r.state.phase;
  t.is(phase.name, 'patient-view');
  t.true(phase.name === 'patient-view' && !phase.refreshing);
  t.is(phase.name === 'patient-view' && phase.offline?.key, 'error.offline-cache');
  t.is(phase.name === 'patient-view' && phase.offline?.kind, 'network');
});

test('offline without a cache ends in a clear failure, not an empty table', (t) => {
  const r = run(loading(), [{ type: 'lookup-offline', at: 2100, lookupId: 1, error: { kind: 'network' } }]);
  t.is(r.state.phase.name, 'lookup-failed');
  t.is(r.state.notice?.key, 'error.lookup-failed');
  t.like(r.audits.at(-1), { to: 'lookup-failed', outcome: 'network' });
});

test('查無資料: an empty history opens the view with the no-data notice', (t) => {
  const r = run(loading('P008'), [{ type: 'lookup-fresh', at: 2100, lookupId: 1, data: patientData([], true) }]);
  t.is(r.state.phase.name, 'patient-view');
  t.is(r.state.notice?.key, 'notice.no-data');
  t.like(r.audits.at(-1), { outcome: 'no-data' });
});

test('an unknown patient or birthday mismatch (404) names the cause', (t) => {
  const r = run(loading(), [{ type: 'lookup-failed', at: 2100, lookupId: 1, error: { kind: 'patient-unknown' } }]);
  t.is(r.state.notice?.key, 'error.patient-unknown');
});

test('unauthorized staff (403): the patient is dropped and the refusal stays until the staff card leaves', (t) => {
  const r = run(loading('P001', 'S06'), [{ type: 'lookup-failed', at: 2100, lookupId: 1, error: { kind: 'staff-unauthorized' } }]);
  t.is(r.state.phase.name, 'staff-refused');
  t.is(r.state.notice?.key, 'error.staff-unauthorized');
  t.false(mentions(r.state, 'P001'));
  const again = run(r.state, [
    { type: 'card-removed', at: 2200, reader: PATIENT_READER },
    { type: 'card-inserted', at: 2300, reader: PATIENT_READER, kind: 'patient' },
  ]);
  t.is(again.state.phase.name, 'staff-refused', 'a new patient card does not retry with the same staff');
  t.deepEqual(nonAudit(again.effects), []);
});

test('answers for an earlier lookup are ignored', (t) => {
  const r = run(loading(), [
    { type: 'lookup-fresh', at: 2100, lookupId: 7, data: patientData() },
    { type: 'lookup-progress', at: 2100, lookupId: 7, endpoint: 'imue0008s02', state: 'done' },
  ]);
  t.is(r.state.phase.name, 'loading');
  t.deepEqual(r.state.phase.name === 'loading' && r.state.phase.progress, {});
});
