// Fixed-width card fields: ASCII digits and codes, Big5 text padded with NUL, ROC dates.
// Decoding refuses bad bytes with a typed error instead of showing mojibake: a name that
// is not Big5 or a birth date that does not exist means the card (or the reader) is bad.
import iconv from 'iconv-lite';
import { parseDate, toRoc7 } from '../../core/domain/dates.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import { CardError } from './errors.ts';

/**
 * Big5 with the HKSCS extension (iconv-lite's 'big5' is CP950 + HKSCS), so names with
 * 堃 喆 峯 犇 菓 decode; Node's TextDecoder('big5') turns those into U+FFFD.
 */
const BIG5 = 'big5';

/** Big5 text up to the first NUL (cards pad with 00; some writers pad with spaces too). */
export function decodeBig5Field(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const used = end === -1 ? bytes : bytes.subarray(0, end);
  const text = iconv.decode(Buffer.from(used), BIG5);
  if (text.includes('\uFFFD')) throw new CardError('bad-name-encoding');
  return text.replace(/[\s\u3000]+$/u, '');
}

/** Big5 bytes NUL-padded to `width`; throws for text Big5 cannot hold or that is too long. */
export function encodeBig5Field(text: string, width: number): Uint8Array {
  const encoded = iconv.encode(text, BIG5);
  if (iconv.decode(encoded, BIG5) !== text) throw new RangeError('text has characters outside Big5');
  if (encoded.length > width) throw new RangeError(`Big5 text is ${encoded.length} bytes, the field holds ${width}`);
  const out = new Uint8Array(width);
  out.set(encoded, 0);
  return out;
}

/** Printable ASCII; trailing spaces and NULs trimmed. */
export function decodeAsciiField(bytes: Uint8Array, field: string): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end--;
  const used = bytes.subarray(0, end);
  for (const b of used) {
    if (b < 0x20 || b > 0x7e) throw new CardError('bad-record', { detail: `${field}: non-ASCII byte 0x${b.toString(16).padStart(2, '0')}` });
  }
  return String.fromCharCode(...used);
}

export function encodeAsciiField(text: string, width: number, pad = ' '): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError('ASCII field has non-ASCII characters');
  if (text.length > width) throw new RangeError(`ASCII text is ${text.length} bytes, the field holds ${width}`);
  return Uint8Array.from(text.padEnd(width, pad), (c) => c.charCodeAt(0));
}

/** ROC 'yyyMMdd' (3-digit year, so 2011+ reads right: 1010229 = 2012-02-29) → ISO. */
export function decodeRoc7(bytes: Uint8Array, field: string): IsoDate {
  const text = String.fromCharCode(...bytes);
  const iso = /^\d{7}$/.test(text) ? parseDate(text) : null;
  if (iso === null) throw new CardError('bad-date', { field });
  return iso;
}

export function encodeRoc7(iso: IsoDate): Uint8Array {
  const text = toRoc7(iso);
  if (!/^\d{7}$/.test(text)) throw new RangeError(`date ${iso} has no 7-digit ROC form`);
  return encodeAsciiField(text, 7);
}

/** ROC 'yyyMMddHHmmss' (13 bytes, as csHis dates its records) → ISO day + 'HH:mm:ss'. */
export function decodeRocDateTime(bytes: Uint8Array, field: string): { date: IsoDate; time: string } {
  const text = String.fromCharCode(...bytes);
  const match = /^(\d{7})([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/.exec(text);
  const date = match ? parseDate(match[1]) : null;
  if (!match || date === null) throw new CardError('bad-date', { field });
  return { date, time: `${match[2]}:${match[3]}:${match[4]}` };
}

export function encodeRocDateTime(date: IsoDate, time: string): Uint8Array {
  if (!/^\d{2}:\d{2}:\d{2}$/.test(time)) throw new RangeError(`time must be HH:mm:ss, got ${time}`);
  return encodeAsciiField(`${toRoc7(date)}${time.replace(/:/g, '')}`, 13);
}
