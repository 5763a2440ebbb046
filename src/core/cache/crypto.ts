// At-rest protection for everything personal in the cache.
// - Identities (patient and staff IDs) are looked up by HMAC-SHA256, never stored in clear.
// - Payloads and personal fields are AES-256-GCM with a fresh random 96-bit nonce each time
//   (NIST SP 800-38D's recommended IV length) and associated data that binds the ciphertext
//   to its row, so a payload copied onto another patient or endpoint fails authentication.
// Subkeys are derived from the key file with HKDF-SHA256 so one secret never serves two uses.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { CacheError } from './errors.ts';

/** First byte of every sealed blob: the format, so a later codec can coexist with this one. */
const FORMAT_GCM_V1 = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface CacheKeys {
  /** AES-256-GCM key for payloads and personal fields. */
  seal: Buffer;
  /** HMAC key for identity lookups (patients and staff). */
  identity: Buffer;
  /** Fingerprint stored in the database so a wrong key is caught at open, not as garbage later. */
  check: string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `yaoli cache ${info}`, 32));
}

export function deriveKeys(master: Buffer): CacheKeys {
  const checkKey = derive(master, 'key-check v1');
  return {
    seal: derive(master, 'seal v1'),
    identity: derive(master, 'identity v1'),
    check: createHmac('sha256', checkKey).update('yaoli key check').digest('hex'),
  };
}

export function sameCheck(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** 'patient' and 'staff' domains keep a staff member's key apart from the same person as a patient. */
export function identityKey(keys: CacheKeys, domain: 'patient' | 'staff', id: string): string {
  return createHmac('sha256', keys.identity).update(`${domain}:${id}`).digest('hex');
}

export type NonceSource = (bytes: number) => Buffer;

export function seal(keys: CacheKeys, plaintext: Buffer, aad: string, nonces: NonceSource = randomBytes): Buffer {
  const nonce = nonces(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.seal, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_GCM_V1), nonce, body, cipher.getAuthTag()]);
}

/** Throws CacheError('tampered') if the blob was altered, moved, or sealed under another key. */
export function open(keys: CacheKeys, blob: Uint8Array, aad: string): Buffer {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== FORMAT_GCM_V1) throw new CacheError('tampered');
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const body = bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.seal, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (error) {
    throw new CacheError('tampered', {}, { cause: error });
  }
}

export function sealText(keys: CacheKeys, text: string, aad: string, nonces?: NonceSource): Buffer {
  return seal(keys, Buffer.from(text, 'utf8'), aad, nonces);
}

export function openText(keys: CacheKeys, blob: Uint8Array, aad: string): string {
  return open(keys, blob, aad).toString('utf8');
}
