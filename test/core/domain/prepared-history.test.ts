// PreparedHistory.keptPositions: a row object the caller lists twice counts once. The check looks
// for copies only inside runs of equal start and N, among records of one drug code and 就醫序號
// (pairwise in short runs, by sorted keys in long ones, with a set past 16 fills of one key):
// each path must find a repeat and must not invent one. Also how a prescriber is named.
import test from 'ava';
import type { MedicationRecord } from '../../../src/core/domain/types.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { medication } from './fixtures.ts';

const TODAY = '2025-05-10';
const ATC = ['C09CA03', 'C08CA01', 'C10AA05', 'A10BA02', 'N05CF02'];
const NAMES = ['VALSARTAN', 'AMLODIPINE', 'ATORVASTATIN', 'METFORMIN', 'ZOLPIDEM'];

/**
 * `count` fills on one day with one N, cycling over `kinds` ingredients under one drug code (so
 * the copy listed last follows another product of its code); without 就醫序號 when `seq` is false
 * (refill pickups).
 */
function sameDayFills(count: number, kinds: number, seq = true): MedicationRecord[] {
  return Array.from({ length: count }, (_, i) =>
    medication({
      atc7: ATC[i % kinds] as string,
      ingredients: [{ name: NAMES[i % kinds] as string, atc7: ATC[i % kinds] as string }],
      ...(seq ? {} : { visitSeqNo: null }),
    }),
  );
}

/** The positions kept (null: all of them, as no row is listed twice). */
function keptPositions(records: MedicationRecord[], keep: 'first' | 'last'): number[] | null {
  const kept = PreparedHistory.of(records, TODAY).keptPositions(keep);
  return kept === null ? null : records.flatMap((_, i) => (kept[i] === 1 ? [i] : []));
}

for (const [label, count, kinds, seq] of [
  ['a short run (pairwise)', 6, 2, true],
  ['a long run of mixed ingredients (sorted keys)', 40, 5, true],
  ['a long run of one drug, each its own 就醫序號 (sorted keys)', 100, 1, true],
  ['a run of one drug without 就醫序號, just past pairwise (set)', 18, 1, false],
  ['a long run of mixed ingredients without 就醫序號 (one key past pairwise: set)', 60, 5, false],
  ['a long run of one drug without 就醫序號 (set)', 100, 1, false],
] as const) {
  test(`${label}: without repeats all are kept; a row listed twice counts once, at its first or last position`, (t) => {
    const fills = sameDayFills(count, kinds, seq);
    t.is(keptPositions(fills, 'first'), null);
    const repeated = [...fills, fills[count - 3] as MedicationRecord];
    const all = fills.map((_, i) => i);
    t.deepEqual(keptPositions(repeated, 'first'), all);
    t.deepEqual(keptPositions(repeated, 'last'), [...all.filter((i) => i !== count - 3), count]);
  });
}

// The fuzzer's case: one 醫事機構代碼 under two 簡稱 (a renamed clinic). The pickup's prescriber
// was named as whichever row the cloud listed first.
test('a prescriber written two ways is named as its newest visit writes it, whatever the rows\' order', (t) => {
  const clinic = (name: string) => ({ id: '3532052586', name, visitKind: 'outpatient' as const });
  const pharmacy = { id: '5901010010', name: '丙藥局', visitKind: 'pharmacy' as const };
  const older = medication({ id: 'old', visitDate: '2025-03-01', institution: clinic('甲診所') });
  const newer = medication({ id: 'new', visitDate: '2025-04-01', institution: clinic('甲家醫科診所') });
  const pickup = medication({ id: 'pickup', visitDate: '2025-04-01', refillDate: '2025-05-01', institution: pharmacy, chronicOriginInstitutionId: '3532052586', visitSeqNo: 'IC02' });
  for (const rows of [[older, newer, pickup], [newer, older, pickup], [pickup, older, newer]]) {
    const history = PreparedHistory.of(rows, TODAY);
    const at = rows.indexOf(pickup);
    t.is(history.prescriberName(at), '甲家醫科診所', rows.map((r) => r.id).join());
    t.is(history.alertInstitution(at), '甲家醫科診所→丙藥局', rows.map((r) => r.id).join());
  }
  // A newest visit that writes only the code names nothing: the older visit's 簡稱 stands.
  const codeOnly = medication({ id: 'code', visitDate: '2025-04-20', institution: clinic('3532052586') });
  t.is(PreparedHistory.of([newer, codeOnly, pickup], TODAY).prescriberName(2), '甲家醫科診所');
});
