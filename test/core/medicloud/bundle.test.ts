import test from 'ava';
import { MedicloudShapeError, mapBundle } from '../../../src/core/medicloud/index.ts';
import { chronicRow, medicationRow, medications } from './fixtures.ts';

test('a bundle maps every part; absent parts are empty', (t) => {
  const history = mapBundle({
    patient: { id: 'a123456789', name: '測試病人', birthDate: '0370115', sex: 'F' },
    medications: medications([medicationRow()]),
    chronic: { chrDataN: [chronicRow({ chr_num: 2 })], chrDataY: [] },
  });
  t.deepEqual(history.patient, { nationalId: 'A123456789', name: '測試病人', birthDate: '1948-01-15', sex: 'F' });
  t.is(history.medications.length, 1);
  t.is(history.chronic.length, 1);
  t.deepEqual([history.cloudLeftover, history.careList, history.careListSummary, history.allergies, history.summary], [[], [], [], [], []]);
});

test('the optional summary part maps to notes; a bad summary row names imue2000s01 and the field', (t) => {
  const history = mapBundle({ summary: { log2time: '2026-11-23T10:00:00', robject: [{ txt: '最近一筆eGFR值為[34]，採檢日期為[114/02/28]', img: 'summary-icon-3.png' }] } });
  t.like(history.summary[0], { kind: 'ckd', egfr: 34, egfrDate: '2025-02-28' });
  const error = t.throws(() => mapBundle({ summary: { robject: [{ img: 'summary-icon-3.png' }] } }), { instanceOf: MedicloudShapeError });
  t.is(error?.message, 'imue2000s01 robject[0].txt: required field missing');
});

test('an empty bundle is an empty history without a patient', (t) => {
  t.deepEqual(mapBundle({}), { patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] });
});

test('a bad part names its endpoint; a bad patient never echoes the identity', (t) => {
  const medicationError = t.throws(() => mapBundle({ medications: medications([medicationRow({ drug_date: 'yesterday' })]) }), { instanceOf: MedicloudShapeError });
  t.is(medicationError?.message, 'imue0008s02 robject[0].drug_date: not a date "yesterday"');
  const patientError = t.throws(() => mapBundle({ patient: { id: 'A123456789', name: '王小明', birthDate: '1948-02-30', sex: 'F' } }), { instanceOf: MedicloudShapeError });
  t.is(patientError?.message, 'patient birthDate: not a date');
  t.false(patientError?.message.includes('1948'));
  t.like(t.throws(() => mapBundle([]), { instanceOf: MedicloudShapeError })?.details, { endpoint: 'bundle', problem: 'not-an-object' });
});

test('an unknown top-level key (a typo, "medication") is refused by name instead of reading as "no medications"', (t) => {
  const error = t.throws(() => mapBundle({ medication: medications([medicationRow()]) }), { instanceOf: MedicloudShapeError });
  t.like(error?.details, { endpoint: 'bundle', path: 'medication', field: 'medication', problem: 'unknown-key' });
  t.is(error?.message, 'bundle medication: unknown key; a bundle holds patient, medications, chronic, medDays, careList, careListSummary, allergy, summary (keys starting with _ are ignored)');
  t.is(error?.messageIn('zh-TW'), 'bundle medication：無法辨識的欄位；可用的欄位：patient, medications, chronic, medDays, careList, careListSummary, allergy, summary（以 _ 開頭的欄位略過）');
  t.like(t.throws(() => mapBundle({ medications: medications([]), Chronic: {} }), { instanceOf: MedicloudShapeError })?.details, { path: 'Chronic', problem: 'unknown-key' });
});

test('keys starting with _ carry notes and are ignored', (t) => {
  const history = mapBundle({ _note: 'Synthetic example. 合成範例', _source: { tool: 'x' }, medications: medications([medicationRow()]) });
  t.is(history.medications.length, 1);
});

test('an unknown key is shown on one line, shortened, with a national ID in it masked', (t) => {
  const id = t.throws(() => mapBundle({ A123456789: {} }), { instanceOf: MedicloudShapeError });
  t.false(id?.message.includes('A123456789'));
  t.regex(id?.message ?? '', /^bundle A12\*\*\*\*789: unknown key/);
  const escape = t.throws(() => mapBundle({ ['\u001b[2Jmeds\n' + 'x'.repeat(80)]: {} }), { instanceOf: MedicloudShapeError });
  t.false(/[\u0000-\u001F]/.test(escape?.message ?? '\u001b'));
  t.regex(escape?.message ?? '', /^bundle \[2Jmeds x{32}…: unknown key/);
});

test('a med-days ingredient splits at its last comma, and a long run of spaces without one is read whole', (t) => {
  const row = (ingredient: string) => ({ ingredient, drug_group_code: 'C08NIF41212', funcDate: '114/10/01', edate: '114/10/28', order_drug_day: 28, pres_med_day: 5 });
  const rows = (ingredient: string) => mapBundle({ medDays: { robject: [row(ingredient)] } }).cloudLeftover;
  t.like(rows('NIFEDIPINE ,緩釋錠劑膠囊劑')[0], { ingredient: 'NIFEDIPINE', dosageFormText: '緩釋錠劑膠囊劑', dosageForm: 'oral' });
  t.like(rows('A, B，一般錠劑膠囊劑')[0], { ingredient: 'A, B', dosageFormText: '一般錠劑膠囊劑' });
  t.like(rows(`A${' '.repeat(200_000)}B`)[0], { ingredient: `A${' '.repeat(200_000)}B`, dosageFormText: '' });
});
