// ISO/IEC 7816-4 command and response APDUs (short form only: every command in the card
// profile fits in 255 data bytes). Encoding is strict: it refuses what a card would reject
// rather than letting a reader driver guess.
import { CardError } from './errors.ts';
import { SW_OK, statusWordMeaning, swHex } from './status-words.ts';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc is its length); absent or empty = no Lc. */
  data?: Uint8Array;
  /** Expected response length; 256 is written as 00. Absent = no Le. */
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

function byte(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`APDU ${name} must be a byte, got ${value}`);
  return value;
}

/** Case 1-4 short APDU bytes. */
export function encodeCommand(command: CommandApdu): Uint8Array {
  const header = [byte('CLA', command.cla), byte('INS', command.ins), byte('P1', command.p1), byte('P2', command.p2)];
  const data = command.data ?? new Uint8Array(0);
  if (data.length > 255) throw new RangeError(`APDU data too long for a short APDU: ${data.length}`);
  const out: number[] = [...header];
  if (data.length > 0) out.push(data.length, ...data);
  if (command.le !== undefined) {
    if (!Number.isInteger(command.le) || command.le < 1 || command.le > 256) throw new RangeError(`APDU Le out of range: ${command.le}`);
    out.push(command.le === 256 ? 0 : command.le);
  }
  return Uint8Array.from(out);
}

/** Parses a command as a card sees it; null when the bytes are not a well-formed short APDU. */
export function decodeCommand(bytes: Uint8Array): CommandApdu | null {
  if (bytes.length < 4) return null;
  const [cla, ins, p1, p2] = [bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number];
  if (bytes.length === 4) return { cla, ins, p1, p2 };
  const first = bytes[4] as number;
  if (bytes.length === 5) return { cla, ins, p1, p2, le: first === 0 ? 256 : first };
  if (first === 0) return null; // extended length: not used by the profile
  const data = bytes.slice(5, 5 + first);
  if (data.length !== first) return null;
  if (bytes.length === 5 + first) return { cla, ins, p1, p2, data };
  if (bytes.length === 6 + first) {
    const le = bytes[5 + first] as number;
    return { cla, ins, p1, p2, data, le: le === 0 ? 256 : le };
  }
  return null;
}

/** Splits card bytes into data + SW; fewer than 2 bytes is a garbled answer. */
export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw new CardError('bad-response', { detail: `${bytes.length} bytes, a response needs at least the 2-byte status word` });
  }
  const sw = ((bytes[bytes.length - 2] as number) << 8) | (bytes[bytes.length - 1] as number);
  return { data: bytes.slice(0, bytes.length - 2), sw };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data, 0);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/** Throws the typed status-word error unless the card said 90 00. */
export function expectOk(response: ResponseApdu, what: string): Uint8Array {
  if (response.sw !== SW_OK) throw statusWordError(response.sw, what);
  return response.data;
}

export function statusWordError(sw: number, what: string): CardError {
  const meaning = statusWordMeaning(sw);
  return new CardError('status-word', { sw: `${swHex(sw)} (${what})`, meaningZh: meaning['zh-TW'], meaningEn: meaning.en });
}

export function toHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(separator);
}

/** Hex with or without spaces → bytes; null for anything that is not whole hex bytes. */
export function fromHex(text: string): Uint8Array | null {
  const compact = text.replace(/[\s:]/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  return out;
}
