// Alerts from NHI's own 摘要 notes (imue2000s01). The kidney note is a warning: a low eGFR
// changes the dose of many drugs (renally cleared ones, metformin, NSAIDs), so it must be read
// before dispensing. The other notes (transplant abroad, home care, implants, care-list
// messages) are information the pharmacist should know, in the cloud's own words.
import type { Alert, SummaryNote } from './types.ts';

export function summaryAlerts(notes: readonly SummaryNote[]): Alert[] {
  return notes.map((note): Alert => {
    if (note.kind === 'ckd') {
      if (note.egfr === undefined) return { severity: 'warning', key: 'summary.ckd.text', facts: { text: note.text } };
      if (note.egfrDate === undefined) return { severity: 'warning', key: 'summary.ckd.no-date', facts: { egfr: note.egfr } };
      return { severity: 'warning', key: 'summary.ckd', facts: { egfr: note.egfr, date: note.egfrDate } };
    }
    return { severity: 'info', key: `summary.${note.kind}`, facts: { text: note.text } };
  });
}
