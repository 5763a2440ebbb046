// 摘要: alerts by severity, NHI's own 摘要 notes (imue2000s01) word for word, allergies, then
// what the data cannot tell (self-paid drugs are absent, uploads lag 24–48 h, 主診斷 is for
// reference) — as lines the summary tab scrolls.
import { listIn, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { dataCaveatMessages } from '../../core/domain/messages.ts';
import type { Severity } from '../../core/domain/types.ts';
import { alertText, tr } from '../i18n/index.ts';

export interface SummaryLine {
  id: string;
  text: string;
  heading: boolean;
  severity: Severity | null;
}

/** `caveats`: notes about this look-up's data (e.g. the care-list API fell back to the rows). */
export function summaryLines(analysis: Analysis, lang: Lang, caveats: readonly string[] = []): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const heading = (id: string, text: string) => lines.push({ id, text, heading: true, severity: null });
  heading('h-alerts', tr(lang, 'summary.alerts'));
  if (analysis.alerts.length === 0) lines.push({ id: 'no-alerts', text: `  ${tr(lang, 'summary.no-alerts')}`, heading: false, severity: null });
  analysis.alerts.forEach((alert, i) => {
    lines.push({ id: `alert-${i}`, text: `[${tr(lang, `severity.${alert.severity}`)}] ${alertText(lang, alert)}`, heading: false, severity: alert.severity });
  });
  // The notes as plain text (the mapper already stripped their HTML); the alerts above cite them.
  if (analysis.summary.length > 0) heading('h-notes', tr(lang, 'summary.notes'));
  analysis.summary.forEach((note, i) => {
    lines.push({ id: `note-${i}`, text: `  ${note.text}`, heading: false, severity: null });
  });
  heading('h-allergies', tr(lang, 'summary.allergies'));
  if (analysis.allergies.length === 0) lines.push({ id: 'no-allergies', text: `  ${tr(lang, 'summary.no-allergies')}`, heading: false, severity: null });
  analysis.allergies.forEach((allergy, i) => {
    const symptoms = allergy.symptoms.length > 0 ? `: ${listIn(allergy.symptoms, lang)}` : '';
    lines.push({ id: `allergy-${i}`, text: `  ${listIn(allergy.drugNames, lang)}${symptoms} (${tr(lang, `allergy.${allergy.severity}`)})`, heading: false, severity: 'warning' });
  });
  heading('h-caveats', dataCaveatMessages.heading[lang]);
  // The kiosk's tables show 主診斷, so its caveat belongs here (yaoli analyze shows none).
  for (const key of ['self-paid', 'lag', 'diagnosis'] as const) {
    lines.push({ id: `summary.caveat.${key}`, text: `  ${dataCaveatMessages[key][lang]}`, heading: false, severity: null });
  }
  caveats.forEach((text, i) => lines.push({ id: `caveat-${i}`, text: `  ${text}`, heading: false, severity: 'info' }));
  return lines;
}
