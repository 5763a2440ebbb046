// 高齡者宜注意用藥: cautions for patients at or over the elderly age (65, settings) on the
// query day. Each record's ingredients (combinations split) are matched against a versioned
// rule table (research §5(f)); the cloud's own drug_65_mark is honoured as well, because
// NHI's list itself was not retrieved (research §5(f), anchors 1(b)).
import type { IsoDate, MedicationRecord, Patient } from './types.ts';
import type { Bilingual } from './messages.ts';
import { productCodes } from './ingredients.ts';
import { ageOn, compareIso } from './dates.ts';
import { recordStart, supplyEnd } from './leftover.ts';
import { PreparedHistory } from './prepared-history.ts';
import { keyOrder } from './day-order.ts';
import { CLOUD_MARK, IN_MG, newestOfDay } from './record-columns.ts';
import { onHandWithCarry } from './carried-supply.ts';
import { remembered } from './remembered.ts';
import { inAtcClass } from './atc-classes.ts';
import { BEERS_2019_EXAMPLES, type ElderlyRule, type ElderlyRuleSet, type ElderlyTier } from './elderly-rules.ts';

export interface ElderlyCaution {
  /** Rule id, or null when only the cloud's drug_65_mark flagged it. */
  ruleId: string | null;
  ruleSet: { id: string; version: string; source: string } | null;
  category: Bilingual | null;
  condition: Bilingual | null;
  tier: ElderlyTier;
  ingredients: string[];
  atc7: string[];
  drugCodes: string[];
  drugNames: string[];
  recordIds: string[];
  /** Latest start date among the matched records. */
  lastDate: IsoDate;
  /** Any matched record still within its supply period (or dated after today). */
  active: boolean;
  cloudMarked: boolean;
  /**
   * Daily mg of the latest matched record when it can be computed, with the other records its
   * prescriber gave that day (dayDoses).
   */
  dailyMg: number | null;
  /** The rule's dose condition: the mg a day the dose must exceed (digoxin 0.125); null for a rule without one. */
  doseLimitMg: number | null;
}

export interface ElderlyOptions {
  elderlyAge?: number;
  ruleSet?: ElderlyRuleSet;
}

/** Older than anyone has lived: a birth date such as 0001-01-01 is a placeholder, not an age. */
const MAX_PLAUSIBLE_AGE = 130;

/**
 * Completed years on `today`; null without a patient, or when the birth date is after today or
 * gives more than 130 years (no elderly caution or 75+ note is raised on an age that cannot be).
 */
export function patientAge(patient: Patient | null, today: IsoDate): number | null {
  if (patient === null) return null;
  const age = ageOn(patient.birthDate, today);
  return age >= 0 && age <= MAX_PLAUSIBLE_AGE ? age : null;
}

/**
 * The daily mg of the record at `i`: the carry walk's daily amount (RecordColumns.daily, spare
 * tablets read as prescribed: 30 digoxin 0.125 mg for 28 days is 0.125 mg a day, not 0.134) when
 * it is in mg; null when the strength or the supply cannot be read, or for a combination.
 */
function dailyMgAt(history: PreparedHistory, i: number): number | null {
  const { flags, daily } = history.columns;
  const amount = daily[i] as number;
  return ((flags[i] as number) & IN_MG) !== 0 && Number.isFinite(amount) ? amount : null;
}

/** Per start day and prescriber (RecordColumns.suppliers): the known daily mg of their records added. */
type DayDoses = Map<number, Map<string, number>>;

/**
 * What each prescriber gave on each day among the records at `positions`: the carry walk reads
 * a prescriber's records of one day together, and so does a dose rule (two strengths taken
 * together, digoxin 0.125 mg + 0.0625 mg, are 0.1875 mg a day).
 */
function dayDoses(history: PreparedHistory, positions: ArrayLike<number>): DayDoses {
  const { startDay, suppliers } = history.columns;
  const doses: DayDoses = new Map();
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k] as number;
    const mg = dailyMgAt(history, i);
    const day = startDay[i] as number;
    // An unreadable day is not known to be the same day as another: each such record stands alone.
    if (mg === null || Number.isNaN(day)) continue;
    let byPrescriber = doses.get(day);
    if (byPrescriber === undefined) doses.set(day, (byPrescriber = new Map()));
    const supplier = suppliers[i] as string;
    byPrescriber.set(supplier, (byPrescriber.get(supplier) ?? 0) + mg);
  }
  return doses;
}

/** The daily mg of the record at `at` with its prescriber's other records of the day (dayDoses); null when its own is unknown. */
function prescriberDayMg(history: PreparedHistory, doses: DayDoses, at: number): number | null {
  const own = dailyMgAt(history, at);
  const { startDay, suppliers } = history.columns;
  if (own === null || Number.isNaN(startDay[at] as number)) return own;
  return doses.get(startDay[at] as number)?.get(suppliers[at] as string) ?? own;
}

/** Name and diagnosis conditions of one rule for one record (dose and duration need the other records). */
function recordQualifies(rule: ElderlyRule, except: RegExp | null, record: MedicationRecord): boolean {
  if (except !== null && except.test(record.drugName)) return false;
  return !(rule.exceptDiagnosisPattern !== undefined && record.diagnosis !== null && namePattern(rule.exceptDiagnosisPattern).test(record.diagnosis.code));
}

/** Compiled once per pattern text (no 'g' flag, so test() keeps no state). */
const namePattern = remembered((pattern: string) => new RegExp(pattern, 'i'), 256);

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * What the cautions of one analysis read, by input position (record-columns.ts) and by
 * product number: a caution lists thousands of records at 100k, and reading each record's
 * own ingredient objects and fields in latest-first order, scattered over the heap, was most
 * of this pass's time (docs/analysis-speed.md). A product's records share its drug code,
 * ATC7 and ingredients, so those are read once per product per caution.
 */
interface CautionFacts {
  history: PreparedHistory;
  /** Each product's codes (productCodes). */
  codes: string[][];
  /** Per product, the caution that last read its codes (so each is read once per caution). */
  stamps: Int32Array;
  stamp: number;
}

/**
 * A rule with an exception (a product name, a diagnosis) counts a record's own supply only:
 * its group's carried supply carries the excepted records too, so an old doxazosin fill for
 * hypertension read as in use through today's doxazosin for BPH.
 */
function hasException(rule: ElderlyRule | null): boolean {
  return rule !== null && (rule.exceptNamePattern !== undefined || rule.exceptDiagnosisPattern !== undefined);
}

/** The record's own supply reaches past today (or has not started). */
export function ownSupplyToday(history: PreparedHistory, i: number): boolean {
  const { startDay, daysSupply } = history.columns;
  const todayDay = history.preparer.todayDay;
  const start = startDay[i] as number;
  const days = daysSupply[i] as number;
  // Day numbers when S, today and N are ordinary; the ISO comparison otherwise (same answer as before for odd rows).
  if (Number.isFinite(start) && Number.isFinite(todayDay) && Math.abs(days) < 1_000_000) return todayDay < start + Math.trunc(days);
  return compareIso(history.preparer.today, supplyEnd(history.record(i))) < 0;
}

/**
 * The matched positions latest S first, equal starts in their given order: counting passes
 * over the start days (a comparator sort per rule dominated elderly cautions at 100k
 * records); a stable comparator sort on the start text when a start cannot be read.
 */
function latestFirstOrder(history: PreparedHistory, matched: Int32Array): Int32Array {
  const startDay = history.columns.startDay;
  const m = matched.length;
  const starts = new Float64Array(m);
  for (let k = 0; k < m; k++) starts[k] = -(startDay[matched[k] as number] as number);
  const order = keyOrder(m, [starts]);
  if (order === null) {
    const latestFirst = (a: number, b: number): number => {
      const sa = startDay[a] as number;
      const sb = startDay[b] as number;
      if (Number.isFinite(sa) && Number.isFinite(sb)) return sb - sa;
      return compareIso(recordStart(history.record(b)), recordStart(history.record(a)));
    };
    return Int32Array.from(Array.from(matched).sort(latestFirst));
  }
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = matched[order[k] as number] as number;
  return out;
}

function caution(rule: ElderlyRule | null, set: ElderlyRuleSet | null, matched: Int32Array, facts: CautionFacts): ElderlyCaution {
  const history = facts.history;
  const { product, flags, ids, names } = history.columns;
  const all = latestFirstOrder(history, matched);
  // A caution in use is about the records in use: a lorazepam fill of years ago is history,
  // not named beside today's alprazolam. One with none in use names every record it matched.
  const inUse = inUseOf(history, all, hasException(rule));
  const active = inUse.length > 0;
  const sorted = active ? inUse : all;
  // Latest first: the newest of the first day is the record whose dose the caution cites.
  const latestAt = newestOfDay(history.columns, sorted, 0, sorted.length, 0);
  const latest = history.record(latestAt);
  const ingredients = new Set<string>();
  const atc7 = new Set<string>();
  const drugCodes = new Set<string>();
  const drugNames = new Set<string>();
  const recordIds = new Array<string>(sorted.length);
  let cloudMarked = false;
  const stamp = ++facts.stamp;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k] as number;
    const p = product[i] as number;
    // A product's names and codes are already in the sets after its first record, and it has
    // one drug code: the sets' order is what reading every record would give.
    if (facts.stamps[p] !== stamp) {
      facts.stamps[p] = stamp;
      const record = history.record(i);
      for (const ingredient of record.ingredients) ingredients.add(ingredient.name);
      for (const code of facts.codes[p] as string[]) if (rule === null || ruleHolds(rule, code)) atc7.add(code);
      drugCodes.add(record.drugCode);
    }
    drugNames.add(names[i] as string);
    recordIds[k] = ids[i] as string;
    if (((flags[i] as number) & CLOUD_MARK) !== 0) cloudMarked = true;
  }
  return {
    ruleId: rule?.id ?? null,
    ruleSet: set === null ? null : { id: set.id, version: set.version, source: set.source },
    category: rule?.category ?? null,
    condition: rule?.condition ?? null,
    tier: rule?.tier ?? 'caution',
    ingredients: unique(ingredients),
    atc7: unique(atc7),
    drugCodes: unique(drugCodes),
    drugNames: unique(drugNames),
    recordIds,
    lastDate: recordStart(latest),
    active,
    cloudMarked,
    doseLimitMg: rule?.dailyMgAbove ?? null,
    dailyMg: prescriberDayMg(history, dayDoses(history, sorted.subarray(0, sameDayRun(history, sorted))), latestAt),
  };
}

/** How many of `sorted` (latest first) start on its first record's day. */
function sameDayRun(history: PreparedHistory, sorted: Int32Array): number {
  const { startDay } = history.columns;
  const day = startDay[sorted[0] as number] as number;
  let k = 1;
  while (k < sorted.length && startDay[sorted[k] as number] === day) k++;
  return k;
}

/**
 * The positions of `sorted` in use today, in its order; `sorted` itself when all are. In use:
 * within its own supply period (today < E = S + N, or dated after today), or unless
 * `ownSupplyOnly`, its ingredient and form still carried today (early refills:
 * carried-supply.ts). A record in use only through that carried supply counts when it started
 * in the last 90 days: another product of the ingredient years ago is not today's drug. If that
 * leaves none, the carried ones stand (the caution is in use through them).
 */
function inUseOf(history: PreparedHistory, sorted: Int32Array, ownSupplyOnly: boolean): Int32Array {
  const since = history.preparer.todayDay - TOTAL_DAYS_WINDOW;
  const recent = new Int32Array(sorted.length);
  const carried = new Int32Array(sorted.length);
  let r = 0;
  let c = 0;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k] as number;
    const own = ownSupplyToday(history, i);
    if (!own && (ownSupplyOnly || !onHandWithCarry(history, i))) continue;
    if (own || (history.columns.startDay[i] as number) >= since) recent[r++] = i;
    else carried[c++] = i;
  }
  if (r === sorted.length) return sorted;
  return r > 0 ? recent.subarray(0, r) : carried.subarray(0, c);
}

/**
 * The kept positions bucketed by product, in input order within each: product p holds
 * members[ends[p], ends[p + 1]).
 */
function positionsByProduct(history: PreparedHistory, kept: Uint8Array | null): { ends: Int32Array; members: Int32Array } {
  const product = history.columns.product;
  const productCount = history.preparer.productCount;
  const ends = new Int32Array(productCount + 1);
  for (let i = 0; i < product.length; i++) if (kept === null || kept[i] === 1) (ends[(product[i] as number) + 1] as number)++;
  for (let p = 0; p < productCount; p++) ends[p + 1] = (ends[p + 1] as number) + (ends[p] as number);
  const next = ends.slice(0, productCount);
  const members = new Int32Array(ends[productCount] as number);
  for (let i = 0; i < product.length; i++) {
    if (kept !== null && kept[i] !== 1) continue;
    const p = product[i] as number;
    members[next[p] as number] = i;
    next[p] = (next[p] as number) + 1;
  }
  return { ends, members };
}

/** The kept records by product (positionsByProduct) and the products by code. */
interface ProductBuckets {
  ends: Int32Array;
  members: Int32Array;
  productsByCode: Map<string, number[]>;
}

/**
 * The kept records bucketed by product, and the products indexed by code, so each rule looks
 * up its codes once per product instead of rescanning every record (rules × records dominated
 * analyzeHistory at 10k) or indexing every record by each of its codes.
 */
function productBuckets(history: PreparedHistory, kept: Uint8Array | null, codes: string[][]): ProductBuckets {
  const { ends, members } = positionsByProduct(history, kept);
  const productsByCode = new Map<string, number[]>();
  for (let p = 0; p + 1 < ends.length; p++) {
    if (ends[p] === ends[p + 1]) continue;
    for (const code of codes[p] as string[]) {
      const known = productsByCode.get(code);
      if (known === undefined) productsByCode.set(code, [p]);
      else known.push(p);
    }
  }
  return { ends, members, productsByCode };
}

/** Whether the rule names `code`: one of its codes, or a code of a class it holds whole. */
function ruleHolds(rule: ElderlyRule, code: string): boolean {
  return rule.atc7.includes(code) || (rule.atcClasses !== undefined && inAtcClass(code, rule.atcClasses));
}

/** The codes the rule names among the history's (ruleRecords puts the records in order whatever the codes' order). */
function ruleCodes(rule: ElderlyRule, productsByCode: Map<string, number[]>): readonly string[] {
  return rule.atcClasses === undefined ? rule.atc7 : [...productsByCode.keys()].filter((code) => ruleHolds(rule, code));
}

/** The records of the products that carry one of the rule's codes, each product once, in input order. */
function ruleRecords(rule: ElderlyRule, buckets: ProductBuckets, facts: CautionFacts): Int32Array {
  const { ends, members, productsByCode } = buckets;
  const stamp = ++facts.stamp;
  const products: number[] = [];
  let count = 0;
  for (const code of ruleCodes(rule, productsByCode)) {
    for (const p of productsByCode.get(code) ?? []) {
      // A product may carry two of the rule's codes.
      if (facts.stamps[p] === stamp) continue;
      facts.stamps[p] = stamp;
      products.push(p);
      count += (ends[p + 1] as number) - (ends[p] as number);
    }
  }
  // One product's records are in input order already.
  if (products.length === 1) return members.subarray(ends[products[0] as number], ends[(products[0] as number) + 1]);
  const records = new Int32Array(count);
  let at = 0;
  for (const p of products) {
    records.set(members.subarray(ends[p], ends[p + 1]), at);
    at += (ends[p + 1] as number) - (ends[p] as number);
  }
  return records.sort();
}

/**
 * A rule's minTotalDays counts the records started in this many days before today (or after
 * it), the cloud's 3-month window: a PPI course of years ago is not today's 8 weeks.
 */
const TOTAL_DAYS_WINDOW = 90;

/**
 * The rule's records that meet its dose and name conditions (read off the records, only for
 * rules that have them), or null when none does or they fall short of its total days.
 */
function matchedRecords(rule: ElderlyRule, candidates: Int32Array, history: PreparedHistory): Int32Array | null {
  const except = rule.exceptNamePattern === undefined ? null : namePattern(rule.exceptNamePattern);
  let matched = candidates;
  if (except !== null || rule.exceptDiagnosisPattern !== undefined) {
    const kept = new Int32Array(candidates.length);
    let m = 0;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k] as number;
      if (recordQualifies(rule, except, history.record(i))) kept[m++] = i;
    }
    matched = kept.subarray(0, m);
  }
  const limit = rule.dailyMgAbove;
  if (limit !== undefined) {
    // Against the prescriber's whole dose of the day; an unknown dose is flagged, and the
    // condition text tells the pharmacist what to check.
    const doses = dayDoses(history, matched);
    const kept = new Int32Array(matched.length);
    let m = 0;
    for (let k = 0; k < matched.length; k++) {
      const i = matched[k] as number;
      const mg = prescriberDayMg(history, doses, i);
      if (mg === null || mg > limit) kept[m++] = i;
    }
    matched = kept.subarray(0, m);
  }
  if (matched.length === 0) return null;
  if (rule.minTotalDays !== undefined) {
    const { daysSupply, startDay } = history.columns;
    const since = history.preparer.todayDay - TOTAL_DAYS_WINDOW;
    let totalDays = 0;
    for (let k = 0; k < matched.length; k++) {
      const i = matched[k] as number;
      if ((startDay[i] as number) >= since) totalDays += Math.max(0, daysSupply[i] as number);
    }
    if (totalDays < rule.minTotalDays) return null;
  }
  return matched;
}

/**
 * One caution per matched rule (all records it matched), then one per cloud-marked product
 * no rule explains. No cautions when the patient is younger than the elderly age; without a
 * patient (age unknown) only the cloud's own marks are shown, since the cloud knows the age.
 * Sorted: active first, 'avoid' before 'caution', newest first.
 */
export function elderlyCautions(patient: Patient | null, records: MedicationRecord[], today: IsoDate, options: ElderlyOptions = {}): ElderlyCaution[] {
  return elderlyOfPrepared(patient, PreparedHistory.of(records, today), options);
}

/** elderlyCautions on a prepared history. */
export function elderlyOfPrepared(patient: Patient | null, history: PreparedHistory, options: ElderlyOptions = {}): ElderlyCaution[] {
  const { preparer, columns } = history;
  const elderlyAge = options.elderlyAge ?? 65;
  const set = options.ruleSet ?? BEERS_2019_EXAMPLES;
  const age = patientAge(patient, preparer.today);
  if (age !== null && age < elderlyAge) return [];

  const cautions: ElderlyCaution[] = [];
  const n = columns.flags.length;
  // Records some rule matched, so the cloud's own mark on them needs no caution of its own:
  // marked by position; by record object too when a row object is listed twice (a rule keeps
  // its last position only).
  const kept = history.keptPositions('last');
  const explained = kept === null ? null : new Set<MedicationRecord>();
  const explainedAt = new Uint8Array(n);
  const productCount = preparer.productCount;
  const codes = new Array<string[]>(productCount);
  for (let p = 0; p < productCount; p++) {
    const product = preparer.productFacts(p);
    codes[p] = productCodes(product.atc7, product.ingredients);
  }
  const facts: CautionFacts = { history, codes, stamps: new Int32Array(productCount), stamp: 0 };
  if (age !== null) {
    const buckets = productBuckets(history, kept, codes);
    for (const rule of set.rules) {
      const matched = matchedRecords(rule, ruleRecords(rule, buckets, facts), history);
      if (matched === null) continue;
      for (let k = 0; k < matched.length; k++) {
        const i = matched[k] as number;
        explainedAt[i] = 1;
        explained?.add(history.record(i));
      }
      cautions.push(caution(rule, set, matched, facts));
    }
  }
  // The cloud-marked records no rule explains, one caution per drug code (the drug column
  // numbers codes: the same code, the same number), in the order the codes first appear.
  const { flags, drug } = columns;
  const cloudOnly = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (((flags[i] as number) & CLOUD_MARK) === 0) continue;
    if (explainedAt[i] === 1 || explained?.has(history.record(i)) === true) continue;
    const list = cloudOnly.get(drug[i] as number);
    if (list === undefined) cloudOnly.set(drug[i] as number, [i]);
    else list.push(i);
  }
  for (const matched of cloudOnly.values()) cautions.push(caution(null, null, Int32Array.from(matched), facts));

  const tierRank = (tier: ElderlyTier) => (tier === 'avoid' ? 0 : 1);
  return cautions.sort((a, b) => Number(b.active) - Number(a.active) || tierRank(a.tier) - tierRank(b.tier) || compareIso(b.lastDate, a.lastDate));
}
