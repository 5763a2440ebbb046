// 慢性病連續處方箋 refill eligibility (SPEC §2, research §1.5 and §5(d)).
// Validity = V … V + n·N − 1 (the days actually prescribed, ≤ 90). Fill k+1 may be collected
// from (date of fill k) + N − window, "上次給藥期間屆滿前十日內" (全民健康保險醫療辦法 §24), until
// validity ends. A late pickup does not extend validity. NHIA relaxes the rule around some
// holidays (HolidayWindow): kept as data, not code.
import type { ChronicPrescription, IsoDate } from './types.ts';
import { addDays, compareIso, daysBetween, isIsoDate, isoDayNumber } from './dates.ts';
import { keyOrder } from './day-order.ts';

/**
 * NHIA's holiday rule of a year, when the previous supply's last day falls in [from, to]. It
 * has come in two forms, both kept as data: a wider window (2026 Lunar New Year: 14 days,
 * anchors 1(c).10), and collection from a set number of days before the holiday starts (2025
 * Lunar New Year: from 114/1/15 for a holiday from 1/25, research §1.5 [S10]).
 */
export interface HolidayWindow {
  /** First and last day of the holiday range (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** Window used when the previous supply's last day falls in [from, to]. */
  windowDays: number;
  /** When set, the next fill may also be collected from this many days before `from` (10 in 2025). */
  fromDaysBeforeStart?: number;
}

/** The longest holiday range and the widest holiday window or lead a pharmacy may set. */
export const MAX_HOLIDAY_DAYS = 31;
export const MAX_HOLIDAY_WINDOW_DAYS = 20;

/**
 * A holiday rule NHIA could announce: real days, a range of one day to a month, a window and
 * a lead of at most 20 days. The cache and the Settings screen both keep to it.
 */
export function isPlausibleHoliday(holiday: HolidayWindow): boolean {
  const before = holiday.fromDaysBeforeStart;
  if (!isIsoDate(holiday.from) || !isIsoDate(holiday.to)) return false;
  const length = daysBetween(holiday.from, holiday.to) + 1;
  return (
    length >= 1 && length <= MAX_HOLIDAY_DAYS &&
    Number.isInteger(holiday.windowDays) && holiday.windowDays >= 0 && holiday.windowDays <= MAX_HOLIDAY_WINDOW_DAYS &&
    (before === undefined || (Number.isInteger(before) && before >= 1 && before <= MAX_HOLIDAY_WINDOW_DAYS))
  );
}

export interface RefillRules {
  /** Normal window: a refill may be collected this many days before the previous supply ends. */
  windowDays: number;
  holidayWindows: HolidayWindow[];
}

/**
 * 10 days per §24. No holiday ranges ship by default: NHIA announces them each year, so the
 * pharmacy's settings add them (e.g. { from: '2026-02-14', to: '2026-02-22', windowDays: 14 }).
 */
export const DEFAULT_REFILL_RULES: RefillRules = { windowDays: 10, holidayWindows: [] };

export type RefillState = 'eligible' | 'too-early' | 'expired' | 'completed';

/** Data anomalies worth a pharmacist's look (research §5(d) step 5 guard rails). */
export type RefillAnomaly =
  | 'days-per-fill-over-30'
  | 'total-days-over-90'
  | 'invalid-plan'
  | 'more-fills-than-allowed'
  | 'fill-before-prescription'
  | 'fill-after-validity'
  | 'cloud-says-expired';

export interface RefillStatus {
  prescriptionId: string;
  prescriptionDate: IsoDate;
  drugCode: string;
  drugName: string;
  /** The prescribing institution's name: two slips of one drug are told apart by it. */
  institution: string;
  /** Fills taken so far (第 k/n 次已領: this is k). */
  fill: number;
  fills: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** First and last day the next fill may be collected; null when none remains. */
  nextFrom: IsoDate | null;
  nextUntil: IsoDate | null;
  status: RefillState;
  /** Days from today until nextFrom when too early; else 0. */
  daysUntilAllowed: number;
  /** Read only: statuses without anomalies share one empty list. */
  anomalies: readonly RefillAnomaly[];
  /** The window used for the next fill (10, or a holiday's). */
  windowDays: number;
  /**
   * The date of a newer prescription of the same drug code, when one exists (the analysis sets
   * it; one prescription alone cannot know): its remaining fills would duplicate the newer slip.
   */
  replacedBy: IsoDate | null;
  /** That newer prescription's drug name: another brand of the same ingredients and form replaces it too. */
  replacedByDrugName: string | null;
}

export type ShownRefillState = RefillState | 'replaced' | 'no-fill-left';

/**
 * The state a table shows: 'replaced' for a slip with fills left whose drug has a newer
 * prescription (the kiosk and analyze must not say 可領 beside the refill.replaced warning);
 * 'no-fill-left' for one that is 'expired' on `today` while its validity has not ended (a late
 * pickup pushed the next fill past it): 逾期 beside a validity end still to come read as wrong,
 * and the alert beside it says refill.no-fill-left.
 */
export function shownRefillState(s: RefillStatus, today: IsoDate): ShownRefillState {
  if (s.replacedBy !== null && (s.status === 'eligible' || s.status === 'too-early')) return 'replaced';
  if (s.status === 'expired' && compareIso(today, s.validUntil) <= 0) return 'no-fill-left';
  return s.status;
}

/**
 * The first day fill k+1 may be collected, D_k + N − window, and the window used; a holiday
 * whose range holds the previous supply's last day widens the window, or allows collection
 * from its days before the range starts, whichever of its days is earlier.
 */
function nextFillFrom(lastFill: IsoDate, perFill: number, rules: RefillRules): { earliest: IsoDate; window: number } {
  let window = rules.windowDays;
  let anchored: IsoDate | null = null;
  if (rules.holidayWindows.length > 0) {
    const lastDay = addDays(lastFill, perFill - 1);
    for (const holiday of rules.holidayWindows) {
      if (compareIso(holiday.from, lastDay) > 0 || compareIso(lastDay, holiday.to) > 0) continue;
      window = Math.max(window, holiday.windowDays);
      if (holiday.fromDaysBeforeStart === undefined) continue;
      const day = addDays(holiday.from, -holiday.fromDaysBeforeStart);
      if (anchored === null || compareIso(day, anchored) < 0) anchored = day;
    }
  }
  const byWindow = addDays(lastFill, perFill - window);
  return { earliest: anchored !== null && compareIso(anchored, byWindow) < 0 ? anchored : byWindow, window };
}

/** A fill collected before its window opened: its number, the day collected, the first day allowed. */
export interface EarlyFill {
  fill: number;
  collected: IsoDate;
  allowedFrom: IsoDate;
}

/**
 * The fills collected before D_k + N − window (§24, holidays as the rules say): a slip's
 * history of early pickups, which the carried leftover shows only as a sum. Read only when every
 * fill's day is known (an IC03 without its IC02 leaves the numbering open).
 */
export function earlyFills(p: JudgedPrescription, rules: RefillRules = DEFAULT_REFILL_RULES): EarlyFill[] {
  const dates = inOrder(p.fillDates);
  const perFill = Math.max(0, Math.trunc(p.daysPerFill));
  if (dates.length < 2 || fillsTaken(p) !== dates.length || perFill === 0) return [];
  const early: EarlyFill[] = [];
  for (let k = 1; k < dates.length; k++) {
    const allowedFrom = nextFillFrom(dates[k - 1] as IsoDate, perFill, rules).earliest;
    if (compareIso(dates[k] as IsoDate, allowedFrom) < 0) early.push({ fill: k + 1, collected: dates[k] as IsoDate, allowedFrom });
  }
  return early;
}

/** The anomalies of a status that has none: one frozen list, not one per prescription (a long history has tens of thousands). */
const NO_ANOMALIES: readonly RefillAnomaly[] = Object.freeze([]);

function anomaliesOf(p: JudgedPrescription, fillDates: IsoDate[], taken: number, validUntil: IsoDate): readonly RefillAnomaly[] {
  // Made only when there is one: most prescriptions have none.
  let found: RefillAnomaly[] | null = null;
  if (p.daysPerFill > 30) (found ??= []).push('days-per-fill-over-30');
  if (p.daysPerFill * p.fills > 90) (found ??= []).push('total-days-over-90');
  if (!(p.daysPerFill > 0) || !(p.fills > 0) || !Number.isInteger(p.daysPerFill) || !Number.isInteger(p.fills)) (found ??= []).push('invalid-plan');
  if (taken > p.fills) (found ??= []).push('more-fills-than-allowed');
  // Sorted: the first fill is the earliest, the last the latest.
  const first = fillDates[0];
  const last = fillDates[fillDates.length - 1];
  if (first !== undefined && compareIso(first, p.prescriptionDate) < 0) (found ??= []).push('fill-before-prescription');
  if (last !== undefined && compareIso(last, validUntil) > 0) (found ??= []).push('fill-after-validity');
  return found ?? NO_ANOMALIES;
}

/** Fill dates in calendar order; the cloud lists them in order, so a copy is made only when it did not. */
function inOrder(dates: IsoDate[]): IsoDate[] {
  for (let i = 1; i < dates.length; i++) {
    if (compareIso(dates[i - 1] as IsoDate, dates[i] as IsoDate) > 0) return [...dates].sort(compareIso);
  }
  return dates;
}

/** A chronic prescription whose number of fills is known: the only kind whose cycle can be judged. */
export type JudgedPrescription = ChronicPrescription & { fills: number };

export function fillsKnown(p: ChronicPrescription): p is JudgedPrescription {
  return p.fills !== null;
}

/** Fills taken: the dates known, or more when the cloud shows a later fill number (IC03 without IC02). */
export function fillsTaken(p: ChronicPrescription): number {
  return Math.max(p.fillDates.length, p.fillsTaken ?? 0);
}

export function refillStatus(p: JudgedPrescription, today: IsoDate, rules: RefillRules = DEFAULT_REFILL_RULES): RefillStatus {
  const perFill = Math.max(0, Math.trunc(p.daysPerFill));
  const fills = Math.max(0, Math.trunc(p.fills));
  const fillDates = inOrder(p.fillDates);
  const validFrom = p.prescriptionDate;
  const validUntil = addDays(validFrom, Math.max(1, perFill * fills) - 1);
  const taken = fillsTaken(p);
  // One object, filled in below: a status is kept by the refill list and alerts, and at 100k
  // records the small objects that grouped its parts were a third of its bytes.
  const status: RefillStatus = {
    prescriptionId: p.id, prescriptionDate: p.prescriptionDate, drugCode: p.drugCode, drugName: p.drugName, institution: p.institution.name, fill: taken, fills,
    validFrom, validUntil, nextFrom: null, nextUntil: null, status: 'completed', daysUntilAllowed: 0,
    anomalies: anomaliesOf(p, fillDates, taken, validUntil), windowDays: rules.windowDays, replacedBy: null, replacedByDrugName: null,
  };
  if (taken >= fills) return status;
  // Fill 1 may be collected from the prescription date; fill k+1 from D_k + N − window.
  const lastFill = fillDates[fillDates.length - 1];
  const next = lastFill === undefined ? { earliest: validFrom, window: rules.windowDays } : nextFillFrom(lastFill, perFill, rules);
  const nextFrom = compareIso(next.earliest, validFrom) < 0 ? validFrom : next.earliest;
  status.windowDays = next.window;
  if (p.cloudExpired === true && compareIso(today, validUntil) <= 0) status.anomalies = [...status.anomalies, 'cloud-says-expired'];

  // No fill remains once the earliest day passes validity, or today is past it (research §5(d) step 2).
  if (compareIso(nextFrom, validUntil) > 0 || compareIso(today, validUntil) > 0) {
    status.status = 'expired';
    return status;
  }
  status.nextFrom = nextFrom;
  status.nextUntil = validUntil;
  if (compareIso(today, nextFrom) < 0) {
    status.status = 'too-early';
    status.daysUntilAllowed = daysBetween(today, nextFrom);
  } else {
    status.status = 'eligible';
  }
  return status;
}

const REFILL_ORDER: Record<RefillState, number> = { eligible: 0, 'too-early': 1, expired: 2, completed: 3 };

function refillOrder(a: RefillStatus, b: RefillStatus): number {
  return REFILL_ORDER[a.status] - REFILL_ORDER[b.status] || compareIso(b.prescriptionDate, a.prescriptionDate);
}

/**
 * The refill list's order, in place: valid prescriptions first (eligible, too early), then
 * expired, then completed; newest prescription first; equal ones keep their order. By state
 * and day number (keyOrder): the comparator on ISO strings cost n log n string compares
 * (18,000 prescriptions at 100k records). The comparator decides when a date cannot be read.
 * `alongside` (one entry per status, such as the prescriptions they were computed from) is
 * put in the same order, so a caller needs no lookup from a status back to its prescription.
 */
export function sortRefills<T>(statuses: RefillStatus[], alongside?: T[]): RefillStatus[] {
  const n = statuses.length;
  const states = new Float64Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = statuses[i] as RefillStatus;
    // An unknown state is NaN here, like an unreadable date: the comparator's case.
    states[i] = REFILL_ORDER[s.status] ?? Number.NaN;
    days[i] = -isoDayNumber(s.prescriptionDate);
  }
  const order = keyOrder(n, [states, days]) ?? comparedOrder(statuses);
  placeInOrder(statuses, order);
  if (alongside !== undefined) placeInOrder(alongside, order);
  return statuses;
}

/** The stable order of refillOrder, for statuses whose keys cannot be counted (an unreadable date). */
function comparedOrder(statuses: RefillStatus[]): Int32Array {
  const order = Int32Array.from(statuses.keys());
  return order.sort((a, b) => refillOrder(statuses[a] as RefillStatus, statuses[b] as RefillStatus) || a - b);
}

/** list[i] becomes the entry that was at order[i]. */
function placeInOrder<T>(list: T[], order: Int32Array): void {
  const before = list.slice();
  for (let i = 0; i < order.length; i++) list[i] = before[order[i] as number] as T;
}
