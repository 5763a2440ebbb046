// Ordering of the alert list: what can hurt the patient first (CDS Hooks indicator order
// critical → warning → info, research §4), and within a severity the order the rules
// produced them, so equal alerts never jump around between refreshes.
import type { Alert, Severity } from './types.ts';

/** Rank of each severity; lower is shown first. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

/** A new array sorted critical → warning → info; stable within a severity. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts
    .map((alert, index) => ({ alert, index }))
    .sort((a, b) => SEVERITY_ORDER[a.alert.severity] - SEVERITY_ORDER[b.alert.severity] || a.index - b.index)
    .map(({ alert }) => alert);
}

/** How many alerts of each severity, for the status line. */
export function countBySeverity(alerts: Alert[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const alert of alerts) counts[alert.severity] += 1;
  return counts;
}
