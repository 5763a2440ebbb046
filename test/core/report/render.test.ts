// Rendering: CJK-aligned tables, charts, CSV sections, both languages, masked IDs only.
import test from 'ava';
import { bar, computeReport, renderReportCsv, renderReportText, reportTables, sparkline } from '../../../src/core/report/index.ts';
import { parseCsv } from '../../../src/core/report/csv.ts';
import { displayWidth } from '../../../src/text/table.ts';
import { row } from './helpers.ts';

const rows = [
  row('2026-10-01T01:00:00Z', { latencies: { total: 400 } }),
  row('2026-10-01T02:00:00Z', { staffMasked: 'A12****789', staffRole: 'doctor', patientKey: 'k2' }),
  row('2026-10-02T02:00:00Z', { action: 'lookup-start', consent: 'emergency', patientKey: null, outcome: 'started', reason: '昏迷, 無法出示健保卡 "急診"' }),
  row('2026-10-03T02:00:00Z', { outcome: 'failed-timeout' }),
];
const report = computeReport(rows, { from: '2026-10-01', to: '2026-10-04', by: 'day' });

test('sparkline and bars scale to the largest value; zero stays empty; ASCII fallback', (t) => {
  t.is(sparkline([0, 1, 2, 4, 8]), '▁▂▃▅█');
  t.is(sparkline([0, 0]), '▁▁');
  t.is(sparkline([1, 2], true), '=#');
  t.is(bar(10, 10, 4), '████');
  t.is(bar(5, 10, 4), '██');
  t.is(bar(1, 1000, 4), '▏', 'a non-zero value always shows');
  t.is(bar(0, 10, 4), '');
  t.is(bar(3, 12, 4, true), '#');
});

test('text: every line of a table has its columns at the same display width (CJK headers are two cells)', (t) => {
  const lines = renderReportText(report, { lang: 'zh-TW' });
  // The latency table ends in right-aligned numbers, so every line has the same display width
  // only if the two-cell CJK headers (中位數, 最大) were measured as two cells.
  const start = lines.findIndex((line) => line.startsWith('■ 查詢回應時間統計'));
  t.true(start >= 0);
  const table = lines.slice(start + 1, start + 4);
  t.regex(table[0] ?? '', /中位數/);
  t.deepEqual(table.map(displayWidth), table.map(() => displayWidth(table[1] ?? '')));
  t.true(table[0]?.length !== table[2]?.length, 'code units differ, display widths agree');
  t.regex(lines.join('\n'), /期間\s+查詢次數\s+病人數/);
  t.regex(lines.join('\n'), /115\/10\/01\s+2\s+2/);
  t.regex(lines.join('\n'), /■ 查詢次數與病人數 {2}█▁▅▁/);
  t.regex(lines.join('\n'), /A12\*\*\*\*789\s+醫師\s+1/);
  t.regex(lines.join('\n'), /115\/10\/02 10:00\s+B12\*\*\*\*158/, 'emergency time at the counter (UTC 02:00 = 10:00 Taipei)');
  t.regex(lines.join('\n'), /未匯入就醫名單/);
  const en = renderReportText(report, { lang: 'en' }).join('\n');
  t.regex(en, /2026-10-01\s+2\s+2/);
  t.regex(en, /timeout\s+1\s+0/);
});

test('CSV: one section per figure with a # name line; the reason with comma and quotes survives a round trip', (t) => {
  const csv = renderReportCsv(report, 'en');
  const names = csv.split('\r\n').filter((line) => line.startsWith('# ')).map((line) => line.slice(2));
  t.deepEqual(names, ['periods', 'latency', 'cache_hits', 'staff', 'coverage', 'care_list_open_rate', 'consent', 'emergency', 'failures', 'admin']);
  const emergency = reportTables(report, 'en').find((table) => table.name === 'emergency');
  const text = renderReportCsv(report, 'en');
  const section = text.slice(text.indexOf('# emergency\r\n') + '# emergency\r\n'.length, text.indexOf('\r\n\r\n# failures'));
  const parsed = parseCsv(section).records.map((r) => r.cells);
  t.deepEqual(parsed[1], ['2026-10-02T02:00:00.000Z', 'B12****158', 'Q20****001', 'lookup-start', 'started', '昏迷, 無法出示健保卡 "急診"']);
  t.is(emergency?.rows.length, 2);
  t.regex(csv, /2026-10-01,2026-10-01,2,2,0,0\r\n/);
  t.regex(renderReportCsv(report, 'zh-TW'), /from,to,查詢次數,病人數/);
});

test('tables with every column (visit list, care-list opens) still fit an 80-column terminal, bars included', (t) => {
  const wide = computeReport(rows, { from: '2026-10-01', to: '2026-10-04', by: 'week', visits: [{ visitId: 'V1', date: '2026-10-01', patientKey: 'k1', staff: '', careList: null, fiveClasses: null }] });
  for (const lang of ['zh-TW', 'en'] as const) {
    const lines = renderReportText(wide, { lang });
    const tables = lines.filter((line) => /^ {2}\S/.test(line) && (line.includes('█') || line.includes('─')));
    t.true(tables.length > 4);
    for (const line of tables) t.true(displayWidth(line) <= 80, `${lang}: ${line}`);
  }
});
