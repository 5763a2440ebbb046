// The names a look-up's own steps go by, beside the MediCloud endpoint ids: in its progress lines
// and in the audit row's latencies, which the reports read back. Nothing imported, so the report
// engine can name them without loading the cloud client or the endpoint schemas. Audit rows
// already written carry these names, so they do not change.

/** The three-card login (MediCloud's session) before any endpoint is fetched. */
export const LOGIN_STEP = 'login';

/** NHI's care-list Web API, asked beside the endpoints (care-list-check.ts). */
export const CARE_LIST_STEP = 'care-list';
