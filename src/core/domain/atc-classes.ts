// Drug classes that more than one rule names, by WHO ATC code or code prefix, kept in one place:
// the duplicate check's NSAID set, the Beers interactions and the allergy classes read the same
// NSAIDs, and the benzodiazepine rule and the opioid + benzodiazepine interaction the same
// benzodiazepines (research §3, §6; WHO ATC index 2026-04-25).

/**
 * Systemic NSAIDs: oral, rectal and injected products are M01A, but M01AX also holds
 * glucosamine, chondroitin and diacerein, which are no NSAIDs: of M01AX only nabumetone and
 * nimesulide. Topical ones (M02A) stay out.
 */
export const SYSTEMIC_NSAID_ATC: readonly string[] = ['M01AA', 'M01AB', 'M01AC', 'M01AE', 'M01AG', 'M01AH', 'M01AX01', 'M01AX17'];

/**
 * Benzodiazepines: the anxiolytic (N05BA) and hypnotic (N05CD) classes whole, and clonazepam,
 * which WHO files with the antiepileptics (N03AE01).
 */
export const BENZODIAZEPINE_ATC: readonly string[] = ['N05BA', 'N05CD', 'N03AE01'];

/** Opioids: the analgesics (N02A), and codeine as the antitussive Taiwan prescribes widely (R05DA04). */
export const OPIOID_ATC: readonly string[] = ['N02A', 'R05DA04'];

/** Whether `code` is one of `prefixes` or begins with one. */
export function inAtcClass(code: string, prefixes: readonly string[]): boolean {
  const upper = code.toUpperCase();
  return prefixes.some((prefix) => upper.startsWith(prefix));
}
