import test from 'ava';
import { initialSession } from '../../../src/core/session/index.ts';
import { STAFF_READER, PATIENT_READER, nonAudit, run, staffPin, staffProfile, patientProfile } from './flow.ts';

test('a staff card asks for its PIN; the PIN leaves in one verify effect and is not kept in state', (t) => {
  const pin = staffPin('S01');
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 3, pin },
  ]);
  t.deepEqual(nonAudit(r.effects), [
    { type: 'read-staff-card', reader: STAFF_READER },
    { type: 'verify-pin', who: 'staff', reader: STAFF_READER, pin },
  ]);
  t.is(r.state.phase.name, 'staff-pin');
  t.false(JSON.stringify(r.state).includes(pin));
  const done = run(r.state, [{ type: 'pin-result', at: 4, who: 'staff', ok: true, triesLeft: 3, blocked: false }]);
  t.is(done.state.phase.name, 'ready');
  t.is(done.state.staff?.profile.name, staffProfile('S01').name);
  t.false(JSON.stringify(done.state).includes(pin));
  t.true(done.audits.some((a) => a.action === 'staff-login' && a.outcome === 'ok'));
});

test('a wrong PIN with tries left stays on the PIN screen and says how many tries remain', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S02') },
    { type: 'staff-pin-entered', at: 3, pin: '000000' },
    { type: 'pin-result', at: 4, who: 'staff', ok: false, triesLeft: 2, blocked: false },
  ]);
  t.is(r.state.phase.name, 'staff-pin');
  t.deepEqual(r.state.notice, { kind: 'pin-wrong', key: 'error.pin-wrong', facts: { tries: 2 } });
  t.is(r.state.phase.name === 'staff-pin' && r.state.phase.profile.pinTriesLeft, 2);
  t.is(r.state.staff, null);
  t.true(r.audits.some((a) => a.outcome === 'pin-wrong'));
});

test('the last wrong PIN locks the staff card (9043) until it is removed', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S02', 1) },
    { type: 'staff-pin-entered', at: 3, pin: '000000' },
    { type: 'pin-result', at: 4, who: 'staff', ok: false, triesLeft: 0, blocked: true },
  ]);
  t.is(r.state.phase.name, 'staff-locked');
  t.is(r.state.notice?.key, 'error.staff-pin-locked');
  const more = run(r.state, [{ type: 'staff-pin-entered', at: 5, pin: '123456' }]);
  t.deepEqual(nonAudit(more.effects), [], 'a locked card gets no more VERIFY');
  const out = run(r.state, [{ type: 'card-removed', at: 6, reader: STAFF_READER }]);
  t.is(out.state.phase.name, 'idle');
});

test('a card that reports zero tries left is locked before any PIN is typed', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S03', 0) },
  ]);
  t.is(r.state.phase.name, 'staff-locked');
});

test('a PIN that is not 6–8 digits never reaches the card, so no try is burnt', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 3, pin: '12a4' },
  ]);
  t.deepEqual(nonAudit(r.effects), [{ type: 'read-staff-card', reader: STAFF_READER }]);
  t.is(r.state.notice?.key, 'error.pin-format');
  t.false(r.state.phase.name === 'staff-pin' && r.state.phase.verifying);
});

test('a patient card inserted before the staff card asks for staff first (4014) and is read after login', (t) => {
  const first = run(initialSession(), [{ type: 'card-inserted', at: 1, reader: PATIENT_READER, kind: 'patient' }]);
  t.is(first.state.notice?.key, 'notice.staff-first');
  t.is(first.state.phase.name, 'idle');
  const r = run(first.state, [
    { type: 'card-inserted', at: 2, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 3, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 4, pin: staffPin('S01') },
    { type: 'pin-result', at: 5, who: 'staff', ok: true, triesLeft: 3, blocked: false },
  ]);
  t.is(r.state.phase.name, 'patient-reading');
  t.deepEqual(nonAudit(r.effects).at(-1), { type: 'read-patient-card', reader: PATIENT_READER });
  const consent = run(r.state, [{ type: 'patient-profile-read', at: 6, reader: PATIENT_READER, profile: patientProfile('P001') }]);
  t.is(consent.state.phase.name, 'consent');
});

test('an unreadable staff card returns to idle with a read error (4000)', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'card-read-failed', at: 2, reader: STAFF_READER, error: { kind: 'card-mute' } },
  ]);
  t.is(r.state.phase.name, 'idle');
  t.is(r.state.notice?.key, 'notice.card-read-failed');
  t.is(r.state.notice?.kind, 'card-mute');
});

test('an unknown card and a SAM do not start a login; the SAM shows as present on the idle screen', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: 'Reader 2', kind: 'sam' },
    { type: 'card-inserted', at: 2, reader: PATIENT_READER, kind: 'unknown' },
  ]);
  t.true(r.state.devices.sam);
  t.is(r.state.phase.name, 'idle');
  t.is(r.state.notice?.key, 'notice.card-unknown');
  t.false(run(r.state, [{ type: 'card-removed', at: 3, reader: 'Reader 2' }]).state.devices.sam);
});

test('a VERIFY that times out (4000) lets the PIN be typed again; it is not counted as wrong', (t) => {
  const r = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 3, pin: staffPin('S01') },
    { type: 'card-read-failed', at: 4, reader: STAFF_READER, error: { kind: 'reader-timeout:4000' } },
  ]);
  t.like(r.state.phase, { name: 'staff-pin', verifying: false, profile: { pinTriesLeft: 3 } });
  t.is(r.state.notice?.key, 'notice.card-read-failed');
  t.like(r.audits.at(-1), { outcome: 'reader-timeout:4000' });
  const again = run(r.state, [{ type: 'staff-pin-entered', at: 5, pin: staffPin('S01') }]);
  t.is(nonAudit(again.effects)[0]?.type, 'verify-pin');
});
