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
import { mapIn, remembered } from './remembered.ts';
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
 * first). Lists are shared between records with the same codes (read only): a history
 * repeats a few dozen products.
 */
class CodeLists {
  private readonly single = new Map<string | null, Map<string | null, string[]>>();

  private readonly pairs = new Map<string | null, Map<string | null, Map<string | null, string[]>>>();

  of(c: Candidate): string[] {
    const product = c.record.atc7;
    if (c.ingredients.length === 2) return this.ofPair(product, c.ingredients);
    if (c.ingredients.length !== 1) return this.compute(product, c.ingredients);
    return this.codesIn(mapIn(this.single, product), (c.ingredients[0] as Ingredient).atc7, product, c.ingredients);
  }

  /** Two-ingredient combinations (the usual ones) remembered by product and both codes. */
  private ofPair(product: string | null, ingredients: Ingredient[]): string[] {
    const bySecond = mapIn(mapIn(this.pairs, product), (ingredients[0] as Ingredient).atc7);
    return this.codesIn(bySecond, (ingredients[1] as Ingredient).atc7, product, ingredients);
  }

  /** The list stored under `key`, computed on first use (no closure: this runs for every record). */
  private codesIn(table: Map<string | null, string[]>, key: string | null, product: string | null, ingredients: Ingredient[]): string[] {
    let codes = table.get(key);
    if (codes === undefined) {
      codes = this.compute(product, ingredients);
      table.set(key, codes);
    }
    return codes;
  }

  private compute(product: string | null, ingredients: Ingredient[]): string[] {
    const codes: string[] = [];
    if (product !== null) codes.push(product.toUpperCase());
    for (const ingredient of ingredients) {
      if (ingredient.atc7 === null) continue;
      const code = ingredient.atc7.toUpperCase();
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }
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

/** Records found through several codes, in input order, each once (a record may carry two of a rule's codes). */
function inInputOrder(found: Candidate[], all: Candidate[]): Candidate[] {
  const indices = new Int32Array(found.length);
  for (let i = 0; i < found.length; i++) indices[i] = (found[i] as Candidate).index;
  indices.sort();
  const out: Candidate[] = [];
  for (let i = 0; i < indices.length; i++) {
    if (i > 0 && indices[i] === indices[i - 1]) continue;
    out.push(all[indices[i] as number] as Candidate);
  }
  return out;
}

/** Compiled once per pattern text (no 'g' flag, so test() keeps no state). */
const namePattern = remembered((pattern: string) => new RegExp(pattern, 'i'), 256);

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function caution(rule: ElderlyRule | null, set: ElderlyRuleSet | null, matched: Candidate[], codes: string[][], preparer: Preparer): ElderlyCaution {
  const sorted = latestFirstOrder(matched);
  const latest = sorted[0] as Candidate;
  const ingredients = new Set<string>();
  const atc7 = new Set<string>();
  const drugCodes = new Set<string>();
  const drugNames = new Set<string>();
  const recordIds = new Array<string>(sorted.length);
  let active = false;
  let cloudMarked = false;
  // A loop, not a closure per call (docs/analysis-speed.md, "No closures made per analysis").
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as Candidate;
    const r = c.record;
    for (const ingredient of r.ingredients) ingredients.add(ingredient.name);
    for (const code of codes[c.index] as string[]) if (rule === null || rule.atc7.includes(code)) atc7.add(code);
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
  // Each record's codes once (by input position).
  const lists = new CodeLists();
  const codes = new Array<string[]>(records.length);
  for (let i = 0; i < records.length; i++) codes[i] = lists.of(records[i] as Candidate);
  if (age !== null) {
    // Records indexed by code, so each rule looks up its codes instead of rescanning every
    // record (rules × records dominated analyzeHistory at 10k).
    const byCode = new Map<string, Candidate[]>();
    for (let i = 0; i < distinct.length; i++) {
      const c = distinct[i] as Candidate;
      const cs = codes[c.index] as string[];
      for (let k = 0; k < cs.length; k++) {
        const code = cs[k] as string;
        const list = byCode.get(code);
        if (list === undefined) byCode.set(code, [c]);
        else list.push(c);
      }
    }
    for (const rule of set.rules) {
      const except = rule.exceptNamePattern === undefined ? null : namePattern(rule.exceptNamePattern);
      const found: Candidate[] = [];
      let lists = 0;
      for (const code of rule.atc7) {
        const list = byCode.get(code);
        if (list === undefined) continue;
        lists += 1;
        for (let i = 0; i < list.length; i++) found.push(list[i] as Candidate);
      }
      // Input order, each record once (it may carry two of the rule's codes).
      const candidates = lists > 1 ? inInputOrder(found, records) : found;
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
      cautions.push(caution(rule, set, matched, codes, preparer));
    }
  }
  const cloudOnly = new Map<string, Candidate[]>();
  for (let i = 0; i < records.length; i++) {
    const c = records[i] as Candidate;
    if (!c.record.cloudElderlyMark || explainedAt[c.index] === 1 || explained?.has(c.record) === true) continue;
    const list = cloudOnly.get(c.record.drugCode);
    if (list === undefined) cloudOnly.set(c.record.drugCode, [c]);
    else list.push(c);
  }
  for (const matched of cloudOnly.values()) cautions.push(caution(null, null, matched, codes, preparer));

  const tierRank = (tier: ElderlyTier) => (tier === 'avoid' ? 0 : 1);
  return cautions.sort((a, b) => Number(b.active) - Number(a.active) || tierRank(a.tier) - tierRank(b.tier) || compareIso(b.lastDate, a.lastDate));
}
