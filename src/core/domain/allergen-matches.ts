// An allergen dispensed again: a record in the history, dispensed on or after the day an allergy
// was recorded, that contains the allergen. Naming the allergies is not enough: the pharmacist
// has to see that another clinic prescribed the very drug (a pharmacist's scenario review:
// ibuprofen given the day after a severe ibuprofen allergy read only 「過敏紀錄：IBUPROFEN」).
// An allergy row names a substance (IBUPROFEN, matched by WHO name with aliases: ASPIRIN is
// ACETYLSALICYLIC ACID) or a class (PENICILLIN, 磺胺, NSAID…, matched by ATC); a positive
// HLA-B gene test names the drugs it rules out (carbamazepine for HLA-B*15:02, allopurinol for
// HLA-B*58:01, as NHI's pre-prescription testing does).
import type { AllergyRecord, Alert } from './types.ts';
import type { RefillStatus } from './refill.ts';
import { geneticTestResult } from './allergies.ts';
import { atc7ForIngredientName, normalIngredientName, productCodes } from './ingredients.ts';
import type { PreparedHistory } from './prepared-history.ts';
import { newestRecordFacts } from './named-records.ts';
import { SYSTEMIC_NSAID_ATC } from './atc-classes.ts';

/** An allergy text naming a class, and the ATC codes (or code prefixes) the class holds. */
const ALLERGEN_CLASSES: readonly { pattern: RegExp; atc: readonly string[] }[] = [
  // One penicillin stands for all (BNF: allergic to one, allergic to all): AMPICILLIN, AMOXYCILLIN.
  { pattern: /PENICILLIN|CILLIN\b|盤尼西林|青黴素/i, atc: ['J01C'] },
  { pattern: /CEPHALOSPORIN|頭孢/i, atc: ['J01DB', 'J01DC', 'J01DD', 'J01DE', 'J01DI'] },
  // The sulfonamide antibiotics and their trimethoprim combinations, not trimethoprim alone
  // (J01EA); sulfasalazine (a sulfapyridine prodrug, contraindicated in sulfonamide allergy).
  // SULPHA as a word only: SULPHATE salts (morphine sulphate) would read as one.
  { pattern: /SULFONAMIDE|SULPHONAMIDE|\bSULFA\b|\bSULPHA\b|磺胺/i, atc: ['J01EB', 'J01EC', 'J01ED', 'J01EE', 'A07EC01'] },
  { pattern: /QUINOLONE|奎諾酮|喹諾酮/i, atc: ['J01M'] },
  // Aspirin and the other salicylates are NSAIDs too, and so are the topical ones; glucosamine is not.
  { pattern: /NSAID|非類固醇/i, atc: [...SYSTEMIC_NSAID_ATC, 'M02AA', 'N02BA', 'B01AC06'] },
  { pattern: /\bASPIRIN\b|阿斯匹靈|阿斯匹林/i, atc: ['N02BA01', 'B01AC06'] },
];

/** Positive gene tests and the drugs they rule out (Taiwan's HLA-B tests before prescribing), by ATC or by name. */
const GENE_TESTS: readonly { pattern: RegExp; atc: readonly string[]; names: readonly string[] }[] = [
  // Carbamazepine, oxcarbazepine, phenytoin and its prodrug fosphenytoin: SJS/TEN with HLA-B*15:02 (CPIC).
  { pattern: /HLA-?\s*B\s*\*?\s*15\s*:?\s*02/i, atc: ['N03AF01', 'N03AF02', 'N03AB02', 'N03AB05'], names: ['CARBAMAZEPINE', 'OXCARBAZEPINE', 'PHENYTOIN', 'FOSPHENYTOIN'] },
  // Allopurinol: SJS/TEN with HLA-B*58:01.
  { pattern: /HLA-?\s*B\s*\*?\s*58\s*:?\s*01/i, atc: ['M04AA01'], names: ['ALLOPURINOL'] },
];

/** A strength written after the name ('IBUPROFEN 400MG'): not part of the substance. */
const STRENGTH = /\b\d+(?:\.\d+)?\s*(?:MG|MCG|UG|G|ML|IU|%)(?![A-Z])/gi;

/**
 * The substances an allergy text names: 'AMOXICILLIN/CLAVULANATE' both; '布洛芬(IBUPROFEN)' and
 * 'BRUFEN (IBUPROFEN)' the bracketed name as well as the rest (the bracket is where the English
 * or the ingredient is written); strengths dropped. Matched by WHO name (normalIngredientName).
 */
function substancesIn(name: string): string[] {
  const texts = [name, ...Array.from(name.matchAll(/[(（]([^()（）]*)[)）]/g), (m) => m[1] as string)];
  const out = new Set<string>();
  for (const text of texts) {
    for (const part of text.replace(STRENGTH, ' ').split(/[+/、,，;；&]|\bAND\b/i)) {
      const substance = normalIngredientName(part);
      if (substance.length > 0) out.add(substance);
    }
  }
  return [...out];
}

interface Allergen {
  name: string;
  /** Day number (PreparedHistory) the allergy was recorded; −∞ when its date is unknown. */
  since: number;
  date: string | null;
  critical: boolean;
  gene: boolean;
  /** Matches a product's ATC codes and ingredient identities. */
  matches: (codes: readonly string[], identities: readonly string[]) => boolean;
}

function allergenOf(record: AllergyRecord, written: string, history: PreparedHistory): Allergen | null {
  // Full-width letters, slashes and colons read as ASCII (ＰＥＮＩＣＩＬＬＩＮ, HLA-B 15：02).
  const name = written.normalize('NFKC');
  const result = geneticTestResult(record);
  if (result === 'negative') return null;
  const since = record.date === null ? Number.NEGATIVE_INFINITY : history.preparer.dayOf(record.date);
  const base = { name: written, since: Number.isNaN(since) ? Number.NEGATIVE_INFINITY : since, date: record.date };
  const gene = GENE_TESTS.find((test) => test.pattern.test(name));
  if (gene !== undefined) {
    // A gene test is a risk only when positive; one without a readable result says nothing here.
    if (result !== 'positive') return null;
    return {
      ...base, critical: true, gene: true,
      matches: (codes, identities) => codes.some((code) => gene.atc.includes(code)) || identities.some((identity) => gene.names.includes(identity)),
    };
  }
  const critical = record.severity === 'severe' || record.severity === 'moderate';
  // A combination allergy ('AMOXICILLIN/CLAVULANATE') names each of its substances.
  const parts = substancesIn(name);
  const partCodes = parts.map((part) => atc7ForIngredientName(part)).filter((code): code is string => code !== null);
  const classes = ALLERGEN_CLASSES.filter((c) => c.pattern.test(name)).flatMap((c) => c.atc);
  if (parts.length === 0 && classes.length === 0) return null;
  return {
    ...base,
    critical,
    gene: false,
    matches: (codes, identities) =>
      parts.some((part) => identities.includes(part)) ||
      partCodes.some((code) => codes.includes(code)) ||
      codes.some((c) => classes.some((prefix) => c.startsWith(prefix))),
  };
}

/** The allergens of the allergy list: the same allergen on two rows once, the earlier date and the graver severity standing. */
function allergensOf(allergies: readonly AllergyRecord[], history: PreparedHistory): Allergen[] {
  const byName = new Map<string, Allergen>();
  for (const record of allergies) {
    for (const name of record.drugNames) {
      const allergen = allergenOf(record, name, history);
      if (allergen === null) continue;
      const key = `${allergen.gene}|${normalIngredientName(name) || name}`;
      const known = byName.get(key);
      if (known === undefined) byName.set(key, allergen);
      else {
        if (allergen.since < known.since) Object.assign(known, { since: allergen.since, date: allergen.date });
        known.critical ||= allergen.critical;
      }
    }
  }
  return [...byName.values()];
}

/**
 * The allergy alerts of a history: one per allergen some record contains, dispensed on or after
 * the allergy was recorded (a record before it may be the very prescription that caused it),
 * then one per chronic slip with a fill still to collect whose drug holds an allergen (refills:
 * the statuses). Critical for a severe or moderate allergy and a positive gene test; a warning
 * otherwise.
 */
export function allergenMatchAlerts(allergies: readonly AllergyRecord[], history: PreparedHistory, refills: readonly RefillStatus[] = []): Alert[] {
  if (allergies.length === 0) return [];
  const allergens = allergensOf(allergies, history);
  if (allergens.length === 0) return [];
  const { preparer } = history;
  // Which allergens each product holds: worked out once per product, not per record or slip.
  const held: number[][] = [];
  for (let p = 0; p < preparer.productCount; p++) {
    const facts = preparer.productFacts(p);
    const codes = productCodes(facts.atc7, facts.ingredients);
    held.push(allergens.flatMap((allergen, a) => (allergen.matches(codes, facts.ids.identities) ? [a] : [])));
  }
  return [...dispensedAgain(allergens, held, history), ...slipsHolding(allergens, held, refills, history)];
}

function dispensedAgain(allergens: Allergen[], held: number[][], history: PreparedHistory): Alert[] {
  const found = allergens.map((): number[] => []);
  const { product, startDay } = history.columns;
  for (let i = 0; i < product.length; i++) {
    const hits = held[product[i] as number] as number[];
    for (const a of hits) if ((startDay[i] as number) >= (allergens[a] as Allergen).since) found[a]?.push(i);
  }
  const alerts: Alert[] = [];
  found.forEach((positions, a) => {
    if (positions.length === 0) return;
    const allergen = allergens[a] as Allergen;
    const key = allergen.gene ? 'allergy.gene-prescribed' : allergen.date === null ? 'allergy.prescribed.undated' : 'allergy.prescribed';
    alerts.push({
      severity: allergen.critical ? 'critical' : 'warning',
      key,
      facts: { allergen: allergen.name, allergyDate: allergen.date ?? '', ...newestRecordFacts(history, positions) },
    });
  });
  return alerts;
}

/**
 * A chronic refill slip with a fill still to collect whose drug holds an allergen on record: the
 * reaction to fill 1 is recorded after it, so no record after the allergy shows it, and the refill
 * alert would say 可領. The drug is what the history's products of its code hold (rows of one
 * code may name it differently), else what the slip's drug name names ('NORVASC TABLETS 5MG
 * (AMLODIPINE)').
 */
function slipsHolding(allergens: Allergen[], held: number[][], refills: readonly RefillStatus[], history: PreparedHistory): Alert[] {
  const due = refills.filter((s) => s.status === 'eligible' || s.status === 'too-early');
  if (due.length === 0) return [];
  const { preparer } = history;
  const heldByCode = new Map<string, Set<number>>();
  for (let p = 0; p < preparer.productCount; p++) {
    const code = preparer.productFacts(p).drugCode;
    let set = heldByCode.get(code);
    if (set === undefined) heldByCode.set(code, (set = new Set()));
    for (const a of held[p] as number[]) set.add(a);
  }
  const alerts: Alert[] = [];
  for (const slip of due) {
    const known = heldByCode.get(slip.drugCode);
    const named = known === undefined ? substancesIn(slip.drugName) : [];
    allergens.forEach((allergen, a) => {
      if (known === undefined ? !allergen.matches([], named) : !known.has(a)) return;
      alerts.push({
        severity: allergen.critical ? 'critical' : 'warning',
        key: allergen.gene ? 'allergy.gene-refill' : 'allergy.refill',
        facts: { allergen: allergen.name, allergyDate: allergen.date ?? '', drugName: slip.drugName, prescriptionDate: slip.prescriptionDate, nextFill: slip.fill + 1, fills: slip.fills },
      });
    });
  }
  return alerts;
}
