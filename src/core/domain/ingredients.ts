// Ingredient identity. NHI's duplicate rule is "同成分同劑型" (same ingredient, same dosage
// form; NHIA letter 健保審字第1080035988號), so a product must be reduced to its ingredients
// before it can be compared: combination products carry their own WHO level-5 code
// (C09DB01 valsartan and amlodipine) that matches neither component (research §3.1), and
// the cloud writes the same substance with different salts ('AMLODIPINE BESYLATE',
// 'ZOLPIDEM (TARTRATE+HEMITARTRATE)').

import type { Ingredient } from './types.ts';
import { COMBINATION_COMPONENTS, INGREDIENT_ATC7, type CombinationComponent } from './ingredient-table.ts';
import { remembered } from './remembered.ts';

export { COMBINATION_COMPONENTS, INGREDIENT_ATC7 };

/**
 * The combination table as a map: looked up for every record, and indexing the object with
 * the cloud's code strings went through V8's slow keyed load (a code string not yet in the
 * string table is looked up there each time); a map also never answers an inherited
 * property for a code such as 'constructor'.
 */
const COMPONENTS = new Map<string, readonly CombinationComponent[]>(Object.entries(COMBINATION_COMPONENTS));

/** Salt, ester and hydrate words that do not change the active moiety (stripped from the end only). */
const SALT_WORDS = new Set([
  'HYDROCHLORIDE', 'HCL', 'DIHYDROCHLORIDE', 'HYDROBROMIDE', 'HBR', 'BESYLATE', 'BESILATE',
  'MESYLATE', 'MESILATE', 'MALEATE', 'TARTRATE', 'HEMITARTRATE', 'BITARTRATE', 'SODIUM',
  'POTASSIUM', 'CALCIUM', 'MAGNESIUM', 'SULFATE', 'SULPHATE', 'CITRATE', 'FUMARATE',
  'HEMIFUMARATE', 'SUCCINATE', 'ACETATE', 'PHOSPHATE', 'BROMIDE', 'MONOHYDRATE', 'DIHYDRATE',
  'TRIHYDRATE', 'SESQUIHYDRATE', 'HEMIHYDRATE', 'HEMIPENTAHYDRATE', 'HYDRATE', 'ANHYDROUS',
  'MEDOXOMIL', 'CILEXETIL', 'ETEXILATE', 'TROMETAMOL', 'TOSILATE', 'TOSYLATE', 'LACTATE',
  'GLUCONATE', 'PAMOATE', 'OXALATE', 'XINAFOATE', 'ESTOLATE', 'DISODIUM', 'ERBUMINE', 'ARGININE',
  'CLATHRATE', 'PENTAHYDRATE', 'TETRAHYDRATE', 'HEXAHYDRATE', 'BISULFATE', 'BISULPHATE', 'HYDROGEN',
  'DIHYDROGEN', 'HYCLATE', 'MALATE', 'NAPSYLATE', 'ISETHIONATE',
  // Topical NSAID salts (diclofenac gel and plasters), so oral + topical is L3 (research §5(c)3).
  'DIETHYLAMMONIUM', 'DIETHYLAMINE', 'EPOLAMINE',
]);

/** Other names the cloud or prescribers use for one WHO INN. */
const ALIASES: Record<string, string> = {
  ASPIRIN: 'ACETYLSALICYLIC ACID',
  ACETAMINOPHEN: 'PARACETAMOL',
  GLYBURIDE: 'GLIBENCLAMIDE',
  INDOMETHACIN: 'INDOMETACIN',
  CHLORPHENIRAMINE: 'CHLORPHENAMINE',
  MECLIZINE: 'MECLOZINE',
  PYRILAMINE: 'MEPYRAMINE',
  MEPERIDINE: 'PETHIDINE',
  DICYCLOMINE: 'DICYCLOVERINE',
  HYOSCINE: 'SCOPOLAMINE',
  ALBUTEROL: 'SALBUTAMOL',
  HCTZ: 'HYDROCHLOROTHIAZIDE',
  VALPROATE: 'VALPROIC ACID',
  'SODIUM VALPROATE': 'VALPROIC ACID',
  'DIPOTASSIUM CLORAZEPATE': 'CLORAZEPATE',
  'CLORAZEPATE DIPOTASSIUM': 'CLORAZEPATE',
  'POTASSIUM CLORAZEPATE': 'CLORAZEPATE',
  'LOFLAZEPATE ETHYL': 'ETHYL LOFLAZEPATE',
  'FLUTICASONE PROPIONATE': 'FLUTICASONE',
  'VILANTEROL TRIFENATATE': 'VILANTEROL',
  BECLOMETHASONE: 'BECLOMETASONE',
  'BECLOMETHASONE DIPROPIONATE': 'BECLOMETASONE',
  'BECLOMETASONE DIPROPIONATE': 'BECLOMETASONE',
};

/** Separators NHI uses between the ingredients of a combination (`drug_ing_name`). */
const SEPARATORS = /[；;+/&、]/;

/** Drops parenthesised salt notes: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)' → 'ZOLPIDEM'. */
function withoutParentheses(text: string): string {
  let out = text;
  for (;;) {
    const next = out.replace(/[(（][^()（）]*[)）]/g, ' ');
    if (next === out) return out;
    out = next;
  }
}

/**
 * The name used to match one ingredient across products: upper case, salts and hydrates
 * dropped from the end, parenthesised notes removed, aliases mapped to the WHO INN.
 * 'Amlodipine Besylate' → 'AMLODIPINE'; 'ZOLPIDEM (TARTRATE+HEMITARTRATE)' → 'ZOLPIDEM'.
 */
export function normalIngredientName(name: string): string {
  // Remembered: 10,000-record histories repeat a few dozen names, each a chain of regexes.
  return rememberedNormalName(name);
}

/**
 * The name shown for one ingredient: as the cloud writes it, upper case, salts and
 * parenthesised notes dropped, but not mapped to the WHO INN. Taiwan's labels and the cloud
 * say ACETAMINOPHEN; the pharmacist looks for that, while matching still uses PARACETAMOL.
 */
export function writtenIngredientName(name: string): string {
  return rememberedWrittenName(name);
}

const rememberedWrittenName = remembered(computeWrittenName);
const rememberedNormalName = remembered((name: string) => {
  const written = rememberedWrittenName(name);
  return ALIASES[written] ?? written;
});

/** Full-width letters read as their ASCII selves ('ＩＢＵＰＲＯＦＥＮ', typed on a Chinese input method). */
function computeWrittenName(name: string): string {
  const words = withoutParentheses(name.normalize('NFKC'))
    .toUpperCase()
    .replace(/[^A-Z0-9\- ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // Strip salt words from the end while something remains ('POTASSIUM CHLORIDE' keeps both).
  while (words.length > 1 && SALT_WORDS.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** WHO level-5 code of a single ingredient from its (any-salt) name, when known. */
export function atc7ForIngredientName(name: string): string | null {
  return INGREDIENT_ATC7[normalIngredientName(name)] ?? null;
}

/**
 * Splits raw ingredient text on the NHI separators, ignoring separators inside parentheses:
 * each ingredient's written name (shown), one per substance (the first spelling wins).
 */
function splitNames(ingredientText: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of withoutParentheses(ingredientText).split(SEPARATORS)) {
    const written = writtenIngredientName(part);
    if (written.length === 0) continue;
    const identity = normalIngredientName(part);
    if (seen.has(identity)) continue;
    seen.add(identity);
    names.push(written);
  }
  return names;
}

/** The ATC7 of an ingredient written `name` (its WHO INN looked up), when known. */
function codeOfName(name: string): string | null {
  return INGREDIENT_ATC7[normalIngredientName(name)] ?? null;
}

/**
 * Splits a product's ingredient text into ingredients with their own ATC7, each named as
 * written (writtenIngredientName; ingredientIdentity matches them by INN).
 * - Single ingredient: the product's ATC7 is the ingredient's (unless it is a combination code).
 * - Combination ATC7 listed in COMBINATION_COMPONENTS: each named ingredient takes its
 *   component code; when the text is empty the table's components are used.
 * - Otherwise each name is looked up in INGREDIENT_ATC7 (null when unknown).
 * Never returns an empty list: unreadable text yields one ingredient with the product's code.
 */
export function splitIngredients(ingredientText: string, atc7: string | null): Ingredient[] {
  const code = atc7 === null ? null : atc7.trim().toUpperCase() || null;
  const components = code === null ? undefined : COMPONENTS.get(code);
  const names = splitNames(ingredientText);

  if (components !== undefined) {
    if (names.length === 0) return components.map((c) => ({ name: c.name, atc7: c.atc7 }));
    return names.map((name) => {
      const identity = normalIngredientName(name);
      const component = components.find((c) => c.name === identity);
      return { name, atc7: component ? component.atc7 : codeOfName(name) };
    });
  }
  if (names.length === 0) return [{ name: ingredientText.trim().toUpperCase(), atc7: code }];
  if (names.length === 1) {
    const name = names[0] as string;
    return [{ name, atc7: code ?? codeOfName(name) }];
  }
  return names.map((name) => ({ name, atc7: codeOfName(name) }));
}

/** The table's substances by code, where one name has the code (a code two names share answers nothing). */
const SUBSTANCE_OF_CODE: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string | null>();
  for (const [name, code] of Object.entries(INGREDIENT_ATC7)) names.set(code, names.has(code) ? null : name);
  return new Map([...names].filter((entry): entry is [string, string] => entry[1] !== null));
})();

/**
 * The identity of an ingredient for "same ingredient" checks: its normalised name, or its
 * ATC7 when the name is empty. The name wins because one substance has different ATC7
 * codes by route (levofloxacin J01MA12 oral, S01AE05 eye drops), and NHI's 同成分 means
 * the substance. A name the table does not know (a salt it does not list, or the product
 * name where the cloud gave no ingredient) is its code's substance when the table has one,
 * so WARFARIN SODIUM CLATHRATE and WARFARIN SODIUM are one ingredient (research §5: K2 is
 * the ATC level 5).
 */
export function ingredientIdentity(ingredient: Ingredient): string {
  const name = normalIngredientName(ingredient.name);
  if (name.length === 0) return ingredient.atc7 ?? '?';
  if (ingredient.atc7 !== null && !Object.hasOwn(INGREDIENT_ATC7, name)) return SUBSTANCE_OF_CODE.get(ingredient.atc7) ?? name;
  return name;
}

/**
 * The ingredients of a record ready for comparison: a combination the mapper left whole
 * (one ingredient, combination ATC7) is split by the table, and an ingredient that only
 * carries the product's combination code gets its own component code.
 */
export function comparableIngredients(record: {
  ingredients: Ingredient[];
  atc7: string | null;
}): Ingredient[] {
  const product = record.atc7;
  const components = product === null ? undefined : COMPONENTS.get(product);
  if (components !== undefined && record.ingredients.length <= 1) {
    const text = record.ingredients.map((i) => i.name).join('；');
    const split = splitIngredients(text, product);
    return split.length >= components.length ? split : components.map((c) => ({ ...c }));
  }
  const isCombination = components !== undefined;
  // The usual case (every ingredient already has its own code) allocates nothing: this runs per record.
  let allKept = true;
  const ingredients = record.ingredients;
  for (let i = 0; i < ingredients.length; i++) {
    if (!keepsOwnCode(ingredients[i] as Ingredient, product, isCombination)) allKept = false;
  }
  if (allKept) return record.ingredients;
  return record.ingredients.map((ingredient) =>
    keepsOwnCode(ingredient, product, isCombination)
      ? ingredient
      : { name: ingredient.name, atc7: atc7ForIngredientName(ingredient.name) ?? ingredient.atc7 },
  );
}

/** An ingredient keeps its code unless it has none or it is only the combination product's code. */
function keepsOwnCode(ingredient: Ingredient, product: string | null, isCombination: boolean): boolean {
  return ingredient.atc7 !== null && (ingredient.atc7 !== product || !isCombination);
}

/**
 * The record's product ATC7 and its ingredients' own codes, upper case, no repeats (product
 * first). They depend only on the product: the elderly rules, the
 * interaction table and the allergen classes work them out once per product number.
 */
export function productCodes(product: string | null, ingredients: readonly Ingredient[]): string[] {
  const codes: string[] = [];
  if (product !== null) codes.push(product.toUpperCase());
  for (const ingredient of ingredients) {
    if (ingredient.atc7 === null) continue;
    const code = ingredient.atc7.toUpperCase();
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
