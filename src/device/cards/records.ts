// yaoli profile records on the patient card, fixed-width like the basic data so a card with
// Big5 text and ROC dates stays one encoding (docs/card-profile.md §Patient card records).
// Field order follows what csHis returns for hisReadPrescriptAllergic / hisReadPrescriptLongTerm
// (institution, ROC date-time, then the order itself); the widths are ours.
import type { IsoDate } from '../../core/domain/types.ts';
import { CardError } from './errors.ts';
import {
  decodeAsciiField,
  decodeBig5Field,
  decodeRocDateTime,
  encodeAsciiField,
  encodeBig5Field,
  encodeRocDateTime,
} from './fields.ts';

export const ALLERGY_RECORD_LENGTH = 63;
export const LONG_TERM_RECORD_LENGTH = 60;

/** 過敏藥物: one allergy written to the card by an institution. */
export interface AllergyRecord {
  institutionId: string;
  recordedDate: IsoDate;
  recordedTime: string;
  drugName: string;
}

/** 長期處方箋: one long-term order on the card. */
export interface LongTermPrescription {
  prescribedDate: IsoDate;
  prescribedTime: string;
  institutionId: string;
  drugCode: string;
  /** 用法 as written by the prescriber, e.g. 'QD' or 'BID PC'. */
  frequency: string;
  daysSupply: number;
  quantity: number;
}

function expectLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) throw new CardError('bad-record', { detail: `${what} record is ${bytes.length} bytes, expected ${length}` });
}

function institution(bytes: Uint8Array): string {
  const id = decodeAsciiField(bytes, 'institution code');
  if (!/^\d{10}$/.test(id)) throw new CardError('bad-record', { detail: 'institution code is not 10 digits' });
  return id;
}

export function decodeAllergy(bytes: Uint8Array): AllergyRecord {
  expectLength(bytes, ALLERGY_RECORD_LENGTH, 'allergy');
  const institutionId = institution(bytes.subarray(0, 10));
  const when = decodeRocDateTime(bytes.subarray(10, 23), 'allergy date / 過敏登錄日期');
  const drugName = decodeBig5Field(bytes.subarray(23, 63));
  if (drugName === '') throw new CardError('bad-record', { detail: 'allergy drug name is empty' });
  return { institutionId, recordedDate: when.date, recordedTime: when.time, drugName };
}

export function encodeAllergy(record: AllergyRecord): Uint8Array {
  const out = new Uint8Array(ALLERGY_RECORD_LENGTH);
  out.set(encodeAsciiField(record.institutionId, 10), 0);
  out.set(encodeRocDateTime(record.recordedDate, record.recordedTime), 10);
  out.set(encodeBig5Field(record.drugName, 40), 23);
  return out;
}

export function decodeLongTermPrescription(bytes: Uint8Array): LongTermPrescription {
  expectLength(bytes, LONG_TERM_RECORD_LENGTH, 'long-term prescription');
  const when = decodeRocDateTime(bytes.subarray(0, 13), 'prescription date / 開立日期');
  const institutionId = institution(bytes.subarray(13, 23));
  const drugCode = decodeAsciiField(bytes.subarray(23, 33), 'drug code');
  if (!/^[A-Z0-9]{10}$/.test(drugCode)) throw new CardError('bad-record', { detail: 'drug code is not 10 characters' });
  const frequency = decodeAsciiField(bytes.subarray(33, 51), 'frequency');
  const daysText = decodeAsciiField(bytes.subarray(51, 53), 'days');
  const quantityText = decodeAsciiField(bytes.subarray(53, 60), 'quantity').trim();
  if (!/^\d{1,2}$/.test(daysText)) throw new CardError('bad-record', { detail: 'days supply is not a number' });
  if (!/^\d+(\.\d+)?$/.test(quantityText)) throw new CardError('bad-record', { detail: 'quantity is not a number' });
  return {
    prescribedDate: when.date,
    prescribedTime: when.time,
    institutionId,
    drugCode,
    frequency,
    daysSupply: Number(daysText),
    quantity: Number(quantityText),
  };
}

export function encodeLongTermPrescription(record: LongTermPrescription): Uint8Array {
  const out = new Uint8Array(LONG_TERM_RECORD_LENGTH);
  out.set(encodeRocDateTime(record.prescribedDate, record.prescribedTime), 0);
  out.set(encodeAsciiField(record.institutionId, 10), 13);
  out.set(encodeAsciiField(record.drugCode, 10), 23);
  out.set(encodeAsciiField(record.frequency, 18), 33);
  out.set(encodeAsciiField(String(record.daysSupply).padStart(2, '0'), 2), 51);
  out.set(encodeAsciiField(String(record.quantity).padStart(7, ' '), 7), 53);
  return out;
}
