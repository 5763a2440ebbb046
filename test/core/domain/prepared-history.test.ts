// PreparedHistory.keptPositions: a row object the caller lists twice counts once. The check looks
// for copies only inside runs of equal start and N, chained by first ingredient in long runs
// (a dense history's same-day fills), with a set past 16 same-ingredient fills: each path
// must find a repeat and must not invent one.
import test from 'ava';
import type { MedicationRecord } from '../../../src/core/domain/types.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { medication } from './fixtures.ts';

const TODAY = '2025-05-10';
const ATC = ['C09CA03', 'C08CA01', 'C10AA05', 'A10BA02', 'N05CF02'];
const NAMES = ['VALSARTAN', 'AMLODIPINE', 'ATORVASTATIN', 'METFORMIN', 'ZOLPIDEM'];

/** `count` fills on one day with one N, cycling over `kinds` ingredients. */
function sameDayFills(count: number, kinds: number): MedicationRecord[] {
  return Array.from({ length: count }, (_, i) =>
    medication({ atc7: ATC[i % kinds] as string, ingredients: [{ name: NAMES[i % kinds] as string, atc7: ATC[i % kinds] as string }] }),
  );
}

/** The positions kept (null: all of them, as no row is listed twice). */
function keptPositions(records: MedicationRecord[], keep: 'first' | 'last'): number[] | null {
  const kept = PreparedHistory.of(records, TODAY).keptPositions(keep);
  return kept === null ? null : records.flatMap((_, i) => (kept[i] === 1 ? [i] : []));
}

for (const [label, count, kinds] of [
  ['a short run (pairwise)', 6, 2],
  ['a long run of mixed ingredients (chains)', 40, 5],
  ['a run of one ingredient just past the chain limit (set)', 18, 1],
  ['a long run of one ingredient (set past 16)', 100, 1],
] as const) {
  test(`${label}: without repeats all are kept; a row listed twice counts once, at its first or last position`, (t) => {
    const fills = sameDayFills(count, kinds);
    t.is(keptPositions(fills, 'first'), null);
    const repeated = [...fills, fills[count - 3] as MedicationRecord];
    const all = fills.map((_, i) => i);
    t.deepEqual(keptPositions(repeated, 'first'), all);
    t.deepEqual(keptPositions(repeated, 'last'), [...all.filter((i) => i !== count - 3), count]);
  });
}
