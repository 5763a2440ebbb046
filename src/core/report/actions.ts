// Which audit rows mean what, for the report. The log is written by three parts:
//   - the look-up (src/core/lookup/audit.ts): one row per look-up, action `lookup` (counter) or
//     `prefetch` (批次下載), full staff and patient IDs (sealed + masked + patient key),
//     per-endpoint latencies and an outcome `ok` | `cached` | `superseded` | `offline-<kind>` |
//     `failed-<kind>`;
//   - the kiosk flow (src/core/session/audit.ts): one row per screen transition, masked IDs
//     only, e.g. `lookup-start` (with the emergency reason), `lookup-cached` (cached data drawn
//     before the cloud answered), `emergency-refused`;
//   - the admin operations (src/core/admin): `admin.*`.
// The report counts look-ups from the look-up's own rows only, so a kiosk look-up (which also
// leaves flow rows) is never counted twice.

/** A look-up at the counter: a staff member asked for one patient's history. */
export const LOOKUP = 'lookup';
/** 批次下載: fetched ahead of time for a patient list. Counts as "looked up" for 查詢率. */
export const PREFETCH = 'prefetch';

/**
 * 開啟 (NHI: the 西醫用藥/特定管制用藥 tab, or the care-list Web API's URL followed, with the
 * query succeeding): the kiosk writes `care-list-open` with outcome `ok` when the 特定管制用藥
 * tab is shown for a patient on the care list (關懷名單). Staff and patient on the row.
 */
export const CARE_LIST_OPEN = 'care-list-open';
/**
 * 有開立五類藥: the visit's prescription included one of the five controlled classes. A
 * prescribing system writes `care-list-prescribed` (outcome `ok`, prescriber + patient);
 * otherwise it comes from the visit list's `five_classes` column (the IC card upload).
 */
export const CARE_LIST_PRESCRIBED = 'care-list-prescribed';

/** Kiosk flow: a look-up began (its row carries the emergency reason). */
export const FLOW_LOOKUP_START = 'lookup-start';
/** Kiosk flow: the cached table was on screen before the cloud answered (a cache hit). */
export const FLOW_LOOKUP_CACHED = 'lookup-cached';

export function isLookupAction(action: string): boolean {
  return action === LOOKUP || action === PREFETCH;
}

/** The look-up showed the patient's data: fresh, from a young cache, or cached while offline. */
export function showedData(outcome: string): boolean {
  return outcome === 'ok' || outcome === 'cached' || outcome.startsWith('offline-');
}

/** `failed-timeout` → { ending: 'failed', kind: 'timeout' }; null for a look-up that did not fail. */
export function failureOf(outcome: string): { ending: 'failed' | 'offline'; kind: string } | null {
  for (const ending of ['failed', 'offline'] as const) {
    if (outcome.startsWith(`${ending}-`)) return { ending, kind: outcome.slice(ending.length + 1) || 'unknown' };
  }
  return null;
}

/** Kiosk flow: an emergency look-up refused (bad ID or birth date, no reason given). */
export const FLOW_EMERGENCY_REFUSED = 'emergency-refused';

/**
 * A row for the emergency section: the flow row that started a 緊急查詢 (it carries the reason;
 * the look-up's own row only says consent `emergency`) and every refused attempt.
 */
export function isEmergencyEntry(row: { action: string; consent: string; reason: string | null }): boolean {
  return row.action === FLOW_EMERGENCY_REFUSED || (row.consent === 'emergency' && row.reason !== null);
}

/**
 * The row the kiosk appends when the 特定管制用藥 tab is shown with data for a care-list patient
 * (or the care-list Web API's exeURL was followed): `cache.audit.append(careListOpenEntry(…))`.
 * Full IDs: the cache seals them and keeps the patient's key, so 開啟率 counts exact patients.
 */
export function careListOpenEntry(staff: { staffId: string; role?: string | null }, patientId: string, at?: Date | number) {
  return { action: CARE_LIST_OPEN, staffId: staff.staffId, staffRole: staff.role ?? null, patientId, outcome: 'ok', ...(at === undefined ? {} : { at }) };
}
