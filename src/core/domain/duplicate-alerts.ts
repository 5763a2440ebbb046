// Duplicate alerts as entries of the pharmacist's alert list: a message key (templates in
// messages.ts, zh-TW + en) and the facts it cites: drugs with institution and ISO date,
// ingredients, days on hand, the threshold and the class or set.
import type { Alert } from './types.ts';
import type { DuplicateAlert } from './duplicate-model.ts';

/**
 * L1/L2 say 跨院所 or 同院所 (NHI's own labels), so they have a `.cross` variant, and a
 * `.supplied` one when the days were counted by days supplied rather than carried (bySupply).
 */
export function duplicateMessageKey(alert: DuplicateAlert): string {
  const scoped = alert.level === 'L1' || alert.level === 'L2';
  // A class or set that alerts on any two in use today (thresholdDays 0) says so, not "more than 0 days".
  if ((alert.level === 'L4' || alert.level === 'L5') && alert.thresholdDays === 0) return `duplicate.${alert.level}.in-use`;
  if (!scoped) return `duplicate.${alert.level}`;
  return `duplicate.${alert.level}${alert.crossInstitution ? '.cross' : ''}${alert.bySupply ? '.supplied' : ''}`;
}

export function duplicateAlerts(duplicates: DuplicateAlert[], thresholdDays = 10): Alert[] {
  // Loops and a module function, not closures per call (docs/analysis-speed.md, "No closures made per analysis").
  const alerts = new Array<Alert>(duplicates.length);
  const texts = new DrugTexts();
  for (let i = 0; i < duplicates.length; i++) alerts[i] = duplicateAlert(duplicates[i] as DuplicateAlert, thresholdDays, texts);
  return alerts;
}

/**
 * Each 'NAME (institution yyy/MM/dd)' text of one alert list made once. A dense history's
 * alerts name 59,666 records at 100k but only 9,970 distinct texts; every copy outlived the
 * young generation, 10 MB of the analysis's 52 MB allocated (docs/analysis-speed.md).
 */
class DrugTexts {
  private readonly byName = new Map<string, Map<string, Map<string, string>>>();

  of(name: string, institution: string, date: string): string {
    let byInstitution = this.byName.get(name);
    if (byInstitution === undefined) this.byName.set(name, (byInstitution = new Map()));
    let byDate = byInstitution.get(institution);
    if (byDate === undefined) byInstitution.set(institution, (byDate = new Map()));
    let text = byDate.get(date);
    if (text === undefined) byDate.set(date, (text = `${name} (${institution} ${date})`));
    return text;
  }
}

function duplicateAlert(d: DuplicateAlert, thresholdDays: number, texts: DrugTexts): Alert {
  // 'STILNOX 10MG (甲診所 2025-05-01)': names as NHI writes them; the template shows the date
  // in the reader's form ({drugs:day}, src/i18n).
  const n = d.recordIds.length;
  const dates = d.dates;
  const drugs = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const date = dates[i];
    const name = d.drugNames[i] ?? (d.recordIds[i] as string);
    drugs[i] = texts.of(name, d.recordInstitutions[i] ?? '', date ?? '');
  }
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
      threshold: d.thresholdDays ?? thresholdDays,
      classCode: d.classCode ?? '',
      classNameZh: d.className?.['zh-TW'] ?? d.classCode ?? '',
      classNameEn: d.className?.en ?? d.classCode ?? '',
      // L1/L2 count the days on hand when the newest record was dispensed (its start, the last date).
      newestDate: dates[dates.length - 1] ?? '',
      doseHintZh: d.doseChanged ? '；每日劑量已變更，若為醫師調整劑量應申報 R003' : '',
      doseHintEn: d.doseChanged ? '; the daily dose changed: a dose adjustment is declared with R003' : '',
      recordIds: d.recordIds,
    },
  };
}
