// Cache-first patient look-up and batch prefetch (批次下載): the kiosk and `yaoli prefetch`
// import from here.
export { lookupPatient } from './lookup.ts';
export type { ConsentKind, LookupCache, LookupEvent, LookupOptions, LookupOutcome, LookupResult, ShownData } from './lookup.ts';
export { historyFromParts, partsFromSnapshots } from './history.ts';
export { checkCareListStep } from './care-list-check.ts';
export { LOOKUP_STEPS } from './steps.ts';
export { CARE_LIST_STEP, LOGIN_STEP } from './step-names.ts';
export type { CareListAnswer, CareListChecker } from './care-list-check.ts';
export type { CachedParts, StoredSnapshot } from './history.ts';
export { outcomeToken } from './audit.ts';
export type { LookupAudit, LookupAuditEntry } from './audit.ts';
export { sessionError, toSessionEvents } from './session-events.ts';
