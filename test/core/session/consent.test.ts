import test from 'ava';
import { PATIENT_READER, STAFF_READER, atConsent, deck, nonAudit, run } from './flow.ts';
import { findPatient } from '../../../src/demo/deck.ts';

test('a card without PIN: staff confirm verbal consent with one key and the lookup starts', (t) => {
  const state = atConsent('P001');
  t.is(state.phase.name, 'consent');
  const r = run(state, [{ type: 'verbal-consent', at: 3000 }]);
  t.is(r.state.phase.name, 'loading');
  const start = nonAudit(r.effects)[0];
  t.like(start, { type: 'start-lookup', lookupId: 1, consent: 'verbal', staffReader: STAFF_READER, patientReader: PATIENT_READER });
  t.is(start?.type === 'start-lookup' ? start.target.nationalId : null, findPatient(deck, 'P001')?.nationalId ?? 'missing');
  t.like(r.audits.at(-1), { action: 'lookup-start', consent: 'verbal', to: 'loading' });
});

test('a card with a PIN (P002) refuses verbal consent; the patient PIN goes out once and the lookup starts', (t) => {
  const state = atConsent('P002');
  const refused = run(state, [{ type: 'verbal-consent', at: 3000 }]);
  t.is(refused.state.phase.name, 'consent');
  t.like(refused.audits[0], { outcome: 'verbal-refused-pin-set' });
  const pin = findPatient(deck, 'P002')?.pin ?? '';
  const r = run(state, [
    { type: 'patient-pin-entered', at: 3000, pin },
    { type: 'pin-result', at: 3010, who: 'patient', ok: true, triesLeft: 3, blocked: false },
  ]);
  t.deepEqual(nonAudit(r.effects)[0], { type: 'verify-pin', who: 'patient', reader: PATIENT_READER, pin });
  t.like(nonAudit(r.effects)[1], { type: 'start-lookup', consent: 'pin' });
  t.false(JSON.stringify(r.state).includes(pin));
});

test('a wrong patient PIN leaves tries; the last one locks the card PIN', (t) => {
  const state = atConsent('P002');
  const wrong = run(state, [
    { type: 'patient-pin-entered', at: 3000, pin: '111111' },
    { type: 'pin-result', at: 3010, who: 'patient', ok: false, triesLeft: 1, blocked: false },
  ]);
  t.is(wrong.state.phase.name, 'consent');
  t.deepEqual(wrong.state.notice?.facts, { tries: 1 });
  const locked = run(wrong.state, [
    { type: 'patient-pin-entered', at: 3020, pin: '222222' },
    { type: 'pin-result', at: 3030, who: 'patient', ok: false, triesLeft: 0, blocked: true },
  ]);
  t.is(locked.state.notice?.key, 'error.patient-pin-locked');
  t.true(locked.state.phase.name === 'consent' && locked.state.phase.patient.pinBlocked);
});

test('P009: a blocked card PIN cannot give consent by PIN or by voice; Esc goes back', (t) => {
  t.true(findPatient(deck, 'P009')?.pinBlocked);
  const state = atConsent('P009');
  t.is(state.notice?.key, 'error.patient-pin-locked');
  const r = run(state, [
    { type: 'patient-pin-entered', at: 3000, pin: '123456' },
    { type: 'verbal-consent', at: 3001 },
  ]);
  t.deepEqual(nonAudit(r.effects), []);
  t.is(r.state.phase.name, 'consent');
  const back = run(state, [{ type: 'cancel', at: 3002 }]);
  t.is(back.state.phase.name, 'ready');
  t.is(back.state.notice?.key, 'notice.cancelled');
});

test('a re-inserted card with a locked PIN shows the lock notice as soon as it is read', (t) => {
  const r = run(atConsent('P001'), [{ type: 'card-removed', at: 2500, reader: PATIENT_READER }]);
  t.is(r.state.phase.name, 'ready');
  const again = run(r.state, [
    { type: 'card-inserted', at: 2600, reader: PATIENT_READER, kind: 'patient' },
    {
      type: 'patient-profile-read',
      at: 2610,
      reader: PATIENT_READER,
      profile: { nationalId: 'A123456789', name: '測試', birthDate: '1950-01-01', sex: 'M', cardNumber: null, pinSet: true, pinTriesLeft: 0, pinBlocked: true },
    },
  ]);
  t.is(again.state.notice?.key, 'error.patient-pin-locked');
});
