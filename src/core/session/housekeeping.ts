// Two records the kiosk keeps without anyone asking: the care-list open (NHI 特定管制用藥(關懷名單)
// 開啟率, 醫審及藥材組 114.11.06: the 特定管制用藥 tab shown with data counts as opened, once per
// staff member per patient per visit) and the daily purge of expired cache snapshots on a
// kiosk that runs for weeks (the cache's cacheTtlDays setting).
import { taipeiDayNumber } from '../report/period.ts';
import { onCareList } from './care-list.ts';
import { unchanged, type Step } from './state.ts';
import type { SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

/**
 * The tab is on screen with the patient's data, and the patient is on the care list: the
 * care-list Web API said so, or (without its answer) the cloud sent 關懷名單 dispensings
 * (imue0009s02/s03 hold rows only for care-list patients). A look-up
 * is one visit at the counter, and its staff member cannot change without clearing the patient,
 * so remembering the look-up id is enough to record it once.
 */
export function tabShown(state: SessionState, event: Ev<'tab-shown'>): Step {
  const phase = state.phase;
  const staff = state.staff;
  if (event.tab !== 'controlled' || phase.name !== 'patient-view' || !staff) return unchanged(state);
  if (state.careListOpenedFor === phase.lookupId) return unchanged(state);
  if (!onCareList(phase.data)) return unchanged(state);
  return {
    state: { ...state, careListOpenedFor: phase.lookupId },
    effects: [{ type: 'care-list-open', at: event.at, staff: { staffId: staff.profile.staffId, role: staff.profile.role }, patientId: phase.target.nationalId }],
  };
}

/**
 * The first tick only notes the day (the cache was just opened); each new Taipei day purges once.
 * No audit row here: whoever runs the purge records it once, with what it removed or why it failed.
 */
export function dailyPurge(state: SessionState, event: Ev<'tick'>): Step {
  const day = taipeiDayNumber(event.at);
  if (state.purgeDay === day) return unchanged(state);
  const next = { ...state, purgeDay: day };
  if (state.purgeDay === null) return unchanged(next);
  return { state: next, effects: [{ type: 'purge-expired' }] };
}
