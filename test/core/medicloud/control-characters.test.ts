// Cloud text is printed on the kiosk's terminal: a control character in it would be a
// command (clear the screen, overwrite a line, forge a row), so the mapper turns each into a space.
import test from 'ava';
import { MedicloudShapeError, mapBundle, mapMedications } from '../../../src/core/medicloud/index.ts';
import { medicationRow, medications } from './fixtures.ts';

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

test('an ESC sequence and a line feed in drug_ename come out as spaces, not as terminal commands', (t) => {
  const [record] = mapMedications(medications([medicationRow({ drug_ename: '\u001b[31mNORVASC\nFAKE ROW 114/01/01\u001b[0m TABLETS 5MG' })]));
  t.false(CONTROL.test(record?.drugName ?? '\u001b'));
  t.is(record?.drugName, '[31mNORVASC FAKE ROW 114/01/01 [0m TABLETS 5MG');
});

test('DEL and C1 controls (U+009B is a one-byte CSI) are spaces too; the source name loses its CR', (t) => {
  const [record] = mapMedications(medications([medicationRow({ drug_ename: 'NORVASC\u009b2J\u007fTABLETS', hosp: '示範\r醫院;門診;0401180014' })]));
  t.is(record?.drugName, 'NORVASC 2J TABLETS');
  t.is(record?.institution.name, '示範 醫院');
});

test('a patient name that clears the screen and returns the carriage keeps only its text', (t) => {
  const { patient } = mapBundle({ patient: { id: 'A123456789', name: '\u001b[2J範例\r甲', birthDate: '0370115', sex: 'F' } });
  t.is(patient?.name, '[2J範例 甲');
});

test('ordinary CJK, full-width and ideographic-space text is unchanged', (t) => {
  const name = '脈優錠　５毫克（ＡＭＬＯＤＩＰＩＮＥ）“STANDARD”';
  const [record] = mapMedications(medications([medicationRow({ drug_ename: name, icd_cname: '本態性(原發性)高血壓' })]));
  t.is(record?.drugName, name);
  t.deepEqual(record?.diagnosis, { code: 'I10', name: '本態性(原發性)高血壓' });
  t.is(mapBundle({ patient: { id: 'A123456789', name: '王　小明', birthDate: '0370115', sex: 'M' } }).patient?.name, '王　小明');
});

test('text that is nothing but control characters is blank: absent when optional, "must not be empty" when required', (t) => {
  const [record] = mapMedications(medications([medicationRow({ drug_fre: '\u001b\r\n' })]));
  t.is(record?.frequency, null);
  const error = t.throws(() => mapMedications(medications([medicationRow({ drug_ename: '\u001b\u0007' })])), { instanceOf: MedicloudShapeError });
  t.is(error?.message, 'imue0008s02 robject[0].drug_ename: must not be empty');
});

test('a bad value quoted in a shape error shows DEL and C1 controls escaped, not raw', (t) => {
  const error = t.throws(() => mapMedications(medications([medicationRow({ drug_date: '\u009b2J\u007f' })])), { instanceOf: MedicloudShapeError });
  t.false(CONTROL.test(error?.messageIn('zh-TW') ?? '\u001b'));
  t.is(error?.message, 'imue0008s02 robject[0].drug_date: not a date "\\u009b2J\\u007f"');
});

test('a bidi override, zero-width characters and a BOM in a name are removed: the name is drawn as it reads', (t) => {
  const [record] = mapMedications(medications([medicationRow({ drug_ename: '\uFEFFNOR\u200BVASC \u202EGM5 STELBAT\u202C' })]));
  t.is(record?.drugName, 'NORVASC GM5 STELBAT');
});
