// 高齡者宜注意用藥: cautions for patients at or over the elderly age (65, settings) on the
// query day. Each record's ingredients (combinations split) are matched against a versioned
// rule table (research §5(f)); the cloud's own drug_65_mark is honoured as well, because
// NHI's list itself was not retrieved (research §5(f), anchors 1(b)).
import type { Ingredient, IsoDate, MedicationRecord, Patient } from './types.ts';
import type { Bilingual } from './messages.ts';
import { ageOn, compareIso } from './dates.ts';
import { recordStart, supplyEnd } from './leftover.ts';
import type { Candidate, Preparer } from './prepare.ts';
import { PreparedHistory } from './prepared-history.ts';
import { sortedByKeys } from './day-order.ts';
import { remembered } from './remembered.ts';
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
  /** Daily mg of the latest matched record when it can be computed. */
  dailyMg: number | null;
}

export interface ElderlyOptions {
  elderlyAge?: number;
  ruleSet?: ElderlyRuleSet;
}

/** Patient's age on `today`, or null without a patient. */
export function patientAge(patient: Patient | null, today: IsoDate): number | null {
  return patient === null ? null : ageOn(patient.birthDate, today);
}

function dailyMg(record: MedicationRecord): number | null {
  if (record.unitStrengthMg === null || record.isCombination || !(record.daysSupply > 0)) return null;
  return (record.quantity / record.daysSupply) * record.unitStrengthMg;
}

/**
 * The record's product ATC7 and its ingredients' own codes, upper case, no repeats (product
 * first). They depend only on the product, so they are worked out once per product number
 * (Candidate.product), and the records are bucketed by it: each rule looks its codes up once
 * per product, not once per record.
 */
function productCodes(product: string | null, ingredients: Ingredient[]): string[] {
  const codes: string[] = [];
  if (product !== null) codes.push(product.toUpperCase());
  for (const ingredient of ingredients) {
    if (ingredient.atc7 === null) continue;
    const code = ingredient.atc7.toUpperCase();
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Dose and name conditions of one rule for one record (the duration condition needs the whole list). */
function recordQualifies(rule: ElderlyRule, except: RegExp | null, record: MedicationRecord): boolean {
  if (except !== null && except.test(record.drugName)) return false;
  if (rule.dailyMgAbove !== undefined) {
    const mg = dailyMg(record);
    // Unknown dose: flag, and the condition text tells the pharmacist what to check.
    if (mg !== null && mg <= rule.dailyMgAbove) return false;
  }
  return true;
}

/** Still within its supply period today: today < E = S + N (or dated after today). */
function isActive(c: Candidate, preparer: Preparer): boolean {
  const days = c.record.daysSupply;
  // Day numbers when S, today and N are ordinary; the ISO comparison otherwise (same answer as before for odd rows).
  if (Number.isFinite(c.startDay) && Number.isFinite(preparer.todayDay) && Math.abs(days) < 1_000_000) {
    return preparer.todayDay < c.startDay + Math.trunc(days);
  }
  return compareIso(preparer.today, supplyEnd(c.record)) < 0;
}

/** Latest S first; equal starts keep the input order (a stable sort). */
function latestFirst(a: Candidate, b: Candidate): number {
  if (Number.isFinite(a.startDay) && Number.isFinite(b.startDay)) return b.startDay - a.startDay;
  return compareIso(recordStart(b.record), recordStart(a.record));
}

/**
 * Matched records latest S first, equal starts in their given order, by start day
 * (sortedByKeys: a comparator sort per rule dominated elderly cautions at 100k records);
 * latestFirst when a start cannot be read.
 */
function latestFirstOrder(matched: Candidate[]): Candidate[] {
  const m = matched.length;
  const starts = new Float64Array(m);
  for (let i = 0; i < m; i++) starts[i] = -(matched[i] as Candidate).startDay;
  return sortedByKeys(matched, [starts], latestFirst);
}

/** Records of several products, in input order (a record has one product). */
function inInputOrder(found: Candidate[], all: Candidate[]): Candidate[] {
  const indices = new Int32Array(found.length);
  for (let i = 0; i < found.length; i++) indices[i] = (found[i] as Candidate).index;
  indices.sort();
  const out = new Array<Candidate>(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = all[indices[i] as number] as Candidate;
  return out;
}

/** Compiled once per pattern text (no 'g' flag, so test() keeps no state). */
const namePattern = remembered((pattern: string) => new RegExp(pattern, 'i'), 256);

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * Per-analysis facts the cautions read: each product's codes (by Candidate.product) and a
 * stamp per product, so a caution reads each product's codes once however many records share it.
 */
interface CodeFacts {
  codes: string[][];
  stamps: Int32Array;
  stamp: number;
}

function caution(rule: ElderlyRule | null, set: ElderlyRuleSet | null, matched: Candidate[], facts: CodeFacts, preparer: Preparer): ElderlyCaution {
  const sorted = latestFirstOrder(matched);
  const latest = sorted[0] as Candidate;
  const ingredients = new Set<string>();
  const atc7 = new Set<string>();
  const drugCodes = new Set<string>();
  const drugNames = new Set<string>();
  const recordIds = new Array<string>(sorted.length);
  let active = false;
  let cloudMarked = false;
  const stamp = ++facts.stamp;
  // A loop, not a closure per call (docs/analysis-speed.md, "No closures made per analysis").
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as Candidate;
    const r = c.record;
    for (const ingredient of r.ingredients) ingredients.add(ingredient.name);
    // A product's codes are already in the set after its first record: the set's order is unchanged.
    if (facts.stamps[c.product] !== stamp) {
      facts.stamps[c.product] = stamp;
      for (const code of facts.codes[c.product] as string[]) if (rule === null || rule.atc7.includes(code)) atc7.add(code);
    }
    drugCodes.add(r.drugCode);
    drugNames.add(r.drugName);
    recordIds[i] = r.id;
    if (!active && isActive(c, preparer)) active = true;
    if (r.cloudElderlyMark) cloudMarked = true;
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
    lastDate: recordStart(latest.record),
    active,
    cloudMarked,
    dailyMg: dailyMg(latest.record),
  };
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
  const preparer = history.preparer;
  const records = history.all;
  const elderlyAge = options.elderlyAge ?? 65;
  const set = options.ruleSet ?? BEERS_2019_EXAMPLES;
  const age = patientAge(patient, preparer.today);
  if (age !== null && age < elderlyAge) return [];

  const cautions: ElderlyCaution[] = [];
  // Records some rule matched, so the cloud's own mark on them needs no caution of its own:
  // marked by input position (a set of thousands of record objects was most of this pass's
  // garbage); by record object only when a row object is listed twice.
  const distinct = history.distinct(records, 'last');
  const repeated = distinct !== records;
  const explained = repeated ? new Set<MedicationRecord>() : null;
  const explainedAt = new Uint8Array(records.length);
  // Each product's codes once, and the records the cloud marked.
  const productCount = preparer.productCount;
  const codes = new Array<string[]>(productCount);
  const marked: Candidate[] = [];
  for (let i = 0; i < records.length; i++) {
    const c = records[i] as Candidate;
    codes[c.product] ??= productCodes(c.record.atc7, c.ingredients);
    if (c.record.cloudElderlyMark) marked.push(c);
  }
  const facts: CodeFacts = { codes, stamps: new Int32Array(productCount), stamp: 0 };
  if (age !== null) {
    // Records bucketed by product, and the products indexed by code, so each rule looks up
    // its codes once per product instead of rescanning every record (rules × records
    // dominated analyzeHistory at 10k) or indexing every record by each of its codes.
    const byProduct = new Array<Candidate[] | undefined>(productCount);
    for (let i = 0; i < distinct.length; i++) {
      const c = distinct[i] as Candidate;
      const bucket = byProduct[c.product];
      if (bucket === undefined) byProduct[c.product] = [c];
      else bucket.push(c);
    }
    const productsByCode = new Map<string, number[]>();
    for (let product = 0; product < productCount; product++) {
      if (byProduct[product] === undefined) continue;
      for (const code of codes[product] as string[]) {
        const known = productsByCode.get(code);
        if (known === undefined) productsByCode.set(code, [product]);
        else known.push(product);
      }
    }
    for (const rule of set.rules) {
      const except = rule.exceptNamePattern === undefined ? null : namePattern(rule.exceptNamePattern);
      // The rule's products, each once (a product may carry two of the rule's codes).
      const stamp = ++facts.stamp;
      let found: Candidate[] = [];
      let buckets = 0;
      for (const code of rule.atc7) {
        const products = productsByCode.get(code);
        if (products === undefined) continue;
        for (const product of products) {
          if (facts.stamps[product] === stamp) continue;
          facts.stamps[product] = stamp;
          const bucket = byProduct[product] as Candidate[];
          buckets += 1;
          if (buckets === 1) found = bucket;
          else {
            if (buckets === 2) found = found.slice();
            for (let i = 0; i < bucket.length; i++) found.push(bucket[i] as Candidate);
          }
        }
      }
      // Input order: one product's records already are.
      const candidates = buckets > 1 ? inInputOrder(found, records) : found;
      const matched: Candidate[] = [];
      let totalDays = 0;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i] as Candidate;
        if (!recordQualifies(rule, except, c.record)) continue;
        matched.push(c);
        totalDays += Math.max(0, c.record.daysSupply);
      }
      if (matched.length === 0) continue;
      if (rule.minTotalDays !== undefined && totalDays < rule.minTotalDays) continue;
      for (let i = 0; i < matched.length; i++) {
        const c = matched[i] as Candidate;
        explainedAt[c.index] = 1;
        explained?.add(c.record);
      }
      cautions.push(caution(rule, set, matched, facts, preparer));
    }
  }
  const cloudOnly = new Map<string, Candidate[]>();
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i] as Candidate;
    if (explainedAt[c.index] === 1 || explained?.has(c.record) === true) continue;
    const list = cloudOnly.get(c.record.drugCode);
    if (list === undefined) cloudOnly.set(c.record.drugCode, [c]);
    else list.push(c);
  }
  for (const matched of cloudOnly.values()) cautions.push(caution(null, null, matched, facts, preparer));

  const tierRank = (tier: ElderlyTier) => (tier === 'avoid' ? 0 : 1);
  return cautions.sort((a, b) => Number(b.active) - Number(a.active) || tierRank(a.tier) - tierRank(b.tier) || compareIso(b.lastDate, a.lastDate));
}
