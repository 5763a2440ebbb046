import test from 'ava';
import { MedicloudShapeError, mapMedications, parseJsonText } from '../../../src/core/medicloud/index.ts';
import { medicationRow, medications } from './fixtures.ts';

function shapeError(fn: () => unknown): MedicloudShapeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MedicloudShapeError) return error;
    throw error;
  }
  throw new Error('expected a MedicloudShapeError');
}

test('a real-shaped 西醫用藥 row maps to a record with ISO dates, source and cloud marks', (t) => {
  const [record] = mapMedications(medications([medicationRow()]));
  t.truthy(record);
  t.is(record?.visitDate, '2025-10-24');
  t.is(record?.drugCode, 'AC58639100');
  t.deepEqual(record?.institution, { id: '0401180014', name: '示範醫院', visitKind: 'outpatient' });
  t.deepEqual(record?.ingredients, [{ name: 'FUROSEMIDE', atc7: 'C03CA01' }]);
  t.is(record?.atc5, 'C03CA');
  t.is(record?.atc3Name, '利尿藥(Diuretics)');
  t.is(record?.dosageForm, 'oral');
  t.is(record?.unitStrengthMg, 40);
  t.is(record?.daysSupply, 28);
  t.is(record?.cloudLeftoverDays, 20);
  t.is(record?.refillDate, null);
  t.deepEqual(record?.diagnosis, { code: 'I10', name: '本態性(原發性)高血壓' });
  t.false(record?.isCombination);
});

test('numbers that arrive as strings, a null drug_fre and extra fields are accepted', (t) => {
  const [record] = mapMedications(medications([medicationRow({ qty: '56', day: ' 28 ', drug_left: '7', drug_fre: null, brand_new_field: { x: 1 } })]));
  t.is(record?.quantity, 56);
  t.is(record?.daysSupply, 28);
  t.is(record?.cloudLeftoverDays, 7);
  t.is(record?.frequency, null);
  t.false(record !== undefined && 'brand_new_field' in record);
});

test('a refill pickup starts its supply on cure_e_date (慢連箋領藥日, ISO with time)', (t) => {
  const [record] = mapMedications(medications([medicationRow({ func_seq_no: 'IC02', cure_e_date: '2025-11-20T00:00:00', chr_hosp_id: '1101010012' })]));
  t.is(record?.visitDate, '2025-10-24');
  t.is(record?.refillDate, '2025-11-20');
  t.is(record?.chronicOriginInstitutionId, '1101010012');
  t.is(record?.visitSeqNo, 'IC02');
});

test('a national ID in the wrong field is masked in the error, before the value is cut', (t) => {
  const error = shapeError(() => mapMedications(medications([medicationRow({ drug_date: 'A123456789' })])));
  t.is(error.message, 'imue0008s02 robject[0].drug_date: not a date "A12****789"');
  t.false(error.messageIn('zh-TW').includes('A123456789'));
  const long = shapeError(() => mapMedications(medications([medicationRow({ drug_date: `${'x'.repeat(35)}A123456789` })])));
  t.false(long.message.includes('A12345'));
});

test('a cure_e_date before the visit is not a refill start (a pickup cannot precede the prescription)', (t) => {
  const [record] = mapMedications(medications([medicationRow({ cure_e_date: '2025-10-01T00:00:00' })]));
  t.is(record?.refillDate, null);
});

test('an inpatient row keeps cure_e_date as the end of the stay, not as a refill start', (t) => {
  const [record] = mapMedications(medications([medicationRow({ hosp: '示範醫院;住診;0401180014', cure_e_date: '2025-10-30T00:00:00' })]));
  t.is(record?.institution.visitKind, 'inpatient');
  t.is(record?.refillDate, null);
  t.is(record?.inpatientEndDate, '2025-10-30');
  // An outpatient row's cure_e_date is a pickup day, never a stay's end.
  const [outpatient] = mapMedications(medications([medicationRow({ cure_e_date: '2025-10-30T00:00:00' })]));
  t.is(outpatient?.inpatientEndDate, null);
  t.is(outpatient?.refillDate, '2025-10-30');
});

test('a combination product (drug_multi_mark Y) is split into its ingredients with their own ATC7', (t) => {
  const [record] = mapMedications(
    medications([
      medicationRow({
        drug_code: 'BC24833100',
        drug_ename: 'EXFORGE F.C. TABLETS 5/80MG',
        drug_ing_name: 'AMLODIPINE BESYLATE；VALSARTAN',
        drug_atc7_code: 'C09DB01',
        drug_atc5_code: 'C09DB',
        drug_multi_mark: 'Y',
      }),
    ]),
  );
  t.true(record?.isCombination);
  t.is(record?.atc7, 'C09DB01');
  t.deepEqual(record?.ingredients.map((i) => i.atc7), ['C08CA01', 'C09CA03']);
  t.is(record?.unitStrengthMg, null, 'a combination has no single per-unit strength');
});

test('a paracetamol row the cloud writes ACETAMINOPHEN keeps that name (matched by its WHO name PARACETAMOL)', (t) => {
  const [record] = mapMedications(medications([
    medicationRow({ drug_code: 'AC99000400', drug_ename: 'ACETAMINOPHEN TABLETS 500MG', drug_ing_name: 'ACETAMINOPHEN', drug_atc7_code: 'N02BE01', drug_atc5_code: 'N02BE' }),
  ]));
  t.deepEqual(record?.ingredients, [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }]);
});

test('the elderly mark, eye drops and the rObject spelling of saved fixtures are read', (t) => {
  const records = mapMedications({
    rObject: [
      medicationRow({ drug_65_mark: 'Y', drug_code: 'AC00000001', drug_ename: 'XANAX TABLETS 0.25 MG', drug_ing_name: 'ALPRAZOLAM', drug_atc7_code: 'N05BA12' }),
      medicationRow({ drug_code: 'BC00000002', drug_ename: 'XALATAN EYE DROPS 0.005%', drug_fre: 'HS', r: 2 }),
    ],
  });
  t.true(records[0]?.cloudElderlyMark);
  t.is(records[0]?.unitStrengthMg, 0.25);
  t.is(records[1]?.dosageForm, 'eye');
  t.not(records[0]?.id, records[1]?.id);
});

test('an empty history (查無資料: robject [] or null) maps to no records', (t) => {
  t.deepEqual(mapMedications(medications([])), []);
  t.deepEqual(mapMedications({ log2time: null, robject: null }), []);
});

test('a garbled date names the endpoint, the row and the field in both languages', (t) => {
  const rows = [medicationRow(), medicationRow(), medicationRow(), medicationRow({ drug_date: '2025/13/40' })];
  const error = shapeError(() => mapMedications(medications(rows)));
  t.is(error.message, 'imue0008s02 robject[3].drug_date: not a date "2025/13/40"');
  t.is(error.messageIn('zh-TW'), 'imue0008s02 robject[3].drug_date：不是日期 "2025/13/40"');
  t.like(error.details, { endpoint: 'imue0008s02', row: 3, field: 'drug_date', problem: 'not-a-date' });
  t.is(error.kind, 'medicloud-shape');
  t.is(error.messageKey, 'medicloud.shape.not-a-date');
});

test('a missing drug_code is a "required field missing" error on that row', (t) => {
  const row = medicationRow();
  delete row.drug_code;
  const error = shapeError(() => mapMedications(medications([medicationRow(), row])));
  t.is(error.message, 'imue0008s02 robject[1].drug_code: required field missing');
  t.like(error.details, { row: 1, field: 'drug_code', problem: 'missing', value: null });
});

test('days written in words and negative days are refused', (t) => {
  t.like(shapeError(() => mapMedications(medications([medicationRow({ day: '二十八' })]))).details, { field: 'day', problem: 'not-a-number' });
  t.like(shapeError(() => mapMedications(medications([medicationRow({ day: -3 })]))).details, { field: 'day', problem: 'bad-value' });
});

test('a row with neither hosp nor hosp_id is refused: its source decides 跨院所', (t) => {
  const error = shapeError(() => mapMedications(medications([medicationRow({ hosp: null, hosp_id: '' })])));
  t.is(error.message, 'imue0008s02 robject[0].hosp_id: required field missing');
});

test('robject that is not an array, and a response that is not an object, are shape errors', (t) => {
  t.is(shapeError(() => mapMedications({ log2time: 'x', robject: 'oops' })).message, 'imue0008s02 robject: not an array "oops"');
  t.like(shapeError(() => mapMedications({ log2time: 'x' })).details, { path: 'robject', problem: 'missing' });
  t.like(shapeError(() => mapMedications('查無資料')).details, { path: '', problem: 'not-an-object' });
});

test('truncated JSON text is a bad-json error with the position and no quoted data', (t) => {
  const text = JSON.stringify(medications([medicationRow()])).slice(0, 120);
  const error = shapeError(() => parseJsonText('imue0008s02', text));
  t.is(error.details.problem, 'bad-json');
  t.regex(error.message, /^imue0008s02: invalid JSON (unexpected end )?at position 120 \(line 1, column 121\)$/);
  t.regex(error.messageIn('zh-TW'), /^imue0008s02：JSON 格式錯誤 (檔案提前結束，)?位置 120（第 1 行第 121 欄）$/);
  t.false(error.message.includes('FURIDE'));
});

test('an unexpected character names that character only: Node 20 gives no position, and the text around it is not quoted', (t) => {
  const error = shapeError(() => parseJsonText('bundle', '{"patient": {"name": "範例甲"}, "x": }'));
  t.is(error.details.problem, 'bad-json');
  t.regex(error.message, /^bundle: invalid JSON (unexpected "\}"|at position \d+ \(line 1, column \d+\))$/, 'a later Node may add the position');
  t.false(error.message.includes('範例甲'));
});

test('an exception-code row (R003 as a virtual order) is not a drug: its code goes to the drugs of that visit', (t) => {
  const r003 = medicationRow({
    drug_code: 'R003', drug_ename: '醫師認定須更換藥品或調整劑量', drug_ing_name: null, drug_ing_code: null, drug_atc7_code: null,
    drug_atc5_code: null, drug_atc5_name: null, drug_atc3_code: null, qty: 0, day: 0, drug_left: 0, drug_fre: null, r: 2,
  });
  const otherVisit = medicationRow({ drug_date: '2025/10/01', func_seq_no: '0007', r: 3 });
  const records = mapMedications(medications([medicationRow(), r003, otherVisit]));
  t.deepEqual(records.map((r) => [r.drugCode, r.visitDate, r.exceptionCode]), [
    ['AC58639100', '2025-10-24', 'R003'],
    ['AC58639100', '2025-10-01', null],
  ]);
});

test('a visit declaring two codes keeps the one that ends the old supply (R003 over R005) in either row order', (t) => {
  const code = (drug_code: string, r: number) => medicationRow({
    drug_code, drug_ename: drug_code, drug_ing_name: null, drug_ing_code: null, drug_atc7_code: null,
    drug_atc5_code: null, drug_atc5_name: null, drug_atc3_code: null, qty: 0, day: 0, drug_left: 0, drug_fre: null, r,
  });
  for (const rows of [[medicationRow(), code('R005', 2), code('R003', 3)], [medicationRow(), code('R003', 3), code('R005', 2)]]) {
    t.is(mapMedications(medications(rows))[0]?.exceptionCode, 'R003');
  }
  t.is(mapMedications(medications([medicationRow(), code('R008', 2), code('R002', 3)]))[0]?.exceptionCode, 'R002');
});

test('a row the cloud listed twice (same r, same contents) is counted once', (t) => {
  const refill = medicationRow({ r: 2, drug_date: '2025/09/26', func_seq_no: 'IC02', cure_e_date: '2025-10-20T00:00:00' });
  const records = mapMedications(medications([medicationRow({ r: 1 }), refill, { ...refill, qty: '28', day: ' 28 ', drug_left: '20' }, medicationRow({ r: 3, drug_date: '2025/08/01' })]));
  t.deepEqual(records.map((r) => r.visitDate), ['2025-10-24', '2025-09-26', '2025-08-01']);
});

test('two different rows under one row number are refused, naming the later one', (t) => {
  const error = shapeError(() => mapMedications(medications([medicationRow({ r: 1 }), medicationRow({ r: 2 }), medicationRow({ r: 2, qty: 56 })])));
  t.like(error.details, { endpoint: 'imue0008s02', path: 'robject[2].r', row: 2, field: 'r', problem: 'repeated-row' });
  t.is(error.messageIn('en'), 'imue0008s02 robject[2].r: row number repeated with different contents "2"');
  t.is(error.messageIn('zh-TW'), 'imue0008s02 robject[2].r：列號重複但內容不同 "2"');
});

test('rows without a row number are all kept, identical or not', (t) => {
  t.is(mapMedications(medications([medicationRow({ r: null }), medicationRow({ r: null }), medicationRow({ r: undefined })])).length, 3);
});
