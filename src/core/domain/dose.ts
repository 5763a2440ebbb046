// Per-dose amount shown in the table (「每次 1 粒」), computed the way the NHI analyzer tools do
// (research anchors 1(c).4, calculatePerDosage): total ÷ days ÷ times-per-day, to a quarter
// unit, accepted only when it is a plausible tablet count; otherwise show 「總量X」. Unlike the
// analyzers, an amount is shown only when the total divides into it: ⅓ tablet TID read as
// 0.25, and 31 tablets for 28 days QD as 1, hiding 3. Bottles, tubes and pens are not doses.
import type { MedicationRecord } from './types.ts';
import { isDailyForm, timesPerDay } from './regimen.ts';

export type PerDose = { kind: 'dose'; amount: number } | { kind: 'total'; total: number };

/** Below this a per-dose is not a tablet count (anchors 1(c).4). */
const SMALLEST_DOSE = 0.24;
/**
 * How far a quotient may be from a whole count or a quarter: floating-point's remainder only
 * (28 days × 3/7 is 12.000000000000002). A wider margin took 121 tablets QID for 30 days as 1.
 */
const EXACT = 1e-9;
/** Accepted rounded amounts: quarters up to 1, halves up to 4.5, whole units 5–10. */
const PLAUSIBLE = new Set([0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10]);

export function perDose(record: MedicationRecord): PerDose {
  const amount = doseAmount(record, timesPerDay(record.frequency));
  return amount === null ? { kind: 'total', total: record.quantity } : { kind: 'dose', amount };
}

/**
 * The per-dose amount perDose shows, or null where it shows 「總量X」 (record.quantity); `times`
 * is the 用法 code's times per day, read once per code by the analysis (Preparer.timesOf).
 */
export function doseAmount(record: MedicationRecord, times: number | null): number | null {
  if (times === null || !(record.daysSupply > 0) || !Number.isFinite(record.quantity) || !isDailyForm(record.dosageForm)) return null;
  const doses = record.daysSupply * times;
  const whole = Math.round(doses);
  if (Math.abs(doses - whole) <= EXACT) return amountPer(record.quantity, whole);
  // A schedule that skips days (QOD, QW, TIW) over days it does not divide: 7 days QOD is 4
  // doses from the first day, or 3. Either count is tried; an amount is shown only when exactly
  // one of them gives one.
  const fewer = amountPer(record.quantity, Math.floor(doses));
  const more = amountPer(record.quantity, Math.ceil(doses));
  return fewer === null ? more : more === null ? fewer : null;
}

/** quantity ÷ doses when that is a plausible amount to a quarter unit, exactly; else null. */
function amountPer(quantity: number, doses: number): number | null {
  if (!(doses > 0)) return null;
  const exact = quantity / doses;
  if (exact < SMALLEST_DOSE) return null;
  const amount = Math.round(exact * 4) / 4;
  return PLAUSIBLE.has(amount) && Math.abs(exact - amount) <= EXACT * Math.max(1, exact) ? amount : null;
}
