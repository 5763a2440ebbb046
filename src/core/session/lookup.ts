// The lookup's life: started after consent, progress per endpoint, cached data first
// (cache-first display), fresh data replacing it, offline/failed endings. Events carry
// the lookupId they belong to, so a late answer for a previous patient is ignored.
import { cancelEffects, clearPatient, go, lookupError, notice, unchanged, type Step } from './state.ts';
import type { ConsentKind, LookupTarget, Phase, SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;
type ConsentPhase = Extract<Phase, { name: 'consent' }>;

export function startLookup(state: SessionState, from: ConsentPhase | { target: LookupTarget; reader: null }, consent: ConsentKind, at: number, reason: string | null = null): Step {
  const staff = state.staff;
  if (!staff) return unchanged(state);
  const target: LookupTarget =
    'patient' in from
      ? { nationalId: from.patient.nationalId, birthDate: from.patient.birthDate, name: from.patient.name, sex: from.patient.sex, cardNumber: from.patient.cardNumber }
      : from.target;
  const lookupId = state.nextLookupId;
  const phase: Phase = { name: 'loading', lookupId, target, consent, reader: from.reader, startedAt: at, progress: {} };
  return {
    state: go({ ...state, nextLookupId: lookupId + 1 }, phase, at),
    effects: [...cancelEffects(state.phase), { type: 'start-lookup', lookupId, target, consent, staffReader: staff.reader, patientReader: from.reader }],
    audit: { action: 'lookup-start', outcome: 'started', reason },
  };
}

function isCurrent(state: SessionState, lookupId: number): boolean {
  const phase = state.phase;
  return (phase.name === 'loading' || phase.name === 'patient-view') && phase.lookupId === lookupId;
}

export function lookupProgress(state: SessionState, event: Ev<'lookup-progress'>): Step {
  const phase = state.phase;
  if (phase.name !== 'loading' || phase.lookupId !== event.lookupId) return unchanged(state);
  return unchanged({ ...state, phase: { ...phase, progress: { ...phase.progress, [event.endpoint]: event.state } } });
}

export function lookupData(state: SessionState, event: Ev<'lookup-cached'> | Ev<'lookup-fresh'>): Step {
  if (!isCurrent(state, event.lookupId)) return unchanged(state);
  const phase = state.phase;
  if (phase.name !== 'loading' && phase.name !== 'patient-view') return unchanged(state);
  const fresh = event.type === 'lookup-fresh';
  // Cached data never overwrites fresh data that already arrived.
  if (!fresh && phase.name === 'patient-view') return unchanged(state);
  const shown = event.data.analysis.empty ? notice('notice.no-data', 'no-data') : null;
  const view: Phase = {
    name: 'patient-view',
    lookupId: phase.lookupId,
    target: phase.target,
    consent: phase.consent,
    reader: phase.reader,
    data: event.data,
    offline: null,
    refreshing: !fresh,
  };
  const outcome = fresh ? (event.data.analysis.empty ? 'no-data' : 'fresh') : 'cache-hit';
  // Fresh data behind a cached view must not reset the idle clock: only keys do that.
  const at = phase.name === 'patient-view' ? state.lastActivityAt : event.at;
  return { state: go(state, view, at, shown), effects: [], audit: { action: event.type, outcome } };
}

export function lookupOffline(state: SessionState, event: Ev<'lookup-offline'> | Ev<'lookup-failed'>): Step {
  if (!isCurrent(state, event.lookupId)) return unchanged(state);
  const phase = state.phase;
  if (event.error.kind === 'staff-unauthorized') {
    // 403: this staff member may not query for this institution at all; drop the
    // patient and keep the refusal on screen until the staff card is removed.
    const cleared = clearPatient(state, event.at, null);
    return { state: go(cleared.state, { name: 'staff-refused', error: lookupError(event.error) }, event.at, lookupError(event.error)), effects: cleared.effects };
  }
  if (phase.name === 'patient-view') {
    // Cache on screen, refresh failed: keep the data, say it is stale.
    const offline = notice('error.offline-cache', event.error.kind);
    return { state: { ...state, phase: { ...phase, offline, refreshing: false } }, effects: [], audit: { action: event.type, outcome: event.error.kind } };
  }
  if (phase.name !== 'loading') return unchanged(state);
  const error = lookupError(event.error);
  return { state: go(state, { name: 'lookup-failed', target: phase.target, reader: phase.reader, error }, event.at, error), effects: [] };
}
