// The carry-over walk's rules (research §5(b) step 4): which exception codes end the old
// supply, how one day's records make one supply (DaySupply), and when the daily dose changed.
// A dose change ends the old supply only when the prescriber who changed it is the one who
// prescribed the day before: another institution's different dose does not take the first
// one's tablets away (zolpidem 15 mg from one clinic, 10 mg from another five days later: the
// patient holds both), so it carries, as SPEC §2's plain rule max(S, end of previous) says.
// The walk on day numbers (carry-walk.ts, through the record columns) and the ISO-date walk
// (group-leftover.ts) both follow them.
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
  const unitsPerDay = toQuarter(record.quantity / record.daysSupply);
  return record.unitStrengthMg !== null && !record.isCombination ? unitsPerDay * record.unitStrengthMg : unitsPerDay;
}

/**
 * Units a day to a quarter (the smallest split a tablet takes), from a quarter a day up, read
 * as prescribed plus spares: a quarter from 0.075 below it to 0.175 above it. 30 tablets for
 * 28 days (1.07) or 8 for 7 (1.14, one spare a week) is the 1 a day of 28 for 28, not a new
 * dose that would end the supply on hand; 35 for 28 (1.25) and 42 for 28 (1½) are changes.
 * Less than a quarter a day (a weekly tablet) is kept as it is.
 */
function toQuarter(unitsPerDay: number): number {
  return unitsPerDay >= 0.25 ? Math.floor(unitsPerDay * 4 + 0.3) / 4 : unitsPerDay;
}

/** The prescribing institution's code: 慢箋原處方機構 for a refill pickup, else the institution (RecordColumns.prescribers). */
export function prescriberOf(record: MedicationRecord): string {
  return record.chronicOriginInstitutionId ?? record.institution.id;
}

export function inMg(record: MedicationRecord): boolean {
  return record.unitStrengthMg !== null && !record.isCombination;
}

/**
 * Research §5(b) step 4, "its daily dose differs and dose rescaling is off": we do not
 * rescale, so a known change of daily dose by the same prescriber ends the old supply like
 * R003 (the walks check the prescriber). Unknown or incomparable doses (different products
 * without strength) are treated as unchanged.
 * The daily amounts (dailyAmount), whether each is in mg, and whether they are one drug code.
 */
function dailyDoseChanged(before: number, beforeInMg: boolean, now: number, nowInMg: boolean, sameDrug: boolean): boolean {
  if (Number.isNaN(before) || Number.isNaN(now)) return false;
  if (beforeInMg !== nowInMg || (!beforeInMg && !sameDrug)) return false;
  return !sameAmount(before, now);
}

/** Two daily amounts that differ only by rounding (0.1 + 0.2 mg against 0.3 mg). */
export function sameAmount(a: number, b: number): boolean {
  return !(Math.abs(a - b) > 1e-9 * Math.max(a, b));
}

/** A copy twice as long: the growth of the walk's small per-day and per-prescriber arrays. */
export function doubled(from: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const to = new Float64Array(from.length * 2);
  to.set(from);
  return to;
}

/**
 * The records of one group that start on one day, as the carry walk reads them (research
 * §5(b) step 4, per day, so the answer does not depend on which of them is listed first):
 * - records of one daily amount from one prescriber stack;
 * - records of different daily amounts in one unit from one prescriber (5 mg + 2.5 mg tablets)
 *   are taken together: they last as long as the longest, and the day's daily dose is their sum
 *   (7.5 mg);
 * - amounts that cannot be compared (mg against units of a combination product, units of two
 *   products, an amount that cannot be read) stack, as the research's walk does for every
 *   record whose dose is not known to differ.
 * - what different prescribers gave stacks: two institutions' supplies are two supplies, the
 *   duplicate (the same dose from two institutions, too);
 * The walk compares a prescriber's daily dose on a day with their own previous day's
 * (findRestarts, restarts.ts), so 5 mg + 2.5 mg refilled as 5 mg + 2.5 mg carries over, and
 * 7.5 mg followed by 5 mg from the same prescriber does not.
 */
export class DaySupply {
  /** The day's distinct (unit, daily amount, prescriber) triples [0, count), each with its stacked days. */
  private units = new Float64Array(8);
  private amounts = new Float64Array(8);
  private totals = new Float64Array(8);
  private prescribers: string[] = [];
  private count = 0;
  private unreadDays = 0;
  private unread = false;

  begin(): void {
    this.count = 0;
    this.unreadDays = 0;
    this.unread = false;
  }

  /**
   * `unit`: MG_UNIT when `daily` is mg/day, else the record's drug number (units/day of that
   * product); `prescriber`: the prescribing institution's code (慢箋原處方機構 for a pickup).
   */
  add(daily: number, unit: number, days: number, prescriber: string): void {
    if (Number.isNaN(daily)) {
      // Unread: no regimen to compare, and its days stack.
      this.unread = true;
      this.unreadDays += days;
      return;
    }
    const { units, amounts, totals, count } = this;
    for (let c = 0; c < count; c++) {
      if (units[c] === unit && this.prescribers[c] === prescriber && sameAmount(amounts[c] as number, daily)) {
        totals[c] = (totals[c] as number) + days;
        return;
      }
    }
    if (count === units.length) this.grow();
    this.units[count] = unit;
    this.amounts[count] = daily;
    this.totals[count] = days;
    this.prescribers[count] = prescriber;
    this.count = count + 1;
  }

  private grow(): void {
    this.units = doubled(this.units);
    this.amounts = doubled(this.amounts);
    this.totals = doubled(this.totals);
  }

  /** Days the day's supply lasts: per unit and prescriber its longest amount, these stacked, plus the unread ones. */
  days(): number {
    const { units, totals, prescribers, count } = this;
    let sum = this.unreadDays;
    for (let c = 0; c < count; c++) {
      const unit = units[c] as number;
      const prescriber = prescribers[c];
      let seen = false;
      for (let d = 0; d < c && !seen; d++) seen = units[d] === unit && prescribers[d] === prescriber;
      // Each (unit, prescriber) once, at its first amount: the longest of its amounts.
      if (seen) continue;
      let longest = 0;
      for (let d = c; d < count; d++) if (units[d] === unit && prescribers[d] === prescriber) longest = Math.max(longest, totals[d] as number);
      sum += longest;
    }
    return sum;
  }

  /** The day's daily dose (the sum of its amounts); NaN when some amount cannot be read or units differ. */
  dose(): number {
    if (this.unread || this.count === 0) return Number.NaN;
    let sum = 0;
    for (let c = 0; c < this.count; c++) {
      if (this.units[c] !== this.units[0]) return Number.NaN;
      sum += this.amounts[c] as number;
    }
    return sum;
  }

  /** The unit of dose() (meaningful only when dose() is a number); undefined when nothing was read. */
  unit(): number | undefined {
    return this.count === 0 ? undefined : this.units[0];
  }
}

/** The unit of daily amounts in mg; any other unit is a drug number ≥ 0 (units/day of that product). */
export const MG_UNIT = -1;

/**
 * Whether a prescriber's daily dose on a day differs from their previous day's (findRestarts,
 * restarts.ts): comparable only in mg, or in units of one drug; never when either is unread.
 */
export function dayDoseChanged(before: number, beforeUnit: number | undefined, now: number, nowUnit: number | undefined): boolean {
  if (beforeUnit === undefined || nowUnit === undefined) return false;
  return dailyDoseChanged(before, beforeUnit === MG_UNIT, now, nowUnit === MG_UNIT, beforeUnit === nowUnit);
}
