// The two Web APIs of reference/nhi-controlled-drug-care-list.txt, with their field names:
// 保險對象特定醫療資訊查詢作業 Web API (SAM-signed; → rtnCode, isCareList, exeURL) and the
// 主動提示功能 Web API, data types 10 and 13 (→ drugGroupCName, drugGroupCode, dose, sugDose).
// Like NHI's Web APIs they answer HTTP 200 with a non-'00' rtnCode when the request is refused.
import { loginMessage } from '../core/cloud/login-contract.ts';
import type { IsoDate } from '../core/domain/types.ts';
import type { DemoPatient } from '../demo/deck.ts';
import type { SimDataset } from './data/dataset.ts';
import { verifySignature, type KeyRegistry } from './signatures.ts';

export interface WebApiContext {
  dataset: SimDataset;
  keys: KeyRegistry;
  queryDate: IsoDate;
  /** Base URL of this simulator, for exeURL. */
  baseUrl: string;
  auditSeq: () => string;
}

type Body = Record<string, unknown>;

function str(body: Body, field: string): string | null {
  const value = body[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

const REFUSED = {
  badRequest: { rtnCode: '99', message: '請求欄位不完整 / request fields missing' },
  sam: { rtnCode: '01', message: '安全模組認證失敗 / SAM authentication failed' },
  staff: { rtnCode: '03', message: '醫事人員未授權 / staff not authorized' },
  patient: { rtnCode: '02', message: '查無此保險對象 / patient unknown or birthday mismatch' },
};

/** STEP1 of 方法1: is the patient on the care list; if so, the URL of the care-list tab. */
export function careListCheck(input: unknown, ctx: WebApiContext): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return REFUSED.badRequest;
  const body = input as Body;
  const [hospId, random, signature, samId, staffId, patientId, birthday] = ['sHospId', 'sClientRandom', 'sSignature', 'sSamId', 'sHpclId', 'sPatId', 'sPatBirthday'].map((f) => str(body, f));
  if (!hospId || !random || !signature || !samId || !staffId || !patientId || !birthday) return REFUSED.badRequest;
  if (hospId !== ctx.keys.hospId || samId !== ctx.keys.samId) return REFUSED.sam;
  if (!verifySignature(ctx.keys.samKey, loginMessage({ clientRandom: random, hospId, staffId, patientId }), signature)) return REFUSED.sam;
  const patient = ctx.dataset.patientById(patientId);
  // sPatBirthday is Gregorian YYYYMMDD in NHI's example ('19560711').
  if (!patient || patient.birthDate.replaceAll('-', '') !== birthday) return REFUSED.patient;
  const status = ctx.dataset.careList(patient, ctx.queryDate);
  if (!status.isCareList) return { rtnCode: '00', isCareList: 'N', exeURL: '' };
  return { rtnCode: '00', isCareList: 'Y', exeURL: `${ctx.baseUrl}/imu/imue1000?type=ies&AUDIT_SEQ=${ctx.auditSeq()}` };
}

/** 主動提示 oType 10/13: the higher-use controlled ingredients over six months with the suggested dose. */
export function activeAlert(input: unknown, ctx: WebApiContext): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return REFUSED.badRequest;
  const body = input as Body;
  const [hospId, samId, random, signature, staffId, patientId] = ['hospitalId', 'samId', 'clientRandom', 'signature', 'hpcIdNo', 'patId'].map((f) => str(body, f));
  const sub = Array.isArray(body.sub) ? (body.sub as unknown[]) : null;
  if (!hospId || !samId || !random || !signature || !staffId || !patientId || !sub) return REFUSED.badRequest;
  if (hospId !== ctx.keys.hospId || samId !== ctx.keys.samId) return REFUSED.sam;
  if (!verifySignature(ctx.keys.samKey, loginMessage({ clientRandom: random, hospId, staffId, patientId }), signature)) return REFUSED.sam;
  const staff = ctx.keys.staffById.get(staffId);
  if (!staff || !staff.staff.authorized) return REFUSED.staff;
  const patient: DemoPatient | undefined = ctx.dataset.patientById(patientId);
  if (!patient) return REFUSED.patient;
  const status = ctx.dataset.careList(patient, ctx.queryDate);
  const rows = status.isCareList
    ? status.ingredients.map((i) => ({ drugGroupCName: i.care.name, drugGroupCode: `(${i.care.code})`, dose: String(Math.round(i.mg)), sugDose: String(i.suggestedMg) }))
    : [];
  const requested = sub
    .map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Body).oType : undefined))
    .filter((type): type is string => type === '10' || type === '13');
  return {
    rtnCode: '00',
    sub: [...new Set(requested)].map((oType) => ({ oType, rtnNum: String(rows.length), sub: rows })),
  };
}
