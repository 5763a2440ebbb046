// Is the patient on NHI's 特定管制用藥 care list (關懷名單)? The care-list Web API says so
// (isCareList) when it answered during this look-up; otherwise (cached data, or the API failed)
// the cloud's imue0009s02/s03 rows do, which NHI sends only for care-list patients. One answer
// for the badge and for the 開啟率 record, so they never disagree.
import type { PatientData } from './types.ts';

export function onCareList(data: Pick<PatientData, 'history' | 'careList'>): boolean {
  if (data.careList?.source === 'api') return data.careList.onList;
  return data.history.careList.length > 0 || data.history.careListSummary.length > 0;
}

/** The API's failure kind when the badge had to fall back to the rows (a caveat, not an error). */
export function careListCaveat(data: Pick<PatientData, 'careList'>): string | null {
  return data.careList?.source === 'rows' ? data.careList.failure : null;
}
