// Shared set-up for tests against E's simulator on loopback: credentials for a deck patient
// signed with the keys the virtual cards carry (src/demo/keys.ts), and a seeded jitter source.
import { sign } from 'node:crypto';
import type { LoginCredentials, Signer } from '../../../src/core/cloud/index.ts';
import { findPatient, findStaff, type DemoDeck } from '../../../src/demo/deck.ts';
import { demoKeyPair } from '../../../src/demo/keys.ts';
import { seededRandom } from '../../../src/demo/random.ts';

export const TODAY = '2026-11-23';

export function keySigner(seed: number, label: string): Signer {
  const { privateKey } = demoKeyPair(seed, label);
  return { sign: async (message) => new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'der' })) };
}

export function credentials(deck: DemoDeck, patientHandle: string, staffHandle = 'S01'): LoginCredentials {
  const patient = findPatient(deck, patientHandle);
  const staff = findStaff(deck, staffHandle);
  if (!patient || !staff) throw new Error(`no ${patientHandle}/${staffHandle} in the deck`);
  return {
    hospId: deck.home.id,
    samId: deck.samId,
    sam: keySigner(deck.seed, `sam:${deck.samId}`),
    staffId: staff.staffId,
    staffPublicKey: demoKeyPair(deck.seed, `staff:${staff.deckId}`).publicKeyDer,
    staff: keySigner(deck.seed, `staff:${staff.deckId}`),
    patientId: patient.nationalId,
    patientBirthday: patient.birthDate,
    patientCardNumber: patient.cardNumber,
  };
}

/** Deterministic jitter and challenge bytes. */
export function seeded(seed = 1): { random: () => number; randomBytes: (n: number) => Uint8Array } {
  const random = seededRandom(seed);
  return {
    random: () => random.next(),
    randomBytes: (count) => Uint8Array.from({ length: count }, () => random.int(0, 255)),
  };
}

/** Short limits so fault tests end quickly; retries wait 1–2 ms. */
export const FAST = {
  timeouts: { connectMs: 500, headersMs: 150, bodyMs: 150 },
  retries: { retries: 2, baseDelayMs: 2, maxDelayMs: 4 },
};
