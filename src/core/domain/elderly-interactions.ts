// Beers 2019 drug–drug interactions to avoid in older adults (AGS 2019, Table 5; research §6,
// criteria type 4), as versioned data like the rule table beside it: two drugs, each in use
// today, whose combination the criteria say to avoid. A pharmacist's review found an
// 80-year-old on warfarin and ibuprofen with no word about the bleeding risk: each drug's own
// row said only 「避免長期使用」 for the NSAID.
import type { Alert } from './types.ts';
import type { Bilingual } from './messages.ts';
import type { PreparedHistory } from './prepared-history.ts';
import { onHandWithCarry } from './carried-supply.ts';
import { ownSupplyToday } from './elderly.ts';
import { recordLabel } from './named-records.ts';
import { productCodes } from './ingredients.ts';
import { isNewerRecord } from './record-columns.ts';
import { BENZODIAZEPINE_ATC, OPIOID_ATC, SYSTEMIC_NSAID_ATC, inAtcClass } from './atc-classes.ts';

export interface InteractionSide {
  name: Bilingual;
  /** ATC codes or code prefixes (a product matches by its own code or an ingredient's). */
  atc: readonly string[];
}

export interface InteractionRule {
  id: string;
  a: InteractionSide;
  b: InteractionSide;
  risk: Bilingual;
}

const WARFARIN: InteractionSide = { name: { 'zh-TW': 'warfarin', en: 'warfarin' }, atc: ['B01AA03'] };
// Glucosamine (M01AX05) is no NSAID: warfarin with it is no bleeding warning.
const NSAID: InteractionSide = { name: { 'zh-TW': 'NSAID', en: 'an NSAID' }, atc: SYSTEMIC_NSAID_ATC };
// Codeine for a cough is an opioid too.
const OPIOID: InteractionSide = { name: { 'zh-TW': '鴉片類藥物', en: 'an opioid' }, atc: OPIOID_ATC };
const BLEEDING: Bilingual = { 'zh-TW': '出血風險增加', en: 'a higher risk of bleeding' };

export const BEERS_2019_INTERACTIONS = {
  id: 'beers-2019-interactions',
  version: '2019-table5-3',
  source: 'American Geriatrics Society 2019 Updated AGS Beers Criteria, Table 5 (drug–drug interactions to avoid); ATC per WHO index 2026-04-25',
  rules: [
    { id: 'warfarin-nsaid', a: WARFARIN, b: NSAID, risk: BLEEDING },
    { id: 'warfarin-amiodarone', a: WARFARIN, b: { name: { 'zh-TW': 'amiodarone', en: 'amiodarone' }, atc: ['C01BD01'] }, risk: BLEEDING },
    { id: 'warfarin-ciprofloxacin', a: WARFARIN, b: { name: { 'zh-TW': 'ciprofloxacin', en: 'ciprofloxacin' }, atc: ['J01MA02'] }, risk: BLEEDING },
    // Macrolides other than azithromycin (J01FA10).
    { id: 'warfarin-macrolide', a: WARFARIN, b: { name: { 'zh-TW': 'macrolide 抗生素', en: 'a macrolide' }, atc: ['J01FA01', 'J01FA02', 'J01FA06', 'J01FA09'] }, risk: BLEEDING },
    { id: 'warfarin-smx-tmp', a: WARFARIN, b: { name: { 'zh-TW': 'sulfamethoxazole/trimethoprim', en: 'sulfamethoxazole/trimethoprim' }, atc: ['J01EE01'] }, risk: BLEEDING },
    { id: 'opioid-benzodiazepine', a: OPIOID, b: { name: { 'zh-TW': 'benzodiazepine', en: 'a benzodiazepine' }, atc: BENZODIAZEPINE_ATC },
      risk: { 'zh-TW': '過量與呼吸抑制風險增加', en: 'a higher risk of overdose and breathing problems' } },
    { id: 'opioid-gabapentinoid', a: OPIOID, b: { name: { 'zh-TW': 'gabapentin／pregabalin', en: 'gabapentin or pregabalin' }, atc: ['N03AX12', 'N03AX16'] },
      risk: { 'zh-TW': '嚴重鎮靜與呼吸抑制風險增加', en: 'a higher risk of severe sedation and breathing problems' } },
    { id: 'corticosteroid-nsaid', a: { name: { 'zh-TW': '全身性類固醇', en: 'a systemic corticosteroid' }, atc: ['H02AB'] }, b: NSAID,
      risk: { 'zh-TW': '消化性潰瘍與胃腸出血風險增加（無法避免時併用胃保護）', en: 'a higher risk of peptic ulcer and GI bleeding (if unavoidable, protect the stomach)' } },
    { id: 'lithium-acei-arb-loop', a: { name: { 'zh-TW': 'lithium', en: 'lithium' }, atc: ['N05AN01'] },
      b: { name: { 'zh-TW': 'ACEI／ARB／環利尿劑', en: 'an ACE inhibitor, ARB or loop diuretic' }, atc: ['C09A', 'C09B', 'C09C', 'C09D', 'C03C'] },
      risk: { 'zh-TW': 'lithium 中毒風險增加', en: 'a higher risk of lithium toxicity' } },
    { id: 'phenytoin-smx-tmp', a: { name: { 'zh-TW': 'phenytoin', en: 'phenytoin' }, atc: ['N03AB02'] }, b: { name: { 'zh-TW': 'sulfamethoxazole/trimethoprim', en: 'sulfamethoxazole/trimethoprim' }, atc: ['J01EE01'] },
      risk: { 'zh-TW': 'phenytoin 中毒風險增加', en: 'a higher risk of phenytoin toxicity' } },
    { id: 'theophylline-cimetidine-ciprofloxacin', a: { name: { 'zh-TW': 'theophylline', en: 'theophylline' }, atc: ['R03DA04'] },
      b: { name: { 'zh-TW': 'cimetidine／ciprofloxacin', en: 'cimetidine or ciprofloxacin' }, atc: ['A02BA01', 'J01MA02'] },
      risk: { 'zh-TW': 'theophylline 中毒風險增加', en: 'a higher risk of theophylline toxicity' } },
  ] satisfies InteractionRule[],
};

/**
 * Beers 2019 Table 5: any three or more CNS-active drugs together (antiepileptics; TCAs, SSRIs and
 * SNRIs; antipsychotics; benzodiazepines; Z-drugs; opioids; skeletal muscle relaxants) raise the
 * risk of falls and fractures. Counted by ingredient, each in use today. Lithium (N05AN) is no
 * antipsychotic here.
 */
export const CNS_ACTIVE = {
  atc: ['N03A', 'N06AA', 'N06AB', 'N06AX16', 'N06AX17', 'N06AX21', 'N06AX23', 'N05A', ...BENZODIAZEPINE_ATC, 'N05CF', ...OPIOID_ATC, 'M03B'],
  except: ['N05AN'],
  minimum: 3,
} as const;

function cnsActive(code: string | null): boolean {
  if (code === null) return false;
  const upper = code.toUpperCase();
  return inAtcClass(upper, CNS_ACTIVE.atc) && !inAtcClass(upper, CNS_ACTIVE.except);
}

/** The product's CNS-active ingredients by identity (a single-ingredient product may carry the code on the product only). */
function cnsIdentities(history: PreparedHistory, product: number): string[] {
  const facts = history.preparer.productFacts(product);
  const single = facts.ingredients.length === 1;
  return facts.ingredients.flatMap((ingredient, j) => (cnsActive(ingredient.atc7 ?? (single ? facts.atc7 : null)) ? [facts.ids.identities[j] as string] : []));
}

function holds(codes: readonly string[], side: InteractionSide): boolean {
  return codes.some((code) => inAtcClass(code, side.atc));
}

/**
 * One warning per rule whose two sides each have a record in use today (its own supply, or its
 * ingredient and form still carried: carried-supply.ts), for a patient of `elderlyAge` or more.
 * The alert names the newest such record of each side.
 */
export function interactionAlerts(history: PreparedHistory, age: number | null, elderlyAge: number): Alert[] {
  if (age === null || age < elderlyAge || history.size === 0) return [];
  const { preparer, columns } = history;
  const rules = BEERS_2019_INTERACTIONS.rules;
  // Per product, the sides it holds (rule · 2 + side): worked out once per product, so a record
  // of a product no rule names costs one array read.
  const sidesOf: number[][] = [];
  for (let p = 0; p < preparer.productCount; p++) {
    const facts = preparer.productFacts(p);
    const codes = productCodes(facts.atc7, facts.ingredients);
    const sides: number[] = [];
    rules.forEach((rule, r) => {
      if (holds(codes, rule.a)) sides.push(r * 2);
      if (holds(codes, rule.b)) sides.push(r * 2 + 1);
    });
    sidesOf.push(sides);
  }
  const cnsOf: string[][] = [];
  for (let p = 0; p < preparer.productCount; p++) cnsOf.push(cnsIdentities(history, p));
  // Per CNS-active ingredient, its newest record in use today.
  const newestCns = new Map<string, number>();
  // Per side, the newest record in use today (−1: none).
  const newest = new Int32Array(rules.length * 2).fill(-1);
  const { product } = columns;
  for (let i = 0; i < product.length; i++) {
    const sides = sidesOf[product[i] as number] as number[];
    const cns = cnsOf[product[i] as number] as string[];
    if (sides.length === 0 && cns.length === 0) continue;
    // Whether it is in use is asked only of a record newer than what one of its sides holds.
    let newer = false;
    for (let k = 0; k < sides.length && !newer; k++) newer = isNewerRecord(columns, i, newest[sides[k] as number] as number);
    for (let k = 0; k < cns.length && !newer; k++) newer = isNewerRecord(columns, i, newestCns.get(cns[k] as string) ?? -1);
    if (!newer || !(ownSupplyToday(history, i) || onHandWithCarry(history, i))) continue;
    for (const side of sides) if (isNewerRecord(columns, i, newest[side] as number)) newest[side] = i;
    for (const identity of cns) if (isNewerRecord(columns, i, newestCns.get(identity) ?? -1)) newestCns.set(identity, i);
  }
  const alerts: Alert[] = [];
  rules.forEach((rule, r) => {
    const a = newest[r * 2] as number;
    const b = newest[r * 2 + 1] as number;
    if (a === -1 || b === -1 || a === b) return;
    alerts.push({
      severity: 'warning',
      key: 'elderly.interaction',
      facts: {
        age, ruleId: rule.id, ruleSet: BEERS_2019_INTERACTIONS.version, drugs: [recordLabel(history, a), recordLabel(history, b)],
        aZh: rule.a.name['zh-TW'], aEn: rule.a.name.en, bZh: rule.b.name['zh-TW'], bEn: rule.b.name.en, riskZh: rule.risk['zh-TW'], riskEn: rule.risk.en,
      },
    });
  });
  if (newestCns.size >= CNS_ACTIVE.minimum) {
    // Newest first (isNewerRecord), and the ingredients in their records' order: not the rows' order.
    const newestFirst = (x: number, y: number): number => (isNewerRecord(columns, x, y) ? -1 : isNewerRecord(columns, y, x) ? 1 : 0);
    const records = [...new Set(newestCns.values())].sort(newestFirst);
    const ingredients = [...newestCns.entries()].sort(([a, x], [b, y]) => newestFirst(x, y) || (a < b ? -1 : a > b ? 1 : 0)).map(([name]) => name);
    alerts.push({
      severity: 'warning',
      key: 'elderly.cns-active',
      facts: { age, ruleSet: BEERS_2019_INTERACTIONS.version, count: newestCns.size, ingredients, drugs: records.map((i) => recordLabel(history, i)) },
    });
  }
  return alerts;
}
