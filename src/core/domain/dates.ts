// Calendar days for the pharmacy. Every date here is a plain Asia/Taipei calendar day
// ('YYYY-MM-DD'); arithmetic runs on whole day numbers built with Date.UTC, so the process
// time zone can never shift an answer (the NHI analyzer tools broke exactly there: their
// leftover tests fail under TZ=UTC, research anchors 1(c).12).
import type { IsoDate } from './types.ts';
import { remembered } from './remembered.ts';

const MS_PER_DAY = 86_400_000;
/** Taiwan has used UTC+08:00 all year since 1980 (no DST), so one fixed offset is exact. */
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
/** ROC year + 1911 = Gregorian year (SPEC §2). */
const ROC_OFFSET = 1911;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** '00'…'31'. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, i) => pad(i, 2));

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The one constructor of an IsoDate from parts; null when the day does not exist. */
function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function partsOf(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Digits at [from, to) of an ISO day as a number, without allocating substrings. */
function digits(iso: IsoDate, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + (iso.charCodeAt(i) - 48);
  return value;
}

// Day numbers by H. Hinnant's days_from_civil / civil_from_days (proleptic Gregorian):
// pure integer arithmetic, no Date objects. The analysis calls these hundreds of thousands
// of times per 10k records (scripts/bench/analysis.bench.ts), where a Date per call dominated.

/** Day number (days since 1970-01-01) of a calendar day; pure arithmetic, no time zone. */
function dayNumber(iso: IsoDate): number {
  return daysFromCivil(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
}

function daysFromCivil(civilYear: number, month: number, day: number): number {
  const year = civilYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The digit at `at` as a number, or −1 when it is not an ASCII digit. */
function digitAt(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : -1;
}

/**
 * The days whose texts are kept once made: 1800-01-01 … 2199-12-31, every day a history can
 * hold. From 1900 the bench's 100,000-record long history (one record every 0.6 days, back to
 * 1861) made a quarter of its days' texts anew on every analysis. Pages are made on first use,
 * so the wider range costs a real history nothing.
 */
const FIRST_KEPT_DAY = -62_091;
const LAST_KEPT_DAY = 84_005;
/** Texts are kept in pages of 1,024 days (2.8 years), made when a day in them is first asked for. */
const PAGE_BITS = 10;
const keptPages = new Array<(IsoDate | undefined)[] | undefined>(((LAST_KEPT_DAY - FIRST_KEPT_DAY) >> PAGE_BITS) + 1);

/**
 * The calendar day of a day number, each day's text made once: an analysis turns the same days
 * back into dates thousands of times (refill validity and next-fill days, group supply ends).
 * A map cleared at 4,096 days thrashed on a history spanning more than that (a 100,000-record
 * history: 2.5 MB of new texts per analysis). Kept by day, the memory is bounded by the
 * calendar, not by use: at most 144 pages of 8 KB and one text per day asked for. Days
 * outside the range are made each time.
 */
function fromDayNumber(days: number): IsoDate {
  if (!(days >= FIRST_KEPT_DAY && days <= LAST_KEPT_DAY) || !Number.isInteger(days)) return computeFromDayNumber(days);
  const offset = days - FIRST_KEPT_DAY;
  const page = (keptPages[offset >> PAGE_BITS] ??= new Array<IsoDate | undefined>(1 << PAGE_BITS));
  return (page[offset & ((1 << PAGE_BITS) - 1)] ??= computeFromDayNumber(days));
}

/** 0001-01-01 and 9999-12-31: the days an ISO date of four-digit years can name. */
const FIRST_WRITABLE_DAY = -719_162;
const LAST_WRITABLE_DAY = 2_932_896;

/**
 * The calendar day of a day number. Past 9999-12-31 (3,000 supplies of 999 days carried one
 * after another) a five-digit year was no ISO date and its ROC form garbled (民前889/00/-3):
 * such days are written as the last day ISO can name, and before 0001-01-01 as the first.
 */
function computeFromDayNumber(days: number): IsoDate {
  if (days > LAST_WRITABLE_DAY) return '9999-12-31';
  if (days < FIRST_WRITABLE_DAY) return '0001-01-01';
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // Four-digit years and real month/day numbers take the table (no padStart per call).
  if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    return `${year}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}`;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day number (days since 1970-01-01) of an existing calendar day written exactly as
 * 'YYYY-MM-DD', or NaN for anything else (isIsoDate asks this). Read by
 * character, no regex and no substrings: the analysis prepares every record's days with it
 * once, then works on integers (scripts/bench/analysis.bench.ts).
 */
export function isoDayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  // Each character read once: this runs for every date of every record.
  const y1 = digitAt(text, 0), y2 = digitAt(text, 1), y3 = digitAt(text, 2), y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5), m2 = digitAt(text, 6), d1 = digitAt(text, 8), d2 = digitAt(text, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return Number.NaN;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** The calendar day of a day number (inverse of isoDayNumber): where integer day arithmetic turns back into dates. */
export function isoOfDayNumber(days: number): IsoDate {
  return fromDayNumber(days);
}

/** True when `text` is an existing calendar day written exactly as 'YYYY-MM-DD' (the one reader of that form: isoDayNumber). */
export function isIsoDate(text: string): boolean {
  return Number.isFinite(isoDayNumber(text));
}

/**
 * The Asia/Taipei calendar day of an instant: the one place a timestamp becomes a day.
 * An Invalid Date is a caller's bug (a broken clock source), not patient data, so it throws.
 */
export function taipeiDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('taipeiDateOf: invalid instant / 無效的時間');
  return fromDayNumber(Math.floor((ms + TAIPEI_OFFSET_MS) / MS_PER_DAY));
}

const ISO_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{2,4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The years a date read from outside may fall in: every living patient's birth and every
 * record's day, with room to spare. A 9999/12/31 or 0001/01/01 is a garbled answer, not a day
 * to count leftover from (the day texts kept once made cover the same years, FIRST_KEPT_DAY).
 */
const FIRST_PLAUSIBLE_YEAR = 1900;
const LAST_PLAUSIBLE_YEAR = 2199;

function plausible(iso: IsoDate | null): IsoDate | null {
  if (iso === null) return null;
  const year = Number(iso.slice(0, 4));
  return year >= FIRST_PLAUSIBLE_YEAR && year <= LAST_PLAUSIBLE_YEAR ? iso : null;
}

/** A time of day that exists: 25:99 makes the whole date garbled. */
function isClockTime(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  if (hour === undefined) return true;
  return Number(hour) <= 23 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}
const DIGITS = /^(\d{7}|\d{8})$/;

function parseIsoWithTime(match: RegExpExecArray): IsoDate | null {
  const [, y, mo, d, h, mi, s, zone] = match;
  const day = isoFromParts(Number(y), Number(mo), Number(d));
  if (day === null || !isClockTime(h, mi, s)) return null;
  if (zone === undefined) return day;
  // An instant with an explicit zone: the Taipei calendar day of that instant.
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const zoneHours = Number(digits.slice(1, 3));
    const zoneMinutes = Number(digits.slice(3, 5));
    if (zoneHours > 14 || zoneMinutes > 59) return null;
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const ms = dayNumber(day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  return taipeiDateOf(new Date(ms));
}

/**
 * Reads every date form the cloud and the cards use (anchors 1(c).12): ROC 'yyy/MM/dd'
 * (and 'yy/MM/dd' for ROC years below 100), ROC 7-digit 'yyyMMdd' (card birth dates),
 * 'YYYY/MM/DD', 'YYYYMMDD', ISO 'YYYY-MM-DD' with an optional time. Returns null for
 * anything else, including days that do not exist (2023-02-29, 112/02/29, 25:99) and years
 * outside 1900–2199.
 */
export function parseDate(text: string | null | undefined): IsoDate | null {
  return plausible(parsedDate(text));
}

function parsedDate(text: string | null | undefined): IsoDate | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  const iso = ISO_WITH_TIME.exec(trimmed);
  if (iso) return parseIsoWithTime(iso);
  const slashed = SLASHED.exec(trimmed);
  if (slashed) {
    const [, y = '', m, d, h, mi, s] = slashed;
    // Four digits are Gregorian; two or three digits are an ROC year.
    const year = y.length === 4 ? Number(y) : Number(y) + ROC_OFFSET;
    if ((y.length < 4 && Number(y) < 1) || !isClockTime(h, mi, s)) return null;
    return isoFromParts(year, Number(m), Number(d));
  }
  const digits = DIGITS.exec(trimmed);
  if (digits) {
    const value = digits[1] ?? '';
    if (value.length === 8) return isoFromParts(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)));
    const rocYear = Number(value.slice(0, 3));
    if (rocYear < 1) return null;
    return isoFromParts(rocYear + ROC_OFFSET, Number(value.slice(3, 5)), Number(value.slice(5, 7)));
  }
  return null;
}

function rocYearText(year: number): string {
  const roc = year - ROC_OFFSET;
  // Years before ROC 1 (1912) are written 民前N on Taiwanese documents.
  return roc >= 1 ? pad(roc, 3) : `民前${1 - roc}`;
}

/** ROC display form 'yyy/MM/dd', e.g. 2025-10-24 → '114/10/24', 2010-12-31 → '099/12/31'. */
export function toRocDate(iso: IsoDate): string {
  // The alert list formats thousands of dates from a few hundred distinct days.
  return rememberedRocDate(iso);
}

const rememberedRocDate = remembered(rocDateOf);

function rocDateOf(iso: IsoDate): string {
  // A well-formed day already has two-digit month and day: slice them.
  if (Number.isFinite(isoDayNumber(iso)) && iso.charCodeAt(0) === 50) {
    return `${pad(digits(iso, 0, 4) - ROC_OFFSET, 3)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
  }
  const [year, month, day] = partsOf(iso);
  return `${rocYearText(year)}/${pad(month, 2)}/${pad(day, 2)}`;
}

/** ROC 7-digit form 'yyyMMdd' as on NHI cards, e.g. '1141024'. */
export function toRoc7(iso: IsoDate): string {
  const [year, month, day] = partsOf(iso);
  return `${rocYearText(year)}${pad(month, 2)}${pad(day, 2)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + Math.trunc(days));
}

/** Whole days from `from` to `to` (to − from); 2025-01-01 → 2025-01-02 is 1. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Completed years of age on `today`. Per Civil Code §121/§124 a person born on 02-29
 * turns a year older on 03-01 in common years, which is what comparing 'MM-DD' gives.
 */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A month 'YYYY-MM' as the care-list page prints it: ROC 'yyy/MM' (2025-10 → 114/10). */
export function toRocMonth(month: string): string {
  return toRocDate(`${month}-01`).slice(0, -3);
}

/** 'YYYY-MM' of a day (the care list's month). */
export function monthOf(iso: IsoDate): string {
  return iso.slice(0, 7);
}

/** Same day n months later; a day past the target month's end becomes its last day (01-31 + 1 → 02-28/29). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const [year, month, day] = partsOf(iso);
  const index = year * 12 + (month - 1) + Math.trunc(n);
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))) ?? iso;
}
