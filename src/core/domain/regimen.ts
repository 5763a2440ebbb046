// Reading the 用法 (frequency) code. Leftover days assume a fixed daily regimen (AdhereR's
// stated assumption, research §2.1/§5 common definitions): PRN, ASORDER and non-oral
// products have no "days of supply" a patient works through, so they get 「無法試算」.
import type { MedicationRecord } from './types.ts';

/** Times per day of the base codes (research anchors 1(c).4, the NHI analyzers' table). */
const BASE_TIMES: Record<string, number> = {
  QD: 1, QAM: 1, QPM: 1, QAMPM: 2, AMPM: 2, HS: 1, QHS: 1, DAILY: 1, QN: 1, STAT: 1, ST: 1, Q24H: 1, QDAY: 1,
  BID: 2, Q12H: 2,
  TID: 3, Q8H: 3,
  QID: 4, Q6H: 4,
  Q4H: 6, Q3H: 8, Q2H: 12, Q1H: 24, QH: 24,
  QOD: 0.5, Q48H: 0.5, Q72H: 1 / 3,
  QW: 1 / 7, BIW: 2 / 7, TIW: 3 / 7,
};

/**
 * Suffixes that do not change how often: meals and time of day (QDAC, BIDPC, TIDCC, QDAMPC)
 * and the route some hospitals append ('TIDPC PO'). Stripped one at a time from the end.
 */
const TIMING_SUFFIX = /(AC|PC|CC|AM|PM|PO|ORAL)$/;
const MAX_SUFFIXES = 3;

/** Remembered normal forms (a pure function's answers; bounded so odd input cannot grow it). */
const NORMAL_CODES = new Map<string, string | null>();
const MAX_REMEMBERED_CODES = 1000;

/**
 * Upper-case code with spaces, dots and dashes removed ('q.d.' → 'QD', 'BID PC' → 'BIDPC'),
 * full-width letters and digits read as their ASCII selves ('ＰＲＮ' → 'PRN', as typed on a
 * Chinese input method).
 */
export function normalFrequency(frequency: string | null): string | null {
  if (frequency === null) return null;
  const known = NORMAL_CODES.get(frequency);
  if (known !== undefined) return known;
  const code = frequency.normalize('NFKC').toUpperCase().replace(/[\s.\-_]/g, '');
  const normal = code === '' ? null : code;
  // A history uses a few dozen codes, but every rule asks about each record again and again.
  if (NORMAL_CODES.size < MAX_REMEMBERED_CODES) NORMAL_CODES.set(frequency, normal);
  return normal;
}

/** PRN or SOS ("as needed", 需要時, 必要時) anywhere in the code ('Q6H SOS'): no fixed days of supply. */
export function isAsNeeded(frequency: string | null): boolean {
  const code = normalFrequency(frequency);
  return code !== null && (code.includes('PRN') || code.includes('SOS') || code.includes('需要時') || code.includes('必要時'));
}

/** ASORDER / UD (ut dictum) / 依醫囑 / 遵醫囑: the dose is whatever the doctor said; no fixed days of supply. */
export function isAsOrdered(frequency: string | null): boolean {
  const code = normalFrequency(frequency);
  return code !== null && (code.includes('ASORDER') || code.includes('ASDIRECT') || code.includes('醫囑') || code === 'UD');
}

/**
 * How many times a day the code means, or null when it is not a fixed schedule (PRN,
 * ASORDER), missing (some hospitals send null, leescot PR #35) or unknown.
 */
export function timesPerDay(frequency: string | null): number | null {
  const code = normalFrequency(frequency);
  if (code === null || isAsNeeded(code) || isAsOrdered(code)) return null;
  let base = code;
  for (let i = 0; i <= MAX_SUFFIXES; i++) {
    const times = BASE_TIMES[base];
    if (times !== undefined) return times;
    // AM and PM together are two times a day, not a suffix of one: QAMPM is 2; QDAMPM says two things.
    if (base.endsWith('AMPM')) return null;
    const shorter = base.replace(TIMING_SUFFIX, '');
    if (shorter === base || shorter === '') return null;
    base = shorter;
  }
  return null;
}

/** Forms a patient works through day by day; every other form is 「無法試算」 (SPEC §2). */
const DAILY_FORMS = new Set<MedicationRecord['dosageForm']>(['oral', 'sublingual']);

/** Oral or sublingual: units a patient takes one by one (not bottles, tubes or pens). */
export function isDailyForm(form: MedicationRecord['dosageForm']): boolean {
  return DAILY_FORMS.has(form);
}

/**
 * True when days of supply can be counted down: an oral or sublingual product that is not
 * PRN or as-ordered. A missing or unknown frequency still counts: the prescriber's 給藥日數
 * is the supply period, which is also how the cloud's own `drug_left` is computed
 * (drug_date + day − query date, anchors 1(c).6), and dropping such rows would hide duplicates.
 */
export function isFixedDailyRegimen(record: MedicationRecord): boolean {
  return isDailyForm(record.dosageForm) && !isAsNeeded(record.frequency) && !isAsOrdered(record.frequency);
}
