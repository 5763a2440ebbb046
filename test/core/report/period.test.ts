// Report periods are Asia/Taipei calendar days, never the machine's (TZ=UTC in CI).
import test from 'ava';
import { lastMonth, resolvePeriod, startOfTaipeiDay } from '../../../src/core/report/index.ts';
import { bucketsOf, mondayOf, taipeiDayNumber } from '../../../src/core/report/period.ts';

test('a Taipei day starts at 16:00 UTC the day before', (t) => {
  t.is(startOfTaipeiDay('2026-11-01').toISOString(), '2026-10-31T16:00:00.000Z');
  t.is(taipeiDayNumber(Date.parse('2026-10-31T15:59:59.999Z')) + 1, taipeiDayNumber(Date.parse('2026-10-31T16:00:00.000Z')));
});

test('default period is last calendar month, including across a year end and in March after a short February', (t) => {
  t.deepEqual(lastMonth('2026-11-23'), { from: '2026-10-01', to: '2026-10-31' });
  t.deepEqual(lastMonth('2027-01-01'), { from: '2026-12-01', to: '2026-12-31' });
  t.deepEqual(lastMonth('2028-03-31'), { from: '2028-02-01', to: '2028-02-29' });
  t.deepEqual(resolvePeriod({}, '2026-11-23'), { from: '2026-10-01', to: '2026-10-31' });
});

test('--from alone runs to today, --to alone from the first of its month; bad input is named', (t) => {
  t.deepEqual(resolvePeriod({ from: '2026-11-10' }, '2026-11-23'), { from: '2026-11-10', to: '2026-11-23' });
  t.deepEqual(resolvePeriod({ to: '2026-09-15' }, '2026-11-23'), { from: '2026-09-01', to: '2026-09-15' });
  t.deepEqual(resolvePeriod({ from: '2026-02-30' }, '2026-11-23'), { problem: 'from' });
  t.deepEqual(resolvePeriod({ to: '115/10/01' }, '2026-11-23'), { problem: 'to' });
  t.deepEqual(resolvePeriod({ from: '2026-10-02', to: '2026-10-01' }, '2026-11-23'), { problem: 'order' });
  t.deepEqual(resolvePeriod({ from: '2000-01-01', to: '2026-10-01' }, '2026-11-23'), { problem: 'too-long' });
});

test('weeks start on Monday; month buckets clip to the period', (t) => {
  t.is(mondayOf('2026-11-01'), '2026-10-26'); // a Sunday
  t.is(mondayOf('2026-11-02'), '2026-11-02'); // a Monday
  const { buckets, bucketOfDay } = bucketsOf('2026-10-15', '2026-12-03', 'month');
  t.deepEqual(buckets, [
    { label: '2026-10', from: '2026-10-15', to: '2026-10-31' },
    { label: '2026-11', from: '2026-11-01', to: '2026-11-30' },
    { label: '2026-12', from: '2026-12-01', to: '2026-12-03' },
  ]);
  t.is(bucketOfDay.length, 50);
  t.is(bucketOfDay[16], 0);
  t.is(bucketOfDay[17], 1);
});
