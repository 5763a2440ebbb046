// The kiosk's own authorization list at login (機構使用者): first set-up makes the first
// PIN-verified card holder the administrator; disabled or unlisted holders are refused and
// the refusal stays until their card is removed.
import test from 'ava';
import { initialSession } from '../../../src/core/session/index.ts';
import type { StaffProfile } from '../../../src/core/session/index.ts';
import { STAFF_READER, PATIENT_READER, nonAudit, run, staffPin, staffProfile } from './flow.ts';

function login(profile: StaffProfile, waitingPatient = false) {
  return run(initialSession(), [
    ...(waitingPatient ? [{ type: 'card-inserted' as const, at: 0, reader: PATIENT_READER, kind: 'patient' as const }] : []),
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile },
    { type: 'staff-pin-entered', at: 3, pin: staffPin('S02') },
    { type: 'pin-result', at: 4, who: 'staff', ok: true, triesLeft: 3, blocked: false },
  ]);
}

test('first set-up: the holder is administrator after the PIN, and one bootstrap admin-op makes it stick', (t) => {
  const profile = { ...staffProfile('S02'), admin: false, access: 'first-setup' as const };
  const r = login(profile);
  t.is(r.state.phase.name, 'ready');
  t.true(r.state.staff?.profile.admin);
  t.is(r.state.notice?.key, 'notice.first-admin');
  t.deepEqual(nonAudit(r.effects).filter((e) => e.type === 'admin-op'), [
    { type: 'admin-op', op: { kind: 'bootstrap', name: profile.name }, actor: { staffId: profile.staffId, role: profile.role } },
  ]);
  t.true(r.audits.some((a) => a.action === 'staff-login' && a.outcome === 'first-setup'));
  // The new administrator may open administration at once.
  const open = run(r.state, [{ type: 'open-overlay', at: 5, overlay: 'admin' }]);
  t.is(open.state.overlay, 'admin');
});

test('first set-up with a patient card already waiting: bootstrap first, then the patient card is read', (t) => {
  const r = login({ ...staffProfile('S02'), admin: false, access: 'first-setup' }, true);
  t.deepEqual(nonAudit(r.effects).map((e) => e.type).slice(-2), ['admin-op', 'read-patient-card']);
  t.is(r.state.phase.name, 'patient-reading');
});

for (const access of ['not-listed', 'disabled'] as const) {
  test(`a ${access} holder is refused after the PIN; no patient card is read; the card out brings idle back`, (t) => {
    const r = login({ ...staffProfile('S02'), admin: false, access }, true);
    t.is(r.state.phase.name, 'staff-refused');
    t.deepEqual(r.state.notice, { kind: `staff-${access}`, key: `error.staff-${access}` });
    t.deepEqual(nonAudit(r.effects).filter((e) => e.type !== 'read-staff-card' && e.type !== 'verify-pin'), [], 'no look-up, no admin-op');
    t.true(r.audits.some((a) => a.action === 'staff-login' && a.outcome === `staff-${access}`));
    const overlay = run(r.state, [{ type: 'open-overlay', at: 5, overlay: 'admin' }]);
    t.is(overlay.state.overlay, null, 'no administration either');
    const patient = run(r.state, [{ type: 'card-inserted', at: 6, reader: 'Reader 2', kind: 'patient' }]);
    t.is(patient.state.phase.name, 'staff-refused');
    const out = run(r.state, [{ type: 'card-removed', at: 7, reader: STAFF_READER }]);
    t.is(out.state.phase.name, 'idle');
    t.is(out.state.staff, null);
  });
}

test('listed members and profiles without a local list log in as before', (t) => {
  for (const profile of [{ ...staffProfile('S02'), access: 'user' as const }, { ...staffProfile('S01'), access: 'admin' as const }, staffProfile('S03')]) {
    const r = login(profile);
    t.is(r.state.phase.name, 'ready');
    t.is(r.state.staff?.profile.admin, profile.admin);
    t.false(nonAudit(r.effects).some((e) => e.type === 'admin-op'));
    t.true(r.audits.some((a) => a.action === 'staff-login' && a.outcome === 'ok'));
  }
});
