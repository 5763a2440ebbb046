// Therapeutic duplication (research §5(c)3): L4 two different ingredients of one ATC5 class
// (NHI "ATC5" = WHO level 4, e.g. amlodipine + nifedipine, both C08CA), L5 two classes of one
// configurable equivalence set (benzodiazepine + Z-drug; ACEI + ARB). Each ingredient must
// still have more than the threshold left today (duplication allowance 0, FDB-style), so a
// finished course or a switch that has run out never alerts. What is left is the record's own
// supply or, for the newest record of its ingredient and form, the carried supply of that group
// (carried-supply.ts): early refills count with what the patient holds.
//
// Cost: a dense history has thousands of qualifying ingredients. Each is keyed by small
// integers (its identity from prepare, its ATC7 code and its class numbered per analysis) and
// bucketed through arrays, so no string is hashed per ingredient in the usual case.
import type { Ingredient } from './types.ts';
import { isControlledHypnotic } from './controlled.ts';
import { Numbering, remembered } from './remembered.ts';
import type { PreparedHistory } from './prepared-history.ts';
import type { RecordColumns } from './record-columns.ts';
import { carriedDaysLeft } from './carried-supply.ts';
import { buildAlert, hasProductPairAcross, longestOverlap, suppressedByNewestDay, type DuplicateAlert, type DuplicateSettings } from './duplicate-model.ts';
import type { EquivalenceSet } from './equivalence.ts';

/**
 * The qualifying ingredients, one item each, as parallel arrays indexed by item number: a
 * dense history has tens of thousands, and an object per item (and per record) was much of
 * the duplicate check's garbage at 100k records.
 */
interface Items {
  /** How many items there are (the arrays may be longer). */
  count: number;
  /** The record's input position. */
  position: Int32Array;
  /** The ingredient's index in its product's ingredient list (Preparer.productFacts). */
  ingredient: Int32Array;
  /** The identity's integer key (Preparer). */
  identityKey: Int32Array;
  /** The ingredient's ATC7 numbered per analysis (Codes), −1 when it has none. */
  codeKey: Int32Array;
  /** The ingredient's ATC5 class (its own ATC7's first 5 characters) numbered per analysis (Codes). */
  classKey: Int32Array;
  /** Days left today: the record's own, or its group's carried days when more (newest record of the group). */
  left: Float64Array;
}

/** What the L4/L5 passes read: the history, its items and the analysis's codes. */
interface ClassCheck {
  history: PreparedHistory;
  items: Items;
  codes: Codes;
}

/**
 * Classes whose members come in two kinds prescribed together by design (research §5(c)3's
 * duplication allowance, "some R03AC short- plus long-acting combinations"): a rescue SABA
 * beside a maintenance LABA is standard therapy; two SABAs, or two LABAs, are the duplicate.
 * Each kind is a class of its own at L4.
 */
const CLASS_KINDS: Readonly<Record<string, string>> = {
  // Salbutamol, terbutaline, fenoterol, procaterol.
  R03AC02: 'R03AC SABA', R03AC03: 'R03AC SABA', R03AC04: 'R03AC SABA', R03AC16: 'R03AC SABA',
  // Salmeterol, formoterol, indacaterol, olodaterol.
  R03AC12: 'R03AC LABA', R03AC13: 'R03AC LABA', R03AC18: 'R03AC LABA', R03AC19: 'R03AC LABA',
};

/** The L4 class of a code: its first 5 characters, upper case, or its kind (CLASS_KINDS); remembered per code (a history repeats a few dozen). */
const classCode = remembered((code: string) => {
  const upper = code.toUpperCase();
  return CLASS_KINDS[upper] ?? upper.slice(0, 5);
});

/**
 * The class of one ingredient of the record at position `i`: its own ATC7, or the record's
 * ATC5 for a single-ingredient product.
 */
function classOf(history: PreparedHistory, i: number, ingredients: readonly Ingredient[], ingredient: Ingredient): string | null {
  if (ingredient.atc7 !== null && ingredient.atc7.length >= 5) return classCode(ingredient.atc7);
  if (ingredients.length !== 1) return null;
  const atc5 = history.record(i).atc5;
  return atc5 !== null && atc5.length === 5 ? classCode(atc5) : null;
}

/**
 * The ATC7 codes and classes of one analysis, numbered in the order first met. A record's
 * ingredient codes depend only on its product (RecordColumns.product), so they are numbered once
 * per product: the usual item costs no lookup by string.
 */
class Codes {
  /** By class key: the ATC5 code. */
  readonly classes: string[] = [];
  /** By code key: the ATC7 code and its class key (−1 when the code gives no class). */
  readonly codes: string[] = [];
  readonly classOfCode: number[] = [];
  private readonly classNumbers = new Numbering<string>();
  private readonly codeNumbers = new Numbering<string>();
  /** By product: its ingredients' code keys, in ingredient order. */
  private readonly byProduct: (Int32Array | undefined)[] = [];

  /** The code keys of a product's ingredients (−1 for an ingredient without a code). */
  keysOf(product: number, ingredients: readonly Ingredient[]): Int32Array {
    let keys = this.byProduct[product];
    if (keys === undefined) {
      keys = new Int32Array(ingredients.length);
      for (let i = 0; i < keys.length; i++) keys[i] = this.codeKey((ingredients[i] as Ingredient).atc7);
      this.byProduct[product] = keys;
    }
    return keys;
  }

  private codeKey(atc7: string | null): number {
    if (atc7 === null) return -1;
    const key = this.codeNumbers.of(atc7);
    if (key === this.codes.length) {
      this.codes.push(atc7);
      this.classOfCode.push(atc7.length >= 5 ? this.classKey(classCode(atc7)) : -1);
    }
    return key;
  }

  classKey(atc5: string): number {
    const key = this.classNumbers.of(atc5);
    if (key === this.classes.length) this.classes.push(atc5);
    return key;
  }
}

/**
 * Per position, the most days any of its ingredients' groups carries today when the record is
 * that group's newest started on or before today (carried-supply.ts); 0 elsewhere. Only groups
 * past the threshold are marked: the rest cannot qualify by carrying.
 */
function carriedByNewest(history: PreparedHistory, threshold: number): Float64Array {
  const carried = history.carriedSupply();
  const out = new Float64Array(history.size);
  for (let slot = 0; slot < carried.newest.length; slot++) {
    const at = carried.newest[slot] as number;
    if (at === -1) continue;
    const left = carriedDaysLeft(history, slot);
    if (left > threshold && left > (out[at] as number)) out[at] = left;
  }
  return out;
}

/**
 * Ingredients with more than `threshold` left today (the lowest any check uses), from supplies
 * longer than a short course (a PRN one by its days supplied), in start order. Read from the record columns and the products: in a long history
 * most records have run out, and a dense one has tens of thousands that qualify.
 */
function qualifyingItems(history: PreparedHistory, settings: DuplicateSettings, codes: Codes, threshold: number): Items {
  const { preparer, columns } = history;
  const { leftToday, daysSupply, product } = columns;
  const carried = carriedByNewest(history, threshold);
  const formCount = preparer.formCount;
  const startOrder = history.startOrder();
  // The qualifying records, then room for all their ingredients: arrays sized once.
  const qualifying = new Int32Array(startOrder.length);
  let records = 0;
  let room = 0;
  for (let k = 0; k < startOrder.length; k++) {
    const at = startOrder[k] as number;
    if ((leftToday[at] as number) <= threshold && (carried[at] as number) === 0) continue;
    if ((daysSupply[at] as number) <= settings.shortCourseDays) continue;
    qualifying[records++] = at;
    room += preparer.productFacts(product[at] as number).ingredients.length;
  }
  const items: Items = {
    count: 0,
    position: new Int32Array(room),
    ingredient: new Int32Array(room),
    identityKey: new Int32Array(room),
    codeKey: new Int32Array(room),
    classKey: new Int32Array(room),
    left: new Float64Array(room),
  };
  for (let r = 0; r < records; r++) {
    const at = qualifying[r] as number;
    const p = product[at] as number;
    const facts = preparer.productFacts(p);
    const ingredients = facts.ingredients;
    const codeKeys = codes.keysOf(p, ingredients);
    const own = leftToday[at] as number;
    for (let j = 0; j < ingredients.length; j++) {
      // A record let in by one ingredient's carried group: its other ingredients need their own days.
      let left = own;
      if ((carried[at] as number) > 0) {
        const slot = (facts.ids.keys[j] as number) * formCount + facts.formKey;
        if (history.carriedSupply().newest[slot] === at) left = Math.max(own, carriedDaysLeft(history, slot));
      }
      if (left <= threshold) continue;
      const codeKey = codeKeys[j] as number;
      // The class from the code (the usual case), else from the record (classOf).
      let classKey = codeKey === -1 ? -1 : (codes.classOfCode[codeKey] as number);
      if (classKey === -1) {
        const atc5 = classOf(history, at, ingredients, ingredients[j] as Ingredient);
        if (atc5 === null) continue;
        classKey = codes.classKey(atc5);
      }
      const item = items.count++;
      items.position[item] = at;
      items.ingredient[item] = j;
      items.identityKey[item] = facts.ids.keys[j] as number;
      items.codeKey[item] = codeKey;
      items.classKey[item] = classKey;
      items.left[item] = left;
    }
  }
  return items;
}

/** The ingredient of item `item`. */
function ingredientOf(check: ClassCheck, item: number): Ingredient {
  const { history, items } = check;
  const facts = history.productAt(items.position[item] as number);
  return facts.ingredients[items.ingredient[item] as number] as Ingredient;
}

/** The identity (K2 key text) of item `item`. */
function identityOf(check: ClassCheck, item: number): string {
  const { history, items } = check;
  const facts = history.productAt(items.position[item] as number);
  return facts.ids.identities[items.ingredient[item] as number] as string;
}

/**
 * Lists of items (item numbers) by an integer key (identity or class), in the order each key
 * first appears. `slots` (all −1, as long as the keys run) maps a key to its list and is left
 * as found.
 */
function bucketsBy(list: number[], keys: Int32Array, slots: Int32Array): number[][] {
  const buckets: number[][] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as number;
    const key = keys[item] as number;
    const slot = slots[key] as number;
    if (slot === -1) {
      slots[key] = buckets.length;
      buckets.push([item]);
    } else (buckets[slot] as number[]).push(item);
  }
  for (let i = 0; i < buckets.length; i++) slots[keys[(buckets[i] as number[])[0] as number] as number] = -1;
  return buckets;
}

/**
 * The items' records (positions), once each, in the order the items name them. A record's
 * items are neighbours in every item list (qualifyingItems adds them together), so comparing
 * with the previous record is enough.
 */
function positionsOf(list: number[], items: Items): number[] {
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const at = items.position[list[i] as number] as number;
    if (out[out.length - 1] !== at) out.push(at);
  }
  return out;
}

/** Two different controlled hypnotics (research §5(c)5: critical at L4/L5), also when one visit prescribed both. */
function twoControlledHypnotics(check: ClassCheck, byIngredient: number[][]): boolean {
  const hypnotics: number[][] = [];
  for (let i = 0; i < byIngredient.length; i++) {
    const bucket = byIngredient[i] as number[];
    const found: number[] = [];
    for (let k = 0; k < bucket.length; k++) if (isControlledHypnotic(ingredientOf(check, bucket[k] as number).atc7)) found.push(bucket[k] as number);
    if (found.length > 0) hypnotics.push(positionsOf(found, check.items));
  }
  return hypnotics.length >= 2 && hasProductPairAcross(hypnotics, check.history.columns);
}

/** Work arrays of one analysis: identity slots and class slots for bucketsBy. */
interface Slots {
  identities: Int32Array;
  classes: Int32Array;
}

/**
 * One alert for a set of items whose buckets (ingredients for L4, classes for L5) hold a real
 * pair of products; null when they do not or the newest is suppressed.
 */
function alertFor(check: ClassCheck, level: 'L4' | 'L5', group: string, list: number[], settings: DuplicateSettings, slots: Slots): DuplicateAlert | null {
  const { history, items } = check;
  const columns: RecordColumns = history.columns;
  const byIngredient = bucketsBy(list, items.identityKey, slots.identities);
  const split = level === 'L4' ? byIngredient : bucketsBy(list, items.classKey, slots.classes);
  if (split.length < 2) return null;
  const perSplit = new Array<number[]>(split.length);
  for (let i = 0; i < split.length; i++) perSplit[i] = positionsOf(split[i] as number[], items);
  if (!hasProductPairAcross(perSplit, columns)) return null;
  const involved = positionsOf(list, items);
  if (suppressedByNewestDay(columns, involved, settings)) return null;
  // Per ingredient, in days from today: when its earliest supply starts (0 once started) and when its last runs out.
  const { startDay } = columns;
  const todayDay = history.preparer.todayDay;
  const from = new Array<number>(byIngredient.length);
  const until = new Array<number>(byIngredient.length);
  const ingredients = new Array<string>(byIngredient.length);
  for (let i = 0; i < byIngredient.length; i++) {
    const bucket = byIngredient[i] as number[];
    let first = Infinity;
    let last = 0;
    for (let k = 0; k < bucket.length; k++) {
      const item = bucket[k] as number;
      const starts = Math.max(0, (startDay[items.position[item] as number] as number) - todayDay);
      first = Math.min(first, starts);
      last = Math.max(last, starts + (items.left[item] as number));
    }
    from[i] = first;
    until[i] = last;
    ingredients[i] = identityOf(check, bucket[0] as number);
  }
  const critical = twoControlledHypnotics(check, byIngredient);
  const severity = critical ? 'critical' : level === 'L4' ? 'warning' : 'info';
  return buildAlert(history, level, severity, group, involved, ingredients, longestOverlap(from, until), group);
}

/** The cloud's ATC5 name of a class when some record of it carries one. */
function atc5NameOf(check: ClassCheck, list: number[]): string | null {
  const { history, items, codes } = check;
  for (const item of list) {
    const record = history.record(items.position[item] as number);
    if (record.atc5Name !== null && record.atc5 === codes.classes[items.classKey[item] as number]) return record.atc5Name;
  }
  return null;
}

/**
 * Membership of one equivalence set, decided once per ATC7 code of the analysis (by code key)
 * and, for a product code that differs from its ingredient's, once per such code.
 */
class SetMembers {
  private readonly prefixes: string[];
  private readonly byCodeKey: Int8Array;
  private readonly others = new Map<string, boolean>();

  constructor(prefixes: string[], codes: Codes) {
    this.prefixes = prefixes.map((p) => p.toUpperCase());
    this.byCodeKey = new Int8Array(codes.codes.length);
  }

  has(check: ClassCheck, item: number): boolean {
    const { history, items, codes } = check;
    const codeKey = items.codeKey[item] as number;
    if (codeKey !== -1) {
      let member = this.byCodeKey[codeKey] as number;
      if (member === 0) {
        member = this.matches(codes.codes[codeKey] as string) ? 1 : 2;
        this.byCodeKey[codeKey] = member;
      }
      if (member === 1) return true;
    }
    const facts = history.productAt(items.position[item] as number);
    const product = facts.atc7;
    // A single-ingredient product whose own code differs from its ingredient's (the item is that ingredient).
    if (facts.ingredients.length !== 1 || product === null || product === (facts.ingredients[0] as Ingredient).atc7) return false;
    let member = this.others.get(product);
    if (member === undefined) {
      member = this.matches(product);
      this.others.set(product, member);
    }
    return member;
  }

  private matches(code: string): boolean {
    const upper = code.toUpperCase();
    for (const prefix of this.prefixes) if (upper.startsWith(prefix)) return true;
    return false;
  }
}

/** The set's own threshold, or the settings' duplicate threshold. */
function setThreshold(set: EquivalenceSet, settings: DuplicateSettings): number {
  return set.thresholdDays ?? settings.duplicateThresholdDays;
}

/**
 * The threshold of an ATC5 class at L4: a set with its own threshold lowers it for the classes
 * it holds whole (NSAIDs: ibuprofen + naproxen, both M01AE, alert when both are in use), not for
 * a class it only dips into by a 7-character code (M01AX also holds glucosamine).
 */
function classThreshold(atc5: string, settings: DuplicateSettings): number {
  let threshold = settings.duplicateThresholdDays;
  for (const set of settings.equivalenceSets) {
    if (set.atcPrefixes.some((prefix) => prefix.length <= 5 && atc5.startsWith(prefix.toUpperCase()))) threshold = Math.min(threshold, setThreshold(set, settings));
  }
  return threshold;
}

/** The items with more than their class's L4 threshold left (`thresholds` by class key). */
function overClassThreshold(items: Items, thresholds: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.count; i++) if ((items.left[i] as number) > (thresholds[items.classKey[i] as number] as number)) out.push(i);
  return out;
}

export function classDuplicates(history: PreparedHistory, settings: DuplicateSettings): DuplicateAlert[] {
  const codes = new Codes();
  let lowest = settings.duplicateThresholdDays;
  for (const set of settings.equivalenceSets) lowest = Math.min(lowest, setThreshold(set, settings));
  const items = qualifyingItems(history, settings, codes, lowest);
  const check: ClassCheck = { history, items, codes };
  const slots: Slots = { identities: new Int32Array(history.preparer.identityCount).fill(-1), classes: new Int32Array(codes.classes.length).fill(-1) };
  const alerts: DuplicateAlert[] = [];
  const thresholds = codes.classes.map((atc5) => classThreshold(atc5, settings));
  for (const classItems of bucketsBy(overClassThreshold(items, thresholds), items.classKey, slots.classes)) {
    const classKey = items.classKey[classItems[0] as number] as number;
    const atc5 = codes.classes[classKey] as string;
    const threshold = thresholds[classKey] as number;
    const alert = alertFor(check, 'L4', atc5, classItems, settings, slots);
    if (alert === null) continue;
    const atc5Name = atc5NameOf(check, classItems);
    alert.className = atc5Name === null ? null : { 'zh-TW': atc5Name, en: atc5Name };
    if (threshold !== settings.duplicateThresholdDays) alert.thresholdDays = threshold;
    alerts.push(alert);
  }
  for (const set of settings.equivalenceSets) {
    const members = new SetMembers(set.atcPrefixes, codes);
    const threshold = setThreshold(set, settings);
    const inSet: number[] = [];
    for (let i = 0; i < items.count; i++) if ((items.left[i] as number) > threshold && members.has(check, i)) inSet.push(i);
    const alert = alertFor(check, 'L5', set.id, inSet, settings, slots);
    if (alert === null) continue;
    alert.className = set.name;
    if (alert.severity !== 'critical') alert.severity = set.severity;
    if (set.thresholdDays !== undefined) alert.thresholdDays = set.thresholdDays;
    alerts.push(alert);
  }
  return alerts;
}
