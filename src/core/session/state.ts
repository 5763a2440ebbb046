// Small pure helpers every transition uses: the initial state, moving to a phase (with
// its notice), and clearing a patient so nothing about them stays in state.
import { maskNationalId } from '../domain/national-id.ts';
import type { SessionMessageKey } from './messages.ts';
import {
  DEFAULT_KIOSK_SETTINGS,
  type KioskSettings,
  type LookupErrorValue,
  type Phase,
  type SessionEffect,
  type SessionError,
  type SessionState,
} from './types.ts';

export interface Step {
  state: SessionState;
  effects: SessionEffect[];
  /** Ask for an audit entry even though the phase did not change (refusals, wrong PIN…). */
  audit?: { action?: string; outcome: string; reason?: string | null };
}

export function initialSession(settings: KioskSettings = DEFAULT_KIOSK_SETTINGS, at = 0): SessionState {
  return {
    settings,
    devices: { backend: 'unknown', readers: [], readersOk: false, readerMessage: null, sam: false, network: 'unknown', cache: 'unknown' },
    cards: {},
    staff: null,
    phase: { name: 'idle' },
    notice: null,
    overlay: null,
    reports: null,
    admin: null,
    careListOpenedFor: null,
    purgeDay: null,
    nextLookupId: 1,
    lastActivityAt: at,
  };
}

export function notice(key: SessionMessageKey, kind: string, facts?: Record<string, string | number>): SessionError {
  return facts ? { kind, key, facts } : { kind, key };
}

export function unchanged(state: SessionState): Step {
  return { state, effects: [] };
}

/** Enter a phase; the notice shown is the one given (the previous one is dropped). */
export function go(state: SessionState, phase: Phase, at: number, shown: SessionError | null = null): SessionState {
  return { ...state, phase, notice: shown, lastActivityAt: at };
}

/** The lookup this phase is waiting on, if any, so leaving it can cancel the fetch. */
export function pendingLookup(phase: Phase): number | null {
  if (phase.name === 'loading') return phase.lookupId;
  if (phase.name === 'patient-view' && phase.refreshing) return phase.lookupId;
  return null;
}

export function cancelEffects(phase: Phase): SessionEffect[] {
  const lookupId = pendingLookup(phase);
  return lookupId === null ? [] : [{ type: 'cancel-lookup', lookupId }];
}

/**
 * Drop the patient: back to 'ready' while staff is logged in, else 'idle'. The new state
 * holds no reference to the patient's profile, history or analysis (SPEC §4 privacy).
 */
export function clearPatient(state: SessionState, at: number, shown: SessionError | null): Step {
  const phase: Phase = state.staff ? { name: 'ready' } : { name: 'idle' };
  return { state: go({ ...state, overlay: null }, phase, at, shown), effects: cancelEffects(state.phase) };
}

/** Which patient the phase is about, masked: the only patient identity the audit sees. */
export function maskedPatientOf(phase: Phase): string | null {
  switch (phase.name) {
    case 'consent':
      return maskNationalId(phase.patient.nationalId);
    case 'loading':
    case 'patient-view':
    case 'lookup-failed':
      return maskNationalId(phase.target.nationalId);
    default:
      return null;
  }
}

const LOOKUP_ERROR_KEYS: Record<string, SessionMessageKey> = {
  'staff-unauthorized': 'error.staff-unauthorized',
  'patient-unknown': 'error.patient-unknown',
};

export function lookupError(error: LookupErrorValue): SessionError {
  return notice(LOOKUP_ERROR_KEYS[error.kind] ?? 'error.lookup-failed', error.kind);
}

/** Staff and patient card PINs are 6–8 digits; anything else never reaches the card. */
export function isPinShaped(pin: string): boolean {
  return /^[0-9]{6,8}$/.test(pin);
}
