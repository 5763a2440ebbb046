// The NHI card's public basic data (基本資料): 57 bytes, layout from TWNHI and the csHis
// example (research §1.2), 0-based offsets:
//   [0,12) 卡片號碼 ASCII · [12,32) 姓名 Big5 NUL-padded · [32,42) 身分證號 ASCII ·
//   [42,49) 出生日期 ROC yyyMMdd · [49] 性別 M/F · [50,57) 發卡日期 ROC yyyMMdd.
// Public parsers that slice the name as [12,18) or the dates from offset 43 break for
// ROC years ≥ 100 (2011 and later); these offsets do not.
import type { IsoDate, Sex } from '../../core/domain/types.ts';
import { CardError } from './errors.ts';
import { decodeAsciiField, decodeBig5Field, decodeRoc7, encodeAsciiField, encodeBig5Field, encodeRoc7 } from './fields.ts';

export const BASIC_DATA_LENGTH = 57;

export interface PatientBasicData {
  cardNumber: string;
  name: string;
  nationalId: string;
  birthDate: IsoDate;
  sex: Sex;
  issueDate: IsoDate;
}

export function decodePatientBasic(bytes: Uint8Array): PatientBasicData {
  if (bytes.length !== BASIC_DATA_LENGTH) {
    throw new CardError('bad-record', { detail: `basic data is ${bytes.length} bytes, expected ${BASIC_DATA_LENGTH}` });
  }
  const cardNumber = decodeAsciiField(bytes.subarray(0, 12), 'card number');
  if (!/^\d{12}$/.test(cardNumber)) throw new CardError('bad-record', { detail: 'card number is not 12 digits' });
  const name = decodeBig5Field(bytes.subarray(12, 32));
  if (name === '') throw new CardError('bad-record', { detail: 'name is empty' });
  const nationalId = decodeAsciiField(bytes.subarray(32, 42), 'national ID');
  // Residents' ID documents differ in pattern, so only the shape is checked here.
  if (!/^[A-Z][A-Z0-9]\d{8}$/.test(nationalId)) throw new CardError('bad-record', { detail: 'ID number is not a letter + 9 characters' });
  const birthDate = decodeRoc7(bytes.subarray(42, 49), 'birth date / 出生日期');
  const sexByte = String.fromCharCode(bytes[49] as number);
  if (sexByte !== 'M' && sexByte !== 'F') throw new CardError('bad-record', { detail: 'sex is neither M nor F' });
  const issueDate = decodeRoc7(bytes.subarray(50, 57), 'issue date / 發卡日期');
  return { cardNumber, name, nationalId, birthDate, sex: sexByte, issueDate };
}

export function encodePatientBasic(data: PatientBasicData): Uint8Array {
  const out = new Uint8Array(BASIC_DATA_LENGTH);
  out.set(encodeAsciiField(data.cardNumber, 12), 0);
  out.set(encodeBig5Field(data.name, 20), 12);
  out.set(encodeAsciiField(data.nationalId, 10), 32);
  out.set(encodeRoc7(data.birthDate), 42);
  out[49] = data.sex.charCodeAt(0);
  out.set(encodeRoc7(data.issueDate), 50);
  return out;
}
