// Duplicate alerts as entries of the pharmacist's alert list: a message key (templates in
// messages.ts, zh-TW + en) and the facts it cites: drugs with institution and ROC date,
// ingredients, days on hand, the threshold and the class or set.
import type { Alert } from './types.ts';
import { toRocDate } from './dates.ts';
import type { DuplicateAlert } from './duplicate-model.ts';

/** L1/L2 say 跨院所 or 同院所 (NHI's own labels), so they have a `.cross` variant. */
export function duplicateMessageKey(alert: DuplicateAlert): string {
  const scoped = alert.level === 'L1' || alert.level === 'L2';
  return `duplicate.${alert.level}${scoped && alert.crossInstitution ? '.cross' : ''}`;
}

export function duplicateAlerts(duplicates: DuplicateAlert[], thresholdDays = 10): Alert[] {
  return duplicates.map((d) => {
    // 'STILNOX 10MG (甲診所 114/05/01)': readable in both languages (names are as NHI writes them).
    // Each date formatted once, for both lists.
    const dates = d.dates.map(toRocDate);
    const drugs = d.recordIds.map((id, i) => {
      const date = dates[i];
      const name = d.drugNames[i] ?? id;
      return `${name} (${d.recordInstitutions[i] ?? ''} ${date === undefined ? '' : date})`;
    });
    return {
      severity: d.severity,
      key: duplicateMessageKey(d),
      facts: {
        drugs,
        drugNames: d.drugNames,
        ingredients: d.ingredients,
        institutions: d.institutions,
        dates,
        overlapDays: d.overlapDays,
        threshold: thresholdDays,
        classCode: d.classCode ?? '',
        className: d.className ?? d.classCode ?? '',
        recordIds: d.recordIds,
      },
    };
  });
}
