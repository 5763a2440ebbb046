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
 * Puts a list already in packed order (sortByStart: S, larger N, input order) into exact
 * carry order, using each record's position in the whole history's carry order
 * (PreparedHistory.carryRanks): only records sharing S and N (rare) move. Sorts in place.
 */
export function settleTies(sorted: Candidate[], ranks: Int32Array): Candidate[] {
  for (let i = 1; i < sorted.length; i++) {
    const c = sorted[i] as Candidate;
    const rank = ranks[c.index] as number;
    let j = i - 1;
    // Insertion sort inside runs of equal packed order (a run is a handful of records at most).
    while (j >= 0 && (sorted[j] as Candidate).order === c.order && (ranks[(sorted[j] as Candidate).index] as number) > rank) {
      sorted[j + 1] = sorted[j] as Candidate;
      j--;
    }
    sorted[j + 1] = c;
  }
  return sorted;
}

/**
 * Walks computable records of one group in carry order and returns the cursor C, the first
 * uncovered day. Each supply starts at max(S, C); R001/R003 and dose changes restart from
 * the record's own S without the old leftover (research §5(b) step 4). Every record here has
 * a whole positive N (non-computable regimens are left out by the callers).
 */
export function walkDays(sorted: Candidate[]): number | null {
  let cursor: number | null = null;
  let previous: Candidate | null = null;
  for (const c of sorted) {
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
 * carryForwardEnd on prepared records of one group (in packed carry order; `ranks` from
 * PreparedHistory.carryRanks): end of coverage C from the computable records that started before `untilDay`; null when none counts.
 */
export function carryEndDay(group: Candidate[], untilDay: number, ranks: Int32Array): number | null {
  const counted: Candidate[] = [];
  for (const c of group) if (c.reason === null && c.startDay < untilDay) counted.push(c);
  return walkDays(settleTies(counted, ranks));
}
