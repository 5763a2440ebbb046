// `yaoli report`: the owner's figures from the local audit log — look-ups and patients per
// period, response times, look-ups per staff member, 查詢藥歷病人數比率 against a visit list,
// the care-list 開啟率, consent, emergency look-ups and failures. Text (CJK-aligned tables and
// small charts), CSV (stdout or one file per figure with --out) or JSON. See docs/reports.md.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bothLanguages, catalogue, parseLang, translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/index.ts';
import type { Cache } from '../core/cache/index.ts';
import { errnoCode } from '../core/errno.ts';
import { renderReportCsv, renderReportText, reportFromCache, resolvePeriod, todayInTaipei, writeReportFiles, ReportWriteError } from '../core/report/index.ts';
import type { Granularity } from '../core/report/index.ts';
import { cliConfig, EXIT_FAILED, EXIT_OK, EXIT_USAGE, failWith, openForCli, pathOptions } from './cache/shared.ts';
import { argsFacts, BAD_ARGUMENTS } from './args-problem.ts';

const m = catalogue({
  usage: {
    'zh-TW': [
      '用法：yaoli report [--from 日期] [--to 日期] [--by day|week|month] [--format table|csv|json]',
      '                   [--visits 就醫名單.csv] [--out 資料夾] [--db 路徑 --key 路徑] [--lang zh-TW|en] [--ascii] [--config 檔案]',
      '  依本機稽核紀錄產生報表；日期為台北時間 YYYY-MM-DD，預設為上個月。',
      '  --visits：就醫名單 CSV（visit_id,date,patient,staff[,care_list][,five_classes]），用於查詢率與開啟率分母。',
      '  --out：搭配 --format csv，每項統計寫成一個檔案（UTF-8 含 BOM，可用 Excel 開啟）。',
    ].join('\n'),
    en: [
      'usage: yaoli report [--from DATE] [--to DATE] [--by day|week|month] [--format table|csv|json]',
      '                    [--visits VISITS.csv] [--out DIR] [--db PATH --key PATH] [--lang zh-TW|en] [--ascii] [--config FILE]',
      '  Figures from the local audit log; dates are Asia/Taipei YYYY-MM-DD, last month by default.',
      '  --visits: visit list CSV (visit_id,date,patient,staff[,care_list][,five_classes]) for the lookup share and the open-rate denominator.',
      '  --out: with --format csv, one file per figure (UTF-8 with BOM, opens in Excel).',
    ].join('\n'),
  },
  'error.args': BAD_ARGUMENTS,
  'error.from': { 'zh-TW': '--from 需為 YYYY-MM-DD 日期', en: '--from must be a YYYY-MM-DD date' },
  'error.to': { 'zh-TW': '--to 需為 YYYY-MM-DD 日期', en: '--to must be a YYYY-MM-DD date' },
  'error.order': { 'zh-TW': '--from 不可晚於 --to', en: '--from must not be after --to' },
  'error.too-long': { 'zh-TW': '期間過長（最多約十年）', en: 'the period is too long (ten years at most)' },
  'error.by': { 'zh-TW': '--by 需為 day、week 或 month', en: '--by must be day, week or month' },
  'error.format': { 'zh-TW': '--format 需為 table、csv 或 json', en: '--format must be table, csv or json' },
  'error.out': { 'zh-TW': '--out 只能搭配 --format csv', en: '--out goes with --format csv only' },
  'error.visits': { 'zh-TW': '無法讀取就醫名單 {file}：{code}', en: 'cannot read the visit list {file}: {code}' },
  'error.visits-size': { 'zh-TW': '就醫名單 {file} 過大（上限 64 MB）', en: 'the visit list {file} is too large (64 MB at most)' },
  written: { 'zh-TW': '已寫入 {count} 個檔案到 {dir}', en: '{count} files written to {dir}' },
  'visits.skipped': { 'zh-TW': '就醫名單略過 {count} 行（見報表）', en: '{count} visit-list lines skipped (see the report)' },
});

const MAX_VISITS_BYTES = 64 * 1024 * 1024;
const BY: readonly Granularity[] = ['day', 'week', 'month'];
const FORMATS = ['table', 'csv', 'json'] as const;

function usage(key: keyof typeof m, facts: Record<string, string> = {}): number {
  console.error(`${bothLanguages(m[key], facts)}\n\n${m.usage['zh-TW']}\n\n${m.usage.en}`);
  return EXIT_USAGE;
}

export async function run(argv: string[], clock: () => Date = () => new Date()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`${m.usage['zh-TW']}\n\n${m.usage.en}`);
    return EXIT_OK;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...pathOptions,
        from: { type: 'string' },
        to: { type: 'string' },
        by: { type: 'string', default: 'day' },
        format: { type: 'string', default: 'table' },
        visits: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        ascii: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage('error.args', argsFacts(error));
  }
  const period = resolvePeriod({ from: values.from, to: values.to }, todayInTaipei(clock()));
  if ('problem' in period) return usage(`error.${period.problem}`);
  if (!BY.includes(values.by as Granularity)) return usage('error.by');
  const by = values.by as Granularity;
  if (!(FORMATS as readonly string[]).includes(values.format)) return usage('error.format');
  const format = values.format as (typeof FORMATS)[number];
  if (values.out !== undefined && format !== 'csv') return usage('error.out');

  let visitsCsv: string | undefined;
  if (values.visits !== undefined) {
    try {
      if (statSync(values.visits).size > MAX_VISITS_BYTES) {
        console.error(bothLanguages(m['error.visits-size'], { file: values.visits }));
        return EXIT_FAILED;
      }
      visitsCsv = readFileSync(values.visits, 'utf8');
    } catch (error) {
      console.error(bothLanguages(m['error.visits'], { file: values.visits, code: errnoCode(error) }));
      return EXIT_FAILED;
    }
  }

  let cache: Cache | undefined;
  try {
    const { config } = cliConfig(values);
    cache = openForCli({ db: config.cachePath, keyFile: config.keyFile }, clock, false).cache;
    // --lang, then the machine's config (YAOLI_LANG / config.json), then the institution's setting.
    const lang: Lang = values.lang !== undefined ? parseLang(values.lang) : (config.lang ?? cache.settings.get('lang'));
    const { report, visitProblems } = reportFromCache(cache, { from: period.from, to: period.to, by, visitsCsv });
    if (format === 'json') {
      console.log(JSON.stringify({ report, visitProblems }, null, 2));
    } else if (format === 'table') {
      console.log(renderReportText(report, { lang, ascii: values.ascii, visitProblems }).join('\n'));
    } else if (values.out === undefined) {
      process.stdout.write(renderReportCsv(report, lang));
      if (visitProblems.length > 0) console.error(bothLanguages(m['visits.skipped'], { count: visitProblems.length }));
    } else {
      return writeTables(values.out, report, lang, visitProblems.length);
    }
    return EXIT_OK;
  } catch (error) {
    return failWith(error);
  } finally {
    cache?.close();
  }
}

function writeTables(dir: string, report: Parameters<typeof writeReportFiles>[1], lang: Lang, skipped: number): number {
  let files: string[];
  try {
    files = writeReportFiles(dir, report, lang);
  } catch (error) {
    if (!(error instanceof ReportWriteError)) throw error;
    // Its message is already in both languages.
    console.error(error.message);
    return EXIT_FAILED;
  }
  console.log(translate(m, 'written', lang, { count: files.length, dir }));
  if (skipped > 0) console.error(bothLanguages(m['visits.skipped'], { count: skipped }));
  return EXIT_OK;
}
