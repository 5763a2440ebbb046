// verify3cards: the simulator's stand-in for the login NHI's control software performs with
// the three cards (SPEC §2: SAM + staff card with PIN + patient card). Order of checks, as a
// real service would do them: the institution (SAM), then who is asking (staff card and the
// institution's user authorization list), then whom they ask about (patient card).
import { LOGIN_FIELDS, loginMessage, type LoginBody } from '../core/cloud/login-contract.ts';
import { toRoc7 } from '../core/domain/dates.ts';
import type { DemoDeck, DemoPatient } from '../demo/deck.ts';
import { signJwt, type SessionClaims } from './jwt.ts';
import { verifySignature, type KeyRegistry } from './signatures.ts';

/** The body the client sends (login-contract.ts: one definition for client and simulator). */
export type LoginRequest = LoginBody;

export interface LoginContext {
  deck: DemoDeck;
  keys: KeyRegistry;
  secret: Buffer;
  nowSeconds: number;
  lifetimeSeconds: number;
  /** Menu nodes with data for this patient (the JWT's Permission claim). */
  permissionOf(patient: DemoPatient): string[];
  /** Fault: hand out a token that has already expired. */
  issueExpired: boolean;
}

export type SimError = { rtnCode: string; message: string };
export type LoginResult = { status: 200; body: { token: string }; patient: DemoPatient; staffId: string } | { status: 400 | 401 | 403 | 404; body: SimError };

function fail(status: 400 | 401 | 403 | 404, rtnCode: string, message: string): LoginResult {
  return { status, body: { rtnCode, message } };
}

export function parseLoginRequest(body: unknown): LoginRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '請求必須是 JSON 物件 / request must be a JSON object';
  const record = body as Record<string, unknown>;
  for (const field of LOGIN_FIELDS) {
    if (typeof record[field] !== 'string' || record[field] === '') return `缺少欄位 missing field: ${field}`;
  }
  const request = record as unknown as LoginRequest;
  if (!/^[0-9a-fA-F]{64}$/.test(request.clientRandom)) return 'clientRandom 必須是 64 個十六進位字元 / clientRandom must be 64 hex characters';
  if (!/^\d{7}$/.test(request.patientBirthday)) return 'patientBirthday 必須是民國 7 碼 / patientBirthday must be ROC yyyMMdd';
  return request;
}

export function verifyThreeCards(body: unknown, ctx: LoginContext): LoginResult {
  const request = parseLoginRequest(body);
  if (typeof request === 'string') return fail(400, 'BAD_REQUEST', request);
  const { keys } = ctx;
  const message = loginMessage(request);

  if (request.hospId !== keys.hospId || request.samId !== keys.samId) {
    return fail(401, 'SAM_UNKNOWN', '安全模組未註冊 / unknown SAM for this institution');
  }
  if (!verifySignature(keys.samKey, message, request.samSignature)) {
    return fail(401, 'SAM_SIGNATURE', '安全模組簽章驗證失敗 / SAM signature does not verify');
  }
  const registered = keys.staffById.get(request.staffId);
  if (!registered) return fail(401, 'STAFF_UNKNOWN', '醫事人員卡未註冊 / unknown staff card');
  const presentedKey = Buffer.from(request.staffPublicKey, 'base64');
  if (!presentedKey.equals(registered.publicKeyDer)) {
    return fail(401, 'STAFF_KEY', '醫事人員卡公鑰與註冊不符 / staff public key does not match the registered card');
  }
  if (!verifySignature(registered.publicKey, message, request.staffSignature)) {
    return fail(401, 'STAFF_SIGNATURE', '醫事人員卡簽章驗證失敗 / staff signature does not verify');
  }
  if (!registered.staff.authorized) {
    return fail(403, 'STAFF_UNAUTHORIZED', '此醫事人員不在本機構使用者授權名單 / staff not on the institution user authorization list');
  }
  const patient = ctx.deck.patients.find((p) => p.nationalId === request.patientId);
  if (!patient || toRoc7(patient.birthDate) !== request.patientBirthday || patient.cardNumber !== request.patientCardNumber) {
    return fail(404, 'PATIENT_UNKNOWN', '查無此保險對象或生日不符 / patient unknown or birthday mismatch');
  }
  const iat = ctx.nowSeconds;
  const claims: SessionClaims = {
    UserID: patient.nationalId,
    UserName: patient.name,
    UserSex: patient.sex,
    UserBirthday: toRoc7(patient.birthDate),
    HPCCName: registered.staff.name,
    StaffID: registered.staff.staffId,
    HospID: keys.hospId,
    Permission: ctx.permissionOf(patient).join(','),
    iat,
    exp: ctx.issueExpired ? iat - 1 : iat + ctx.lifetimeSeconds,
  };
  return { status: 200, body: { token: signJwt(claims, ctx.secret) }, patient, staffId: registered.staff.staffId };
}
