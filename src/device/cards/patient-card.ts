// Patient NHI card (健保卡) operations over any CardChannel. The basic data uses NHI's real
// SELECT/GET DATA; PIN and records follow yaoli's card profile (docs/card-profile.md).
import type { CardChannel } from '../types.ts';
import { statusWordError } from './apdu.ts';
import { CardError } from './errors.ts';
import { exchange } from './exchange.ts';
import { decodePatientBasic, type PatientBasicData } from './patient-basic.ts';
import { pinStatus, verifyPin, type PinCheck, type PinStatus } from './pin.ts';
import { INS, READ_BASIC, SELECT_NHI, SFI, readRecordP2 } from './profile.ts';
import { decodeAllergy, decodeLongTermPrescription, type AllergyRecord, type LongTermPrescription } from './records.ts';

/** Cards hold few records (csHis writes allergies 1-3); 254 is READ RECORD's own ceiling. */
const MAX_RECORDS = 254;

export async function selectPatientApplication(channel: CardChannel): Promise<void> {
  const { sw } = await exchange(channel, SELECT_NHI);
  if (sw === 0x9000) return;
  if (sw === 0x6a82 || sw === 0x6a86 || sw === 0x6d00 || sw === 0x6e00) throw new CardError('not-patient-card');
  throw statusWordError(sw, 'SELECT NHI');
}

export async function readPatientProfile(channel: CardChannel): Promise<PatientBasicData> {
  await selectPatientApplication(channel);
  const { data, sw } = await exchange(channel, READ_BASIC);
  if (sw !== 0x9000) throw statusWordError(sw, 'READ basic data');
  return decodePatientBasic(data);
}

export async function patientPinStatus(channel: CardChannel): Promise<PinStatus> {
  await selectPatientApplication(channel);
  return pinStatus(channel, 'VERIFY status (patient)');
}

/** The patient's PIN is their consent (SPEC §2); the PIN string is not kept. */
export async function verifyPatientPin(channel: CardChannel, pin: string): Promise<PinCheck> {
  await selectPatientApplication(channel);
  return verifyPin(channel, pin, 'VERIFY (patient)');
}

async function readRecords<T>(channel: CardChannel, sfi: number, decode: (bytes: Uint8Array) => T, what: string): Promise<T[]> {
  await selectPatientApplication(channel);
  const records: T[] = [];
  for (let number = 1; number <= MAX_RECORDS; number++) {
    const { data, sw } = await exchange(channel, Uint8Array.from([0x00, INS.readRecord, number, readRecordP2(sfi), 0x00]));
    // 6A83: past the last record; 6A82: the card has no such file, so no records.
    if (sw === 0x6a83 || sw === 0x6a82) break;
    if (sw === 0x6982) throw new CardError('pin-not-verified');
    if (sw !== 0x9000) throw statusWordError(sw, what);
    records.push(decode(data));
  }
  return records;
}

export function readAllergies(channel: CardChannel): Promise<AllergyRecord[]> {
  return readRecords(channel, SFI.allergies, decodeAllergy, 'READ RECORD allergies');
}

export function readLongTermPrescriptions(channel: CardChannel): Promise<LongTermPrescription[]> {
  return readRecords(channel, SFI.longTermPrescriptions, decodeLongTermPrescription, 'READ RECORD long-term prescriptions');
}
