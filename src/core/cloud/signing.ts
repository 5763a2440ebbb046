// The three-card login's signed request (data-path contract, "Three-card login"): the cloud
// SAM and the staff card each sign the same challenge, so NHI knows which institution, which
// professional and which patient the session is for. Signing happens on the card (or the
// virtual card); this module only builds the message and the request body.
import { Buffer } from 'node:buffer';
import type { IsoDate } from '../domain/types.ts';
import { toRoc7 } from '../domain/dates.ts';
import { loginMessage, type LoginBody } from './login-contract.ts';

export { loginMessage, type LoginBody } from './login-contract.ts';

/** Something that signs: the SAM, a staff card, or their virtual twins. */
export interface Signer {
  /** ECDSA P-256 / SHA-256 over `message`, DER-encoded. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface LoginCredentials {
  /** 10-digit 醫事機構代碼 of the kiosk's institution (from the SAM). */
  hospId: string;
  /** 12-digit cloud SAM id. */
  samId: string;
  sam: Signer;
  /** Staff card holder's ID. */
  staffId: string;
  /** SubjectPublicKeyInfo DER as read from the staff card. */
  staffPublicKey: Uint8Array;
  staff: Signer;
  /** Patient's national ID (from the NHI card). */
  patientId: string;
  /** Patient's birth date; sent as ROC 7 digits like the card stores it. */
  patientBirthday: IsoDate;
  /** 12-digit card number printed on the NHI card. */
  patientCardNumber: string;
}

/** A source of random bytes (crypto.randomBytes in production, seeded in tests). */
export type RandomBytes = (count: number) => Uint8Array;

/** 32 random bytes as 64 hex characters: the challenge both cards sign. */
export function newClientRandom(randomBytes: RandomBytes): string {
  return Buffer.from(randomBytes(32)).toString('hex');
}

export async function buildLoginBody(credentials: LoginCredentials, randomBytes: RandomBytes): Promise<LoginBody> {
  const clientRandom = newClientRandom(randomBytes);
  const message = loginMessage({ clientRandom, hospId: credentials.hospId, staffId: credentials.staffId, patientId: credentials.patientId });
  // Both cards sign concurrently: each is a separate reader (or virtual card).
  const [samSignature, staffSignature] = await Promise.all([credentials.sam.sign(message), credentials.staff.sign(message)]);
  return {
    hospId: credentials.hospId,
    samId: credentials.samId,
    clientRandom,
    samSignature: Buffer.from(samSignature).toString('base64'),
    staffId: credentials.staffId,
    staffPublicKey: Buffer.from(credentials.staffPublicKey).toString('base64'),
    staffSignature: Buffer.from(staffSignature).toString('base64'),
    patientId: credentials.patientId,
    patientBirthday: toRoc7(credentials.patientBirthday),
    patientCardNumber: credentials.patientCardNumber,
  };
}

/**
 * One card answers one command sequence at a time: concurrent logins (批次下載 runs several)
 * take turns on the card instead of interleaving their APDUs.
 */
export function serialSigner(signer: Signer): Signer {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    sign(message) {
      const result = tail.then(() => signer.sign(message));
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
