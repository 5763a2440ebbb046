// The duplicate check's view of the prepared records (prepare.ts): the one sort into carry
// order (research §5(b) step 2) and the cheap upper bound of a group's carried supply.
import { ORDER_PER_DAY, type Candidate } from './prepare.ts';
import { sortedByKeys } from './day-order.ts';

export { Preparer, type Candidate } from './prepare.ts';

/**
 * Sorts into carry order (byStart) by start day and larger N, stable, so input order breaks
 * ties (sortedByKeys: counting passes, or packed keys when the days span too wide). Expects
 * readable starts (PreparedHistory.byStart leaves the others out).
 */
export function sortByStart(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  const starts = new Float64Array(n);
  const longerFirst = new Float64Array(n);
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as Candidate;
    // The position stands in for the input index, so the list must be in input order (it is
    // when it comes from Preparer.prepareAll, possibly with unreadable records left out).
    if (c.index <= previous) return candidates.slice().sort(byStart);
    previous = c.index;
    starts[i] = c.startDay;
    longerFirst[i] = c.order - c.startDay * ORDER_PER_DAY;
  }
  return sortedByKeys(candidates, [starts, longerFirst], byStart);
}

/** Carry order (research §5(b) step 2): S ascending, larger N first, then input order. */
export function byStart(a: Candidate, b: Candidate): number {
  return a.order - b.order || a.index - b.index;
}

/**
 * Upper bound of the carry-forward end (day number) of computable, sorted candidates, and
 * the index where its last unbroken run starts. Dose changes and R001/R003 can only end a
 * supply earlier, so the exact end (carryForwardEnd) is never later; and where a supply
 * starts on or after this bound there is a gap in the exact walk too, so everything before
 * that index cannot change the exact end. Only the first `to` candidates are read.
 */
export function carryBound(sorted: Candidate[], to = sorted.length): { end: number | null; runStart: number } {
  let end: number | null = null;
  let runStart = 0;
  for (let index = 0; index < to; index++) {
    const c = sorted[index] as Candidate;
    if (c.reason !== null) continue;
    if (end === null || c.startDay >= end) {
      end = c.endDay;
      runStart = index;
    } else end += c.endDay - c.startDay;
  }
  return { end, runStart };
}
