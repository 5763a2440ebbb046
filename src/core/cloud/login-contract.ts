// The three-card login's wire contract (data-path contract, "Three-card login"), in one place
// for both sides: the client builds and signs it (signing.ts, web-api.ts) and the simulator
// checks it (src/sim/login.ts, src/sim/web-apis.ts). Kept apart from the HTTP client so the
// simulator can import it without undici: only node:buffer.
import { Buffer } from 'node:buffer';

/** Every field of the login request body; all are non-empty strings on the wire. */
export const LOGIN_FIELDS = [
  'hospId', 'samId', 'clientRandom', 'samSignature', 'staffId', 'staffPublicKey', 'staffSignature', 'patientId', 'patientBirthday', 'patientCardNumber',
] as const;

/**
 * The login request body: signatures and the staff public key (SubjectPublicKeyInfo DER) in
 * base64, clientRandom as 64 hex characters, patientBirthday as ROC 7 digits like the card.
 */
export type LoginBody = Record<(typeof LOGIN_FIELDS)[number], string>;

/** The parts of a request the SAM (and, for the login, the staff card) sign. */
export type SignedFields = Pick<LoginBody, 'clientRandom' | 'hospId' | 'staffId' | 'patientId'>;

/**
 * UTF-8 of `${clientRandom}|${hospId}|${staffId}|${patientId}`: what the login's two signatures
 * and the SAM-signed Web APIs (care list, active alerts) cover.
 */
export function loginMessage(fields: SignedFields): Uint8Array {
  return new Uint8Array(Buffer.from(`${fields.clientRandom}|${fields.hospId}|${fields.staffId}|${fields.patientId}`, 'utf8'));
}
