// The carry-over walk of research §5(b) on integer day numbers: record positions and their
// columns (record-columns.ts), a few typed arrays instead of the record objects. Group leftover and the duplicate check (L2 "on hand when the newest was dispensed")
// both walk one K1 group, a slice of a positions array already in packed start order (S,
// larger N, input order; k1-slots.ts).
import { COMPUTABLE, IN_MG, RESET, type RecordColumns } from './record-columns.ts';
import { dailyDoseChanged } from './carry-rules.ts';

/**
 * carryOrder for two records of one run (same S, same packed N rank): larger N first, then
 * id, then input position.
 */
function tieOrder(columns: RecordColumns, a: number, b: number): number {
  const ids = columns.ids;
  const idA = ids[a] as string;
  const idB = ids[b] as string;
  return (columns.daysSupply[b] as number) - (columns.daysSupply[a] as number) || (idA < idB ? -1 : idA > idB ? 1 : 0) || a - b;
}

/** The columns byTieOrder reads, and the ranks byRank reads, while a run is sorted. */
let sorting: RecordColumns | null = null;
let ranking: Int32Array | null = null;

/**
 * Puts positions[from, to), already in packed start order, into exact carry order (research
 * §5(b) step 2: S, larger N, id, input position) by sorting each run of neighbours that share
 * S and N. In place.
 */
export function settleTies(positions: Int32Array, from: number, to: number, columns: RecordColumns): void {
  const order = columns.order;
  sorting = columns;
  let runStart = from;
  for (let i = from + 1; i <= to; i++) {
    if (i < to && order[positions[i] as number] === order[positions[runStart] as number]) continue;
    if (i - runStart >= 2) sortRun(positions, runStart, i, byTieOrder);
    runStart = i;
  }
  sorting = null;
}

/**
 * tieOrder as a module function, not a closure made per run: V8 keeps a closure's optimised
 * code only while some closure of it is alive, and under the kiosk's heap limits that code was
 * thrown away at each full collection (docs/analysis-speed.md, "No closures made per analysis").
 */
function byTieOrder(a: number, b: number): number {
  return tieOrder(sorting as RecordColumns, a, b);
}

/** tieOrder by the positions' ranks in their group's carry order (PreparedHistory.carrySlots). */
function byRank(a: number, b: number): number {
  return ((ranking as Int32Array)[a] as number) - ((ranking as Int32Array)[b] as number);
}

/**
 * Sorts positions[from, to), one run, by `compare` (byTieOrder or byRank): by insertion when
 * short, else by the built-in sort, so the compares stay k log k (a dense history's same-day
 * fills of one drug).
 */
function sortRun(positions: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from > 12) {
    positions.subarray(from, to).sort(compare);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const p = positions[i] as number;
    let j = i - 1;
    while (j >= from && compare(positions[j] as number, p) > 0) {
      positions[j + 1] = positions[j] as number;
      j--;
    }
    positions[j + 1] = p;
  }
}

/**
 * Walks the computable records at positions[from, to) in carry order and returns the cursor
 * C, the first uncovered day (null for an empty slice). Each supply starts at max(S, C);
 * R001/R003 and dose changes restart from the record's own S without the old leftover
 * (research §5(b) step 4).
 */
export function walkDays(positions: Int32Array, from: number, to: number, columns: RecordColumns): number | null {
  const { startDay, daysSupply, flags } = columns;
  let cursor: number | null = null;
  let previous = -1;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    const start = startDay[i] as number;
    const days = daysSupply[i] as number;
    const reset = ((flags[i] as number) & RESET) !== 0;
    const changed = previous !== -1 && doseChangedAt(columns, previous, i);
    if (changed && cursor !== null && startDay[previous] === start && !reset) {
      // Two strengths handed out the same day (5 mg + 2.5 mg) are one regimen taken together:
      // neither stacked nor dropped, the supply lasts as long as the longer one.
      const together = start + days;
      if (together > cursor) cursor = together;
    } else {
      const effectiveStart: number = cursor === null || changed || reset || start > cursor ? start : cursor;
      cursor = effectiveStart + days;
    }
    previous = i;
  }
  return cursor;
}

/** doseChanged (carry-rules.ts) for the records at two positions. */
function doseChangedAt(columns: RecordColumns, previous: number, i: number): boolean {
  const { daily, flags, drug } = columns;
  return dailyDoseChanged(
    daily[previous] as number, ((flags[previous] as number) & IN_MG) !== 0,
    daily[i] as number, ((flags[i] as number) & IN_MG) !== 0,
    drug[previous] === drug[i],
  );
}

/**
 * Two records the walk cannot tell apart: the same N, daily amount (and its unit), drug and
 * reset code, so each step of the walk is the same whichever comes first (a NaN daily amount
 * counts as different: the run is then sorted, which is never wrong).
 */
function walkAlike(columns: RecordColumns, a: number, b: number): boolean {
  const { daysSupply, daily, drug, flags } = columns;
  return (
    daysSupply[a] === daysSupply[b] && daily[a] === daily[b] && drug[a] === drug[b] &&
    (((flags[a] as number) ^ (flags[b] as number)) & (RESET | IN_MG)) === 0
  );
}

/**
 * Carry order for a walk that only needs the end C: like settleTies on positions[0, n), but
 * only runs of same-S same-N records that the walk can tell apart are sorted; a run of alike
 * ones is left as it is. With `ranks` (each position's place in its group's carry order) the
 * runs are sorted by those integers instead of by tieOrder: the same order without comparing ids.
 */
function settleForWalk(positions: Int32Array, n: number, columns: RecordColumns, ranks: Int32Array | null): void {
  const order = columns.order;
  const compare = ranks === null ? byTieOrder : byRank;
  sorting = columns;
  ranking = ranks;
  let runStart = 0;
  let mixed = false;
  for (let i = 1; i <= n; i++) {
    if (i < n) {
      const p = positions[i] as number;
      const first = positions[runStart] as number;
      if (order[p] === order[first]) {
        // Alike is an equivalence: comparing with the run's first record is enough.
        if (!mixed && !walkAlike(columns, first, p)) mixed = true;
        continue;
      }
    }
    if (mixed) sortRun(positions, runStart, i, compare);
    runStart = i;
    mixed = false;
  }
  sorting = null;
  ranking = null;
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
 * The end of coverage C from the computable records at
 * positions[from, to) that started before `untilDay`; null when none counts. `counted` is a
 * work array at least to − from long. `ranks`, when given, holds each of these positions'
 * place in its group's carry order (PreparedHistory.carrySlots), so ties are ordered by
 * integers instead of ids.
 */
export function carryEndDay(
  positions: Int32Array,
  untilDay: number,
  from: number,
  to: number,
  counted: Int32Array,
  columns: RecordColumns,
  ranks: Int32Array | null = null,
): number | null {
  const { startDay, flags } = columns;
  let n = 0;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & COMPUTABLE) !== 0 && (startDay[i] as number) < untilDay) counted[n++] = i;
  }
  settleForWalk(counted, n, columns, ranks);
  return walkDays(counted, 0, n, columns);
}
