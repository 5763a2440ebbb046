// `yaoli analyze --lang en` prints ISO days (2025-11-07), never an unlabelled ROC 114/11/07;
// zh-TW keeps ROC, as the counter reads it. Every table and every alert with a date: refills
// (too early, collectable, expired, anomalies), duplicates, the care list, eGFR, allergies.
import test from 'ava';
import { readFileSync } from 'node:fs';
import type { Lang } from '../../src/i18n/index.ts';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { mapBundle } from '../../src/core/medicloud/index.ts';
import { analysisJson } from '../../src/commands/analyze/json.ts';
import { renderReport } from '../../src/commands/analyze/report.ts';
import { alertMessages } from '../../src/core/domain/messages.ts';

const ROC_DAY_OR_MONTH = /(?<![\d/-])\d{3}\/\d{2}(?:\/\d{2})?(?![\d/])/;

function bundleOf(path: string): any {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

/** The examples on their own days and later ones (expired refills), the holiday fixture, and a refill anomaly. */
function cases(): [string, any, string][] {
  const anomaly = bundleOf('examples/chronic-refill-elderly.json');
  // The amlodipine pickup dated before its prescription (114/09/26): refill.anomaly.fill-before-prescription.
  anomaly.chronic.chrDataN[2].rel_date = '114/09/20';
  return [
    ['chronic-refill-elderly', bundleOf('examples/chronic-refill-elderly.json'), '2025-11-03'],
    ['chronic-refill-elderly (expired)', bundleOf('examples/chronic-refill-elderly.json'), '2026-01-10'],
    ['chronic-refill-elderly (a fill before its prescription)', anomaly, '2025-11-03'],
    ['hypnotic-care-list', bundleOf('examples/hypnotic-care-list.json'), '2025-10-20'],
    ['combination-duplicate', bundleOf('examples/combination-duplicate.json'), '2025-11-10'],
    ['empty-history', bundleOf('examples/empty-history.json'), '2025-11-03'],
    ['chronic-holiday (collectable)', bundleOf('test/commands/fixtures/chronic-holiday.json'), '2026-02-10'],
  ];
}

function outputs(bundle: any, today: string, lang: Lang): { report: string; messages: string[]; alertKeys: string[] } {
  const history = mapBundle(bundle);
  const analysis = analyzeHistory(history, today);
  const json = analysisJson(analysis, lang, history.cloudLeftover);
  return { report: renderReport(analysis, lang, history.cloudLeftover), messages: json.alerts.map((a) => a.message), alertKeys: json.alerts.map((a) => a.key) };
}

test('in English no table or alert prints an ROC date; in zh-TW the same dates are ROC', (t) => {
  const keys = new Set<string>();
  for (const [name, bundle, today] of cases()) {
    const en = outputs(bundle, today, 'en');
    en.alertKeys.forEach((key) => keys.add(key));
    const line = en.report.split('\n').find((text) => ROC_DAY_OR_MONTH.test(text));
    t.is(line, undefined, `${name}: ${line}`);
    for (const message of en.messages) t.false(ROC_DAY_OR_MONTH.test(message), `${name}: ${message}`);
    t.regex(outputs(bundle, today, 'zh-TW').report, /查詢日 \d{3}\/\d{2}\/\d{2}/, name);
  }
  // The cases reach every alert that carries a date.
  for (const key of ['refill.too-early', 'refill.eligible', 'refill.expired', 'refill.anomaly.fill-before-prescription', 'duplicate.L4', 'duplicate.L2.cross', 'careList.overReference', 'summary.ckd']) {
    t.true(keys.has(key), key);
  }
});

test('an alert names the same days in both languages, ROC in zh-TW and ISO in English', (t) => {
  const [, bundle, today] = cases()[0] as [string, any, string];
  const zh = outputs(bundle, today, 'zh-TW').report;
  const en = outputs(bundle, today, 'en').report;
  // The alert names the refill pickup by its prescriber (示範醫學中心) and where it was collected
  // on that day (示範社區藥局), as the records table's row of that day does.
  t.regex(zh, /NORVASC TABLETS 5MG \(AMLODIPINE\) \(示範醫學中心→示範社區藥局 114\/10\/20\)/);
  t.regex(en, /NORVASC TABLETS 5MG \(AMLODIPINE\) \(示範醫學中心→示範社區藥局 2025-10-20\)/);
  t.regex(en, /^2025-09-26 +2025-10-20 +示範社區藥局 +NORVASC/m, 'visit and pickup days');
  t.regex(en, /Latest eGFR 34 \(2025-09-15\)/);
  const care = outputs(bundleOf('examples/hypnotic-care-list.json'), '2025-10-20', 'en').report;
  t.regex(care, /ZOLPIDEM \(TARTRATE\+HEMITARTRATE\) totals 2800 mg \(280 DDD\) over the last 183 days \(2025-04-21 to 2025-10-20\), more than half a year at the WHO DDD \(1825 mg\)/);
  t.regex(care, /^ZOLPIDEM \(TARTRATE\+HEMITARTRATE\) +2025-10 +2 +2 +700 +70 +1825$/m);
});

test('a fact that holds a date is shown through a date placeholder in both templates', (t) => {
  // Facts keep ISO dates; only a {name:day} or {name:month} placeholder turns them ROC for the
  // counter. A date fact left in a plain {name} would print ISO at a zh-TW counter.
  const isoDate = /\b\d{4}-\d{2}(?:-\d{2})?\b/;
  let checked = 0;
  for (const [name, bundle, today] of [...cases(), fillsUnknownCase()]) {
    for (const alert of analyzeHistory(mapBundle(bundle), today).alerts) {
      const entry = alertMessages[alert.key as keyof typeof alertMessages];
      t.truthy(entry, alert.key);
      for (const [fact, value] of Object.entries(alert.facts)) {
        if (!(Array.isArray(value) ? value : [value]).some((v) => isoDate.test(String(v)))) continue;
        for (const lang of ['zh-TW', 'en'] as const) {
          const template = entry[lang];
          if (!template.includes(`{${fact}`)) continue;
          t.regex(template, new RegExp(`\\{${fact}:(day|month)\\}`), `${name}: ${alert.key} {${fact}} (${lang})`);
          checked++;
        }
      }
    }
  }
  t.true(checked > 20, `${checked} date placeholders checked`);
});

/** A chronic prescription the cloud lists without its number of fills: refill.fills-unknown names its date. */
function fillsUnknownCase(): [string, any, string] {
  const bundle = bundleOf('examples/chronic-refill-elderly.json');
  for (const row of bundle.chronic.chrDataN) row.chr_num = row.chr_days = null;
  return ['fills unknown', bundle, '2025-11-03'];
}

test('refill.fills-unknown names the prescription day ROC in zh-TW and ISO in English', (t) => {
  const [, bundle, today] = fillsUnknownCase();
  const zh = outputs(bundle, today, 'zh-TW').messages.find((m) => m.includes('雲端未提供可調劑次數'));
  const en = outputs(bundle, today, 'en').messages.find((m) => m.includes('no number of fills'));
  t.regex(zh ?? '', /\d{3}\/\d{2}\/\d{2} 開立/);
  t.regex(en ?? '', /, \d{4}-\d{2}-\d{2}\)/);
  t.false(ROC_DAY_OR_MONTH.test(en ?? ''));
});
