// A logged-in MediCloud session: the bearer token plus what its claims say (research anchors
// 1(b) "Session and auth"). The client cannot check NHI's HS256 signature, so claims are read
// only to label the session (whose data, which staff, when it expires); the server decides.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import type { IsoDate, Patient } from '../domain/types.ts';
import { parseDate } from '../domain/dates.ts';
import { CloudError } from './errors.ts';

export interface CloudSession {
  token: string;
  /** The patient the token is for (`UserID`): every fetch of this session is about them. */
  patientId: string;
  patient: Patient | null;
  staffId: string | null;
  /** `HPCCName`: the staff card's name — never the patient's (clinic_reader's warning). */
  staffName: string | null;
  hospId: string | null;
  /** `Permission`: node ids the staff may open and that hold data. */
  permissions: string[];
  issuedAt: Date | null;
  expiresAt: Date | null;
}

const claimsSchema = z.object({
  UserID: z.string().min(1),
  UserName: z.string().optional(),
  UserSex: z.string().optional(),
  UserBirthday: z.string().optional(),
  HPCCName: z.string().optional(),
  StaffID: z.string().optional(),
  HospID: z.string().optional(),
  Permission: z.string().optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
});

function sexOf(value: string | undefined): 'M' | 'F' | null {
  if (value === undefined) return null;
  const normal = value.trim().toUpperCase();
  if (normal === 'M' || normal === '男' || normal === '1') return 'M';
  if (normal === 'F' || normal === '女' || normal === '2') return 'F';
  return null;
}

/** Token → session. A token whose payload is not a JWT with `UserID` is an auth failure. */
export function sessionFromToken(token: string): CloudSession {
  const payload = token.split('.')[1];
  let claims: z.output<typeof claimsSchema>;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')));
  } catch (cause) {
    throw new CloudError({ kind: 'auth', endpoint: 'login', detail: 'token unreadable', cause });
  }
  const birthDate: IsoDate | null = parseDate(claims.UserBirthday ?? null);
  const sex = sexOf(claims.UserSex);
  const patient: Patient | null =
    claims.UserName && birthDate && sex ? { nationalId: claims.UserID, name: claims.UserName, birthDate, sex } : null;
  return {
    token,
    patientId: claims.UserID,
    patient,
    staffId: claims.StaffID ?? null,
    staffName: claims.HPCCName ?? null,
    hospId: claims.HospID ?? null,
    permissions: (claims.Permission ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''),
    issuedAt: claims.iat === undefined ? null : new Date(claims.iat * 1000),
    expiresAt: claims.exp === undefined ? null : new Date(claims.exp * 1000),
  };
}

/** True when the token's own `exp` has passed at `now` (the server remains the judge). */
export function sessionExpired(session: CloudSession, now: Date): boolean {
  return session.expiresAt !== null && session.expiresAt.getTime() <= now.getTime();
}
