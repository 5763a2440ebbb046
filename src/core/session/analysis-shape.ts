// The part of core/domain's `Analysis` (domain-contract: analyzeHistory) that the session
// flow itself reads: whether there is anything to show (查無資料) and how many alerts.
// Screens read the full analysis; the reducer only needs these two facts.
import type { Alert } from '../domain/types.ts';

export interface PatientAnalysis {
  empty: boolean;
  alerts: Alert[];
}
