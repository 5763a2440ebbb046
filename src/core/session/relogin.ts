// After logout the staff card is still in its reader: read it again and ask for the PIN.
import { go, type Step } from './state.ts';
import type { SessionState } from './types.ts';

export function readStaffCardAgain(state: SessionState, reader: string, at: number): Step {
  if (state.cards[reader] !== 'staff') return { state, effects: [] };
  return { state: go(state, { name: 'staff-reading', reader }, at, state.notice), effects: [{ type: 'read-staff-card', reader }] };
}
