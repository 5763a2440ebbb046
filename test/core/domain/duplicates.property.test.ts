// Properties of findDuplicates over random synthetic histories (fast-check): every group is
// reported at most once, and the fills of one chronic-refill chain (one prescriber, one
// original visit; refill pickups IC02/IC03 keep the original 就醫日期) are never an alert by
// themselves.
import test from 'ava';
import fc from 'fast-check';
import type { MedicationRecord } from '../../../src/core/domain/types.ts';
import { addDays, isIsoDate } from '../../../src/core/domain/dates.ts';
import { DEFAULT_EQUIVALENCE_SETS } from '../../../src/core/domain/equivalence.ts';
import { findDuplicates } from '../../../src/core/domain/duplicates.ts';
import { recordStart } from '../../../src/core/domain/leftover.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { CLINIC_A, CLINIC_B, CLINIC_C, PHARMACY, drug } from './fixtures.ts';

const DRUGS: [string, string, MedicationRecord['dosageForm']][] = [
  ['ZOLPIDEM', 'N05CF02', 'oral'], ['BROTIZOLAM', 'N05CD09', 'oral'], ['AMLODIPINE', 'C08CA01', 'oral'],
  ['NIFEDIPINE', 'C08CA05', 'oral'], ['VALSARTAN', 'C09CA03', 'oral'], ['ENALAPRIL', 'C09AA02', 'oral'],
  ['LEVOFLOXACIN', 'J01MA12', 'oral'], ['LEVOFLOXACIN', 'S01AE05', 'eye'],
];
const PRESCRIBERS = [CLINIC_A, CLINIC_B, CLINIC_C];

interface ChainSpec {
  prescriber: number;
  drug: number;
  brand: number;
  day: number;
  days: number;
  refillGaps: number[];
  frequency: string;
  exception: 'R003' | null;
}

const chainArb: fc.Arbitrary<ChainSpec> = fc.record({
  prescriber: fc.integer({ min: 0, max: 2 }),
  drug: fc.integer({ min: 0, max: DRUGS.length - 1 }),
  brand: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 0, max: 60 }),
  days: fc.integer({ min: 1, max: 30 }),
  refillGaps: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
  frequency: fc.constantFrom('QD', 'BID', 'PRN'),
  exception: fc.constantFrom(null, null, null, 'R003' as const),
});


function buildHistory(chains: ChainSpec[]): { records: MedicationRecord[]; chainOf: Map<string, number> } {
  const records: MedicationRecord[] = [];
  const chainOf = new Map<string, number>();
  chains.forEach((c, index) => {
    const [name, atc7, dosageForm] = DRUGS[c.drug] as (typeof DRUGS)[number];
    const origin = PRESCRIBERS[c.prescriber] ?? CLINIC_A;
    const visitDate = addDays('2025-01-01', c.day);
    const common = { visitDate, dosageForm, daysSupply: c.days, quantity: c.days, frequency: c.frequency, drugCode: `D${c.drug}B${c.brand}XXXXXX` };
    const first = drug(name, atc7, { ...common, id: `c${index}-1`, institution: origin, visitSeqNo: String(index).padStart(4, '0'), exceptionCode: c.exception });
    records.push(first);
    chainOf.set(first.id, index);
    let pickup = visitDate;
    c.refillGaps.forEach((gap, k) => {
      pickup = addDays(pickup, gap);
      const fill = drug(name, atc7, {
        ...common, id: `c${index}-${k + 2}`, institution: PHARMACY, chronicOriginInstitutionId: origin.id,
        refillDate: pickup, visitSeqNo: `IC0${k + 2}`,
      });
      records.push(fill);
      chainOf.set(fill.id, index);
    });
  });
  return { records, chainOf };
}

const settingsArb = fc.record({
  duplicateThresholdDays: fc.integer({ min: 0, max: 15 }),
  shortCourseDays: fc.integer({ min: 0, max: 5 }),
  equivalenceSets: fc.constant(DEFAULT_EQUIVALENCE_SETS),
});

test('findDuplicates never reports one group twice, nor the same records twice at one level', (t) => {
  const levelsSeen = new Set<string>();
  fc.assert(
    fc.property(fc.array(chainArb, { maxLength: 14 }), fc.integer({ min: 0, max: 100 }), settingsArb, (chains, todayOffset, settings) => {
      const { records } = buildHistory(chains);
      const alerts = findDuplicates(records, addDays('2025-01-01', todayOffset), settings);
      for (const alert of alerts) levelsSeen.add(alert.level);
      const groups = alerts.map((a) => `${a.level}|${a.group}`);
      const recordSets = alerts.map((a) => `${a.level}|${[...a.recordIds].sort().join(',')}`);
      return new Set(groups).size === groups.length && new Set(recordSets).size === recordSets.length &&
        alerts.every((a) => new Set(a.recordIds).size === a.recordIds.length && a.recordIds.length >= 2);
    }),
    { numRuns: 300, seed: 20251123 },
  );
  // The generator is not vacuous: every level actually occurs in these histories.
  t.deepEqual([...levelsSeen].sort(), ['L1', 'L2', 'L3', 'L4', 'L5']);
});

test('findDuplicates never makes an alert out of the fills of one chain', (t) => {
  fc.assert(
    fc.property(fc.array(chainArb, { maxLength: 14 }), fc.integer({ min: 0, max: 100 }), settingsArb, (chains, todayOffset, settings) => {
      const { records, chainOf } = buildHistory(chains);
      const alerts = findDuplicates(records, addDays('2025-01-01', todayOffset), settings);
      return alerts.every((a) => new Set(a.recordIds.map((id) => chainOf.get(id))).size >= 2);
    }),
    { numRuns: 300 },
  );
  t.pass();
});

test('a single chain with early pickups alone never alerts', (t) => {
  fc.assert(
    fc.property(chainArb, fc.integer({ min: 0, max: 100 }), (chain, todayOffset) => {
      const { records } = buildHistory([{ ...chain, refillGaps: [1, 1] }]);
      return findDuplicates(records, addDays('2025-01-01', todayOffset), { duplicateThresholdDays: 0, shortCourseDays: 0, equivalenceSets: DEFAULT_EQUIVALENCE_SETS }).length === 0;
    }),
    { numRuns: 200 },
  );
  t.pass();
});

test('the start order is exactly the carry order of the comparator (S, larger N, input order): counted, packed over a far-off day, past an unreadable date', (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ day: fc.integer({ min: -400, max: 400 }), days: fc.integer({ min: 0, max: 120 }) }), { maxLength: 60 }),
      fc.nat(),
      fc.constantFrom(-30_000, 30_000),
      (specs, at, farDay) => {
        const rows = specs.map((s, i) => ({ id: `x${i}`, visitDate: addDays('2025-01-01', s.day), days: s.days }));
        const historyOf = (list: { id: string; visitDate: string; days: number }[]) =>
          PreparedHistory.of(list.map((s) => drug('VALSARTAN', 'C09CA03', { id: s.id, visitDate: s.visitDate, daysSupply: s.days })), '2025-01-01');
        const ids = (list: MedicationRecord[]) => list.map((r) => r.id).join();
        // Carry order written plainly on the records: S (readable days only), larger N, input order.
        const comparator = (history: PreparedHistory) => {
          const records = Array.from({ length: history.size }, (_, i) => history.record(i));
          const start = (r: MedicationRecord) => recordStart(r);
          const dated = records.map((r, i) => ({ r, i })).filter(({ r }) => isIsoDate(start(r)));
          dated.sort((a, b) => (start(a.r) < start(b.r) ? -1 : start(a.r) > start(b.r) ? 1 : 0) || b.r.daysSupply - a.r.daysSupply || a.i - b.i);
          return ids(dated.map(({ r }) => r));
        };
        const started = (history: PreparedHistory) => Array.from(history.startOrder(), (i) => history.record(i));
        const plain = historyOf(rows);
        const counted = ids(started(plain));
        if (counted !== comparator(plain)) return false;
        // One record 30,000 days away: the days span too wide to count (packed keys).
        const place = at % (rows.length + 1);
        const wide = historyOf([...rows.slice(0, place), { id: 'far', visitDate: addDays('2025-01-01', farDay), days: 30 }, ...rows.slice(place)]);
        if (ids(started(wide)) !== comparator(wide)) return false;
        // Apart from that record, the same order as the counting passes gave.
        if (ids(started(wide).filter((r) => r.id !== 'far')) !== counted) return false;
        // A record whose date cannot be read is left out, and the others keep their order.
        const unreadable = historyOf([...rows.slice(0, place), { id: 'bad', visitDate: '2025-02-30', days: 30 }, ...rows.slice(place)]);
        return ids(started(unreadable)) === counted;
      },
    ),
    { numRuns: 200 },
  );
  t.pass();
});
