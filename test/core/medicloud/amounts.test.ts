// Amounts and counts from the cloud (research anchors 1(b)): a negative mg, quantity or DDD,
// or half a visit, is a garbled answer and refused by name; 0 and fractional amounts are real.
import test from 'ava';
import { MedicloudShapeError, mapCareList, mapCareListSummary, mapChronic, mapMedDays, mapMedications } from '../../../src/core/medicloud/index.ts';
import { chronicRow, medicationRow, medications } from './fixtures.ts';

const zolpidem = (overrides: Record<string, unknown> = {}) => ({
  treat_d: '114/10/10',
  drug_rel_code_ename: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)',
  drug_ing_code: '2824801820+2824801810',
  hosp_id: '3532052586',
  drug_qty: 420,
  drug_ddd_qty: 42,
  ...overrides,
});

const summaryRow = (overrides: Record<string, unknown> = {}) => ({
  drug_rel_code_ename: 'BROTIZOLAM',
  drug_ing_code: '2824202400',
  fee_ym: '114/03',
  hosp_times: 1,
  hosp_units: 1,
  drug_qty: 14,
  drug_ddd_qty: 56,
  ...overrides,
});

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof MedicloudShapeError) return error.message;
    throw error;
  }
  return '(no error)';
}

test('a negative care-list dose (drug_qty -2000 mg) is refused, so it cannot hide the half-year warning', (t) => {
  t.is(messageOf(() => mapCareList({ robject: [zolpidem(), zolpidem({ drug_qty: -2000 })] })), 'imue0009s02 robject[1].drug_qty: unexpected value "-2000"');
  t.is(messageOf(() => mapCareList({ robject: [zolpidem({ drug_ddd_qty: '-42' })] })), 'imue0009s02 robject[0].drug_ddd_qty: unexpected value "-42"');
});

test('a negative medication quantity is refused; 0 (exception orders) and half tablets are read', (t) => {
  t.is(messageOf(() => mapMedications(medications([medicationRow({ qty: -28 })]))), 'imue0008s02 robject[0].qty: unexpected value "-28"');
  const [zero, half] = mapMedications(medications([medicationRow({ qty: 0, day: 0 }), medicationRow({ qty: '10.5', r: 2 })]));
  t.is(zero?.quantity, 0);
  t.is(zero?.daysSupply, 0, 'day 0 stays: it is shown as 無法試算');
  t.is(half?.quantity, 10.5);
});

test('the monthly care-list summary refuses -1 visits, 2.5 institutions and a negative dose', (t) => {
  t.is(messageOf(() => mapCareListSummary([summaryRow({ hosp_times: -1 })])), 'imue0009s03 [0].hosp_times: unexpected value "-1"');
  t.is(messageOf(() => mapCareListSummary([summaryRow({ hosp_units: 2.5 })])), 'imue0009s03 [0].hosp_units: unexpected value "2.5"');
  t.is(messageOf(() => mapCareListSummary([summaryRow({ drug_qty: '-14' })])), 'imue0009s03 [0].drug_qty: unexpected value "-14"');
  const [month] = mapCareListSummary([summaryRow({ hosp_times: '0', drug_qty: 7.5, drug_ddd_qty: 30 })]);
  t.like(month, { visits: 0, totalMg: 7.5, totalDdd: 30 });
});

test('a negative or fractional number of chronic fills or days is refused, not skipped', (t) => {
  t.is(messageOf(() => mapChronic({ chrDataN: [chronicRow({ chr_num: -3 })] })), 'imue0008s05 chrDataN[0].chr_num: unexpected value "-3"');
  t.is(messageOf(() => mapChronic({ chrDataN: [chronicRow({ sort_code: 2, chr_days: '84.5' })] })), 'imue0008s05 chrDataN[0].chr_days: unexpected value "84.5"');
});

test('the cloud’s own differences keep their sign: drug_left below 0, pres_med_day read as 0', (t) => {
  const [record] = mapMedications(medications([medicationRow({ drug_left: -5 })]));
  t.is(record?.cloudLeftoverDays, -5);
  const [group] = mapMedDays({ robject: [{ ingredient: 'GLICLAZIDE , 緩釋錠劑膠囊劑', drug_group_code: 'A10GLI41212', funcDate: '20250101', order_drug_day: 28, edate: '2025/01/28', pres_med_day: '-2' }] });
  t.is(group?.leftoverDays, 0);
});

// From a fuzz of the command: edate 2199/12/31 was shown as 雲端餘藥 63611 days.
test('a cloud supply end more than 999 days after the last dispensing, or as many days left, is refused by name', (t) => {
  const row = { ingredient: 'AMLODIPINE , 一般錠劑膠囊劑', drug_group_code: 'C08AML41212', funcDate: '20250101', order_drug_day: 28, edate: '2025/01/28', pres_med_day: '5' };
  t.is(mapMedDays({ robject: [{ ...row, edate: '2027/09/27' }] })[0]?.supplyEnd, '2027-09-27'); // 999 days on
  t.is(messageOf(() => mapMedDays({ robject: [{ ...row, edate: '2199/12/31' }] })), 'imue0120s01 robject[0].edate: unexpected value "2199-12-31"');
  t.is(messageOf(() => mapMedDays({ robject: [{ ...row, pres_med_day: '63611' }] })), 'imue0120s01 robject[0].pres_med_day: unexpected value "63611"');
});

test('a supply of more than 999 days, a number past ten million or one too long for a number is refused by name', (t) => {
  t.is(messageOf(() => mapMedications(medications([medicationRow({ day: 3_000_000 })]))), 'imue0008s02 robject[0].day: unexpected value "3000000"');
  t.is(messageOf(() => mapMedications(medications([medicationRow({ day: 1e308 })]))), 'imue0008s02 robject[0].day: unexpected value "1e+308"');
  t.is(messageOf(() => mapChronic({ chrDataN: [chronicRow({ order_drug_day: '12345678901234567890' })] })), 'imue0008s05 chrDataN[0].order_drug_day: unexpected value "12345678901234567890"');
  t.regex(messageOf(() => mapCareList({ robject: [zolpidem({ drug_qty: `1${'0'.repeat(400)}` })] })), /^imue0009s02 robject\[0\]\.drug_qty: not a number /);
  t.regex(messageOf(() => mapCareList({ robject: [zolpidem({ drug_qty: 1e308 })] })), /^imue0009s02 robject\[0\]\.drug_qty: unexpected value/);
  t.is(mapMedications(medications([medicationRow({ day: 999, qty: 999 })]))[0]?.daysSupply, 999);
});

test('commas are read only as thousands grouping: 1,000 is a thousand, 42,0 and 7,5 are not numbers', (t) => {
  const [grouped] = mapMedications(medications([medicationRow({ qty: '1,000' })]));
  t.is(grouped?.quantity, 1000);
  t.is(mapCareList({ robject: [zolpidem({ drug_qty: '12,345.5' })] })[0]?.totalMg, 12345.5);
  t.regex(messageOf(() => mapCareList({ robject: [zolpidem({ drug_qty: '42,0' })] })), /drug_qty: not a number/);
  t.regex(messageOf(() => mapMedications(medications([medicationRow({ qty: '7,5' })]))), /qty: not a number/);
  t.regex(messageOf(() => mapMedications(medications([medicationRow({ day: '2,8' })]))), /day: not a number/);
});

test('a care-list dispensing listed twice to the minute counts once; two without a time are two visits', (t) => {
  const timed = zolpidem({ treat_t: '110126' });
  t.is(mapCareList({ robject: [timed, timed] }).length, 1);
  t.is(mapCareList({ robject: [timed, { ...timed, treat_t: '153000' }] }).length, 2);
  t.is(mapCareList({ robject: [zolpidem(), zolpidem()] }).length, 2);
});
