// The carry-over walk's rules for one record (research §5(b) step 4): which exception codes
// end the old supply, and when the daily dose changed. The walk on day numbers (carry-walk.ts,
// through the record columns) and the ISO-date walk (group-leftover.ts) both follow them.
import type { MedicationRecord } from './types.ts';

/** NHI exception codes that end the old supply instead of carrying it: R003 regimen change, R001 lost supply. */
export function hasResetCode(record: MedicationRecord): boolean {
  return record.exceptionCode === 'R001' || record.exceptionCode === 'R003';
}

/**
 * Daily amount in comparable units: mg/day when the strength is known (single-ingredient
 * products), else units/day of that very product; NaN when it cannot be read.
 */
export function dailyAmount(record: MedicationRecord): number {
  if (!(record.daysSupply > 0) || !(record.quantity > 0)) return Number.NaN;
  const unitsPerDay = record.quantity / record.daysSupply;
  return record.unitStrengthMg !== null && !record.isCombination ? unitsPerDay * record.unitStrengthMg : unitsPerDay;
}

export function inMg(record: MedicationRecord): boolean {
  return record.unitStrengthMg !== null && !record.isCombination;
}

/**
 * Research §5(b) step 4, "its daily dose differs and dose rescaling is off": we do not
 * rescale, so a known change of daily dose ends the old supply like R003. Unknown or
 * incomparable doses (different products without strength) are treated as unchanged.
 */
export function doseChanged(previous: MedicationRecord | null, record: MedicationRecord): boolean {
  if (previous === null) return false;
  return dailyDoseChanged(dailyAmount(previous), inMg(previous), dailyAmount(record), inMg(record), previous.drugCode === record.drugCode);
}

/** doseChanged on what it reads of the two records: their daily amounts (dailyAmount), whether each is in mg, and whether they are one drug code. */
export function dailyDoseChanged(before: number, beforeInMg: boolean, now: number, nowInMg: boolean, sameDrug: boolean): boolean {
  if (Number.isNaN(before) || Number.isNaN(now)) return false;
  if (beforeInMg !== nowInMg || (!beforeInMg && !sameDrug)) return false;
  return Math.abs(before - now) > 1e-9 * Math.max(before, now);
}
