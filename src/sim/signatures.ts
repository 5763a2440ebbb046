// The keys NHI holds for the demo deck's cards: one per staff card and one for the home SAM,
// derived from the deck seed exactly as the virtual cards derive theirs (src/demo/keys.ts).
import { verify, type KeyObject } from 'node:crypto';
import { demoKeyPair } from '../demo/keys.ts';
import type { DemoDeck, DemoStaff } from '../demo/deck.ts';

export interface RegisteredStaff {
  staff: DemoStaff;
  publicKey: KeyObject;
  publicKeyDer: Buffer;
}

export interface KeyRegistry {
  samId: string;
  hospId: string;
  samKey: KeyObject;
  staffById: Map<string, RegisteredStaff>;
}

export function registerDeckKeys(deck: DemoDeck): KeyRegistry {
  const staffById = new Map<string, RegisteredStaff>();
  for (const staff of deck.staff) {
    const pair = demoKeyPair(deck.seed, `staff:${staff.deckId}`);
    staffById.set(staff.staffId, { staff, publicKey: pair.publicKey, publicKeyDer: pair.publicKeyDer });
  }
  return {
    samId: deck.samId,
    hospId: deck.home.id,
    samKey: demoKeyPair(deck.seed, `sam:${deck.samId}`).publicKey,
    staffById,
  };
}

/**
 * ECDSA P-256 / SHA-256 over `message`, DER signature given as base64 or (as in NHI's Web API
 * example) hex. Any garbage is simply "not verified".
 */
export function verifySignature(key: KeyObject, message: Uint8Array, signature: string): boolean {
  const text = signature.trim();
  const candidates = [Buffer.from(text, 'base64')];
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) candidates.push(Buffer.from(text, 'hex'));
  return candidates.some((bytes) => {
    if (bytes.length < 8) return false;
    try {
      return verify('sha256', message, { key, dsaEncoding: 'der' }, bytes);
    } catch {
      return false;
    }
  });
}
