// Healthcare professional card (醫事人員卡) in yaoli's card profile. No public APDU spec for
// the HCA card exists (research §2), so this is our documented design: an application
// selected by AID, a holder record, ISO VERIFY, a P-256 key that signs a challenge after the
// PIN is verified, and the public key readable as SubjectPublicKeyInfo DER.
import { createPublicKey } from 'node:crypto';
import type { StaffRole } from '../../core/domain/staff-roles.ts';
import type { CardChannel } from '../types.ts';
import { statusWordError } from './apdu.ts';
import { CardError } from './errors.ts';
import { exchange } from './exchange.ts';
import { decodeAsciiField, decodeBig5Field, encodeAsciiField, encodeBig5Field } from './fields.ts';
import { pinStatus, verifyPin, type PinCheck, type PinStatus } from './pin.ts';
import { INS, PSO_CDS_P1, PSO_CDS_P2, SFI, STAFF_AID, readBinaryP1, selectByAid } from './profile.ts';

export type { StaffRole };

export const STAFF_RECORD_LENGTH = 31;

export interface StaffProfile {
  staffId: string;
  name: string;
  role: StaffRole;
}

const ROLE_CODES: Record<string, StaffRole> = { D: 'doctor', P: 'pharmacist', N: 'nurse' };

/** Holder record: [0,10) staff national ID ASCII · [10,30) name Big5 NUL-padded · [30] role D/P/N. */
export function decodeStaffRecord(bytes: Uint8Array): StaffProfile {
  if (bytes.length !== STAFF_RECORD_LENGTH) {
    throw new CardError('bad-record', { detail: `staff record is ${bytes.length} bytes, expected ${STAFF_RECORD_LENGTH}` });
  }
  const staffId = decodeAsciiField(bytes.subarray(0, 10), 'staff ID');
  if (!/^[A-Z][A-Z0-9]\d{8}$/.test(staffId)) throw new CardError('bad-record', { detail: 'staff ID is not a letter + 9 characters' });
  const name = decodeBig5Field(bytes.subarray(10, 30));
  if (name === '') throw new CardError('bad-record', { detail: 'staff name is empty' });
  const role = ROLE_CODES[String.fromCharCode(bytes[30] as number)];
  if (!role) throw new CardError('bad-record', { detail: 'role is not D, P or N' });
  return { staffId, name, role };
}

export function encodeStaffRecord(profile: StaffProfile): Uint8Array {
  const out = new Uint8Array(STAFF_RECORD_LENGTH);
  out.set(encodeAsciiField(profile.staffId, 10), 0);
  out.set(encodeBig5Field(profile.name, 20), 10);
  const code = Object.entries(ROLE_CODES).find(([, role]) => role === profile.role)?.[0] ?? 'P';
  out[30] = code.charCodeAt(0);
  return out;
}

export async function selectStaffApplication(channel: CardChannel): Promise<void> {
  const { sw } = await exchange(channel, selectByAid(STAFF_AID));
  if (sw === 0x9000) return;
  if (sw === 0x6a82 || sw === 0x6a86 || sw === 0x6d00 || sw === 0x6e00) throw new CardError('not-staff-card');
  throw statusWordError(sw, 'SELECT staff application');
}

export async function readStaffProfile(channel: CardChannel): Promise<StaffProfile> {
  await selectStaffApplication(channel);
  const { data, sw } = await exchange(channel, Uint8Array.from([0x00, INS.readBinary, readBinaryP1(SFI.holder), 0x00, 0x00]));
  if (sw !== 0x9000) throw statusWordError(sw, 'READ BINARY staff holder');
  return decodeStaffRecord(data);
}

export async function staffPinStatus(channel: CardChannel): Promise<PinStatus> {
  await selectStaffApplication(channel);
  return pinStatus(channel, 'VERIFY status (staff)');
}

export async function verifyStaffPin(channel: CardChannel, pin: string): Promise<PinCheck> {
  await selectStaffApplication(channel);
  return verifyPin(channel, pin, 'VERIFY (staff)');
}

/** Reads the signing key as SPKI DER; checks it parses so a garbled key fails here, not at the cloud. */
export async function readStaffPublicKey(channel: CardChannel): Promise<Uint8Array> {
  await selectStaffApplication(channel);
  return readPublicKey(channel, 'staff');
}

export async function readPublicKey(channel: CardChannel, what: string): Promise<Uint8Array> {
  const { data, sw } = await exchange(channel, Uint8Array.from([0x00, INS.readBinary, readBinaryP1(SFI.publicKey), 0x00, 0x00]));
  if (sw !== 0x9000) throw statusWordError(sw, `READ BINARY ${what} public key`);
  try {
    createPublicKey({ key: Buffer.from(data), format: 'der', type: 'spki' });
  } catch {
    throw new CardError('bad-record', { detail: `${what} public key is not SubjectPublicKeyInfo DER` });
  }
  return data;
}

/**
 * PSO: COMPUTE DIGITAL SIGNATURE over `message` (≤ 255 bytes; the three-card login's
 * `${clientRandom}|${hospId}|${staffId}|${patientId}` is 97). The card hashes with SHA-256
 * and answers an ECDSA P-256 DER signature. 69 82 = PIN not verified → NHI 4042.
 */
export async function staffSign(channel: CardChannel, message: Uint8Array): Promise<Uint8Array> {
  await selectStaffApplication(channel);
  return signOnCard(channel, message, 'staff');
}

export async function signOnCard(channel: CardChannel, message: Uint8Array, what: 'staff' | 'sam'): Promise<Uint8Array> {
  if (message.length < 1 || message.length > 255) throw new CardError('sign-failed', { detail: `message must be 1-255 bytes, got ${message.length}` });
  const apdu = Uint8Array.from([0x00, INS.pso, PSO_CDS_P1, PSO_CDS_P2, message.length, ...message, 0x00]);
  const { data, sw } = await exchange(channel, apdu);
  if (sw === 0x6982 && what === 'staff') throw new CardError('staff-pin-not-verified');
  if (sw !== 0x9000) throw statusWordError(sw, `PSO CDS ${what}`);
  if (data.length < 8 || data[0] !== 0x30) throw new CardError('bad-response', { detail: 'signature is not DER' });
  return data;
}
