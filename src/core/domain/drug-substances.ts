// What a drug code is, as the medication records describe it, for the refill checks: its
// substance (ingredients and form), so another brand's newer slip replaces an older one, and the
// days its 同成分同劑型 groups still carry, for a fill collectable today.
import type { PreparedHistory } from './prepared-history.ts';
import { k1Key, type GroupLeftover } from './group-leftover.ts';

/**
 * Each drug code's substance as its records name it: the identities of its ingredients and its
 * dosage form. A code no record shows is a substance of its own (substanceKey).
 */
export function substanceOfDrug(history: PreparedHistory): Map<string, string> {
  const substances = new Map<string, string>();
  for (const [code, products] of productsByDrug(history)) {
    // A code its records describe two ways (a name with no form word reads 'other'): the
    // described form first, then the smaller key, so the rows' order does not choose.
    let best: string | null = null;
    let bestKnown = false;
    for (const { identities, form } of products) {
      const key = k1Key([...identities].sort().join('+'), form);
      const known = form !== 'other';
      if (best === null || (known && !bestKnown) || (known === bestKnown && key < best)) [best, bestKnown] = [key, known];
    }
    if (best !== null) substances.set(code, best);
  }
  return substances;
}

interface DrugProduct {
  identities: readonly string[];
  form: string;
}

/** Each drug code (upper case) the records show, with every way they describe it: its ingredients' identities and its form. */
function productsByDrug(history: PreparedHistory): Map<string, DrugProduct[]> {
  const { preparer } = history;
  const products = new Map<string, DrugProduct[]>();
  for (let p = 0; p < preparer.productCount; p++) {
    const facts = preparer.productFacts(p);
    if (facts.ids.identities.length === 0) continue;
    const code = facts.drugCode.toUpperCase();
    const list = products.get(code);
    const product = { identities: facts.ids.identities, form: facts.form };
    if (list === undefined) products.set(code, [product]);
    else list.push(product);
  }
  return products;
}

/**
 * The days a drug's supply still covers today: the largest carried leftover of its ingredients'
 * 同成分同劑型 groups (groupKey: identity and form). Worked out only for a slip whose fill is
 * collectable today: chained early pickups, each within §24's window, leave 20 days on hand, and
 * 「今日可領」 alone read as "the patient needs it".
 */
export class OnHand {
  private products: Map<string, DrugProduct[]> | null = null;
  private groups: Map<string, number> | null = null;

  constructor(
    private readonly history: PreparedHistory,
    private readonly groupList: readonly GroupLeftover[],
    /** Above this many days the eligible alert says so (the duplicate threshold, 10). */
    readonly thresholdDays: number,
  ) {}

  daysOf(drugCode: string): number {
    this.products ??= productsByDrug(this.history);
    this.groups ??= new Map(this.groupList.map((group) => [group.key, group.leftoverDays]));
    // Every way the records describe the drug: the most any of its groups carries, whatever the rows' order.
    let days = 0;
    for (const product of this.products.get(drugCode.toUpperCase()) ?? []) {
      for (const identity of product.identities) days = Math.max(days, this.groups.get(k1Key(identity, product.form)) ?? 0);
    }
    return days;
  }
}

export function substanceKey(drugCode: string, substances: Map<string, string>): string {
  const code = drugCode.toUpperCase();
  return substances.get(code) ?? `code:${code}`;
}
