import test from 'ava';
import { DEFAULT_KIOSK_SETTINGS, initialSession, sessionReducer, type SessionEvent } from '../../../src/core/session/index.ts';
import { PATIENT_READER, STAFF_READER, deck, loggedIn, nonAudit, patientData, patientProfile, run, staffPin, staffProfile } from './flow.ts';
import { findPatient } from '../../../src/demo/deck.ts';

test('only the institution administrator (S01) opens and saves settings', (t) => {
  const other = run(loggedIn('S02'), [
    { type: 'open-overlay', at: 5000, overlay: 'settings' },
    { type: 'settings-save', at: 5001, settings: { ...DEFAULT_KIOSK_SETTINGS, idleTimeoutSeconds: 60 } },
  ]);
  t.is(other.state.overlay, null);
  t.is(other.state.notice?.key, 'error.not-admin');
  t.deepEqual(nonAudit(other.effects), []);
  t.is(other.audits.length, 2);
  const admin = run(loggedIn('S01'), [
    { type: 'open-overlay', at: 5000, overlay: 'settings' },
    { type: 'settings-save', at: 5001, settings: { ...DEFAULT_KIOSK_SETTINGS, idleTimeoutSeconds: 60, lang: 'en' } },
  ]);
  t.deepEqual(nonAudit(admin.effects), [{ type: 'save-settings', settings: { ...DEFAULT_KIOSK_SETTINGS, idleTimeoutSeconds: 60, lang: 'en' } }]);
  t.is(admin.state.settings.idleTimeoutSeconds, 60);
  t.is(admin.state.overlay, null);
});

test('settings out of bounds are refused (an idle timeout of 1 s, a refill window over 10 days)', (t) => {
  for (const bad of [{ idleTimeoutSeconds: 1 }, { refillWindowDays: 11 }, { duplicateThresholdDays: 0 }]) {
    const r = run(loggedIn('S01'), [{ type: 'settings-save', at: 5000, settings: { ...DEFAULT_KIOSK_SETTINGS, ...bad } }]);
    t.deepEqual(nonAudit(r.effects), []);
    t.like(r.audits[0], { outcome: 'invalid' });
  }
});

test('a refill holiday is saved when NHIA could have announced it, refused when it could not', (t) => {
  const holiday = { from: '2027-02-05', to: '2027-02-14', windowDays: 14 };
  for (const good of [holiday, { ...holiday, windowDays: 10, fromDaysBeforeStart: 10 }, null]) {
    const r = run(loggedIn('S01'), [{ type: 'settings-save', at: 5000, settings: { ...DEFAULT_KIOSK_SETTINGS, refillHoliday: good } }]);
    t.deepEqual(r.state.settings.refillHoliday, good);
  }
  const bad = [
    { ...holiday, to: '2027-02-04' }, // ends before it starts
    { ...holiday, to: '2027-03-31' }, // longer than a month
    { ...holiday, windowDays: 25 },
    { ...holiday, fromDaysBeforeStart: 0 },
    { ...holiday, from: 'soon' },
  ];
  for (const refillHoliday of bad) {
    const r = run(loggedIn('S01'), [{ type: 'settings-save', at: 5000, settings: { ...DEFAULT_KIOSK_SETTINGS, refillHoliday } }]);
    t.deepEqual(nonAudit(r.effects), [], JSON.stringify(refillHoliday));
    t.like(r.audits[0], { outcome: 'invalid' });
  }
});

test('the diagnostics overlay opens for anyone and Esc closes it first', (t) => {
  const r = run(initialSession(), [{ type: 'open-overlay', at: 1, overlay: 'diagnostics' }]);
  t.is(r.state.overlay, 'diagnostics');
  t.is(run(r.state, [{ type: 'cancel', at: 2 }]).state.overlay, null);
});

test('every phase change of a full session yields an audit entry, none with a clear ID, name or PIN', (t) => {
  const p = findPatient(deck, 'P002');
  const events: SessionEvent[] = [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 3, pin: staffPin('S01') },
    { type: 'pin-result', at: 4, who: 'staff', ok: true, triesLeft: 3, blocked: false },
    { type: 'card-inserted', at: 5, reader: PATIENT_READER, kind: 'patient' },
    { type: 'patient-profile-read', at: 6, reader: PATIENT_READER, profile: patientProfile('P002') },
    { type: 'patient-pin-entered', at: 7, pin: p?.pin ?? '' },
    { type: 'pin-result', at: 8, who: 'patient', ok: true, triesLeft: 3, blocked: false },
    { type: 'lookup-fresh', at: 9, lookupId: 1, data: patientData() },
    { type: 'card-removed', at: 10, reader: PATIENT_READER },
    { type: 'card-removed', at: 11, reader: STAFF_READER },
  ];
  let state = initialSession();
  const audits = [];
  for (const event of events) {
    const before = state.phase.name;
    const result = sessionReducer(state, event);
    state = result.state;
    const audit = result.effects.filter((e) => e.type === 'audit');
    if (before !== state.phase.name) t.is(audit.length, 1, `${event.type}: ${before} → ${state.phase.name} is audited`);
    audits.push(...audit);
  }
  const text = JSON.stringify(audits);
  for (const secret of [p?.nationalId, p?.name, p?.pin, staffPin('S01'), staffProfile('S01').staffId, staffProfile('S01').name]) {
    t.false(text.includes(String(secret)));
  }
  t.true(audits.length >= 8);
});

test('quiet events (key presses, ticks, progress, device status) leave no audit rows; a PIN submission does, without the PIN', (t) => {
  const quiet = run(loggedIn(), [
    { type: 'key-activity', at: 5000 },
    { type: 'tick', at: 5001 },
    { type: 'devices', at: 5002, status: { network: 'online' } },
  ]);
  t.deepEqual(quiet.audits, []);
  const submitted = run(initialSession(), [
    { type: 'card-inserted', at: 1, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 2, reader: STAFF_READER, profile: staffProfile('S01') },
    { type: 'staff-pin-entered', at: 3, pin: staffPin('S01') },
  ]);
  t.like(submitted.audits.at(-1), { action: 'staff-pin-entered', from: 'staff-pin', to: 'staff-pin' });
  t.false(JSON.stringify(submitted.audits).includes(staffPin('S01')));
});
