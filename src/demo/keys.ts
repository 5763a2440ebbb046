// Deterministic key pairs for the demo deck: each staff card and the home SAM get an
// ECDSA P-256 key derived from the deck seed, so the virtual cards sign with the very key
// the simulator has registered for them (as NHI holds the real cards' certificates).
import { createECDH, createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export interface DemoKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SubjectPublicKeyInfo DER, what a card returns as its public key / certificate body. */
  publicKeyDer: Buffer;
}

const cache = new Map<string, DemoKeyPair>();

/** `label` names the holder, e.g. `staff:S01` or `sam:<samId>`. */
export function demoKeyPair(seed: number, label: string): DemoKeyPair {
  const cacheKey = `${seed}:${label}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  // A private scalar from a hash of (seed, label); P-256's order is just below 2^256, and a
  // SHA-256 output is above it with negligible probability, so rehash in that case.
  let scalar = createHash('sha256').update(`yaoli-demo-key:${seed}:${label}`).digest();
  const ecdh = createECDH('prime256v1');
  for (;;) {
    try {
      ecdh.setPrivateKey(scalar);
      break;
    } catch {
      scalar = createHash('sha256').update(scalar).digest();
    }
  }
  const point = ecdh.getPublicKey(); // 0x04 || X || Y
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    d: scalar.toString('base64url'),
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const pair = { privateKey, publicKey, publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }) };
  cache.set(cacheKey, pair);
  return pair;
}
