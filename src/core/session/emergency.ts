// 緊急查詢: no patient card (unconscious patient, forgotten card). Staff types the national
// ID and birth date and must give a reason; the lookup is audited with that reason.
import { parseDate } from '../domain/dates.ts';
import { isValidNationalId } from '../domain/national-id.ts';
import { startLookup } from './lookup.ts';
import { cancelEffects, go, notice, unchanged, type Step } from './state.ts';
import type { SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

const MIN_REASON_LENGTH = 2;

export function emergencyOpen(state: SessionState, event: Ev<'emergency-open'>): Step {
  if (!state.staff) return { state: { ...state, notice: notice('error.emergency-not-allowed', 'emergency-not-allowed') }, effects: [], audit: { outcome: 'refused' } };
  if (state.phase.name === 'emergency' || state.phase.name === 'staff-refused') return unchanged(state);
  return { state: go({ ...state, overlay: null }, { name: 'emergency' }, event.at), effects: cancelEffects(state.phase) };
}

export function emergencySubmit(state: SessionState, event: Ev<'emergency-submit'>): Step {
  if (state.phase.name !== 'emergency') return unchanged(state);
  const nationalId = event.nationalId.trim().toUpperCase();
  const reason = event.reason.trim();
  const birthDate = parseDate(event.birthDate.trim());
  const refuse = (key: 'error.emergency-id' | 'error.emergency-birth' | 'error.emergency-reason', kind: string): Step => ({
    state: { ...state, notice: notice(key, kind) },
    effects: [],
    audit: { action: 'emergency-refused', outcome: kind, reason: reason || null },
  });
  if (!isValidNationalId(nationalId)) return refuse('error.emergency-id', 'emergency-bad-id');
  if (!birthDate) return refuse('error.emergency-birth', 'emergency-bad-birth');
  if ([...reason].length < MIN_REASON_LENGTH) return refuse('error.emergency-reason', 'emergency-no-reason');
  const target = { nationalId, birthDate, name: null, sex: null, cardNumber: null };
  return startLookup(state, { target, reader: null }, 'emergency', event.at, reason);
}
