// The carry-over walk of research §5(b) on prepared records (prepare.ts): integer day
// numbers instead of ISO strings. Group leftover and the duplicate check (L2 "on hand when
// the newest was dispensed") both walk one K1 group's records in carry order.
import type { MedicationRecord } from './types.ts';
import type { Candidate } from './prepare.ts';

/** NHI exception codes that end the old supply instead of carrying it: R003 regimen change, R001 lost supply. */
export function hasResetCode(record: MedicationRecord): boolean {
  return record.exceptionCode === 'R001' || record.exceptionCode === 'R003';
}

/**
 * Daily amount in comparable units: mg/day when the strength is known (single-ingredient
 * products), else units/day of that very product; NaN when it cannot be read.
 */
function perDay(record: MedicationRecord): number {
  if (!(record.daysSupply > 0) || !(record.quantity > 0)) return Number.NaN;
  const unitsPerDay = record.quantity / record.daysSupply;
  return record.unitStrengthMg !== null && !record.isCombination ? unitsPerDay * record.unitStrengthMg : unitsPerDay;
}

function inMg(record: MedicationRecord): boolean {
  return record.unitStrengthMg !== null && !record.isCombination;
}

/**
 * Research §5(b) step 4, "its daily dose differs and dose rescaling is off": we do not
 * rescale, so a known change of daily dose ends the old supply like R003. Unknown or
 * incomparable doses (different products without strength) are treated as unchanged.
 */
export function doseChanged(previous: MedicationRecord | null, record: MedicationRecord): boolean {
  if (previous === null) return false;
  const before = perDay(previous);
  const now = perDay(record);
  if (Number.isNaN(before) || Number.isNaN(now)) return false;
  const mg = inMg(previous);
  if (mg !== inMg(record) || (!mg && previous.drugCode !== record.drugCode)) return false;
  return Math.abs(before - now) > 1e-9 * Math.max(before, now);
}

/** Research §5(b) step 2: S ascending; on the same day the larger N first; then id, then input order. */
export function carryOrder(a: Candidate, b: Candidate): number {
  const ra = a.record;
  const rb = b.record;
  return a.startDay - b.startDay || rb.daysSupply - ra.daysSupply || (ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0) || a.index - b.index;
}

/**
 * Puts one group's list, already in packed order (sortByStart: S, larger N, input order),
 * into exact carry order: only runs of neighbours sharing S and N are sorted (by id). Sorts
 * in place.
 */
export function settleTies(sorted: Candidate[]): Candidate[] {
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && (sorted[i] as Candidate).order === (sorted[runStart] as Candidate).order) continue;
    if (i - runStart >= 2) sortRun(sorted, runStart, i);
    runStart = i;
  }
  return sorted;
}

/**
 * Sorts sorted[from, to) by carryOrder in place. Short runs (the usual: one group's fills
 * sharing S and N) by insertion, since Array.prototype.sort on a slice allocated more per run
 * (work arrays) than the whole walk; long runs (a dense history: dozens of same-day fills of
 * one drug) by the built-in sort, so the compares stay k log k. carryOrder is a total order
 * (input position last), so the result is the one any sort gives.
 */
function sortRun(sorted: Candidate[], from: number, to: number): void {
  if (to - from > 12) {
    const run = sorted.slice(from, to).sort(carryOrder);
    for (let k = 0; k < run.length; k++) sorted[from + k] = run[k] as Candidate;
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const c = sorted[i] as Candidate;
    let j = i - 1;
    while (j >= from && carryOrder(sorted[j] as Candidate, c) > 0) {
      sorted[j + 1] = sorted[j] as Candidate;
      j--;
    }
    sorted[j + 1] = c;
  }
}

/** Two fills the walk cannot tell apart (same N, same product and amount, same reset code): their order never matters. */
function interchangeable(a: MedicationRecord, b: MedicationRecord): boolean {
  return (
    // Numbers first: the drug codes of two records are usually two string objects compared by content.
    a.daysSupply === b.daysSupply && a.quantity === b.quantity && a.unitStrengthMg === b.unitStrengthMg &&
    a.isCombination === b.isCombination && a.drugCode === b.drugCode && hasResetCode(a) === hasResetCode(b)
  );
}

/**
 * Carry order for a walk that only needs the end C: like settleTies, but a run of same-S
 * same-N fills that are all interchangeable is left as it is (any order gives the walk the
 * same steps), so ids are compared only inside runs whose fills differ. Sorts the first n in place.
 */
function settleForWalk(sorted: Candidate[], n: number): Candidate[] {
  let runStart = 0;
  let mixed = false;
  for (let i = 1; i <= n; i++) {
    if (i < n) {
      const c = sorted[i] as Candidate;
      const first = sorted[runStart] as Candidate;
      if (c.order === first.order) {
        // Interchangeable is an equivalence: comparing with the run's first fill is enough.
        if (!mixed && !interchangeable(first.record, c.record)) mixed = true;
        continue;
      }
    }
    if (mixed) sortRun(sorted, runStart, i);
    runStart = i;
    mixed = false;
  }
  return sorted;
}

/**
 * Walks computable records of one group in carry order and returns the cursor C, the first
 * uncovered day. Each supply starts at max(S, C); R001/R003 and dose changes restart from
 * the record's own S without the old leftover (research §5(b) step 4). Every record here has
 * a whole positive N (non-computable regimens are left out by the callers). Reads the first n.
 */
export function walkDays(sorted: Candidate[], n = sorted.length): number | null {
  let cursor: number | null = null;
  let previous: Candidate | null = null;
  for (let i = 0; i < n; i++) {
    const c = sorted[i] as Candidate;
    const start = c.startDay;
    const record = c.record;
    const changed = doseChanged(previous === null ? null : previous.record, record);
    if (changed && previous !== null && cursor !== null && previous.startDay === start && !hasResetCode(record)) {
      // Two strengths handed out the same day (5 mg + 2.5 mg) are one regimen taken together:
      // neither stacked nor dropped, the supply lasts as long as the longer one.
      const together = start + record.daysSupply;
      if (together > cursor) cursor = together;
    } else {
      const reset = changed || hasResetCode(record);
      const effectiveStart: number = cursor === null || reset || start > cursor ? start : cursor;
      cursor = effectiveStart + record.daysSupply;
    }
    previous = c;
  }
  return cursor;
}

/**
 * carryForwardEnd on prepared records of one group (in packed carry order): end of coverage
 * C from the computable records in group[from, to) that started before `untilDay`; null when
 * none counts. `counted` is a work list the caller may reuse between calls: it is written
 * from the start and never shortened (setting a list's length to 0 drops its storage in V8,
 * so each call grew it again).
 */
export function carryEndDay(group: Candidate[], untilDay: number, from = 0, to = group.length, counted: Candidate[] = []): number | null {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = group[i] as Candidate;
    if (c.reason === null && c.startDay < untilDay) counted[n++] = c;
  }
  return walkDays(settleForWalk(counted, n), n);
}
