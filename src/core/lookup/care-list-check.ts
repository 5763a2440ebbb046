// NHI's 保險對象特定醫療資訊查詢作業 Web API (方法1, reference/nhi-controlled-drug-care-list.txt)
// during a look-up: NHI built it to say whether the patient is on the 特定管制用藥 care list
// (isCareList) for exactly the badge the kiosk shows. It runs beside the endpoint fetches, as one
// more progress line ('care-list'); when it fails, the look-up goes on and the badge falls back to
// the imue0009s02/s03 rows (which the cloud sends only for care-list patients), with the failure
// kept as a caveat, not an error.
import { CloudError, type CloudClient, type LoginCredentials, type ProgressEvent } from '../cloud/index.ts';
import type { CareListStatus } from '../session/types.ts';
import { CARE_LIST_STEP } from './step-names.ts';

export type CareListChecker = Pick<CloudClient, 'checkCareList'>['checkCareList'];

export interface CareListAnswer {
  status: CareListStatus;
  ms: number;
}

/** Never rejects: a refusal, timeout or garbage answer becomes `{ source: 'rows', failure }`. */
export async function checkCareListStep(
  check: CareListChecker,
  credentials: LoginCredentials,
  onProgress: (event: ProgressEvent) => void,
  signal?: AbortSignal,
): Promise<CareListAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  onProgress({ endpoint: CARE_LIST_STEP, state: 'pending' });
  try {
    const answer = await check(
      { hospId: credentials.hospId, samId: credentials.samId, sam: credentials.sam, staffId: credentials.staffId, patientId: credentials.patientId, patientBirthday: credentials.patientBirthday },
      { signal },
    );
    const ms = elapsed();
    onProgress({ endpoint: CARE_LIST_STEP, state: 'done', ms });
    return { status: { source: 'api', onList: answer.onCareList, exeUrl: answer.exeUrl }, ms };
  } catch (caught) {
    const ms = elapsed();
    const error = caught instanceof CloudError ? caught : new CloudError({ kind: 'network', endpoint: CARE_LIST_STEP, detail: 'unexpected', cause: caught });
    onProgress({ endpoint: CARE_LIST_STEP, state: 'failed', ms, error });
    return { status: { source: 'rows', failure: error.kind }, ms };
  }
}
