// NHI's 摘要 notes in the analysis: the CKD note is a dosing warning citing the eGFR and its
// ROC sample date; the other notes are info in the cloud's words; no notes, no alerts.
import test from 'ava';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import { summaryAlerts } from '../../../src/core/domain/summary-alerts.ts';
import type { PatientHistory, SummaryNote } from '../../../src/core/domain/types.ts';
import { translate } from '../../../src/i18n/index.ts';

const history = (summary: SummaryNote[]): PatientHistory => ({
  patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary,
});

const CKD: SummaryNote = {
  kind: 'ckd',
  text: '此病人腎功能不佳，最近一筆eGFR值為[34]，採檢日期為[114/02/28]，開立藥品時請注意劑量調整。',
  egfr: 34,
  egfrDate: '2025-02-28',
  icon: 'summary-icon-3.png',
};

test('a CKD note → warning summary.ckd with eGFR and ROC date, in zh-TW and English', (t) => {
  const analysis = analyzeHistory(history([CKD]), '2025-04-01');
  const alert = analysis.alerts.find((a) => a.key.startsWith('summary.'));
  t.deepEqual(alert, { severity: 'warning', key: 'summary.ckd', facts: { egfr: 34, date: '2025-02-28' } });
  t.is(translate(alertMessages, 'summary.ckd', 'zh-TW', alert?.facts), '最近一筆 eGFR 34（114/02/28）：腎功能不佳，請注意用藥劑量');
  t.is(translate(alertMessages, 'summary.ckd', 'en', alert?.facts), 'Latest eGFR 34 (2025-02-28): impaired kidney function, check the doses');
  t.deepEqual(analysis.summary, [CKD], 'the notes themselves are kept for the summary tab');
});

test('the CKD warning sorts above info alerts (查無資料 here)', (t) => {
  const { alerts } = analyzeHistory(history([{ kind: 'home-care', text: '居家醫療照護個案', icon: 'summary-icon-5.png' }, CKD]), '2025-04-01');
  t.deepEqual(alerts.map((a) => [a.severity, a.key]), [
    ['warning', 'summary.ckd'],
    ['info', 'history.empty'],
    ['info', 'summary.home-care'],
  ]);
});

test('a CKD note without a date, or without a number, is still a warning', (t) => {
  const noDate: SummaryNote = { kind: 'ckd', text: 'eGFR值為[22]', egfr: 22, icon: null };
  const noNumber: SummaryNote = { kind: 'ckd', text: '腎功能不佳', icon: 'summary-icon-3.png' };
  t.deepEqual(summaryAlerts([noDate, noNumber]), [
    { severity: 'warning', key: 'summary.ckd.no-date', facts: { egfr: 22 } },
    { severity: 'warning', key: 'summary.ckd.text', facts: { text: '腎功能不佳' } },
  ]);
});

test('other kinds → info in the cloud’s words; every key has both languages; no notes → no alerts', (t) => {
  const kinds = ['transplant-abroad', 'home-care', 'dental-implant', 'other'] as const;
  const alerts = summaryAlerts(kinds.map((kind) => ({ kind, text: `說明 ${kind}`, icon: null })));
  t.deepEqual(alerts.map((a) => [a.severity, a.key, a.facts.text]), kinds.map((kind) => ['info', `summary.${kind}`, `說明 ${kind}`]));
  for (const alert of alerts) {
    t.true(alert.key in alertMessages, alert.key);
    t.true(translate(alertMessages, alert.key, 'en', alert.facts).includes(`說明`), 'the note text is cited');
  }
  t.deepEqual(summaryAlerts([]), []);
  t.false(analyzeHistory(history([]), '2025-04-01').alerts.some((a) => a.key.startsWith('summary.')));
});
