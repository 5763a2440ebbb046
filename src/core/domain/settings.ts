// The pharmacy-tunable numbers of the analysis, with NHI's defaults. Kept together so the
// settings screen, the CLI and the audit can show exactly which values produced an alert.
import type { EquivalenceSet } from './equivalence.ts';
import { DEFAULT_EQUIVALENCE_SETS } from './equivalence.ts';
import { DEFAULT_REFILL_RULES, type RefillRules } from './refill.ts';

export interface AnalysisSettings {
  /** Duplicate when more than this many days are still on hand (NHI letter 1080035988: > 10). */
  duplicateThresholdDays: number;
  /** Chronic refill window and holiday windows (醫療辦法 §24: 10 days). */
  refill: RefillRules;
  /** Elderly cautions from this age on the query day (65). */
  elderlyAge: number;
  /** Cross-class therapeutic duplication sets (L5), e.g. benzodiazepines + Z-drugs, ACEI + ARB. */
  equivalenceSets: EquivalenceSet[];
  /** Care-list statistics window in months (6). */
  careListMonths: number;
  /** New PRN or short courses of at most this many days do not raise duplicates (3). */
  shortCourseDays: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  duplicateThresholdDays: 10,
  refill: DEFAULT_REFILL_RULES,
  elderlyAge: 65,
  equivalenceSets: DEFAULT_EQUIVALENCE_SETS,
  careListMonths: 6,
  shortCourseDays: 3,
};
