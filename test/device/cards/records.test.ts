// yaoli profile records on the patient card and the staff holder record: round trips and
// malformed bytes (short record, bad date-time, bad numbers, unknown role) as typed errors.
import test from 'ava';
import { CardError } from '../../../src/device/cards/errors.ts';
import {
  ALLERGY_RECORD_LENGTH,
  LONG_TERM_RECORD_LENGTH,
  decodeAllergy,
  decodeLongTermPrescription,
  encodeAllergy,
  encodeLongTermPrescription,
  type AllergyRecord,
  type LongTermPrescription,
} from '../../../src/device/cards/records.ts';
import { decodeStaffRecord, encodeStaffRecord } from '../../../src/device/cards/staff-card.ts';

const allergy: AllergyRecord = { institutionId: '1101010012', recordedDate: '2025-10-24', recordedTime: '14:05:09', drugName: 'ASPIRIN 阿斯匹靈' };
const order: LongTermPrescription = {
  prescribedDate: '2025-09-30',
  prescribedTime: '09:30:00',
  institutionId: '3501200000',
  drugCode: 'AC45856100',
  frequency: 'BID PC',
  daysSupply: 28,
  quantity: 56.5,
};

const kindOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof CardError ? error.kind : 'not-a-card-error';
  }
};

test('allergy record: 10 + 13 + 40 bytes, ROC date-time', (t) => {
  const bytes = encodeAllergy(allergy);
  t.is(bytes.length, ALLERGY_RECORD_LENGTH);
  t.is(String.fromCharCode(...bytes.subarray(10, 23)), '1141024140509');
  t.deepEqual(decodeAllergy(bytes), allergy);
});

test('long-term prescription record round-trips with a decimal quantity', (t) => {
  const bytes = encodeLongTermPrescription(order);
  t.is(bytes.length, LONG_TERM_RECORD_LENGTH);
  t.deepEqual(decodeLongTermPrescription(bytes), order);
});

test('malformed records are typed errors', (t) => {
  const good = encodeAllergy(allergy);
  t.is(kindOf(() => decodeAllergy(good.slice(0, 62))), 'bad-record');
  const badTime = Uint8Array.from(good);
  badTime.set([...'1141024250509'].map((c) => c.charCodeAt(0)), 10); // hour 25
  t.is(kindOf(() => decodeAllergy(badTime)), 'bad-date');
  const badInstitution = Uint8Array.from(good);
  badInstitution[0] = 0x41;
  t.is(kindOf(() => decodeAllergy(badInstitution)), 'bad-record');

  const rx = encodeLongTermPrescription(order);
  const badDays = Uint8Array.from(rx);
  badDays.set([0x2d, 0x31], 51); // "-1"
  t.is(kindOf(() => decodeLongTermPrescription(badDays)), 'bad-record');
  const badQuantity = Uint8Array.from(rx);
  badQuantity.set([...'  1.2.3'].map((c) => c.charCodeAt(0)), 53);
  t.is(kindOf(() => decodeLongTermPrescription(badQuantity)), 'bad-record');
  t.is(kindOf(() => decodeLongTermPrescription(rx.slice(1))), 'bad-record');
});

test('staff holder record: ID, Big5 name, role letter', (t) => {
  const profile = { staffId: 'A223456789', name: '張犇', role: 'nurse' as const };
  const bytes = encodeStaffRecord(profile);
  t.is(String.fromCharCode(bytes[30] as number), 'N');
  t.deepEqual(decodeStaffRecord(bytes), profile);
  const badRole = Uint8Array.from(bytes);
  badRole[30] = 0x58;
  t.is(kindOf(() => decodeStaffRecord(badRole)), 'bad-record');
  t.is(kindOf(() => decodeStaffRecord(bytes.slice(0, 30))), 'bad-record');
});
