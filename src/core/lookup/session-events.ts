// Look-up events → the kiosk session's events (src/core/session/types.ts), so the effect
// runner only has to stamp them with the lookupId and the time. Error kinds are renamed
// where the session words them itself: 403 → 'staff-unauthorized' (staff refused until the
// card is removed), 404 → 'patient-unknown'.
import type { EndpointState, LookupErrorValue, PatientData, SessionEvent } from '../session/types.ts';
import type { CloudError, EndpointState as CloudEndpointState } from '../cloud/index.ts';
import type { LookupEvent, ShownData } from './lookup.ts';

const STATES: Record<CloudEndpointState, EndpointState> = { pending: 'loading', retrying: 'loading', done: 'done', failed: 'failed' };

export function sessionError(error: CloudError): LookupErrorValue {
  const kind = error.kind === 'forbidden' ? 'staff-unauthorized' : error.kind === 'not-found' ? 'patient-unknown' : error.kind;
  return { kind, key: error.messageKey };
}

function dataOf(shown: ShownData, source: PatientData['source']): PatientData | null {
  // The session shows analysed data only; without an analysis (it failed) there is nothing to show.
  if (shown.analysis === null) return null;
  const data: PatientData = { history: shown.history, analysis: shown.analysis, fetchedAt: shown.fetchedAt.getTime(), source };
  return shown.careList ? { ...data, careList: shown.careList } : data;
}

/**
 * `shownCached`: whether this look-up already sent data to the session. An offline ending
 * with fresh parts but nothing shown yet first hands over those parts, then the offline notice.
 */
export function toSessionEvents(event: LookupEvent, lookupId: number, at: number, shownCached: boolean): SessionEvent[] {
  switch (event.type) {
    case 'progress':
      return [{ type: 'lookup-progress', at, lookupId, endpoint: event.endpoint, state: STATES[event.state] }];
    case 'cached': {
      const data = dataOf(event, 'cache');
      return data ? [{ type: 'lookup-cached', at, lookupId, data }] : [];
    }
    case 'fresh': {
      const data = dataOf(event, 'cloud');
      return data ? [{ type: 'lookup-fresh', at, lookupId, data }] : [{ type: 'lookup-failed', at, lookupId, error: { kind: 'analysis-failed' } }];
    }
    case 'offline': {
      const error = sessionError(event.error);
      const data = !shownCached && event.history && event.analysis && event.fetchedAt ? dataOf(event as ShownData, 'cache') : null;
      return [...(data ? [{ type: 'lookup-cached' as const, at, lookupId, data }] : []), { type: 'lookup-offline', at, lookupId, error }];
    }
    case 'failed':
      return [{ type: 'lookup-failed', at, lookupId, error: sessionError(event.error) }];
  }
}
