// Therapeutic-equivalence sets (duplicate level L5): classes with different ATC5 codes that
// act on the same target, so one of each is still a duplication (research §5(c)3, K4).
// Configurable: the pharmacy can add or remove sets in its settings.
import type { Bilingual } from './messages.ts';
import type { Severity } from './types.ts';
import { BENZODIAZEPINE_ATC, SYSTEMIC_NSAID_ATC } from './atc-classes.ts';

export interface EquivalenceSet {
  id: string;
  /** Shown in the alert, in the report's language. */
  name: Bilingual;
  /** ATC prefixes (5 characters or more) whose members are equivalent. */
  atcPrefixes: string[];
  /** The alert's tier; two controlled hypnotics are critical whatever the set says (research §5(c)5). */
  severity: Severity;
  /**
   * Days each drug must still have today for the set to alert (the set's duplication allowance,
   * research §5(c)3, FDB-style); unset: the duplicate threshold of the settings (10).
   */
  thresholdDays?: number;
}

export const DEFAULT_EQUIVALENCE_SETS: EquivalenceSet[] = [
  {
    // Benzodiazepines and Z-drugs all act on the GABA-A receptor (NHI 安眠鎮靜 indicator set).
    id: 'gaba-a-hypnotics',
    name: { 'zh-TW': '苯二氮平類與 Z 類安眠藥', en: 'benzodiazepines and Z-drugs' },
    // Clonazepam (RIVOTRIL) is a benzodiazepine WHO files under antiepileptics (N03AE01).
    atcPrefixes: [...BENZODIAZEPINE_ATC, 'N05CF'],
    severity: 'info',
  },
  {
    // ACE inhibitor + ARB (dual RAS blockade), including their fixed combinations.
    id: 'ras-blockers',
    name: { 'zh-TW': 'ACEI 與 ARB 類', en: 'ACE inhibitors and ARBs' },
    atcPrefixes: ['C09AA', 'C09BA', 'C09BB', 'C09BX', 'C09CA', 'C09DA', 'C09DB', 'C09DX'],
    severity: 'info',
  },
  {
    // Two systemic NSAIDs add GI-bleeding and kidney risk without adding relief, whichever
    // chemical class each is (diclofenac M01AB + celecoxib M01AH); topical ones stay out.
    id: 'nsaids',
    name: { 'zh-TW': '非類固醇消炎止痛藥 NSAIDs', en: 'NSAIDs' },
    atcPrefixes: [...SYSTEMIC_NSAID_ATC],
    severity: 'warning',
    // NSAID courses run 3–14 days and the bleeding risk starts on the first day: any two in use
    // today alert, not only two with more than 10 days left.
    thresholdDays: 0,
  },
];

/** Ids of the sets that any of `codes` belongs to. */
export function equivalenceSetsOf(
  codes: readonly (string | null)[],
  sets: readonly EquivalenceSet[],
): string[] {
  const found: string[] = [];
  for (const set of sets) {
    const member = codes.some(
      (code) => code !== null && set.atcPrefixes.some((prefix) => code.toUpperCase().startsWith(prefix.toUpperCase())),
    );
    if (member) found.push(set.id);
  }
  return found;
}
