// The shapes and shared helpers of the duplicate-medication check (research §5(c)): one
// prepared entry per record, the "same prescription" test that keeps the fills of one
// chronic-refill chain apart, the suppression rules and the alert builder.
import type { Ingredient, IsoDate, MedicationRecord, Severity } from './types.ts';
import type { EquivalenceSet } from './equivalence.ts';
import { daysBetween } from './dates.ts';
import { comparableIngredients, ingredientIdentity } from './ingredients.ts';
import { leftoverReason, recordStart, type LeftoverReason } from './leftover.ts';

/** L1 同藥品, L2 同成分同劑型, L3 同成分不同劑型, L4 同藥理 (ATC5), L5 治療等效組. */
export type DuplicateLevel = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';

export interface DuplicateSettings {
  /** NHI: a duplicate when more than this many days are still on hand (10). */
  duplicateThresholdDays: number;
  equivalenceSets: EquivalenceSet[];
  /** A newest record of at most this many days (or PRN) raises nothing (3). */
  shortCourseDays: number;
}

export interface DuplicateAlert {
  level: DuplicateLevel;
  severity: Severity;
  /** What was compared: K1 'INGREDIENT|form', K2 'INGREDIENT', the ATC5 class, or the set id. */
  group: string;
  /** Per record, oldest first (parallel to recordIds and dates). */
  drugCodes: string[];
  drugNames: string[];
  /** Ingredient names (normalised INN) the duplicate is about. */
  ingredients: string[];
  /** Dispensing institutions' names and ids, first appearance order, no repeats. */
  institutions: string[];
  institutionIds: string[];
  /** Per record, parallel to recordIds: the dispensing institution's name. */
  recordInstitutions: string[];
  /** Start date S of each record (慢連箋領藥日 or visit date), oldest first. */
  dates: IsoDate[];
  /** L1/L2: days still on hand when the newest was dispensed; L3–L5: days all remain in use from today. */
  overlapDays: number;
  /** Prescribed by different institutions (慢箋原處方機構 counts for refill pickups). */
  crossInstitution: boolean;
  recordIds: string[];
  /** L4: the ATC5 class; L5: the equivalence set's id; else null. */
  classCode: string | null;
  /** L5: the set's name; L4: the cloud's ATC5 name when known; else null. */
  className: string | null;
}

/** One record prepared once: start, first uncovered day, regimen reason, days left today. */
export interface Candidate {
  record: MedicationRecord;
  start: IsoDate;
  /** Day numbers (days since an epoch) of S and of E = S + N, the first uncovered day. */
  startDay: number;
  endDay: number;
  /** startDay, then larger N first, packed in one number for a fast sort (N below 100,000). */
  order: number;
  /** Position in the input: the last tie-break, so equal records keep the cloud's order. */
  index: number;
  reason: LeftoverReason | null;
  /** Nominal days left today (max(0, E − today); the whole supply when dated after today). */
  leftToday: number;
  ingredients: Ingredient[];
  /** ingredientIdentity of each ingredient, parallel to `ingredients`. */
  identities: string[];
  /** Prescribing institution: 慢箋原處方機構 for refill pickups, else the institution. */
  prescriber: string;
  refillPickup: boolean;
  /** 4-digit 就醫序號, or null when absent or masked. */
  seq: string | null;
}

const EPOCH: IsoDate = '2000-01-01';

/**
 * Per-call memo of the work that repeats across a history: a 10,000-record history has a
 * few hundred distinct days and a handful of 用法 codes, so day numbers and regimen reasons
 * are computed once each (keeps the whole check O(n log n) with a small constant).
 */
export class Preparer {
  private readonly days = new Map<IsoDate, number>();
  readonly todayDay: number;

  constructor(readonly today: IsoDate) {
    this.todayDay = this.dayOf(today);
  }


  dayOf(iso: IsoDate): number {
    let day = this.days.get(iso);
    if (day === undefined) {
      day = daysBetween(EPOCH, iso);
      this.days.set(iso, day);
    }
    return day;
  }

  private readonly reasonsByFrequency = new Map<string | null, Map<string, (LeftoverReason | null)[]>>();

  /** leftoverReason reads only the 用法 code, the dosage form and whether N is a positive whole number. */
  private reasonOf(record: MedicationRecord): LeftoverReason | null {
    let byForm = this.reasonsByFrequency.get(record.frequency);
    if (byForm === undefined) {
      byForm = new Map();
      this.reasonsByFrequency.set(record.frequency, byForm);
    }
    let pair = byForm.get(record.dosageForm);
    if (pair === undefined) {
      pair = [];
      byForm.set(record.dosageForm, pair);
    }
    const slot = Number.isInteger(record.daysSupply) && record.daysSupply > 0 ? 0 : 1;
    let reason = pair[slot];
    if (reason === undefined) {
      reason = leftoverReason(record);
      pair[slot] = reason;
    }
    return reason;
  }

  prepare(record: MedicationRecord, index: number): Candidate {
    const start = recordStart(record);
    const startDay = this.dayOf(start);
    const endDay = startDay + record.daysSupply;
    const seqText = record.visitSeqNo ?? '';
    const ingredients = comparableIngredients(record);
    return {
      record,
      start,
      startDay,
      endDay,
      order: startDay * 100_000 + (99_999 - Math.min(99_999, Math.max(0, Math.trunc(record.daysSupply)))),
      index,
      reason: this.reasonOf(record),
      leftToday: startDay > this.todayDay ? record.daysSupply : Math.max(0, endDay - this.todayDay),
      ingredients,
      identities: ingredients.map(ingredientIdentity),
      prescriber: record.chronicOriginInstitutionId ?? record.institution.id,
      refillPickup: record.refillDate !== null || record.chronicOriginInstitutionId !== null || isRefillSeq(seqText),
      seq: isFourDigits(seqText) ? seqText : null,
    };
  }
}

/** 就醫序號 IC02–IC09: a chronic refill pickup (checked by character: this runs per record). */
function isRefillSeq(text: string): boolean {
  if (text.length !== 4) return false;
  const i = text.charCodeAt(0) | 0x20;
  const c = text.charCodeAt(1) | 0x20;
  const digit = text.charCodeAt(3);
  return i === 0x69 && c === 0x63 && text.charCodeAt(2) === 0x30 && digit >= 0x32 && digit <= 0x39;
}

function isFourDigits(text: string): boolean {
  if (text.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Sorts into carry order (byStart) with one numeric key per record: start day, larger N,
 * input position packed into a double and sorted natively, which is several times faster
 * than a comparator on 10,000 objects. Falls back to the comparator if the key could
 * exceed 2^53 (over a million records).
 */
export function sortByStart(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  if (n === 0) return candidates;
  let min = Infinity;
  let max = -Infinity;
  for (const c of candidates) {
    if (c.order < min) min = c.order;
    if (c.order > max) max = c.order;
  }
  if ((max - min + 1) * n >= Number.MAX_SAFE_INTEGER) return [...candidates].sort(byStart);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as Candidate;
    keys[i] = (c.order - min) * n + c.index;
  }
  keys.sort();
  const byIndex = new Array<Candidate>(n);
  for (const c of candidates) byIndex[c.index] = c;
  return Array.from(keys, (key) => byIndex[key % n] as Candidate);
}

/**
 * Chain key (documented rule): two records belong to one prescription when the prescriber
 * (慢箋原處方機構 or institution) and the 就醫日期 match, and either one is a refill pickup
 * (慢連箋領藥日 set, 原處方機構 set or 就醫序號 IC02–IC09: refill rows keep the original visit
 * date) or their 4-digit 就醫序號 do not differ (NHI: 同醫事機構、同就醫序號及同就醫日期 is one
 * prescription). Such records never pair: refill fills of one chain, and the rows of one visit
 * (two strengths taken together), are one supply, not a duplicate.
 */
export function samePrescription(a: Candidate, b: Candidate): boolean {
  if (a === b) return true;
  if (a.prescriber !== b.prescriber || a.record.visitDate !== b.record.visitDate) return false;
  if (a.refillPickup || b.refillPickup) return true;
  return a.seq === null || b.seq === null || a.seq === b.seq;
}

/** PRN and as-ordered supplies have no countable days on hand. */
export function isAsNeededSupply(candidate: Candidate): boolean {
  return candidate.reason === 'prn' || candidate.reason === 'as-ordered';
}

/**
 * Research §5(c)4: the newest record declares an NHI exception code R001–R008 (the claim
 * already explains the overlap), or is a short course of at most shortCourseDays days.
 */
export function suppressedByNewest(newest: Candidate, settings: DuplicateSettings): boolean {
  return newest.record.exceptionCode !== null || newest.record.daysSupply <= settings.shortCourseDays;
}

/** Carry order (research §5(b) step 2): S ascending, larger N first, then input order. */
export function byStart(a: Candidate, b: Candidate): number {
  return a.order - b.order || a.index - b.index;
}

/**
 * Upper bound of the carry-forward end (day number) of computable, sorted candidates, and
 * the index where its last unbroken run starts. Dose changes and R001/R003 can only end a
 * supply earlier, so the exact end (carryForwardEnd) is never later; and where a supply
 * starts on or after this bound there is a gap in the exact walk too, so everything before
 * that index cannot change the exact end.
 */
export function carryBound(sorted: Candidate[]): { end: number | null; runStart: number } {
  let end: number | null = null;
  let runStart = 0;
  for (let index = 0; index < sorted.length; index++) {
    const c = sorted[index] as Candidate;
    if (c.reason !== null) continue;
    if (end === null || c.startDay >= end) {
      end = c.startDay + c.record.daysSupply;
      runStart = index;
    } else end += c.record.daysSupply;
  }
  return { end, runStart };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** `involved` must be in carry order (byStart), as every bucket of findDuplicates is. */
export function buildAlert(
  level: DuplicateLevel,
  severity: Severity,
  group: string,
  involved: Candidate[],
  ingredients: string[],
  overlapDays: number,
  classCode: string | null = null,
  className: string | null = null,
): DuplicateAlert {
  const sorted = involved;
  return {
    level,
    severity,
    group,
    drugCodes: sorted.map((c) => c.record.drugCode),
    drugNames: sorted.map((c) => c.record.drugName),
    ingredients: distinct(ingredients),
    institutions: distinct(sorted.map((c) => c.record.institution.name)),
    institutionIds: distinct(sorted.map((c) => c.record.institution.id)),
    recordInstitutions: sorted.map((c) => c.record.institution.name),
    dates: sorted.map((c) => c.start),
    overlapDays,
    crossInstitution: isCrossInstitution(sorted),
    recordIds: sorted.map((c) => c.record.id),
    classCode,
    className,
  };
}

export function isCrossInstitution(involved: Candidate[]): boolean {
  return new Set(involved.map((c) => c.prescriber)).size > 1;
}

/** The second largest of some day counts: how long at least two of them last (0 with fewer than two). */
export function secondLargest(values: number[]): number {
  let first = -Infinity;
  let second = -Infinity;
  for (const value of values) {
    if (value > first) {
      second = first;
      first = value;
    } else if (value > second) second = value;
  }
  return Number.isFinite(second) ? Math.max(0, second) : 0;
}

/**
 * True when some member of one bucket and some member of another are not the same
 * prescription: the pair the alert is about really exists. Exits at the first such pair.
 */
export function hasPairAcross(buckets: Candidate[][]): boolean {
  for (let i = 0; i < buckets.length; i++) {
    for (let j = i + 1; j < buckets.length; j++) {
      for (const a of buckets[i] as Candidate[]) {
        for (const b of buckets[j] as Candidate[]) {
          if (a.record !== b.record && !samePrescription(a, b)) return true;
        }
      }
    }
  }
  return false;
}
