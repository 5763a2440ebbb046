// The 57-byte basic data: offsets that stay right for ROC years ≥ 100, Big5 names with HKSCS
// characters, and every malformed field refused with a typed error.
import test from 'ava';
import iconv from 'iconv-lite';
import { demoDeck, findPatient } from '../../../src/demo/deck.ts';
import { RARE_NAME_CHARS } from '../../../src/demo/names.ts';
import { CardError } from '../../../src/device/cards/errors.ts';
import { BASIC_DATA_LENGTH, decodePatientBasic, encodePatientBasic, type PatientBasicData } from '../../../src/device/cards/patient-basic.ts';

const sample: PatientBasicData = {
  cardNumber: '000012345678',
  name: '林堃喆',
  nationalId: 'A123456789',
  birthDate: '2012-02-29',
  sex: 'F',
  issueDate: '2024-01-05',
};

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

test('layout: card number, Big5 name NUL-padded, ID, ROC birth date, sex, issue date', (t) => {
  const bytes = encodePatientBasic(sample);
  t.is(bytes.length, BASIC_DATA_LENGTH);
  t.is(ascii(bytes.subarray(0, 12)), '000012345678');
  t.deepEqual([...bytes.subarray(12, 18)], [...iconv.encode('林堃喆', 'big5')]);
  t.true(bytes.subarray(18, 32).every((b) => b === 0), 'name is NUL-padded to 20 bytes');
  t.is(ascii(bytes.subarray(32, 42)), 'A123456789');
  t.is(ascii(bytes.subarray(42, 49)), '1010229', 'ROC 101 = 2012, three-digit year');
  t.is(ascii(bytes.subarray(49, 50)), 'F');
  t.is(ascii(bytes.subarray(50, 57)), '1130105');
  t.deepEqual(decodePatientBasic(bytes), sample);
});

test('HKSCS characters in names survive the round trip (TextDecoder would lose them)', (t) => {
  for (const name of ['王堃', '陳喆', '李峯', '張犇', '吳菓', '歐陽淼焱']) {
    t.is(decodePatientBasic(encodePatientBasic({ ...sample, name })).name, name);
  }
});

test('the deck patients the device tests use decode to their deck values', (t) => {
  const deck = demoDeck();
  const p003 = findPatient(deck, 'P003');
  const p007 = findPatient(deck, 'P007');
  if (!p003 || !p007) return t.fail('deck is missing P003/P007');
  t.true([...p003.name].some((c) => (RARE_NAME_CHARS as readonly string[]).includes(c)), 'P003 carries a rare character');
  t.is(p007.birthDate, '2012-02-29');
  for (const p of [p003, p007]) {
    const basic = { cardNumber: p.cardNumber, name: p.name, nationalId: p.nationalId, birthDate: p.birthDate, sex: p.sex, issueDate: p.issueDate };
    t.deepEqual(decodePatientBasic(encodePatientBasic(basic)), basic);
  }
});

function corrupt(edit: (bytes: Uint8Array) => void): Uint8Array {
  const bytes = encodePatientBasic(sample);
  edit(bytes);
  return bytes;
}

const malformed: [string, Uint8Array, string][] = [
  ['short record (56 bytes)', encodePatientBasic(sample).slice(0, 56), 'bad-record'],
  ['long record (58 bytes)', Uint8Array.from([...encodePatientBasic(sample), 0]), 'bad-record'],
  ['bad Big5 lead byte', corrupt((b) => b.set([0xff, 0xff], 12)), 'bad-name-encoding'],
  ['truncated Big5 pair', corrupt((b) => b.set([0xa4, 0x00], 12)), 'bad-name-encoding'],
  ['empty name', corrupt((b) => b.fill(0, 12, 32)), 'bad-record'],
  ['ROC 112/02/29 does not exist', corrupt((b) => b.set([...'1120229'].map((c) => c.charCodeAt(0)), 42)), 'bad-date'],
  ['ROC date with letters', corrupt((b) => b.set([...'10A0229'].map((c) => c.charCodeAt(0)), 42)), 'bad-date'],
  ['ROC year 000', corrupt((b) => b.set([...'0000101'].map((c) => c.charCodeAt(0)), 50)), 'bad-date'],
  ['sex X', corrupt((b) => (b[49] = 0x58)), 'bad-record'],
  ['card number with a control byte', corrupt((b) => (b[3] = 0x01)), 'bad-record'],
  ['ID not letter + 9', corrupt((b) => b.set([...'1234567890'].map((c) => c.charCodeAt(0)), 32)), 'bad-record'],
];

for (const [what, bytes, kind] of malformed) {
  test(`malformed basic data: ${what} → ${kind}`, (t) => {
    const error = t.throws(() => decodePatientBasic(bytes), { instanceOf: CardError });
    t.is(error?.kind as string | undefined, kind);
    t.truthy(error?.text('zh-TW'));
  });
}

test('a name longer than the 20-byte field or outside Big5 cannot be written to a card', (t) => {
  t.throws(() => encodePatientBasic({ ...sample, name: '歐陽一二三四五六七八' + '九' }), { instanceOf: RangeError });
  t.throws(() => encodePatientBasic({ ...sample, name: '😀' }), { instanceOf: RangeError });
});
