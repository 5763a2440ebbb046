// The carry-over walk of research §5(b) on integer day numbers: record positions and their
// columns (record-columns.ts), a few typed arrays instead of the record objects. Group
// leftover and the duplicate check (L2 "on hand when the newest was dispensed") both walk one
// K1 group, a slice of a positions array in packed start order (S, larger N, input order;
// k1-slots.ts). The walk reads a start day at a time, so the order within a day never matters.
import { COMPUTABLE, computableBefore, type RecordColumns } from './record-columns.ts';
import { DaySupply } from './carry-rules.ts';
import { findRestarts, mayRestart, unitAt, type Restarts } from './restarts.ts';

/** The day the walk is reading (one per walk at a time: the walk does not nest). */
const day = new DaySupply();

/** What a walk tells its caller when asked (walkDays' `run`). */
export interface WalkRun {
  /** Index into positions of the first record of the day the supply still carried began. */
  from: number;
  /**
   * Per record of the walk (index − the walk's `from`): 1 when its supply is carried, 0 when the
   * walk dropped it (findRestarts). At least as long as the walk.
   */
  counted: Uint8Array;
}

/**
 * Walks the computable records at positions[from, to) in carry order and returns the cursor
 * C, the first uncovered day (null for an empty slice). The supply an R001/R003 or a
 * prescriber's own dose change drops is left out (findRestarts: an R001/R003 drops all earlier
 * supply, a dose change only that prescriber's). The rest is read a start day at a time
 * (DaySupply: one day's strengths are taken together, one dose stacks); each day's supply
 * starts at max(S, C) (research §5(b) step 4; carry-rules.ts).
 * `run`, when given, learns which records count and where the last run began: the first day
 * or the last gap. What came before it had run out. `given`: what to drop, found by the caller
 * over a wider set than the one walked (restartsBefore; null: nothing), instead of over the
 * records walked.
 */
export function walkDays(positions: Int32Array, from: number, to: number, columns: RecordColumns, run?: WalkRun, given?: Restarts | null): number | null {
  const { startDay, daysSupply, daily, suppliers, seq } = columns;
  const found = given !== undefined ? given : mayRestart(positions, from, to, columns) ? findRestarts(positions, from, to, columns) : null;
  const dropped = found !== null && found.any ? found : null;
  let cursor: number | null = null;
  let k = from;
  while (k < to) {
    const dayFrom = k;
    const first = positions[k] as number;
    const start = startDay[first] as number;
    k++;
    while (k < to && startDay[positions[k] as number] === start) k++;
    let days: number;
    if (dropped === null && k === dayFrom + 1) {
      // One record that day, and nothing dropped: the usual case, without DaySupply.
      days = daysSupply[first] as number;
      if (run !== undefined) run.counted[dayFrom - from] = 1;
    } else {
      day.begin();
      let counted = 0;
      for (let m = dayFrom; m < k; m++) {
        const i = positions[m] as number;
        const kept = dropped === null || !dropped.drops(columns, i);
        if (run !== undefined) run.counted[m - from] = kept ? 1 : 0;
        if (!kept) continue;
        day.add(daily[i] as number, unitAt(columns, i), daysSupply[i] as number, suppliers[i] as string, seq[i] as number);
        counted++;
      }
      if (counted === 0) continue;
      days = day.days();
    }
    const restartsHere: boolean = cursor === null || start > cursor;
    if (restartsHere && run !== undefined) run.from = dayFrom;
    cursor = (restartsHere ? start : (cursor as number)) + days;
  }
  return cursor;
}

/**
 * Upper bound of the carry-forward end (day number) of the computable records at
 * positions[from, to), and the index into positions where its last unbroken run starts. Dose
 * changes and R001/R003 can only end a supply earlier, so the exact end (carryEndDay) is never
 * later; and where a supply starts on or after this bound there is a gap in the exact walk
 * too, so everything before that index cannot change the exact end.
 */
export function carryBound(positions: Int32Array, from: number, to: number, columns: RecordColumns): { end: number | null; runStart: number } {
  const { startDay, endDay, flags } = columns;
  let end: number | null = null;
  let runStart = from;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & COMPUTABLE) === 0) continue;
    if (end === null || (startDay[i] as number) >= end) {
      end = endDay[i] as number;
      runStart = k;
    } else end += (endDay[i] as number) - (startDay[i] as number);
  }
  return { end, runStart };
}

/**
 * The end of coverage C from the computable records at positions[from, to) that started
 * before `untilDay`; null when none counts. `counted` is a work array at least to − from
 * long. The positions are in packed start order: the walk reads a start day at a time, so
 * the order of one day's records does not matter and they are not sorted.
 */
export function carryEndDay(positions: Int32Array, untilDay: number, from: number, to: number, counted: Int32Array, columns: RecordColumns, given?: Restarts | null): number | null {
  const n = computableBefore(columns, positions, from, to, untilDay, counted);
  return walkDays(counted, 0, n, columns, undefined, given);
}
