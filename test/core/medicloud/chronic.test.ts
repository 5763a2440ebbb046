import test from 'ava';
import { MedicloudShapeError, mapChronic } from '../../../src/core/medicloud/index.ts';
import { chronicRow } from './fixtures.ts';
import { refillStatus } from '../../../src/core/domain/refill.ts';
import { judged } from '../domain/record-builder.ts';

test('sort_code 1/2/3 rows of one slip become one prescription at fill 2 of 3', (t) => {
  const [prescription, ...rest] = mapChronic({
    chrDataN: [
      chronicRow(),
      chronicRow({ sort_code: 2, treat_t: null, chr_days: '84', func_seq_no: '0031' }),
      chronicRow({
        sort_code: '3',
        func_seq_no: 'IC02',
        rel_date: '114/08/22',
        chr_num: '3',
        hosp_id: '5901010034',
        hosp_abbr: '示範藥局',
      }),
    ],
    chrDataY: [],
  });
  t.is(rest.length, 0);
  t.like(prescription, {
    prescriptionDate: '2025-08-01',
    drugCode: 'BC24321100',
    drugName: 'NORVASC TABLETS 5MG',
    daysPerFill: 28,
    fills: 3,
    cloudExpired: false,
    institution: { id: '1101010012', name: '示範醫院', visitKind: 'outpatient' },
  });
  t.deepEqual(prescription?.fillDates, ['2025-08-01', '2025-08-22']);
  t.is(prescription?.id, '1101010012|0031|2025-08-01|BC24321100');
});

test('without chr_num the number of fills is chr_days ÷ days per fill (anchors 1(c).9)', (t) => {
  const [prescription] = mapChronic({ chrDataN: [chronicRow(), chronicRow({ sort_code: 2, chr_days: 90, order_drug_day: '30' })], chrDataY: [] });
  t.is(prescription?.fills, 3);
  t.is(prescription?.daysPerFill, 28, 'the visit row says 28 days per fill');
});

test('two drugs on one slip are two prescriptions; chrDataY marks the cloud expiry', (t) => {
  const prescriptions = mapChronic({
    chrDataN: [],
    chrDataY: [
      chronicRow({ overdue: null, chr_num: 2 }),
      chronicRow({ order_code: 'AC45892100', drug_ename: 'GLUCOPHAGE 500MG', overdue: null, chr_num: 2 }),
    ],
  });
  t.is(prescriptions.length, 2);
  t.true(prescriptions.every((p) => p.cloudExpired === true));
  t.deepEqual(prescriptions.map((p) => p.drugCode).sort(), ['AC45892100', 'BC24321100']);
});

test('pickups grouped across pharmacies by (orig_func_seq_no, func_date), fill 1 from the visit date when cut off', (t) => {
  const [prescription] = mapChronic({
    chrDataN: [
      chronicRow({ sort_code: 3, func_seq_no: 'IC03', rel_date: '114/09/12', chr_num: 3, hosp_id: '5901010034', hosp_abbr: '甲藥局' }),
      chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/20', chr_num: 3, hosp_id: '5901010099', hosp_abbr: '乙藥局' }),
    ],
  });
  t.deepEqual(prescription?.fillDates, ['2025-08-01', '2025-08-20', '2025-09-12']);
  t.is(prescription?.fills, 3);
  // The pickups' hosp is the pharmacy: the prescriber is not in these rows, and no pharmacy stands in for it.
  t.deepEqual(prescription?.institution, { id: '', name: '', visitKind: 'outpatient' });
});

test('an IC03 pickup without its IC02 row: three fills taken, the prescription is completed', (t) => {
  const [prescription] = mapChronic({
    chrDataN: [chronicRow(), chronicRow({ sort_code: 3, func_seq_no: 'IC03', rel_date: '114/09/12', chr_num: 3, hosp_id: '5901010034', hosp_abbr: '甲藥局' })],
  });
  t.deepEqual(prescription?.fillDates, ['2025-08-01', '2025-09-12']);
  t.is(prescription?.fillsTaken, 3);
  const status = refillStatus(judged(prescription), '2025-09-20');
  t.is(status.fill, 3);
  t.is(status.status, 'completed');
  // With every row present nothing extra is said.
  const [whole] = mapChronic({ chrDataN: [chronicRow(), chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/22', chr_num: 3 })] });
  t.is(whole?.fillsTaken, undefined);
});

test('an IC02 pickup without fill 1 in the window counts from the pickup: fill 3 from its date', (t) => {
  const [prescription] = mapChronic({ chrDataN: [chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/22', chr_num: 3 })] });
  const status = refillStatus(judged(prescription), '2025-09-01');
  t.is(status.fill, 2);
  t.is(status.nextFrom, '2025-09-09');
});

test('a cycle whose number of fills cannot be known is kept with fills null when still valid, left out when overdue (anchors 1(c).9)', (t) => {
  const [valid, ...rest] = mapChronic({ chrDataN: [chronicRow()], chrDataY: [] });
  t.is(rest.length, 0);
  t.like(valid, { drugCode: 'BC24321100', daysPerFill: 28, fills: null, fillDates: ['2025-08-01'], cloudExpired: false });
  t.deepEqual(mapChronic({ chrDataN: [], chrDataY: [chronicRow({ overdue: null })] }), []);
  t.deepEqual(mapChronic({ chrDataN: [chronicRow({ overdue: 'Y' })] }), []);
});

test('an empty chronic history is two empty lists; a response with neither list is an error', (t) => {
  t.deepEqual(mapChronic({ chrDataN: [], chrDataY: null }), []);
  const error = t.throws(() => mapChronic({ robject: [] }), { instanceOf: MedicloudShapeError });
  t.is(error?.message, 'imue0008s05 chrDataN: required field missing');
});

test('a ROC func_date that is not a date names chrDataN[i].func_date', (t) => {
  const error = t.throws(() => mapChronic({ chrDataN: [chronicRow(), chronicRow({ func_date: '114/02/30' })] }), { instanceOf: MedicloudShapeError });
  t.is(error?.message, 'imue0008s05 chrDataN[1].func_date: not a date "114/02/30"');
});

function chronicMessage(rows: Record<string, unknown>[]): string {
  try {
    mapChronic({ chrDataN: rows, chrDataY: [] });
  } catch (error) {
    if (error instanceof MedicloudShapeError) return error.message;
    throw error;
  }
  return '(no error)';
}

const pickup = (overrides: Record<string, unknown> = {}) =>
  chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/22', chr_num: 3, hosp_id: '5901010034', hosp_abbr: '示範藥局', ...overrides });

test('a sort_code other than 1, 2 or 3 is refused by row and field, not read as "no pickup"', (t) => {
  for (const sortCode of [0, -5, 9, '4', 28.5, 1e12]) {
    t.is(chronicMessage([chronicRow(), chronicRow({ sort_code: sortCode })]), `imue0008s05 chrDataN[1].sort_code: unexpected value "${sortCode}"`, String(sortCode));
  }
});

test('a refill pickup (sort_code 3) without rel_date is refused: the visit date would make a too-early refill look eligible', (t) => {
  for (const relDate of [null, '', '  ', undefined]) {
    t.is(chronicMessage([chronicRow(), chronicRow({ sort_code: 2, chr_days: 84 }), pickup({ rel_date: relDate })]), 'imue0008s05 chrDataN[2].rel_date: required field missing', String(relDate));
  }
  t.is(chronicMessage([pickup({ rel_date: '114/02/30' })]), 'imue0008s05 chrDataN[0].rel_date: not a date "114/02/30"');
  // The visit and metadata rows may leave rel_date out: they are dated by func_date.
  t.is(mapChronic({ chrDataN: [chronicRow({ rel_date: null }), chronicRow({ sort_code: 2, rel_date: null, chr_days: 84 })] })[0]?.fillDates[0], '2025-08-01');
});

test('a refill pickup needs func_seq_no IC02…IC09: without it the fill number is unknown and the pickup was dropped', (t) => {
  t.is(chronicMessage([chronicRow(), pickup({ func_seq_no: null })]), 'imue0008s05 chrDataN[1].func_seq_no: required field missing');
  for (const seqNo of ['0031', 'IC01', 'IC1', 'IC10', 'IC12', 'XIC02', 'IC02A']) {
    t.is(chronicMessage([chronicRow(), pickup({ func_seq_no: seqNo })]), `imue0008s05 chrDataN[1].func_seq_no: unexpected value "${seqNo}"`, seqNo);
  }
});

test('pickup numbers are read in any case and with or without the zero: ic03 and IC3 are fill 3', (t) => {
  for (const seqNo of ['ic03', 'IC3', ' Ic03 ']) {
    const [prescription] = mapChronic({ chrDataN: [chronicRow(), pickup(), pickup({ func_seq_no: seqNo, rel_date: '114/09/12' })] });
    t.deepEqual(prescription?.fillDates, ['2025-08-01', '2025-08-22', '2025-09-12'], seqNo);
  }
});

// The metamorphic tester's case: fill 2 listed twice with two dates. The first row met used
// to win, so the cloud's order decided between 「今日可領」 and 「尚未可領」.
test('a fill listed twice with two dates keeps the later one, in either order: the next fill is not allowed early', (t) => {
  const early = chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/22', chr_num: 3 });
  const late = chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/27', chr_num: 3 });
  for (const rows of [[chronicRow(), early, late], [chronicRow(), late, early]]) {
    const [prescription] = mapChronic({ chrDataN: rows });
    t.deepEqual(prescription?.fillDates, ['2025-08-01', '2025-08-27']);
  }
});

test('an overdue flag Y and N on rows of one slip: Y wins in either order', (t) => {
  for (const flags of [['Y', 'N'], ['N', 'Y']]) {
    const [prescription] = mapChronic({ chrDataN: flags.map((overdue, i) => chronicRow(i === 0 ? { overdue, chr_num: 3 } : { sort_code: 2, treat_t: null, overdue, chr_num: 3 })) });
    t.is(prescription?.cloudExpired, true, flags.join(','));
  }
});

test('rows of one slip that disagree on days per fill or number of fills give the same answer in any order: the largest', (t) => {
  const metadata = (order_drug_day: number) => chronicRow({ sort_code: 2, treat_t: null, order_drug_day, chr_num: 3 });
  const pickup = (chr_num: number, rel_date: string, func_seq_no: string) => chronicRow({ sort_code: 3, func_seq_no, rel_date, chr_num, order_drug_day: 28 });
  for (const rows of [[metadata(28), metadata(30)], [metadata(30), metadata(28)]]) t.is(mapChronic({ chrDataN: rows })[0]?.daysPerFill, 30);
  // The visit row's own days per fill decide when it has them.
  t.is(mapChronic({ chrDataN: [metadata(30), chronicRow({ order_drug_day: 28 })] })[0]?.daysPerFill, 28);
  const two = pickup(2, '114/08/22', 'IC02');
  const three = pickup(3, '114/09/19', 'IC03');
  for (const rows of [[chronicRow(), two, three], [chronicRow(), three, two]]) t.is(mapChronic({ chrDataN: rows })[0]?.fills, 3);
});

test('a pickup row without orig_func_seq_no joins the one slip of its date and drug, in either order, instead of making a second slip', (t) => {
  const rows = [
    chronicRow({ orig_func_seq_no: null }),
    chronicRow({ sort_code: 2, orig_func_seq_no: null, treat_t: null, chr_days: 84 }),
    pickup({ orig_func_seq_no: null, rel_date: '114/08/20' }),
  ];
  for (const chrDataN of [rows, [...rows].reverse()]) {
    const prescriptions = mapChronic({ chrDataN, chrDataY: [] });
    t.is(prescriptions.length, 1);
    t.deepEqual(prescriptions[0]?.fillDates, ['2025-08-01', '2025-08-20']);
    t.is(prescriptions[0]?.id, '1101010012|0031|2025-08-01|BC24321100');
  }
  // Two slips of that drug on that day (two clinics): which one the pickups belong to is not known, so they stay a slip of their own, their IC02 and IC03 together.
  const two = mapChronic({
    chrDataN: [
      chronicRow({ orig_func_seq_no: null }),
      chronicRow({ orig_func_seq_no: null, func_seq_no: '0042', hosp_id: '1101010099' }),
      pickup({ orig_func_seq_no: null, rel_date: '114/08/20' }),
      pickup({ orig_func_seq_no: null, func_seq_no: 'IC03', rel_date: '114/09/15' }),
    ],
    chrDataY: [],
  });
  t.is(two.length, 3);
  t.deepEqual(two.map((p) => p.fillDates.length).sort(), [1, 1, 3]);
});

test('a chr_num above 9 is refused by row and field: pickups are numbered up to IC09, and 3000 fills ran validity to the year 10231', (t) => {
  t.regex(chronicMessage([chronicRow({ chr_num: 3000 })]), /chrDataN\[0\]\.chr_num/);
  t.is(chronicMessage([chronicRow({ chr_num: 9 })]), '(no error)');
});

test('a slip is named by its visit row, whatever the order of its rows', (t) => {
  const rows = [pickup({ drug_ename: 'NORVASC 5MG' }), chronicRow({ drug_ename: 'NORVASC TABLETS 5MG (AMLODIPINE)' })];
  for (const chrDataN of [rows, [...rows].reverse()]) t.is(mapChronic({ chrDataN, chrDataY: [] })[0]?.drugName, 'NORVASC TABLETS 5MG (AMLODIPINE)');
});

// From a fuzz of the command: with order_drug_day null (or 0) on every row the valid slip vanished
// from the refill table and its too-early warning went with it, with nothing said.
test('a valid slip whose rows give no days per fill is kept with its cycle unknown; an overdue one is left out', (t) => {
  const rows = [chronicRow({ order_drug_day: null }), chronicRow({ sort_code: 3, func_seq_no: 'IC02', rel_date: '114/08/22', chr_num: '3', order_drug_day: 0 })];
  const [slip, ...rest] = mapChronic({ chrDataN: rows, chrDataY: [] });
  t.is(rest.length, 0);
  t.like(slip, { drugCode: 'BC24321100', fills: null, daysPerFill: 0 });
  t.deepEqual(slip?.fillDates, ['2025-08-01', '2025-08-22']);
  t.deepEqual(mapChronic({ chrDataN: [], chrDataY: rows.map((row) => ({ ...row, overdue: 'Y' })) }), []);
});
