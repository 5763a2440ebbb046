// NHI's 摘要 notes on the kiosk's summary tab: under the alerts, as plain text lines, the CKD
// warning among the alerts above them; no notes, no section.
import test from 'ava';
import { renderAt } from './harness.ts';
import { app, duplicateHistory, logIn, makeStore, openPatient, TODAY } from './fixtures.tsx';
import { plain } from './plain.ts';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import type { PatientHistory } from '../../src/core/domain/types.ts';
import { summaryLines } from '../../src/ui/tabs/summary-lines.ts';

const CKD_TEXT = '此病人腎功能不佳，最近一筆eGFR值為[34]，採檢日期為[115/10/14]';

function withNotes(): PatientHistory {
  return {
    ...duplicateHistory(),
    summary: [
      { kind: 'ckd', text: CKD_TEXT, egfr: 34, egfrDate: '2026-10-14', icon: 'summary-icon-3.png' },
      { kind: 'home-care', text: '居家醫療照護個案', icon: 'summary-icon-5.png' },
    ],
  };
}

test('summaryLines: a 雲端摘要 section after the alerts and before the allergies, one plain line per note', (t) => {
  const ids = summaryLines(analyzeHistory(withNotes(), TODAY), 'zh-TW');
  const at = (id: string) => ids.findIndex((l) => l.id === id);
  t.true(at('h-alerts') < at('h-notes') && at('h-notes') < at('h-allergies'));
  t.deepEqual(ids.filter((l) => l.id.startsWith('note-')).map((l) => [l.text, l.severity]), [[`  ${CKD_TEXT}`, null], ['  居家醫療照護個案', null]]);
  t.is(ids[at('h-notes')]?.text, '雲端摘要');
  t.true(ids.some((l) => l.id.startsWith('alert-') && l.text.includes('最近一筆 eGFR 34（115/10/14）')));
  t.is(summaryLines(analyzeHistory(withNotes(), TODAY), 'en')[at('h-notes')]?.text, 'MediCloud notes');
  t.false(summaryLines(analyzeHistory(duplicateHistory(), TODAY), 'zh-TW').some((l) => l.id === 'h-notes'), 'no notes, no section');
});

test('the summary tab shows the CKD warning and the notes under the alerts', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 100, 30);
  logIn(store);
  openPatient(store, withNotes());
  const frame = plain(await r.waitFor((f) => f.includes('雲端摘要')));
  t.true(frame.includes('最近一筆 eGFR 34（115/10/14）：腎功能不佳，請注意用藥劑量'));
  t.true(frame.includes('居家醫療照護個案'));
  t.true(frame.indexOf('雲端摘要') < frame.indexOf('居家醫療照護個案'));
  r.instance.unmount();
});

test('the kiosk in English names alert dates ISO, never an unlabelled ROC day; zh-TW keeps ROC', (t) => {
  const analysis = analyzeHistory(withNotes(), TODAY);
  const alertLines = (lang: 'zh-TW' | 'en') => summaryLines(analysis, lang).filter((l) => l.id.startsWith('alert-')).map((l) => l.text);
  const en = alertLines('en');
  t.true(en.some((text) => text.includes('Latest eGFR 34 (2026-10-14)')));
  t.true(en.some((text) => /\(\S+ \d{4}-\d{2}-\d{2}\)/.test(text)), 'a duplicate names each record with its ISO day');
  for (const text of en) t.notRegex(text, /(?<![\d/-])\d{3}\/\d{2}\/\d{2}/, text);
  t.true(alertLines('zh-TW').some((text) => /\(\S+ \d{3}\/\d{2}\/\d{2}\)/.test(text)));
});
