// Card insert/remove and the profiles read from them. The staff card logs staff in and
// out; a patient card starts (or, 「換卡」, restarts) a lookup without a new staff login.
import { cancelEffects, clearPatient, go, notice, unchanged, type Step } from './state.ts';
import type { SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

const STAFF_PHASES = new Set(['staff-reading', 'staff-pin', 'staff-locked']);

/** The reader holding the patient card the current phase is about, if any. */
function patientReaderOf(state: SessionState): string | null {
  const phase = state.phase;
  switch (phase.name) {
    case 'patient-reading':
    case 'consent':
      return phase.reader;
    case 'loading':
    case 'patient-view':
    case 'lookup-failed':
      return phase.reader;
    default:
      return null;
  }
}

/** Begin reading a patient card; any lookup in flight is cancelled and its data dropped. */
export function readPatientCard(state: SessionState, reader: string, at: number): Step {
  return {
    state: go({ ...state, overlay: null }, { name: 'patient-reading', reader }, at),
    effects: [...cancelEffects(state.phase), { type: 'read-patient-card', reader }],
  };
}

export function cardInserted(state: SessionState, event: Ev<'card-inserted'>): Step {
  const cards = { ...state.cards, [event.reader]: event.kind };
  const next: SessionState = { ...state, cards };
  switch (event.kind) {
    case 'sam':
      return unchanged({ ...next, devices: { ...next.devices, sam: true } });
    case 'unknown':
      return unchanged({ ...next, notice: notice('notice.card-unknown', 'card-unknown') });
    case 'staff':
      if (next.staff || next.phase.name !== 'idle') return unchanged(next);
      return { state: go(next, { name: 'staff-reading', reader: event.reader }, event.at), effects: [{ type: 'read-staff-card', reader: event.reader }] };
    case 'patient':
      // The NHI flow needs the staff card first (control-software code 4014); the card is
      // remembered and read as soon as staff have logged in.
      if (!next.staff) return unchanged({ ...next, notice: notice('notice.staff-first', 'staff-first') });
      if (next.phase.name === 'staff-refused') return unchanged(next);
      return readPatientCard(next, event.reader, event.at);
  }
}

export function cardRemoved(state: SessionState, event: Ev<'card-removed'>): Step {
  const kind = state.cards[event.reader];
  const cards = { ...state.cards };
  delete cards[event.reader];
  const next: SessionState = { ...state, cards, devices: kind === 'sam' ? { ...state.devices, sam: false } : state.devices };
  const phase = next.phase;
  const staffReader = next.staff?.reader ?? (STAFF_PHASES.has(phase.name) && 'reader' in phase ? phase.reader : null);
  if (staffReader === event.reader) {
    // Staff card out = logged out, and with it every patient on screen.
    const shown = next.staff ? notice('notice.staff-card-removed', 'staff-card-removed') : null;
    return { state: go({ ...next, staff: null, overlay: null }, { name: 'idle' }, event.at, shown), effects: cancelEffects(phase) };
  }
  if (patientReaderOf(next) === event.reader) {
    return clearPatient(next, event.at, notice('notice.patient-card-removed', 'patient-card-removed'));
  }
  return unchanged(next);
}

export function staffProfileRead(state: SessionState, event: Ev<'staff-profile-read'>): Step {
  const phase = state.phase;
  if (phase.name !== 'staff-reading' || phase.reader !== event.reader) return unchanged(state);
  if (event.profile.pinTriesLeft <= 0) {
    return { state: go(state, { name: 'staff-locked', reader: event.reader }, event.at, notice('error.staff-pin-locked', 'staff-pin-locked')), effects: [] };
  }
  return { state: go(state, { name: 'staff-pin', reader: event.reader, profile: event.profile, verifying: false }, event.at), effects: [] };
}

export function patientProfileRead(state: SessionState, event: Ev<'patient-profile-read'>): Step {
  const phase = state.phase;
  if (phase.name !== 'patient-reading' || phase.reader !== event.reader) return unchanged(state);
  const patient = event.profile;
  const shown = patient.pinSet && patient.pinBlocked ? notice('error.patient-pin-locked', 'patient-pin-locked') : null;
  return { state: go(state, { name: 'consent', reader: event.reader, patient, verifying: false }, event.at, shown), effects: [] };
}

export function cardReadFailed(state: SessionState, event: Ev<'card-read-failed'>): Step {
  const phase = state.phase;
  const shown = notice('notice.card-read-failed', event.error.kind);
  if (phase.name === 'staff-reading' && phase.reader === event.reader) {
    return { state: go(state, { name: 'idle' }, event.at, shown), effects: [] };
  }
  if (phase.name === 'patient-reading' && phase.reader === event.reader) return clearPatient(state, event.at, shown);
  // A VERIFY that got no answer (reader timeout) is not a wrong PIN: the PIN may be typed again.
  if ((phase.name === 'staff-pin' || phase.name === 'consent') && phase.verifying && phase.reader === event.reader) {
    return { state: { ...state, phase: { ...phase, verifying: false }, notice: shown }, effects: [], audit: { outcome: event.error.kind } };
  }
  return unchanged(state);
}
