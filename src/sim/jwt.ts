// The session token the simulator issues at login: a JWT signed with HS256, as the real
// MediCloud does (research anchors 1(b): the pages keep it in sessionStorage['token'] and send
// it as a Bearer token; the client reads `exp` for expiry and the patient from `UserID`).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  /** The patient's national ID. */
  UserID: string;
  UserName: string;
  UserSex: string;
  /** ROC 7 digits, e.g. '0660329'. */
  UserBirthday: string;
  /** The staff card holder's name (never the patient's). */
  HPCCName: string;
  StaffID: string;
  HospID: string;
  /** Comma list of menu node ids that are authorised and have data. */
  Permission: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export function signJwt(claims: SessionClaims, secret: Buffer): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}

export type JwtCheck = { ok: true; claims: SessionClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Verifies signature and expiry against `nowSeconds` (the simulator's injected clock). */
export function verifyJwt(token: string, secret: Buffer, nowSeconds: number): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' };
  }
  let claims: SessionClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || typeof claims.UserID !== 'string') return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
