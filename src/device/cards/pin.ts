// PIN status and VERIFY, ISO 7816-4 style, shared by the patient and staff cards:
//   VERIFY with no data  → 90 00 already verified · 63 Cx x tries left · 69 83 blocked ·
//                          6A 88 no PIN set (patient cards without a PIN: verbal consent)
//   VERIFY with the PIN  → 90 00 right · 63 Cx wrong, x tries left · 69 83 blocked
// (OpenSC #1460: "VERIFY with Lc=0 can be used to test the login state"; OpenSC PR #624 trace.)
// The PIN bytes are wiped after the command is sent and never logged.
import type { CardChannel } from '../types.ts';
import { statusWordError } from './apdu.ts';
import { CardError } from './errors.ts';
import { exchange } from './exchange.ts';
import { INS, PIN_MAX_LENGTH, PIN_MIN_LENGTH, PIN_REFERENCE } from './profile.ts';

export type PinStatus =
  | { state: 'verified' }
  | { state: 'required'; triesLeft: number }
  | { state: 'blocked' }
  | { state: 'not-set' };

export type PinCheck =
  | { state: 'verified' }
  | { state: 'wrong'; triesLeft: number; error: CardError }
  | { state: 'blocked'; error: CardError }
  | { state: 'not-set'; error: CardError };

function triesLeft(sw: number): number | null {
  return sw >> 8 === 0x63 && (sw & 0xf0) === 0xc0 ? sw & 0x0f : null;
}

export async function pinStatus(channel: CardChannel, what: string): Promise<PinStatus> {
  const { sw } = await exchange(channel, Uint8Array.from([0x00, INS.verify, 0x00, PIN_REFERENCE]));
  if (sw === 0x9000) return { state: 'verified' };
  if (sw === 0x6983) return { state: 'blocked' };
  if (sw === 0x6a88) return { state: 'not-set' };
  const tries = triesLeft(sw);
  if (tries !== null) return tries === 0 ? { state: 'blocked' } : { state: 'required', triesLeft: tries };
  throw statusWordError(sw, what);
}

export function checkPinFormat(pin: string): void {
  if (!new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)) {
    throw new CardError('pin-bad-format', { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH });
  }
}

export async function verifyPin(channel: CardChannel, pin: string, what: string): Promise<PinCheck> {
  checkPinFormat(pin);
  const apdu = Uint8Array.from([0x00, INS.verify, 0x00, PIN_REFERENCE, pin.length, ...Array.from(pin, (c) => c.charCodeAt(0))]);
  let sw: number;
  try {
    ({ sw } = await exchange(channel, apdu));
  } finally {
    apdu.fill(0);
  }
  if (sw === 0x9000) return { state: 'verified' };
  if (sw === 0x6983) return { state: 'blocked', error: new CardError('pin-blocked') };
  if (sw === 0x6a88) return { state: 'not-set', error: new CardError('pin-not-set') };
  const tries = triesLeft(sw);
  if (tries === 0) return { state: 'blocked', error: new CardError('pin-blocked') };
  if (tries !== null) return { state: 'wrong', triesLeft: tries, error: new CardError('pin-wrong', { triesLeft: tries }) };
  throw statusWordError(sw, what);
}
