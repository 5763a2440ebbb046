// The carry-over walk's rules (research §5(b) step 4): which exception codes end the old
// supply, how one day's records make one supply (DaySupply), and when the daily dose changed.
// A dose change ends the old supply only when the prescriber who changed it is the one who
// prescribed the day before: another institution's different dose does not take the first
// one's tablets away (zolpidem 15 mg from one clinic, 10 mg from another five days later: the
// patient holds both), so it carries, as SPEC §2's plain rule max(S, end of previous) says.
// The walk on day numbers (carry-walk.ts, through the record columns) and the ISO-date walk
// (group-leftover.ts) both follow them.
import type { MedicationRecord } from './types.ts';
import { DayVisitIndex } from './visit-index.ts';

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
 * - the orders of one visit (one prescriber, one 就醫序號) are taken together: 5 mg QAM + 5 mg HS
 *   written as two rows is 10 mg a day for 28 days, and JANUMET with a GLUCOPHAGE top-up lasts
 *   as long as the longer of the two, not both end to end (rules-leftover-duplicates-ddd.md
 *   §2.2: items filled together are concurrent);
 * - records of one daily amount from one prescriber otherwise stack (two pickups of one slip on
 *   one day, a visit whose 就醫序號 is masked);
 * - records of different daily amounts in one unit from one prescriber (5 mg + 2.5 mg tablets)
 *   are taken together: they last as long as the longest, and the day's daily dose is their sum
 *   (7.5 mg);
 * - amounts that cannot be compared (mg against units of a combination product, units of two
 *   products, an amount that cannot be read) stack, outside one visit, as the research's walk
 *   does for every record whose dose is not known to differ;
 * - what different prescribers gave stacks: two institutions' supplies are two supplies, the
 *   duplicate (the same dose from two institutions, too).
 * The walk compares a prescriber's daily dose on a day with their own previous day's
 * (findRestarts, restarts.ts), so 5 mg + 2.5 mg refilled as 5 mg + 2.5 mg carries over, and
 * 7.5 mg followed by 5 mg from the same prescriber does not.
 */
export class DaySupply {
  /** Orders: one visit's rows of one unit as one, a row without a known visit alone; each with the entry it stacked into (settle). */
  private orderEntries = new Int32Array(8);
  /** Per order, the previous order of its visit's 就醫序號 (−1: none): a day of a dense history holds hundreds of visits. */
  private orderSameSeq = new Int32Array(8);
  /** Per 就醫序號, the latest order with it this day. */
  private readonly visits = new DayVisitIndex();
  private orderCount = 0;
  /** Orders while the day is read (in the same arrays), then entries: orders of one amount, unit and prescriber stacked. */
  private units = new Float64Array(8);
  private amounts = new Float64Array(8);
  private totals = new Float64Array(8);
  private prescribers: string[] = [];
  /** Per entry, an entry it is taken together with, on the way to its group's first (days()). */
  private together = new Int32Array(8);
  private count = 0;
  private unreadDays = 0;
  private unread = false;
  private settled = true;
  /** Two orders of the day share a 就醫序號: days() must join entries by visit, not only by unit. */
  private sharedSeq = false;

  begin(): void {
    this.sharedSeq = false;
    this.orderCount = 0;
    this.count = 0;
    this.unreadDays = 0;
    this.unread = false;
    this.settled = true;
    this.visits.begin();
  }

  /**
   * `unit`: MG_UNIT when `daily` is mg/day, else the record's drug number (units/day of that
   * product); `prescriber`: the prescribing institution's code (慢箋原處方機構 for a pickup);
   * `visit`: the record's 就醫序號 (RecordColumns.seq, −1 … 9999), −1 when not known. One visit's rows of one
   * unit become one order (amounts added, the longest days; its rows whose amount cannot be read
   * one more); the orders are stacked when the day is asked for (settle): sums and maxima, so the
   * order the records came in does not matter.
   */
  add(daily: number, unit: number, days: number, prescriber: string, visit = -1): void {
    const unread = Number.isNaN(daily);
    if (unread) this.unread = true;
    if (unread && visit < 0) {
      this.unreadDays += days;
      return;
    }
    const orderUnit = unread ? UNREAD_UNIT : unit;
    const o = visit < 0 ? -1 : this.orderOf(prescriber, visit, orderUnit);
    if (o !== -1) {
      this.amounts[o] = (this.amounts[o] as number) + daily;
      this.totals[o] = Math.max(this.totals[o] as number, days);
      return;
    }
    if (this.count === this.units.length) this.grow();
    const c = this.count++;
    this.units[c] = orderUnit;
    this.amounts[c] = daily;
    this.totals[c] = days;
    this.prescribers[c] = prescriber;
    this.orderSameSeq[c] = visit < 0 ? -1 : this.visits.get(visit);
    if (this.orderSameSeq[c] !== -1) this.sharedSeq = true;
    if (visit >= 0) this.visits.set(visit, c);
    this.settled = false;
  }

  /** The entries, from the orders: those of one amount, unit and prescriber stacked. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.orderCount = this.count;
    this.stackSameAmounts();
  }

  /** The order of one visit's rows in one unit; −1 when there is none yet. */
  private orderOf(prescriber: string, visit: number, unit: number): number {
    for (let o = this.visits.get(visit); o !== -1; o = this.orderSameSeq[o] as number) {
      if (this.units[o] === unit && this.prescribers[o] === prescriber) return o;
    }
    return -1;
  }

  private grow(): void {
    this.units = doubled(this.units);
    this.amounts = doubled(this.amounts);
    this.totals = doubled(this.totals);
    this.orderEntries = new Int32Array(this.units.length);
    const sameSeq = new Int32Array(this.units.length);
    sameSeq.set(this.orderSameSeq);
    this.orderSameSeq = sameSeq;
    this.together = new Int32Array(this.units.length);
  }

  /** Orders of one amount, unit and prescriber (two visits, two pickups of one day) stack into one entry. */
  private stackSameAmounts(): void {
    const { units, amounts, totals, prescribers, orderEntries } = this;
    let kept = 0;
    for (let o = 0; o < this.orderCount; o++) {
      let into = -1;
      if (units[o] !== UNREAD_UNIT) {
        for (let c = 0; c < kept && into === -1; c++) {
          if (units[c] === units[o] && prescribers[c] === prescribers[o] && sameAmount(amounts[c] as number, amounts[o] as number)) into = c;
        }
      }
      if (into === -1) {
        // o ≥ kept: an entry is written over an order already read.
        units[kept] = units[o] as number;
        amounts[kept] = amounts[o] as number;
        totals[kept] = totals[o] as number;
        prescribers[kept] = prescribers[o] as string;
        orderEntries[o] = kept++;
      } else {
        totals[into] = (totals[into] as number) + (totals[o] as number);
        orderEntries[o] = into;
      }
    }
    this.count = kept;
  }

  /**
   * Days the day's supply lasts: a prescriber's entries taken together (one unit, or orders of
   * one visit) last as long as the longest of them; these stacked, plus the unread rows' days.
   */
  days(): number {
    this.settle();
    const { units, totals, prescribers, together, count, orderEntries, orderCount } = this;
    if (!this.sharedSeq) return this.unreadDays + longestPerUnit(units, totals, prescribers, count);
    for (let c = 0; c < count; c++) together[c] = c;
    for (let c = 0; c < count; c++) {
      for (let d = 0; d < c; d++) {
        if (units[d] === units[c] && units[c] !== UNREAD_UNIT && prescribers[d] === prescribers[c]) join(together, c, d);
      }
    }
    for (let o = 0; o < orderCount; o++) {
      const c = orderEntries[o] as number;
      // The earlier orders of its 就醫序號 (a chain: a visit has a row or two per group).
      for (let q = this.orderSameSeq[o] as number; q !== -1; q = this.orderSameSeq[q] as number) {
        const d = orderEntries[q] as number;
        if (prescribers[d] === prescribers[c]) join(together, c, d);
      }
    }
    let sum = this.unreadDays;
    for (let c = 0; c < count; c++) {
      if (root(together, c) !== c) continue;
      let longest = 0;
      for (let d = c; d < count; d++) if (root(together, d) === c) longest = Math.max(longest, totals[d] as number);
      sum += longest;
    }
    return sum;
  }

  /** The day's daily dose (the sum of its amounts); NaN when some amount cannot be read or units differ. */
  dose(): number {
    this.settle();
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
    this.settle();
    return this.count === 0 ? undefined : this.units[0];
  }
}

/** Per unit and prescriber the longest entry, these stacked: days() when no two orders share a visit. */
function longestPerUnit(units: Float64Array, totals: Float64Array, prescribers: string[], count: number): number {
  let sum = 0;
  for (let c = 0; c < count; c++) {
    const unit = units[c] as number;
    const prescriber = prescribers[c];
    let seen = false;
    for (let d = 0; d < c && !seen; d++) seen = units[d] === unit && unit !== UNREAD_UNIT && prescribers[d] === prescriber;
    if (seen) continue;
    let longest = totals[c] as number;
    if (unit !== UNREAD_UNIT) for (let d = c + 1; d < count; d++) if (units[d] === unit && prescribers[d] === prescriber) longest = Math.max(longest, totals[d] as number);
    sum += longest;
  }
  return sum;
}

/** The first entry of c's group (days(): entries taken together point towards it). */
function root(together: Int32Array, c: number): number {
  let r = c;
  while (together[r] !== r) r = together[r] as number;
  return r;
}

/** Puts the entries c and d in one group, known by the smaller of their groups' first entries. */
function join(together: Int32Array, c: number, d: number): void {
  const a = root(together, c);
  const b = root(together, d);
  if (a !== b) together[Math.max(a, b)] = Math.min(a, b);
}

/** The unit of a visit's rows whose amount cannot be read: never compared with another amount. */
const UNREAD_UNIT = -2;

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
