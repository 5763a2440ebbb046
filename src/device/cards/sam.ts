// The security module (安全模組) that identifies the institution and signs the login request:
// the cloud SAM file (./sam-file.ts) on today's PCs, or a SAM card in a reader (below).
// Both give the same Sam, so the cloud client signs without knowing which.
import type { CardChannel } from '../types.ts';
import { statusWordError } from './apdu.ts';
import { CardError } from './errors.ts';
import { exchange } from './exchange.ts';
import { decodeAsciiField, encodeAsciiField } from './fields.ts';
import { INS, SAM_AID, SFI, readBinaryP1, selectByAid } from './profile.ts';
import { readPublicKey, signOnCard } from './staff-card.ts';

export interface Sam {
  source: 'file' | 'card';
  /** 10-digit 醫事機構代碼 of the institution the SAM belongs to. */
  hospId: string;
  /** 12-digit SAM id. */
  samId: string;
  /** SubjectPublicKeyInfo DER of the signing key. */
  publicKeyDer: Uint8Array;
  /** ECDSA P-256 / SHA-256 DER signature over `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export function samSign(sam: Sam, message: Uint8Array): Promise<Uint8Array> {
  return sam.sign(message);
}

export const SAM_RECORD_LENGTH = 22;

/** SAM holder record: [0,10) hospital code · [10,22) SAM id, ASCII digits (the file name's 22 digits). */
export function decodeSamRecord(bytes: Uint8Array): { hospId: string; samId: string } {
  if (bytes.length !== SAM_RECORD_LENGTH) throw new CardError('bad-record', { detail: `SAM record is ${bytes.length} bytes, expected 22` });
  const text = decodeAsciiField(bytes, 'SAM record');
  if (!/^\d{22}$/.test(text)) throw new CardError('bad-record', { detail: 'SAM record is not 22 digits' });
  return { hospId: text.slice(0, 10), samId: text.slice(10) };
}

export function encodeSamRecord(hospId: string, samId: string): Uint8Array {
  return encodeAsciiField(`${hospId}${samId}`, SAM_RECORD_LENGTH);
}

async function selectSam(channel: CardChannel): Promise<void> {
  const { sw } = await exchange(channel, selectByAid(SAM_AID));
  if (sw === 0x9000) return;
  if (sw === 0x6a82 || sw === 0x6a86 || sw === 0x6d00 || sw === 0x6e00) throw new CardError('not-sam-card');
  throw statusWordError(sw, 'SELECT SAM application');
}

/** A SAM card in a reader; the channel must stay open for as long as the Sam is used. */
export async function openSamCard(channel: CardChannel): Promise<Sam> {
  await selectSam(channel);
  const { data, sw } = await exchange(channel, Uint8Array.from([0x00, INS.readBinary, readBinaryP1(SFI.holder), 0x00, 0x00]));
  if (sw !== 0x9000) throw statusWordError(sw, 'READ BINARY SAM holder');
  const { hospId, samId } = decodeSamRecord(data);
  const publicKeyDer = await readPublicKey(channel, 'SAM');
  return {
    source: 'card',
    hospId,
    samId,
    publicKeyDer,
    async sign(message) {
      await selectSam(channel);
      return signOnCard(channel, message, 'sam');
    },
  };
}
