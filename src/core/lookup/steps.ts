// The steps a counter look-up reports progress for, in the order they start: the three-card
// login, every MediCloud endpoint the client fetches, then NHI's care-list Web API (asked beside
// the endpoints). The loading screen lists these; the report's response times use the same names.
import { ENDPOINT_IDS } from '../medicloud/index.ts';
import { CARE_LIST_STEP, LOGIN_STEP } from './step-names.ts';

export const LOOKUP_STEPS: readonly string[] = [LOGIN_STEP, ...ENDPOINT_IDS, CARE_LIST_STEP];
