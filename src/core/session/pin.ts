// PIN entry and consent. A PIN arrives in one event and leaves in one `verify-pin`
// effect; no state ever holds it (SPEC §4: PINs are not kept after the VERIFY).
import { readPatientCard } from './cards.ts';
import { startLookup } from './lookup.ts';
import { go, isPinShaped, notice, unchanged, type Step } from './state.ts';
import type { SessionEffect, SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

const PIN_FORMAT = notice('error.pin-format', 'pin-format');

export function staffPinEntered(state: SessionState, event: Ev<'staff-pin-entered'>): Step {
  const phase = state.phase;
  if (phase.name !== 'staff-pin' || phase.verifying) return unchanged(state);
  // A malformed PIN never reaches the card, so it cannot burn one of the card's tries.
  if (!isPinShaped(event.pin)) return { state: { ...state, notice: PIN_FORMAT }, effects: [], audit: { outcome: 'pin-format' } };
  return {
    state: { ...state, phase: { ...phase, verifying: true }, notice: null },
    effects: [{ type: 'verify-pin', who: 'staff', reader: phase.reader, pin: event.pin }],
  };
}

export function patientPinEntered(state: SessionState, event: Ev<'patient-pin-entered'>): Step {
  const phase = state.phase;
  if (phase.name !== 'consent' || phase.verifying || !phase.patient.pinSet || phase.patient.pinBlocked) return unchanged(state);
  if (!isPinShaped(event.pin)) return { state: { ...state, notice: PIN_FORMAT }, effects: [], audit: { outcome: 'pin-format' } };
  return {
    state: { ...state, phase: { ...phase, verifying: true }, notice: null },
    effects: [{ type: 'verify-pin', who: 'patient', reader: phase.reader, pin: event.pin }],
  };
}

export function pinResult(state: SessionState, event: Ev<'pin-result'>): Step {
  const phase = state.phase;
  if (event.who === 'staff') {
    if (phase.name !== 'staff-pin' || !phase.verifying) return unchanged(state);
    if (event.ok) return staffLoggedIn(state, phase, event);
    if (event.blocked || event.triesLeft <= 0) {
      return { state: go(state, { name: 'staff-locked', reader: phase.reader }, event.at, notice('error.staff-pin-locked', 'staff-pin-locked')), effects: [] };
    }
    const profile = { ...phase.profile, pinTriesLeft: event.triesLeft };
    const wrong = notice('error.pin-wrong', 'pin-wrong', { tries: event.triesLeft });
    return { state: { ...state, phase: { ...phase, profile, verifying: false }, notice: wrong }, effects: [], audit: { outcome: 'pin-wrong' } };
  }
  if (phase.name !== 'consent' || !phase.verifying) return unchanged(state);
  if (event.ok) return startLookup(state, phase, 'pin', event.at);
  if (event.blocked || event.triesLeft <= 0) {
    const patient = { ...phase.patient, pinBlocked: true, pinTriesLeft: 0 };
    const locked = notice('error.patient-pin-locked', 'patient-pin-locked');
    return { state: { ...state, phase: { ...phase, patient, verifying: false }, notice: locked }, effects: [], audit: { outcome: 'patient-pin-locked' } };
  }
  const patient = { ...phase.patient, pinTriesLeft: event.triesLeft };
  const wrong = notice('error.pin-wrong', 'pin-wrong', { tries: event.triesLeft });
  return { state: { ...state, phase: { ...phase, patient, verifying: false }, notice: wrong }, effects: [], audit: { outcome: 'pin-wrong' } };
}

/**
 * A valid staff PIN. The kiosk's own authorization list (機構使用者) decides what follows:
 * a disabled or unlisted holder is refused at the counter (the refusal stays until the card
 * is removed); on a kiosk with no administrator yet the holder becomes the first one
 * (`bootstrap` admin-op, audited `admin.bootstrap` by src/core/admin).
 */
function staffLoggedIn(state: SessionState, phase: Extract<SessionState['phase'], { name: 'staff-pin' }>, event: Ev<'pin-result'>): Step {
  const access = phase.profile.access;
  const firstSetup = access === 'first-setup';
  const profile = { ...phase.profile, pinTriesLeft: event.triesLeft, admin: phase.profile.admin || firstSetup };
  const staff = { reader: phase.reader, profile };
  if (access === 'disabled' || access === 'not-listed') {
    const refusal = notice(`error.staff-${access}`, `staff-${access}`);
    return { state: go({ ...state, staff }, { name: 'staff-refused', error: refusal }, event.at, refusal), effects: [], audit: { action: 'staff-login', outcome: `staff-${access}` } };
  }
  const bootstrap: SessionEffect[] = firstSetup ? [{ type: 'admin-op', op: { kind: 'bootstrap', name: profile.name }, actor: { staffId: profile.staffId, role: profile.role } }] : [];
  const loggedIn: SessionState = go({ ...state, staff }, { name: 'ready' }, event.at, firstSetup ? notice('notice.first-admin', 'first-admin') : null);
  const audit = { action: 'staff-login', outcome: firstSetup ? 'first-setup' : 'ok' };
  // A patient card that was already waiting in a reader is read right away.
  const waiting = Object.entries(state.cards).find(([, kind]) => kind === 'patient');
  if (waiting) {
    const next = readPatientCard(loggedIn, waiting[0], event.at);
    return { state: next.state, effects: [...bootstrap, ...next.effects], audit };
  }
  return { state: loggedIn, effects: bootstrap, audit };
}

/** Verbal consent, confirmed by staff with one key, only for cards without a PIN. */
export function verbalConsent(state: SessionState, event: Ev<'verbal-consent'>): Step {
  const phase = state.phase;
  if (phase.name !== 'consent' || phase.verifying) return unchanged(state);
  if (phase.patient.pinSet) return { state, effects: [], audit: { outcome: 'verbal-refused-pin-set' } };
  return startLookup(state, phase, 'verbal', event.at);
}
