// Checklist: the 用法 code reads as times per day, PRN/ASORDER/non-oral are not day-countable,
// and the per-dose column follows the analyzers' rule with the 「總量X」 fallback.
import test from 'ava';
import { isFixedDailyRegimen, timesPerDay } from '../../../src/core/domain/regimen.ts';
import { perDose } from '../../../src/core/domain/dose.ts';
import { record } from './record-builder.ts';

test('frequency codes give times per day (anchors 1(c).4 table)', (t) => {
  const expected: [string, number][] = [['QD', 1], ['QAM', 1], ['HS', 1], ['BID', 2], ['TID', 3], ['QID', 4], ['Q4H', 6],
    ['Q6H', 4], ['Q8H', 3], ['Q12H', 2], ['Q2H', 12], ['QOD', 0.5], ['QW', 1 / 7], ['BIW', 2 / 7], ['TIW', 3 / 7], ['STAT', 1]];
  for (const [code, times] of expected) t.is(timesPerDay(code), times, code);
});

test('meal suffixes and spelling variants keep the base frequency (QDAC, BIDPC, q.d.)', (t) => {
  t.is(timesPerDay('QDAC'), 1);
  t.is(timesPerDay('BIDPC'), 2);
  t.is(timesPerDay('TID CC'), 3);
  t.is(timesPerDay('q.d.'), 1);
});

test('time-of-day and route suffixes keep the base frequency too (QDAMPC, TIDPC PO, QD PO)', (t) => {
  // anchors 1(d): 'Frequency QDAMPC not recognised' was a bug of the reference tool.
  t.is(timesPerDay('QDAMPC'), 1);
  t.is(timesPerDay('TIDPC PO'), 3);
  t.is(timesPerDay('QD PO'), 1);
  t.is(timesPerDay('BID ORAL'), 2);
  t.is(timesPerDay('QPM'), 1);
  t.is(perDose(record({ frequency: 'QDAMPC', quantity: 28, daysSupply: 28 })).kind, 'dose');
  for (const code of ['PO', 'AMPC', 'Q5DPO']) t.is(timesPerDay(code), null, code);
});

test('PRN, ASORDER, null and unknown codes have no fixed times per day', (t) => {
  for (const code of ['PRN', 'Q6HPRN', 'HS PRN', 'ASORDER', null, '', 'P2DPC', 'XYZ']) t.is(timesPerDay(code), null, String(code));
});

test('必要時, SOS and UD are as needed / as directed: 「無法試算」, not a countdown', (t) => {
  for (const code of ['必要時', 'SOS', 'sos', 'UD', 'u.d.']) {
    t.is(timesPerDay(code), null, code);
    t.false(isFixedDailyRegimen(record({ frequency: code })), code);
  }
  // Codes that merely contain the letters are not caught.
  t.true(isFixedDailyRegimen(record({ frequency: 'QD' })));
});

// From a review: 'Q6H SOS' counted 20 days down as a fixed 4-a-day supply, and so did PRN typed full-width.
test('SOS after a schedule, and PRN or a schedule typed in full-width letters, read as the ASCII code', (t) => {
  for (const code of ['Q6H SOS', 'HS SOS', 'ＰＲＮ', 'Ｑ６ＨＰＲＮ']) {
    t.is(timesPerDay(code), null, code);
    t.false(isFixedDailyRegimen(record({ frequency: code })), code);
  }
  t.is(timesPerDay('ＴＩＤ'), 3);
  t.is(timesPerDay('ｑ．ｄ．'), 1);
});

test('AM and PM together are twice a day; QDAMPM is ambiguous and shows 總量X', (t) => {
  t.is(timesPerDay('QAMPM'), 2);
  t.is(timesPerDay('Q AM PM'), 2);
  t.is(timesPerDay('QAMPMPC'), 2);
  t.deepEqual(perDose(record({ frequency: 'QAMPM', quantity: 56, daysSupply: 28 })), { kind: 'dose', amount: 1 });
  t.is(timesPerDay('QDAMPM'), null);
  t.is(timesPerDay('QDAMPMPC'), null);
});

test('fixed daily regimen: oral or sublingual and not PRN/ASORDER; null frequency still counts', (t) => {
  t.true(isFixedDailyRegimen(record({ frequency: 'QD' })));
  t.true(isFixedDailyRegimen(record({ frequency: null })));
  t.true(isFixedDailyRegimen(record({ dosageForm: 'sublingual' })));
  t.false(isFixedDailyRegimen(record({ frequency: 'PRN' })));
  t.false(isFixedDailyRegimen(record({ frequency: 'ASORDER' })));
  t.false(isFixedDailyRegimen(record({ dosageForm: 'eye', frequency: 'QID' })));
  t.false(isFixedDailyRegimen(record({ dosageForm: 'topical', frequency: 'BID' })));
});

test('per dose: lansoprazole QDAC 14 for 14 days → 1 each time (reference row 114/10/24)', (t) => {
  t.deepEqual(perDose(record({ frequency: 'QDAC', quantity: 14, daysSupply: 14 })), { kind: 'dose', amount: 1 });
});

test('per dose rounds to a quarter tablet', (t) => {
  t.deepEqual(perDose(record({ frequency: 'BID', quantity: 28, daysSupply: 28 })), { kind: 'dose', amount: 0.5 });
  t.deepEqual(perDose(record({ frequency: 'TID', quantity: 63, daysSupply: 7 })), { kind: 'dose', amount: 3 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 7, daysSupply: 28 })), { kind: 'dose', amount: 0.25 });
});

test('per dose is shown only when the total divides into it: thirds and odd totals show 總量X', (t) => {
  t.deepEqual(perDose(record({ frequency: 'TID', quantity: 3, daysSupply: 3 })), { kind: 'total', total: 3 }, '⅓ is not 0.25');
  t.deepEqual(perDose(record({ frequency: 'TID', quantity: 6, daysSupply: 3 })), { kind: 'total', total: 6 }, '⅔ is not 0.75');
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 31, daysSupply: 28 })), { kind: 'total', total: 31 }, '3 more than 1 a day');
  t.deepEqual(perDose(record({ frequency: 'TID', quantity: 7.5, daysSupply: 5 })), { kind: 'dose', amount: 0.5 });
  t.deepEqual(perDose(record({ frequency: 'TIW', quantity: 12, daysSupply: 28 })), { kind: 'dose', amount: 1 });
  t.deepEqual(perDose(record({ frequency: 'QOD', quantity: 14, daysSupply: 28 })), { kind: 'dose', amount: 1 });
});

// From a review: a 1 % margin took one tablet more or less on a large supply for 1 each time.
test('per dose on a large supply: one tablet more or less than the schedule shows 總量X', (t) => {
  t.deepEqual(perDose(record({ frequency: 'QID', quantity: 121, daysSupply: 30 })), { kind: 'total', total: 121 });
  t.deepEqual(perDose(record({ frequency: 'QID', quantity: 119, daysSupply: 30 })), { kind: 'total', total: 119 });
  t.deepEqual(perDose(record({ frequency: 'TID', quantity: 271, daysSupply: 90 })), { kind: 'total', total: 271 });
  t.deepEqual(perDose(record({ frequency: 'QID', quantity: 120, daysSupply: 30 })), { kind: 'dose', amount: 1 });
  t.deepEqual(perDose(record({ frequency: 'Q72H', quantity: 10, daysSupply: 30 })), { kind: 'dose', amount: 1 });
});

test('per dose of a schedule that skips days over days it does not divide: either count of doses, when only one fits', (t) => {
  // 7 days QOD: 4 doses from the first day (days 1, 3, 5, 7).
  t.deepEqual(perDose(record({ frequency: 'QOD', quantity: 4, daysSupply: 7 })), { kind: 'dose', amount: 1 });
  // 30 days QW: 5 doses (days 1, 8, 15, 22, 29), or 4.
  t.deepEqual(perDose(record({ frequency: 'QW', quantity: 5, daysSupply: 30 })), { kind: 'dose', amount: 1 });
  t.deepEqual(perDose(record({ frequency: 'QW', quantity: 8, daysSupply: 30 })), { kind: 'dose', amount: 2 });
  // 3 tablets for 7 days QOD: 1 each of 3 doses, or ¾ each of 4. Which is meant cannot be told.
  t.deepEqual(perDose(record({ frequency: 'QOD', quantity: 3, daysSupply: 7 })), { kind: 'total', total: 3 });
});

test('per dose of eye drops, ointments, inhalers and injections is 總量X: the quantity is bottles, tubes and pens', (t) => {
  t.deepEqual(perDose(record({ frequency: 'QID', quantity: 2, daysSupply: 1, dosageForm: 'eye' })), { kind: 'total', total: 2 });
  t.deepEqual(perDose(record({ frequency: 'BID', quantity: 1, daysSupply: 2, dosageForm: 'topical' })), { kind: 'total', total: 1 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 28, daysSupply: 28, dosageForm: 'injection' })), { kind: 'total', total: 28 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 28, daysSupply: 28, dosageForm: 'sublingual' })), { kind: 'dose', amount: 1 });
});

test('per dose falls back to 總量X: PRN, unknown, null, tiny, implausible, zero days', (t) => {
  t.deepEqual(perDose(record({ frequency: 'PRN', quantity: 10 })), { kind: 'total', total: 10 });
  t.deepEqual(perDose(record({ frequency: null, quantity: 28 })), { kind: 'total', total: 28 });
  t.deepEqual(perDose(record({ frequency: 'QID', quantity: 1, daysSupply: 30, dosageForm: 'eye' })), { kind: 'total', total: 1 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 35, daysSupply: 28 })), { kind: 'total', total: 35 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 420, daysSupply: 28 })), { kind: 'total', total: 420 });
  t.deepEqual(perDose(record({ frequency: 'QD', quantity: 28, daysSupply: 0 })), { kind: 'total', total: 28 });
});
