// Pharmacist's checklist for dates: every form the cloud and the cards send reads as the
// same Taipei calendar day, impossible days are refused, and arithmetic ignores the TZ.
import test from 'ava';
import fc from 'fast-check';
import {
  addDays, addMonths, ageOn, compareIso, daysBetween, isIsoDate, isoOfDayNumber, monthOf, parseDate, taipeiDateOf, toRoc7, toRocDate,
} from '../../../src/core/domain/dates.ts';

test('reads ROC yyy/MM/dd as on the cloud screens (114/10/24)', (t) => {
  t.is(parseDate('114/10/24'), '2025-10-24');
  t.is(parseDate(' 114/1/5 '), '2025-01-05');
});

test('reads ROC years below 100 with two or three digits (99/12/31, 099/12/31)', (t) => {
  t.is(parseDate('99/12/31'), '2010-12-31');
  t.is(parseDate('099/12/31'), '2010-12-31');
  t.is(parseDate('100/01/01'), '2011-01-01');
});

test('reads ROC 7-digit card dates and Gregorian 8-digit 餘藥 dates', (t) => {
  t.is(parseDate('1141024'), '2025-10-24');
  t.is(parseDate('0991231'), '2010-12-31');
  t.is(parseDate('20251024'), '2025-10-24');
});

test('reads Gregorian YYYY/MM/DD (drug_date) and ISO, with or without time', (t) => {
  t.is(parseDate('2025/04/14'), '2025-04-14');
  t.is(parseDate('2025-04-14'), '2025-04-14');
  t.is(parseDate('2025-04-14T00:00:00'), '2025-04-14');
  t.is(parseDate('2025-04-14T23:59:59'), '2025-04-14');
  t.is(parseDate('2025/04/14 10:30:00'), '2025-04-14');
});

test('an instant with a zone becomes the Taipei calendar day of that instant', (t) => {
  t.is(parseDate('2025-04-13T16:00:00Z'), '2025-04-14');
  t.is(parseDate('2025-04-13T15:59:59Z'), '2025-04-13');
  t.is(parseDate('2025-04-14T00:30:00+08:00'), '2025-04-14');
  t.is(parseDate('2025-04-13T12:00:00-05:00'), '2025-04-14');
});

test('leap day exists in 2024 (113/02/29) and not in 2023 (112/02/29)', (t) => {
  t.is(parseDate('2024-02-29'), '2024-02-29');
  t.is(parseDate('113/02/29'), '2024-02-29');
  t.is(parseDate('1130229'), '2024-02-29');
  t.is(parseDate('2023-02-29'), null);
  t.is(parseDate('112/02/29'), null);
  t.is(parseDate('20230229'), null);
});

test('invalid or missing dates give null, never a crash', (t) => {
  for (const bad of [null, undefined, '', '   ', 'abc', '2025-13-01', '2025-00-10', '2025-04-31', '114/13/01', '000/01/01',
    '0000101', '2025-1-5', '114-10-24', '2025-04-14T25:00:00Z', '12345', '2025-04-14T10:00:00+15:00']) {
    t.is(parseDate(bad), null, String(bad));
  }
});

test('shows ROC yyy/MM/dd and yyyMMdd, padded to three digits across the ROC 99→100 change', (t) => {
  t.is(toRocDate('2025-10-24'), '114/10/24');
  t.is(toRocDate('2010-12-31'), '099/12/31');
  t.is(toRocDate('2011-01-01'), '100/01/01');
  t.is(toRoc7('2025-10-24'), '1141024');
  t.is(toRoc7('2010-12-31'), '0991231');
  t.is(toRocDate('1911-06-01'), '民前1/06/01');
});

test('day arithmetic crosses month, year, leap day and ROC 99→100', (t) => {
  t.is(addDays('2025-10-24', 14), '2025-11-07');
  t.is(addDays('2010-12-31', 1), '2011-01-01');
  t.is(addDays('2024-02-28', 1), '2024-02-29');
  t.is(addDays('2024-02-29', 1), '2024-03-01');
  t.is(addDays('2023-02-28', 1), '2023-03-01');
  t.is(addDays('2025-01-01', -1), '2024-12-31');
  t.is(daysBetween('2025-10-24', '2025-10-28'), 4);
  t.is(daysBetween('2024-02-01', '2024-03-01'), 29);
  t.is(daysBetween('2024-12-31', '2025-01-01'), 1);
  t.is(daysBetween('2025-01-01', '2024-12-31'), -1);
});

test('every day 1799-12-01 … 2200-01-31 turns back into its own text, asked twice (texts kept by day inside 1800–2199)', (t) => {
  // The oracle is Date's own UTC calendar, independent of the kept pages and their edges.
  const first = Date.UTC(1799, 11, 1) / 86_400_000;
  const last = Date.UTC(2200, 0, 31) / 86_400_000;
  let wrong = 0;
  for (let round = 0; round < 2; round++) {
    for (let day = first; day <= last; day++) {
      if (isoOfDayNumber(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10)) wrong += 1;
    }
  }
  t.is(wrong, 0);
  t.is(addDays('1799-12-31', 1), '1800-01-01');
  t.is(addDays('1800-01-01', -1), '1799-12-31');
  t.is(addDays('1899-12-31', 1), '1900-01-01');
  t.is(addDays('2199-12-31', 1), '2200-01-01');
  t.is(addDays('2200-01-01', -1), '2199-12-31');
});

test('compareIso orders days', (t) => {
  t.true(compareIso('2025-01-01', '2025-01-02') < 0);
  t.true(compareIso('2025-01-02', '2025-01-01') > 0);
  t.is(compareIso('2025-01-01', '2025-01-01'), 0);
});

test('age counts completed years; a 02-29 birthday turns on 03-01 in common years', (t) => {
  t.is(ageOn('1960-05-10', '2025-05-09'), 64);
  t.is(ageOn('1960-05-10', '2025-05-10'), 65);
  t.is(ageOn('1960-02-29', '2025-02-28'), 64);
  t.is(ageOn('1960-02-29', '2025-03-01'), 65);
  t.is(ageOn('1960-02-29', '2024-02-29'), 64);
});

test('months: monthOf and addMonths clamp to the month end', (t) => {
  t.is(monthOf('2025-10-24'), '2025-10');
  t.is(addMonths('2024-01-31', 1), '2024-02-29');
  t.is(addMonths('2025-01-31', 1), '2025-02-28');
  t.is(addMonths('2025-10-24', -6), '2025-04-24');
  t.is(addMonths('2025-11-15', 2), '2026-01-15');
});

test('taipeiDateOf uses +08:00 whatever the process TZ', (t) => {
  t.is(taipeiDateOf(new Date(Date.UTC(2025, 3, 13, 16, 0, 0))), '2025-04-14');
  t.is(taipeiDateOf(new Date(Date.UTC(2025, 3, 13, 15, 59, 59))), '2025-04-13');
  t.throws(() => taipeiDateOf(new Date(Number.NaN)), { instanceOf: RangeError });
});

const isoArb = fc.date({ min: new Date(Date.UTC(1912, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

test('property: addDays and daysBetween are inverse; ROC forms read back', (t) => {
  fc.assert(fc.property(isoArb, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
    const later = addDays(day, n);
    return isIsoDate(later) && daysBetween(day, later) === n && parseDate(toRocDate(day)) === day
      && parseDate(toRoc7(day)) === day && parseDate(day.replaceAll('-', '')) === day;
  }));
  t.pass();
});

test('parseDate refuses years outside 1900–2199 and times that do not exist, in every form', (t) => {
  for (const text of ['9999/12/31', '0001-01-01', '1899-12-31', '18991231', '2200-01-01', '2025/09/26 25:99', '2025-09-26T99:00:00', '2025-09-26 23:60', '114/09/26 24:00']) {
    t.is(parseDate(text), null, text);
  }
  t.is(parseDate('1900-01-01'), '1900-01-01');
  t.is(parseDate('2199-12-31'), '2199-12-31');
  t.is(parseDate('001/01/01'), '1912-01-01');
  t.is(parseDate('2025/09/26 23:59'), '2025-09-26');
  t.is(parseDate('2025-09-26T23:59:59'), '2025-09-26');
});

test('a day past 9999-12-31 is written as that day, never as a five-digit year the ROC form garbles (3,000 supplies of 999 days carried)', (t) => {
  t.is(isoOfDayNumber(2_932_896), '9999-12-31');
  t.is(isoOfDayNumber(2_932_897), '9999-12-31');
  t.is(isoOfDayNumber(3_000_000), '9999-12-31');
  t.is(addDays('2025-11-03', 3_000_000), '9999-12-31');
  t.is(toRocDate(addDays('2025-11-03', 3_000_000)), '8088/12/31');
  t.is(isoOfDayNumber(-719_163), '0001-01-01');
  t.true(isIsoDate(addDays('2025-11-03', 3_000_000)));
});
