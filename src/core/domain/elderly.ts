// 高齡者宜注意用藥: cautions for patients at or over the elderly age (65, settings) on the
// query day. Each record's ingredients (combinations split) are matched against a versioned
// rule table (research §5(f)); the cloud's own drug_65_mark is honoured as well, because
// NHI's list itself was not retrieved (research §5(f), anchors 1(b)).
import type { IsoDate, MedicationRecord, Patient } from './types.ts';
import type { Bilingual } from './messages.ts';
import { ageOn, compareIso } from './dates.ts';
import { recordStart, supplyEnd } from './leftover.ts';
import { comparableIngredients } from './ingredients.ts';
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

function codesOf(record: MedicationRecord): Set<string> {
  const codes = new Set<string>();
  if (record.atc7 !== null) codes.add(record.atc7.toUpperCase());
  for (const ingredient of comparableIngredients(record)) if (ingredient.atc7 !== null) codes.add(ingredient.atc7.toUpperCase());
  return codes;
}

/** Dose and name conditions of one rule for one record (the duration condition needs the whole list). */
function recordQualifies(rule: ElderlyRule, record: MedicationRecord): boolean {
  if (rule.exceptNamePattern !== undefined && new RegExp(rule.exceptNamePattern, 'i').test(record.drugName)) return false;
  if (rule.dailyMgAbove !== undefined) {
    const mg = dailyMg(record);
    // Unknown dose: flag, and the condition text tells the pharmacist what to check.
    if (mg !== null && mg <= rule.dailyMgAbove) return false;
  }
  return true;
}

function isActive(record: MedicationRecord, today: IsoDate): boolean {
  return compareIso(today, supplyEnd(record)) < 0;
}

function latestFirst(a: MedicationRecord, b: MedicationRecord): number {
  return compareIso(recordStart(b), recordStart(a));
}

function caution(rule: ElderlyRule | null, set: ElderlyRuleSet | null, matched: MedicationRecord[], today: IsoDate): ElderlyCaution {
  const sorted = [...matched].sort(latestFirst);
  const latest = sorted[0] as MedicationRecord;
  const unique = (values: string[]) => [...new Set(values)];
  return {
    ruleId: rule?.id ?? null,
    ruleSet: set === null ? null : { id: set.id, version: set.version, source: set.source },
    category: rule?.category ?? null,
    condition: rule?.condition ?? null,
    tier: rule?.tier ?? 'caution',
    ingredients: unique(sorted.flatMap((r) => r.ingredients.map((i) => i.name))),
    atc7: unique(sorted.flatMap((r) => [...codesOf(r)].filter((code) => rule === null || rule.atc7.includes(code)))),
    drugCodes: unique(sorted.map((r) => r.drugCode)),
    drugNames: unique(sorted.map((r) => r.drugName)),
    recordIds: sorted.map((r) => r.id),
    lastDate: recordStart(latest),
    active: sorted.some((r) => isActive(r, today)),
    cloudMarked: sorted.some((r) => r.cloudElderlyMark),
    dailyMg: dailyMg(latest),
  };
}

/**
 * One caution per matched rule (all records it matched), then one per cloud-marked product
 * no rule explains. No cautions when the patient is younger than the elderly age; without a
 * patient (age unknown) only the cloud's own marks are shown, since the cloud knows the age.
 * Sorted: active first, 'avoid' before 'caution', newest first.
 */
export function elderlyCautions(patient: Patient | null, records: MedicationRecord[], today: IsoDate, options: ElderlyOptions = {}): ElderlyCaution[] {
  const elderlyAge = options.elderlyAge ?? 65;
  const set = options.ruleSet ?? BEERS_2019_EXAMPLES;
  const age = patientAge(patient, today);
  if (age !== null && age < elderlyAge) return [];

  const cautions: ElderlyCaution[] = [];
  const explained = new Set<MedicationRecord>();
  if (age !== null) {
    // Records indexed by ATC7 once, so each rule looks up its codes instead of rescanning
    // every record (rules × records dominated analyzeHistory at 10k records).
    const order = new Map(records.map((r, i) => [r, i]));
    const byCode = new Map<string, MedicationRecord[]>();
    for (const record of records) {
      for (const code of codesOf(record)) {
        const list = byCode.get(code);
        if (list === undefined) byCode.set(code, [record]);
        else list.push(record);
      }
    }
    for (const rule of set.rules) {
      const candidates = new Set(rule.atc7.flatMap((code) => byCode.get(code) ?? []));
      const matched = [...candidates].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).filter((r) => recordQualifies(rule, r));
      if (matched.length === 0) continue;
      const totalDays = matched.reduce((sum, r) => sum + Math.max(0, r.daysSupply), 0);
      if (rule.minTotalDays !== undefined && totalDays < rule.minTotalDays) continue;
      matched.forEach((r) => explained.add(r));
      cautions.push(caution(rule, set, matched, today));
    }
  }
  const cloudOnly = new Map<string, MedicationRecord[]>();
  for (const record of records) {
    if (!record.cloudElderlyMark || explained.has(record)) continue;
    const list = cloudOnly.get(record.drugCode);
    if (list === undefined) cloudOnly.set(record.drugCode, [record]);
    else list.push(record);
  }
  for (const matched of cloudOnly.values()) cautions.push(caution(null, null, matched, today));

  const tierRank = (tier: ElderlyTier) => (tier === 'avoid' ? 0 : 1);
  return cautions.sort((a, b) => Number(b.active) - Number(a.active) || tierRank(a.tier) - tierRank(b.tier) || compareIso(b.lastDate, a.lastDate));
}
