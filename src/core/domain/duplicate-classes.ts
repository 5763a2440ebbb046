// Therapeutic duplication (research §5(c)3): L4 two different ingredients of one ATC5 class
// (NHI "ATC5" = WHO level 4, e.g. amlodipine + nifedipine, both C08CA), L5 two classes of one
// configurable equivalence set (benzodiazepine + Z-drug; ACEI + ARB). Each ingredient must
// still have more than the threshold of its own supply left today (duplication allowance 0,
// FDB-style), so a finished course or a switch that has run out never alerts.
import type { Ingredient } from './types.ts';
import { isControlledHypnotic } from './controlled.ts';
import { remembered } from './remembered.ts';
import {
  buildAlert,
  hasPairAcross,
  isAsNeededSupply,
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
  /** The ingredient's ATC5 class (its own ATC7's first 5 characters). */
  atc5: string;
}

/** The class of one ingredient: its own ATC7, or the product's ATC5 for a single-ingredient product. */
function classOf(candidate: Candidate, ingredient: Ingredient): string | null {
  if (ingredient.atc7 !== null && ingredient.atc7.length >= 5) return classCode(ingredient.atc7);
  if (candidate.ingredients.length === 1 && candidate.record.atc5 !== null && candidate.record.atc5.length === 5) {
    return classCode(candidate.record.atc5);
  }
  return null;
}

/** First 5 characters, upper case; remembered per code (a history repeats a few dozen). */
const classCode = remembered((code: string) => code.slice(0, 5).toUpperCase());

/** Ingredients with more than the threshold left today, from countable (not PRN, not short) supplies. */
function qualifyingItems(candidates: Candidate[], settings: DuplicateSettings): Item[] {
  const items: Item[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k] as Candidate;
    if (candidate.leftToday <= settings.duplicateThresholdDays || isAsNeededSupply(candidate)) continue;
    if (candidate.record.daysSupply <= settings.shortCourseDays) continue;
    for (let i = 0; i < candidate.ingredients.length; i++) {
      const ingredient = candidate.ingredients[i] as Ingredient;
      const atc5 = classOf(candidate, ingredient);
      if (atc5 !== null) items.push({ candidate, ingredient, identity: candidate.ids.identities[i] as string, atc5 });
    }
  }
  return items;
}

// Keys as module functions and loops instead of filter callbacks, not closures made per call:
// under the kiosk's heap limits V8 drops a dead closure's optimised code at every full collection
// and compiles it again (docs/analysis-speed.md, "No closures made per analysis").
function identityOf(item: Item): string {
  return item.identity;
}

function classOfItem(item: Item): string {
  return item.atc5;
}

function candidateOf(item: Item): Candidate {
  return item.candidate;
}

function groupBy(items: Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const map = new Map<string, Item[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const key = keyOf(item);
    const list = map.get(key);
    if (list === undefined) map.set(key, [item]);
    else list.push(item);
  }
  return map;
}

/** Two different controlled hypnotics (research §5(c)5: critical at L4/L5) from two prescriptions. */
function twoControlledHypnotics(items: Item[]): boolean {
  const hypnotics = items.filter((item) => isControlledHypnotic(item.ingredient.atc7));
  const byIngredient = groupBy(hypnotics, identityOf);
  if (byIngredient.size < 2) return false;
  return hasPairAcross([...byIngredient.values()].map((list) => list.map(candidateOf)));
}

/** The items' records, once each, in the carry order the items were collected in. */
function uniqueCandidates(items: Item[]): Candidate[] {
  return [...new Set(items.map(candidateOf))];
}

/**
 * One alert for a set of items whose `split` buckets (ingredients for L4, classes for L5)
 * hold a real pair across prescriptions; null when they do not or the newest is suppressed.
 */
function alertFor(
  level: 'L4' | 'L5',
  group: string,
  items: Item[],
  split: (item: Item) => string,
  settings: DuplicateSettings,
  className: string | null,
): DuplicateAlert | null {
  const buckets = groupBy(items, split);
  if (buckets.size < 2) return null;
  if (!hasPairAcross([...buckets.values()].map((list) => [...new Set(list.map(candidateOf))]))) return null;
  const involved = uniqueCandidates(items);
  if (suppressedByNewest(involved[involved.length - 1] as Candidate, settings)) return null;
  const perIngredient = [...groupBy(items, identityOf).values()].map((list) =>
    list.reduce((most, item) => Math.max(most, item.candidate.leftToday), 0),
  );
  const critical = twoControlledHypnotics(items);
  const severity = critical ? 'critical' : level === 'L4' ? 'warning' : 'info';
  const ingredients = items.map((item) => item.identity);
  return buildAlert(level, severity, group, involved, ingredients, secondLargest(perIngredient), group, className);
}

/** The cloud's ATC5 name of a class when some record of it carries one. */
function atc5NameOf(items: Item[]): string | null {
  for (const item of items) {
    const record = item.candidate.record;
    if (record.atc5Name !== null && record.atc5 === item.atc5) return record.atc5Name;
  }
  return null;
}

export function classDuplicates(candidates: Candidate[], settings: DuplicateSettings): DuplicateAlert[] {
  const items = qualifyingItems(candidates, settings);
  const alerts: DuplicateAlert[] = [];
  for (const [atc5, classItems] of groupBy(items, classOfItem)) {
    const alert = alertFor('L4', atc5, classItems, identityOf, settings, atc5NameOf(classItems));
    if (alert !== null) alerts.push(alert);
  }
  for (const set of settings.equivalenceSets) {
    const prefixes = set.atcPrefixes.map((p) => p.toUpperCase());
    // Membership is decided once per distinct code; a history repeats a few dozen codes.
    const memo = new Map<string, boolean>();
    const inSet = (code: string | null): boolean => {
      if (code === null) return false;
      let member = memo.get(code);
      if (member === undefined) {
        const upper = code.toUpperCase();
        member = prefixes.some((prefix) => upper.startsWith(prefix));
        memo.set(code, member);
      }
      return member;
    };
    const members: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Item;
      if (inSet(item.ingredient.atc7) || (item.candidate.ingredients.length === 1 && inSet(item.candidate.record.atc7))) members.push(item);
    }
    const alert = alertFor('L5', set.id, members, classOfItem, settings, set.name);
    if (alert !== null) alerts.push(alert);
  }
  return alerts;
}
