// PreparedHistory.distinct: a row object the caller lists twice counts once. The check looks
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

function keptIds(records: MedicationRecord[]): string[] {
  const history = PreparedHistory.of(records, TODAY);
  return history.distinct(history.all, 'first').map((c) => c.record.id);
}

for (const [label, count, kinds] of [
  ['a short run (pairwise)', 6, 2],
  ['a long run of mixed ingredients (chains)', 40, 5],
  ['a run of one ingredient just past the chain limit (set)', 18, 1],
  ['a long run of one ingredient (set past 16)', 100, 1],
] as const) {
  test(`${label}: without repeats the list itself; a row listed twice counts once, at its first position`, (t) => {
    const fills = sameDayFills(count, kinds);
    const history = PreparedHistory.of(fills, TODAY);
    t.is(history.distinct(history.all, 'first'), history.all);
    const repeated = [...fills, fills[count - 3] as MedicationRecord];
    t.deepEqual(keptIds(repeated), fills.map((r) => r.id));
  });
}
