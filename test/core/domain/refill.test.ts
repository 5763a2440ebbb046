// Checklist for 慢性病連續處方箋: when the next fill may be collected, validity, late and early
// pickups, holiday windows and data anomalies.
import test from 'ava';
import fc from 'fast-check';
import { addDays, compareIso } from '../../../src/core/domain/dates.ts';
import { DEFAULT_REFILL_RULES, earlyFills, refillStatus, sortRefills, type RefillState, type RefillStatus } from '../../../src/core/domain/refill.ts';
import { chronic } from './record-builder.ts';

const rx = chronic({ prescriptionDate: '2025-01-01', daysPerFill: 28, fills: 3, fillDates: ['2025-01-01'] });

test('research §6 case 3: 28 d × 3 from 1/1 → fill 2 allowed from 1/19, validity ends 3/25', (t) => {
  const status = refillStatus(rx, '2025-01-19');
  t.is(status.validFrom, '2025-01-01');
  t.is(status.validUntil, '2025-03-25');
  t.is(status.nextFrom, '2025-01-19');
  t.is(status.nextUntil, '2025-03-25');
  t.is(status.status, 'eligible');
  t.is(status.fill, 1);
  t.is(status.fills, 3);
  t.deepEqual(status.anomalies, []);
});

test('too early: shows the first allowed day and the days until it', (t) => {
  const status = refillStatus(rx, '2025-01-15');
  t.is(status.status, 'too-early');
  t.is(status.nextFrom, '2025-01-19');
  t.is(status.daysUntilAllowed, 4);
});

test('fill 3 counts from the date fill 2 was actually collected', (t) => {
  const status = refillStatus({ ...rx, fillDates: ['2025-01-01', '2025-01-20'] }, '2025-02-06');
  t.is(status.fill, 2);
  t.is(status.nextFrom, '2025-02-07');
  t.is(status.status, 'too-early');
  t.is(refillStatus({ ...rx, fillDates: ['2025-01-20', '2025-01-01'] }, '2025-02-07').status, 'eligible');
});

test('a late fill does not extend validity; too late leaves nothing to collect', (t) => {
  const late = refillStatus({ ...rx, fillDates: ['2025-01-01', '2025-03-01'] }, '2025-03-20');
  t.is(late.nextFrom, '2025-03-19');
  t.is(late.nextUntil, '2025-03-25');
  t.is(late.status, 'eligible');
  const tooLate = refillStatus({ ...rx, fillDates: ['2025-01-01', '2025-03-10'] }, '2025-03-12');
  t.is(tooLate.status, 'expired');
  t.is(tooLate.nextFrom, null);
});

test('expired the day after validity ends; completed once all fills are taken', (t) => {
  t.is(refillStatus(rx, '2025-03-25').status, 'eligible');
  t.is(refillStatus(rx, '2025-03-26').status, 'expired');
  const done = refillStatus({ ...rx, fillDates: ['2025-01-01', '2025-01-25', '2025-02-20'] }, '2025-03-01');
  t.is(done.status, 'completed');
  t.is(done.fill, 3);
  t.is(done.nextFrom, null);
});

test('no fill yet: the first fill may be collected from the prescription date', (t) => {
  const status = refillStatus({ ...rx, fillDates: [] }, '2025-01-02');
  t.is(status.status, 'eligible');
  t.is(status.nextFrom, '2025-01-01');
  t.is(status.fill, 0);
});

test('holiday window as data: 14 days when the previous supply ends inside the holiday range', (t) => {
  const rules = { ...DEFAULT_REFILL_RULES, holidayWindows: [{ from: '2026-02-14', to: '2026-02-22', windowDays: 14 }] };
  const lny = chronic({ prescriptionDate: '2026-01-20', daysPerFill: 28, fills: 3, fillDates: ['2026-01-20'] });
  // Supply 1/20 + 28 covers through 2/16, inside the holiday → from 2/17 − 14 = 2/3.
  const inHoliday = refillStatus(lny, '2026-02-03', rules);
  t.is(inHoliday.nextFrom, '2026-02-03');
  t.is(inHoliday.windowDays, 14);
  t.is(inHoliday.status, 'eligible');
  t.is(refillStatus(lny, '2026-02-03').status, 'too-early');
  t.is(refillStatus(lny, '2026-02-03').nextFrom, '2026-02-07');
  const outside = chronic({ prescriptionDate: '2026-01-01', daysPerFill: 28, fills: 3, fillDates: ['2026-01-01'] });
  t.is(refillStatus(outside, '2026-01-10', rules).nextFrom, '2026-01-19');
});

test('holiday anchored on its start (2025 Lunar New Year): from 114/1/15 when the supply ends inside 1/25–2/2', (t) => {
  // research §1.5 [S10]: the last day of the previous supply in the holiday → from 10 days before it starts.
  const rules = { ...DEFAULT_REFILL_RULES, holidayWindows: [{ from: '2025-01-25', to: '2025-02-02', windowDays: 10, fromDaysBeforeStart: 10 }] };
  // Fill 1 on 12/29: 28 days cover through 1/25 (the first holiday day); normally from 1/16.
  const early = chronic({ prescriptionDate: '2024-12-29', daysPerFill: 28, fills: 3, fillDates: ['2024-12-29'] });
  t.is(refillStatus(early, '2025-01-15', rules).nextFrom, '2025-01-15');
  t.is(refillStatus(early, '2025-01-15', rules).status, 'eligible');
  t.is(refillStatus(early, '2025-01-15').nextFrom, '2025-01-16');
  // Fill 1 on 1/6: covered through 2/2 (the last holiday day); normally from 1/24.
  const late = chronic({ prescriptionDate: '2025-01-06', daysPerFill: 28, fills: 3, fillDates: ['2025-01-06'] });
  t.is(refillStatus(late, '2025-01-14', rules).nextFrom, '2025-01-15');
  t.is(refillStatus(late, '2025-01-14', rules).status, 'too-early');
  // Covered through 2/3, after the holiday: the normal rule.
  const after = chronic({ prescriptionDate: '2025-01-07', daysPerFill: 28, fills: 3, fillDates: ['2025-01-07'] });
  t.is(refillStatus(after, '2025-01-14', rules).nextFrom, '2025-01-25');
});

test('validity across the leap day and the year end', (t) => {
  t.is(refillStatus(chronic({ prescriptionDate: '2024-02-01', fillDates: ['2024-02-01'] }), '2024-02-10').validUntil, '2024-04-24');
  t.is(refillStatus(chronic({ prescriptionDate: '2025-12-15', daysPerFill: 30, fills: 3, fillDates: ['2025-12-15'] }), '2025-12-20').validUntil, '2026-03-14');
  t.is(refillStatus(chronic({ prescriptionDate: '2010-12-20', daysPerFill: 28, fills: 2, fillDates: ['2010-12-20'] }), '2011-01-07').nextFrom, '2011-01-07');
});

test('anomalies: more than 30 days a fill, more than 90 days in all, impossible fill dates', (t) => {
  t.deepEqual(refillStatus(chronic({ daysPerFill: 35, fills: 2 }), '2025-01-02').anomalies, ['days-per-fill-over-30']);
  t.deepEqual(refillStatus(chronic({ daysPerFill: 30, fills: 4 }), '2025-01-02').anomalies, ['total-days-over-90']);
  t.deepEqual(refillStatus(chronic({ fillDates: ['2024-12-30'] }), '2025-01-02').anomalies, ['fill-before-prescription']);
  t.deepEqual(refillStatus(chronic({ fills: 1, fillDates: ['2025-01-01', '2025-02-05'] }), '2025-02-06').anomalies, ['more-fills-than-allowed', 'fill-after-validity']);
  t.deepEqual(refillStatus(chronic({ daysPerFill: 0, fills: 0, fillDates: [] }), '2025-01-02').anomalies, ['invalid-plan']);
  t.deepEqual(refillStatus(chronic({ cloudExpired: true }), '2025-01-20').anomalies, ['cloud-says-expired']);
});

test('the refill list: eligible, too early, expired, completed; newest prescription first; ties in the given order; counted, packed over a far-off date, compared over an unreadable one; in place', (t) => {
  const RANK: Record<RefillState, number> = { eligible: 0, 'too-early': 1, expired: 2, completed: 3 };
  const base = refillStatus(rx, '2025-01-19');
  const ids = (list: RefillStatus[]) => list.map((s) => s.prescriptionId);
  const reference = (list: RefillStatus[]) =>
    ids(list.map((s, i) => ({ s, i })).sort((a, b) => RANK[a.s.status] - RANK[b.s.status] || compareIso(b.s.prescriptionDate, a.s.prescriptionDate) || a.i - b.i).map(({ s }) => s));
  const stateArb = fc.constantFrom<RefillState>('eligible', 'too-early', 'expired', 'completed');
  fc.assert(
    fc.property(
      fc.array(fc.record({ status: stateArb, day: fc.integer({ min: 0, max: 200 }) }), { maxLength: 60 }),
      fc.nat(),
      fc.constantFrom(-30_000, 30_000),
      stateArb,
      (specs, at, farDay, farState) => {
        const status = (id: string, state: RefillState, day: number): RefillStatus => ({ ...base, prescriptionId: id, status: state, prescriptionDate: addDays('2025-01-01', day) });
        const narrow = specs.map((s, i) => status(`p${i}`, s.status, s.day));
        const place = at % (narrow.length + 1);
        const wide = [...narrow.slice(0, place), status('far', farState, farDay), ...narrow.slice(place)];
        const unreadable = [...narrow.slice(0, place), { ...status('far', farState, 0), prescriptionDate: '2025-02-30' }, ...narrow.slice(place)];
        const expected = [reference(narrow), reference(wide), reference(unreadable)];
        const sorted = [narrow, wide, unreadable].map((list) => {
          // Entries alongside (here the ids) end in the same order as the statuses.
          const alongside = ids(list);
          return [list, sortRefills(list, alongside), alongside] as const;
        });
        for (const [list, result, alongside] of sorted) {
          t.is(result, list);
          t.deepEqual(alongside, ids(result));
        }
        t.deepEqual(sorted.map(([, result]) => ids(result)), expected);
        t.deepEqual(ids(wide).filter((id) => id !== 'far'), ids(narrow));
      },
    ),
    { seed: 20251103, numRuns: 200 },
  );
});

test('early pickups: fill 2 on 9/15 of a 30-day slip from 9/1 was 6 days before its first day 9/21; an on-time or holiday-window fill is not early', (t) => {
  const slip = (fillDates: string[], extra = {}) => chronic({ prescriptionDate: '2025-09-01', daysPerFill: 30, fills: 3, fillDates, ...extra });
  t.deepEqual(earlyFills(slip(['2025-09-01', '2025-09-15'])), [{ fill: 2, collected: '2025-09-15', allowedFrom: '2025-09-21' }]);
  t.deepEqual(earlyFills(slip(['2025-09-01', '2025-09-21', '2025-10-21'])), []);
  // Fill 3 with its fill 2 unknown (IC03 without IC02): the numbering is open, nothing said.
  t.deepEqual(earlyFills(slip(['2025-09-01', '2025-09-15'], { fillsTaken: 3 })), []);
  // A 14-day holiday window holding the supply's last day (9/30) opens fill 2 on 9/17.
  const holiday = { ...DEFAULT_REFILL_RULES, holidayWindows: [{ from: '2025-09-28', to: '2025-10-06', windowDays: 14 }] };
  t.deepEqual(earlyFills(slip(['2025-09-01', '2025-09-17']), holiday), []);
  t.deepEqual(earlyFills(slip(['2025-09-01', '2025-09-16']), holiday), [{ fill: 2, collected: '2025-09-16', allowedFrom: '2025-09-17' }]);
});
