// Therapeutic duplication (research §5(c)3): L4 two different ingredients of one ATC5 class
// (NHI "ATC5" = WHO level 4, e.g. amlodipine + nifedipine, both C08CA), L5 two classes of one
// configurable equivalence set (benzodiazepine + Z-drug; ACEI + ARB). Each ingredient must
// still have more than the threshold of its own supply left today (duplication allowance 0,
// FDB-style), so a finished course or a switch that has run out never alerts.
//
// Cost: a dense history has thousands of qualifying ingredients. Each is keyed by small
// integers (its identity from prepare, its ATC7 code and its class numbered per analysis) and
// bucketed through arrays, so no string is hashed per ingredient in the usual case.
import type { Ingredient } from './types.ts';
import { isControlledHypnotic } from './controlled.ts';
import { Numbering, remembered } from './remembered.ts';
import type { PreparedHistory } from './prepared-history.ts';
import { AS_NEEDED, type RecordColumns } from './record-columns.ts';
import {
  buildAlert,
  hasPairAcross,
  secondLargest,
  suppressedByNewest,
  type Candidate,
  type DuplicateAlert,
  type DuplicateSettings,
} from './duplicate-model.ts';

interface Item {
  candidate: Candidate;
  ingredient: Ingredient;
  identity: string;
  /** The identity's integer key (Preparer). */
  identityKey: number;
  /** The ingredient's ATC7 numbered per analysis (Codes), −1 when it has none. */
  codeKey: number;
  /** The ingredient's ATC5 class (its own ATC7's first 5 characters) and its number (Codes). */
  atc5: string;
  classKey: number;
}

/** First 5 characters, upper case; remembered per code (a history repeats a few dozen). */
const classCode = remembered((code: string) => code.slice(0, 5).toUpperCase());

/** The class of one ingredient: its own ATC7, or the product's ATC5 for a single-ingredient product. */
function classOf(candidate: Candidate, ingredient: Ingredient): string | null {
  if (ingredient.atc7 !== null && ingredient.atc7.length >= 5) return classCode(ingredient.atc7);
  if (candidate.ingredients.length === 1 && candidate.record.atc5 !== null && candidate.record.atc5.length === 5) {
    return classCode(candidate.record.atc5);
  }
  return null;
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

  /** The code keys of the candidate's ingredients (−1 for an ingredient without a code). */
  keysOf(candidate: Candidate): Int32Array {
    let keys = this.byProduct[candidate.product];
    if (keys === undefined) {
      keys = new Int32Array(candidate.ingredients.length);
      for (let i = 0; i < keys.length; i++) keys[i] = this.codeKey((candidate.ingredients[i] as Ingredient).atc7);
      this.byProduct[candidate.product] = keys;
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
 * Ingredients with more than the threshold left today, from countable (not PRN, not short)
 * supplies, in start order. The test reads the record columns: in a long history most records
 * have run out, and only the ones that qualify are read as objects.
 */
function qualifyingItems(history: PreparedHistory, settings: DuplicateSettings, codes: Codes): Item[] {
  const { leftToday, flags, daysSupply } = history.columns;
  const startOrder = history.startOrder();
  const items: Item[] = [];
  for (let k = 0; k < startOrder.length; k++) {
    const at = startOrder[k] as number;
    if ((leftToday[at] as number) <= settings.duplicateThresholdDays || ((flags[at] as number) & AS_NEEDED) !== 0) continue;
    if ((daysSupply[at] as number) <= settings.shortCourseDays) continue;
    const candidate = history.candidate(at);
    const codeKeys = codes.keysOf(candidate);
    for (let i = 0; i < candidate.ingredients.length; i++) {
      const ingredient = candidate.ingredients[i] as Ingredient;
      const identityKey = candidate.ids.keys[i] as number;
      const codeKey = codeKeys[i] as number;
      // The class from the code (the usual case), else from the product (classOf).
      let classKey = codeKey === -1 ? -1 : (codes.classOfCode[codeKey] as number);
      if (classKey === -1) {
        const atc5 = classOf(candidate, ingredient);
        if (atc5 === null) continue;
        classKey = codes.classKey(atc5);
      }
      const atc5 = codes.classes[classKey] as string;
      items.push({ candidate, ingredient, identity: candidate.ids.identities[i] as string, identityKey, codeKey, atc5, classKey });
    }
  }
  return items;
}

/**
 * Lists of items by an integer key (identity or class), in the order each key first appears.
 * `slots` (all −1, as long as the keys run) maps a key to its list and is left as found.
 */
function bucketsBy(items: Item[], byClass: boolean, slots: Int32Array): Item[][] {
  const buckets: Item[][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const key = byClass ? item.classKey : item.identityKey;
    const slot = slots[key] as number;
    if (slot === -1) {
      slots[key] = buckets.length;
      buckets.push([item]);
    } else (buckets[slot] as Item[]).push(item);
  }
  for (let i = 0; i < buckets.length; i++) {
    const first = (buckets[i] as Item[])[0] as Item;
    slots[byClass ? first.classKey : first.identityKey] = -1;
  }
  return buckets;
}

/**
 * The items' records, once each, in the order the items name them. A record's items are
 * neighbours in every item list (qualifyingItems adds them together), so comparing with the
 * previous record is enough.
 */
function candidatesOf(items: Item[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < items.length; i++) {
    const candidate = (items[i] as Item).candidate;
    if (out[out.length - 1] !== candidate) out.push(candidate);
  }
  return out;
}

function candidateLists(buckets: Item[][]): Candidate[][] {
  const lists = new Array<Candidate[]>(buckets.length);
  for (let i = 0; i < buckets.length; i++) lists[i] = candidatesOf(buckets[i] as Item[]);
  return lists;
}

/** Two different controlled hypnotics (research §5(c)5: critical at L4/L5) from two prescriptions. */
function twoControlledHypnotics(byIngredient: Item[][], columns: RecordColumns): boolean {
  const hypnotics: Candidate[][] = [];
  for (let i = 0; i < byIngredient.length; i++) {
    const bucket = byIngredient[i] as Item[];
    const found: Item[] = [];
    for (let k = 0; k < bucket.length; k++) if (isControlledHypnotic((bucket[k] as Item).ingredient.atc7)) found.push(bucket[k] as Item);
    if (found.length > 0) hypnotics.push(candidatesOf(found));
  }
  return hypnotics.length >= 2 && hasPairAcross(hypnotics, columns);
}

/** Work arrays of one analysis: identity slots and class slots for bucketsBy. */
interface Slots {
  identities: Int32Array;
  classes: Int32Array;
}

/**
 * One alert for a set of items whose buckets (ingredients for L4, classes for L5) hold a real
 * pair across prescriptions; null when they do not or the newest is suppressed.
 */
function alertFor(
  level: 'L4' | 'L5',
  group: string,
  items: Item[],
  settings: DuplicateSettings,
  slots: Slots,
  columns: RecordColumns,
): DuplicateAlert | null {
  const byIngredient = bucketsBy(items, false, slots.identities);
  const split = level === 'L4' ? byIngredient : bucketsBy(items, true, slots.classes);
  if (split.length < 2) return null;
  if (!hasPairAcross(candidateLists(split), columns)) return null;
  const involved = candidatesOf(items);
  if (suppressedByNewest(involved[involved.length - 1] as Candidate, settings)) return null;
  const perIngredient = new Array<number>(byIngredient.length);
  const ingredients = new Array<string>(byIngredient.length);
  for (let i = 0; i < byIngredient.length; i++) {
    const bucket = byIngredient[i] as Item[];
    let most = 0;
    for (let k = 0; k < bucket.length; k++) most = Math.max(most, (bucket[k] as Item).candidate.leftToday);
    perIngredient[i] = most;
    ingredients[i] = (bucket[0] as Item).identity;
  }
  const critical = twoControlledHypnotics(byIngredient, columns);
  const severity = critical ? 'critical' : level === 'L4' ? 'warning' : 'info';
  return buildAlert(level, severity, group, involved, ingredients, secondLargest(perIngredient), group);
}

/** The cloud's ATC5 name of a class when some record of it carries one. */
function atc5NameOf(items: Item[]): string | null {
  for (const item of items) {
    const record = item.candidate.record;
    if (record.atc5Name !== null && record.atc5 === item.atc5) return record.atc5Name;
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

  has(item: Item, codes: Codes): boolean {
    if (item.codeKey !== -1) {
      let member = this.byCodeKey[item.codeKey] as number;
      if (member === 0) {
        member = this.matches(codes.codes[item.codeKey] as string) ? 1 : 2;
        this.byCodeKey[item.codeKey] = member;
      }
      if (member === 1) return true;
    }
    const product = item.candidate.record.atc7;
    if (item.candidate.ingredients.length !== 1 || product === null || product === item.ingredient.atc7) return false;
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

export function classDuplicates(history: PreparedHistory, settings: DuplicateSettings): DuplicateAlert[] {
  const codes = new Codes();
  const items = qualifyingItems(history, settings, codes);
  const slots: Slots = { identities: new Int32Array(history.preparer.identityCount).fill(-1), classes: new Int32Array(codes.classes.length).fill(-1) };
  const alerts: DuplicateAlert[] = [];
  for (const classItems of bucketsBy(items, true, slots.classes)) {
    const alert = alertFor('L4', (classItems[0] as Item).atc5, classItems, settings, slots, history.columns);
    if (alert === null) continue;
    alert.className = atc5NameOf(classItems);
    alerts.push(alert);
  }
  for (const set of settings.equivalenceSets) {
    const members = new SetMembers(set.atcPrefixes, codes);
    const inSet: Item[] = [];
    for (let i = 0; i < items.length; i++) if (members.has(items[i] as Item, codes)) inSet.push(items[i] as Item);
    const alert = alertFor('L5', set.id, inSet, settings, slots, history.columns);
    if (alert === null) continue;
    alert.className = set.name;
    alerts.push(alert);
  }
  return alerts;
}
