// Each medication record prepared once per analysis: its start S and first uncovered day
// E = S + N as integer day numbers, its regimen reason (「無法試算」 or not), days left
// today, ingredients with their identities (K1/K2 keys), the chain facts and the daily
// amount. Leftover, group leftover, duplicates, elderly cautions and the records table
// all read these instead of re-deriving them from ISO strings (a 10,000-record history
// recomputed each fact 3–5 times: scripts/bench/analysis.bench.ts).
import type { Ingredient, IsoDate, MedicationRecord } from './types.ts';
import { isoDayNumber, isoOfDayNumber } from './dates.ts';
import { comparableIngredients, ingredientIdentity, normalIngredientName } from './ingredients.ts';
import { leftoverReason, recordLeftover, recordStart, type LeftoverReason, type RecordLeftover } from './leftover.ts';
import { timesPerDay } from './regimen.ts';

/** One record prepared once: start, first uncovered day, regimen reason, days left today. */
export interface Candidate {
  record: MedicationRecord;
  start: IsoDate;
  /** Day numbers (days since 2000-01-01) of S and of E = S + N, the first uncovered day; NaN when S is unreadable. */
  startDay: number;
  endDay: number;
  /** startDay, then larger N first, packed in one number for a fast sort (see ORDER_PER_DAY). */
  order: number;
  /** Position in the input: the last tie-break, so equal records keep the cloud's order. */
  index: number;
  reason: LeftoverReason | null;
  /** Nominal days left today (max(0, E − today); the whole supply when dated after today). */
  leftToday: number;
  ingredients: Ingredient[];
  /** ingredientIdentity of each ingredient, parallel to `ingredients` (may be shared between records: read only). */
  identities: string[];
  /** Each identity as a small integer (Preparer.identityCount), parallel to `identities` (shared: read only). */
  identityKeys: number[];
  /** The dosage form as a small integer (Preparer.formCount): buckets are indexed by these instead of hashing strings. */
  formKey: number;
  /** Prescribing institution: 慢箋原處方機構 for refill pickups, else the institution. */
  prescriber: string;
  refillPickup: boolean;
  /** 4-digit 就醫序號, or null when absent or masked. */
  seq: string | null;
  /** Day number of the visit date (NaN when unreadable): the records table's second sort key. */
  visitDay: number;
}

interface IdentityLists {
  identities: string[];
  keys: number[];
}

/**
 * Candidate.order's scale: order = startDay · ORDER_PER_DAY + the supply's rank below it, so
 * order − startDay · ORDER_PER_DAY gives the rank back (duplicate-prepare.ts sorts by the two).
 */
export const ORDER_PER_DAY = 100_000;

/** The supply's rank within its start day: larger N first (0 for N ≥ ORDER_PER_DAY − 1). */
function longerFirstRank(days: number): number {
  return ORDER_PER_DAY - 1 - Math.min(ORDER_PER_DAY - 1, days);
}

/** Day numbers here count from 2000-01-01 (any epoch works; this one keeps them small). */
const EPOCH_DAY = isoDayNumber('2000-01-01');

/**
 * Per-analysis memo of the work that repeats across a history: a 10,000-record history has a
 * few hundred distinct days and a handful of 用法 codes, so regimen reasons and times per
 * day are computed once each (keeps the whole analysis O(n log n) with a small constant).
 */
export class Preparer {
  readonly todayDay: number;

  constructor(readonly today: IsoDate) {
    this.todayDay = this.dayOf(today);
  }

  /** Day number of a calendar day; NaN for text that is not a real day (such a record cannot be placed in time). */
  dayOf(iso: IsoDate): number {
    return isoDayNumber(iso) - EPOCH_DAY;
  }

  /** The calendar day of a day number from dayOf. */
  isoOf(day: number): IsoDate {
    return isoOfDayNumber(day + EPOCH_DAY);
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

  private readonly times = new Map<string | null, number | null>();

  /** timesPerDay of a 用法 code, once per distinct code. */
  timesOf(frequency: string | null): number | null {
    let times = this.times.get(frequency);
    if (times === undefined) {
      times = timesPerDay(frequency);
      this.times.set(frequency, times);
    }
    return times;
  }

  private readonly singleIdentities = new Map<string, IdentityLists>();
  private readonly identityKeyOf = new Map<string, number>();
  private readonly formKeyOf = new Map<string, number>();

  /** Distinct ingredient identities seen so far (keys run 0 … identityCount − 1). */
  get identityCount(): number {
    return this.identityKeyOf.size;
  }

  /** Distinct dosage forms seen so far (keys run 0 … formCount − 1). */
  get formCount(): number {
    return this.formKeyOf.size;
  }

  private keyOfIdentity(identity: string): number {
    let key = this.identityKeyOf.get(identity);
    if (key === undefined) {
      key = this.identityKeyOf.size;
      this.identityKeyOf.set(identity, key);
    }
    return key;
  }

  private keyOfForm(form: string): number {
    let key = this.formKeyOf.get(form);
    if (key === undefined) {
      key = this.formKeyOf.size;
      this.formKeyOf.set(form, key);
    }
    return key;
  }

  /** ingredientIdentity of each ingredient and its key; one shared (read-only) pair of lists per single-ingredient name. */
  private identitiesOf(ingredients: Ingredient[]): IdentityLists {
    const only = ingredients.length === 1 ? (ingredients[0] as Ingredient) : null;
    if (only !== null) {
      const known = this.singleIdentities.get(only.name);
      if (known !== undefined) return known;
      const identity = ingredientIdentity(only);
      // A name that normalises to nothing takes the ATC7 instead: not a function of the name alone.
      const lists = { identities: [identity], keys: [this.keyOfIdentity(identity)] };
      if (normalIngredientName(only.name).length > 0) this.singleIdentities.set(only.name, lists);
      return lists;
    }
    const identities = new Array<string>(ingredients.length);
    const keys = new Array<number>(ingredients.length);
    for (let i = 0; i < ingredients.length; i++) {
      const identity = ingredientIdentity(ingredients[i] as Ingredient);
      identities[i] = identity;
      keys[i] = this.keyOfIdentity(identity);
    }
    return { identities, keys };
  }

  prepare(record: MedicationRecord, index: number): Candidate {
    const start = recordStart(record);
    const startDay = this.dayOf(start);
    // A missing, negative or fractional 給藥日數 covers no whole day; it must not poison the sort.
    const days = Number.isFinite(record.daysSupply) && record.daysSupply > 0 ? Math.trunc(record.daysSupply) : 0;
    const endDay = startDay + days;
    const seqText = record.visitSeqNo ?? '';
    const ingredients = comparableIngredients(record);
    const lists = this.identitiesOf(ingredients);
    return {
      record,
      start,
      startDay,
      endDay,
      order: startDay * ORDER_PER_DAY + longerFirstRank(days),
      index,
      reason: this.reasonOf(record),
      leftToday: startDay > this.todayDay ? days : Math.max(0, endDay - this.todayDay),
      ingredients,
      identities: lists.identities,
      identityKeys: lists.keys,
      formKey: this.keyOfForm(record.dosageForm),
      prescriber: record.chronicOriginInstitutionId ?? record.institution.id,
      refillPickup: record.refillDate !== null || record.chronicOriginInstitutionId !== null || isRefillSeq(seqText),
      seq: isFourDigits(seqText) ? seqText : null,
      visitDay: start === record.visitDate ? startDay : this.dayOf(record.visitDate),
    };
  }

  /** Every record in input order. */
  prepareAll(records: MedicationRecord[]): Candidate[] {
    const out = new Array<Candidate>(records.length);
    for (let i = 0; i < records.length; i++) out[i] = this.prepare(records[i] as MedicationRecord, i);
    return out;
  }

  /**
   * recordLeftover from the prepared facts (same answer, integer days). Records with an
   * unreadable start, or today unreadable, take recordLeftover itself.
   */
  leftover(c: Candidate): RecordLeftover {
    if (!Number.isFinite(c.startDay) || !Number.isFinite(this.todayDay)) return recordLeftover(c.record, this.today);
    const future = this.todayDay < c.startDay;
    if (c.reason !== null) return { days: null, notComputable: c.reason, future };
    // reason null: N is a positive whole number, so E = startDay + N exactly.
    if (future) return { days: c.record.daysSupply, notComputable: null, future: true };
    return { days: Math.max(0, c.endDay - this.todayDay), notComputable: null, future: false };
  }
}

/** 就醫序號 IC02–IC09: a chronic refill pickup (checked by character: this runs per record). */
export function isRefillSeq(text: string): boolean {
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

