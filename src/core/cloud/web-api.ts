// The two Web APIs of reference/nhi-controlled-drug-care-list.txt, with their field names
// exactly as NHI prints them:
// - 保險對象特定醫療資訊查詢作業 Web API (方法1): is the patient on the 特定管制用藥 care list?
//   → rtnCode, isCareList 'Y'/'N', exeURL (opening it counts toward the 開啟率).
// - 主動提示功能 Web API (方法4), data classes oType 10/13: the controlled drugs with the
//   highest half-year use → drugGroupCName, drugGroupCode, dose (mg), sugDose (WHO reference mg).
// NHI publishes the fields but not the URLs (the 介接說明書 sits behind the VPN); the paths
// are the simulator's (docs/medicloud-sim.md). Both are POSTs and not retried unless refused.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import type { IsoDate } from '../domain/types.ts';
import type { RequestOptions } from './client.ts';
import { CloudError, type CloudErrorKind } from './errors.ts';
import { loginMessage } from './login-contract.ts';
import type { RandomBytes, Signer } from './signing.ts';
import { validateWith } from './validate.ts';

/** Paths from the origin (not under /imu/api/ for the care-list service, which is 健保資訊網's). */
export const CARE_LIST_PATH = '/iwse/api/ies/care-list';
export const ACTIVE_ALERT_PATH = '/imu/api/active-alert';

/** Like NHI's Web APIs, a refusal is HTTP 200 with a non-'00' rtnCode and a message. */
const refusal = z.object({ rtnCode: z.string().refine((code) => code !== '00'), message: z.string().optional() });

const careListAnswer = z.object({
  rtnCode: z.literal('00'),
  isCareList: z.enum(['Y', 'N']),
  exeURL: z.string().nullable().optional(),
});

const alertDrug = z.object({
  drugGroupCName: z.string(),
  drugGroupCode: z.string(),
  dose: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().finite()),
  sugDose: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().finite()),
});

const activeAlertAnswer = z.object({
  rtnCode: z.literal('00'),
  sub: z
    .array(z.object({ oType: z.string(), rtnNum: z.union([z.string(), z.number()]).optional(), sub: z.array(alertDrug).default([]) }))
    .default([]),
});

/** rtnCode of a refusal → the kind the kiosk words: 01 SAM, 02 patient, 03 staff (simulator codes). */
const REFUSAL_KINDS: Record<string, CloudErrorKind> = { '01': 'auth', '02': 'not-found', '03': 'forbidden' };

/** A refusal becomes a CloudError; anything else must pass `schema`. */
function readAnswer<S extends z.ZodType>(endpoint: string, schema: S, text: string): z.output<S> {
  const refused = validateWith(endpoint, z.unknown(), text).payload;
  const parsed = refusal.safeParse(refused);
  if (parsed.success) {
    const { rtnCode, message } = parsed.data;
    throw new CloudError({ kind: REFUSAL_KINDS[rtnCode] ?? 'rejected', endpoint, detail: `rtnCode ${rtnCode}${message ? ` ${message.slice(0, 80)}` : ''}` });
  }
  return validateWith(endpoint, schema, text).value;
}

export interface CareListCheck {
  onCareList: boolean;
  /** URL that opens the 特定管制用藥(關懷名單) tab; null when not on the list. */
  exeUrl: string | null;
  rtnCode: string;
}

export interface ActiveAlertDrug {
  oType: string;
  ingredient: string;
  /** As NHI prints it, parentheses removed: '2824801820+2824801810'. */
  ingredientCode: string;
  /** Half-year total (mg). */
  doseMg: number;
  /** WHO ATC/DDD half-year reference (mg). */
  referenceMg: number;
}

export interface CareListRequest {
  hospId: string;
  samId: string;
  sam: Signer;
  /** 醫事人員 ID of the staff card (sHpclId). */
  staffId: string;
  patientId: string;
  /** Sent Gregorian `YYYYMMDD`, as in NHI's example (19560711). */
  patientBirthday: IsoDate;
}

export interface ActiveAlertRequest extends CareListRequest {
  /** 12-digit card number (hcd). */
  patientCardNumber: string;
  /** Drug codes being prescribed now (sOrder); may be empty. */
  orders?: string[];
  /** Data classes; 10 and 13 are the 保險對象特定醫療資訊 classes. */
  oTypes?: ('10' | '13')[];
}

type Post = <T>(endpoint: string, path: string, payload: unknown, read: (text: string) => T, extra?: RequestOptions) => Promise<T>;

export interface WebApis {
  checkCareList(request: CareListRequest, options?: RequestOptions): Promise<CareListCheck>;
  activeAlerts(request: ActiveAlertRequest, options?: RequestOptions): Promise<ActiveAlertDrug[]>;
}

const compact = (iso: IsoDate): string => iso.replaceAll('-', '');

export function webApis(deps: { post: Post; randomBytes: RandomBytes }): WebApis {
  const random = (): string => Buffer.from(deps.randomBytes(16)).toString('hex');
  return {
    async checkCareList(request, options) {
      const sClientRandom = random();
      // Same signed message as the login (login-contract.ts), over a 16-byte random.
      const signature = await request.sam.sign(loginMessage({ ...request, clientRandom: sClientRandom }));
      const body = {
        sHospId: request.hospId,
        sClientRandom,
        sSignature: Buffer.from(signature).toString('base64'),
        sSamId: request.samId,
        sHpclId: request.staffId,
        sPatId: request.patientId,
        sPatBirthday: compact(request.patientBirthday),
      };
      const answer = await deps.post('care-list', CARE_LIST_PATH, body, (text) => readAnswer('care-list', careListAnswer, text), options);
      return { onCareList: answer.isCareList === 'Y', exeUrl: answer.exeURL ? answer.exeURL : null, rtnCode: answer.rtnCode };
    },
    async activeAlerts(request, options) {
      const clientRandom = random();
      // 方法4 is authenticated by the institution's SAM (reference: 經醫事機構安全模組認證).
      const signature = await request.sam.sign(loginMessage({ ...request, clientRandom }));
      const body = {
        hospitalId: request.hospId,
        hpcId: request.staffId,
        patId: request.patientId,
        verify: request.patientId,
        signature: Buffer.from(signature).toString('base64'),
        clientRandom,
        samId: request.samId,
        serviceType: '01',
        hcdNo: request.patientId,
        hcd: request.patientCardNumber,
        hpcIdNo: request.staffId,
        sub: (request.oTypes ?? ['10', '13']).map((oType) => ({ oType, sub: (request.orders ?? []).map((sOrder) => ({ sOrder })) })),
      };
      const answer = await deps.post('active-alert', ACTIVE_ALERT_PATH, body, (text) => readAnswer('active-alert', activeAlertAnswer, text), options);
      return answer.sub.flatMap((group) =>
        group.sub.map((drug) => ({
          oType: group.oType,
          ingredient: drug.drugGroupCName,
          ingredientCode: drug.drugGroupCode.replace(/^\((.*)\)$/, '$1'),
          doseMg: drug.dose,
          referenceMg: drug.sugDose,
        })),
      );
    },
  };
}
