import test from 'ava';
import { PATIENT_READER, STAFF_READER, loading, mentions, nonAudit, patientData, patientProfile, run } from './flow.ts';
import type { SessionState } from '../../../src/core/session/index.ts';

function viewing(patientId = 'P001'): SessionState {
  return run(loading(patientId), [{ type: 'lookup-fresh', at: 3000, lookupId: 1, data: patientData() }]).state;
}


test('pulling the patient card mid-load cancels the lookup and keeps nothing of the patient', (t) => {
  const r = run(loading(), [{ type: 'card-removed', at: 2100, reader: PATIENT_READER }]);
  t.is(r.state.phase.name, 'ready');
  t.deepEqual(nonAudit(r.effects), [{ type: 'cancel-lookup', lookupId: 1 }]);
  t.is(r.state.notice?.key, 'notice.patient-card-removed');
  t.false(mentions(r.state, 'P001'));
  const late = run(r.state, [{ type: 'lookup-fresh', at: 2200, lookupId: 1, data: patientData() }]);
  t.is(late.state.phase.name, 'ready', 'the late answer does not bring the patient back');
});

test('removing the patient card from the view clears the patient; staff stay logged in', (t) => {
  const state = viewing();
  t.true(mentions(state, 'P001'));
  const r = run(state, [{ type: 'card-removed', at: 4000, reader: PATIENT_READER }]);
  t.is(r.state.phase.name, 'ready');
  t.not(r.state.staff, null);
  t.false(mentions(r.state, 'P001'));
  t.like(r.audits.at(-1), { from: 'patient-view', to: 'ready', outcome: 'patient-card-removed' });
});

test('idle timeout: 90 s without a key clears the patient; a key press restarts the count', (t) => {
  const state = viewing();
  t.is(run(state, [{ type: 'tick', at: 3000 + 89_999 }]).state.phase.name, 'patient-view');
  const kept = run(state, [
    { type: 'key-activity', at: 3000 + 60_000 },
    { type: 'tick', at: 3000 + 120_000 },
  ]);
  t.is(kept.state.phase.name, 'patient-view');
  const r = run(state, [{ type: 'tick', at: 3000 + 90_000 }]);
  t.is(r.state.phase.name, 'ready');
  t.is(r.state.notice?.key, 'notice.idle-timeout');
  t.false(mentions(r.state, 'P001'));
});

test('the idle timeout is configurable', (t) => {
  const state = { ...viewing(), settings: { ...viewing().settings, idleTimeoutSeconds: 30 } };
  t.is(run(state, [{ type: 'tick', at: 3000 + 30_000 }]).state.phase.name, 'ready');
});

test('fresh data behind a cached view does not reset the idle clock', (t) => {
  const cached = run(loading(), [{ type: 'lookup-cached', at: 2050, lookupId: 1, data: { ...patientData(), source: 'cache' } }]).state;
  const r = run(cached, [
    { type: 'lookup-fresh', at: 50_000, lookupId: 1, data: patientData() },
    { type: 'tick', at: 2050 + 90_000 },
  ]);
  t.is(r.state.phase.name, 'ready');
});

test('換卡: a new patient card starts a new lookup without a new staff login', (t) => {
  const state = viewing('P001');
  const r = run(state, [
    { type: 'card-removed', at: 4000, reader: PATIENT_READER },
    { type: 'card-inserted', at: 4100, reader: PATIENT_READER, kind: 'patient' },
    { type: 'patient-profile-read', at: 4110, reader: PATIENT_READER, profile: patientProfile('P003') },
    { type: 'verbal-consent', at: 4120 },
  ]);
  t.is(r.state.phase.name, 'loading');
  t.true(r.state.phase.name === 'loading' && r.state.phase.lookupId === 2);
  t.false(nonAudit(r.effects).some((e) => e.type === 'read-staff-card' || e.type === 'verify-pin'));
  t.false(mentions(r.state, 'P001'));
});

test('換卡 in a second reader while a cached view still refreshes cancels that refresh', (t) => {
  const cached = run(loading(), [{ type: 'lookup-cached', at: 2050, lookupId: 1, data: { ...patientData(), source: 'cache' } }]).state;
  const r = run(cached, [{ type: 'card-inserted', at: 2100, reader: 'Reader 2', kind: 'patient' }]);
  t.is(r.state.phase.name, 'patient-reading');
  t.deepEqual(nonAudit(r.effects), [{ type: 'cancel-lookup', lookupId: 1 }, { type: 'read-patient-card', reader: 'Reader 2' }]);
  t.false(mentions(r.state, 'P001'));
});

test('removing the staff card logs staff out and clears the patient', (t) => {
  const r = run(viewing(), [{ type: 'card-removed', at: 4000, reader: STAFF_READER }]);
  t.is(r.state.phase.name, 'idle');
  t.is(r.state.staff, null);
  t.is(r.state.notice?.key, 'notice.staff-card-removed');
  t.false(mentions(r.state, 'P001'));
  t.like(r.audits.at(-1), { from: 'patient-view', to: 'idle' });
});

test('closing the patient (F4) clears it; logout with the card still in asks for the PIN again', (t) => {
  const closed = run(viewing(), [{ type: 'close-patient', at: 4000 }]);
  t.is(closed.state.phase.name, 'ready');
  t.false(mentions(closed.state, 'P001'));
  const out = run(viewing(), [{ type: 'logout', at: 4000 }]);
  t.is(out.state.phase.name, 'staff-reading');
  t.is(out.state.staff, null);
  t.deepEqual(nonAudit(out.effects), [{ type: 'read-staff-card', reader: STAFF_READER }]);
});

test('Esc while loading cancels the lookup', (t) => {
  const r = run(loading(), [{ type: 'cancel', at: 2100 }]);
  t.is(r.state.phase.name, 'ready');
  t.deepEqual(nonAudit(r.effects), [{ type: 'cancel-lookup', lookupId: 1 }]);
});
