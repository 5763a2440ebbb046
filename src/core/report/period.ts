// Report periods in Asia/Taipei calendar days, whatever the machine's TZ: a look-up at
// 2026-10-31T16:30Z is on 2026-11-01 at the counter and belongs to November. Taiwan has had
// no daylight saving since 1979, so a day is always [00:00+08:00, next 00:00+08:00).
import { addDays, addMonths, compareIso, daysBetween, isIsoDate, taipeiDateOf } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Granularity } from './types.ts';

const MS_PER_DAY = 86_400_000;
const TAIPEI_OFFSET_MS = 8 * 3_600_000;

/** The instant a Taipei calendar day begins. */
export function startOfTaipeiDay(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - TAIPEI_OFFSET_MS);
}

/** Taipei day number (days since 1970-01-01 at the counter) of an instant. */
export function taipeiDayNumber(ms: number): number {
  return Math.floor((ms + TAIPEI_OFFSET_MS) / MS_PER_DAY);
}

function dayNumberOf(day: IsoDate): number {
  return Math.floor(Date.parse(`${day}T00:00:00.000Z`) / MS_PER_DAY);
}

/** Monday of the ISO week (weeks run Monday to Sunday, as on Taiwanese calendars). */
export function mondayOf(day: IsoDate): IsoDate {
  const weekday = (dayNumberOf(day) + 3) % 7; // 1970-01-01 was a Thursday: 0 = Monday
  return addDays(day, -weekday);
}

export interface Bucket {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

function labelOf(day: IsoDate, by: Granularity): string {
  if (by === 'day') return day;
  if (by === 'week') return mondayOf(day);
  return day.slice(0, 7);
}

/**
 * The period's buckets in order, the first and last clipped to the period, plus a table from
 * each day of the period (by offset from `from`) to its bucket, so a row costs one lookup.
 */
export function bucketsOf(from: IsoDate, to: IsoDate, by: Granularity): { buckets: Bucket[]; bucketOfDay: Int32Array; firstDay: number } {
  const days = daysBetween(from, to) + 1;
  const bucketOfDay = new Int32Array(Math.max(0, days));
  const buckets: Bucket[] = [];
  let day = from;
  for (let i = 0; i < days; i++) {
    const label = labelOf(day, by);
    const last = buckets[buckets.length - 1];
    if (last && last.label === label) last.to = day;
    else buckets.push({ label, from: day, to: day });
    bucketOfDay[i] = buckets.length - 1;
    day = addDays(day, 1);
  }
  return { buckets, bucketOfDay, firstDay: dayNumberOf(from) };
}

/** The calendar month before `today`'s (the default report period: 上個月). */
export function lastMonth(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const first = addMonths(`${today.slice(0, 7)}-01`, -1);
  return { from: first, to: addDays(`${today.slice(0, 7)}-01`, -1) };
}

export type PeriodProblem = 'from' | 'to' | 'order' | 'too-long';

/** Longest period one report covers: ten years of days keeps the per-day table small. */
const MAX_DAYS = 3700;

/**
 * --from/--to as given (ISO days): both → as is; only --from → up to today; only --to → from
 * the first of that month; neither → last month.
 */
export function resolvePeriod(input: { from?: string; to?: string }, today: IsoDate): { from: IsoDate; to: IsoDate } | { problem: PeriodProblem } {
  if (input.from !== undefined && !isIsoDate(input.from)) return { problem: 'from' };
  if (input.to !== undefined && !isIsoDate(input.to)) return { problem: 'to' };
  if (input.from === undefined && input.to === undefined) return lastMonth(today);
  const to = input.to ?? today;
  const from = input.from ?? `${to.slice(0, 7)}-01`;
  if (compareIso(from, to) > 0) return { problem: 'order' };
  if (daysBetween(from, to) >= MAX_DAYS) return { problem: 'too-long' };
  return { from, to };
}

export function todayInTaipei(now: Date): IsoDate {
  return taipeiDateOf(now);
}
