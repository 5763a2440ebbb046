// Ingredients of one 西醫用藥 row. Combination products arrive as one text joined with '；'
// (research anchors 1(b)); the domain's splitIngredients does the splitting and maps the
// combination's own ATC7 to the ingredients' codes.
import { splitIngredients } from '../domain/ingredients.ts';
import type { Ingredient } from '../domain/types.ts';

/** Never empty: without an ingredient text the product name stands in for the ingredient. */
export function ingredientsOf(ingredientText: string | null, drugName: string, atc7: string | null): Ingredient[] {
  const source = ingredientText ?? /\(([A-Z][A-Z0-9 ,;&+/-]+)\)\s*$/.exec(drugName.toUpperCase())?.[1] ?? drugName;
  const split = splitIngredients(source, atc7);
  return split.length > 0 ? split : [{ name: source.toUpperCase(), atc7 }];
}
