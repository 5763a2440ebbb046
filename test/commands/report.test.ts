// `yaoli report` end to end: the real entry point in a child process (TZ=UTC), a real cache.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { openCache } from '../../src/core/cache/index.ts';
import { nationalIdCheckDigit } from '../../src/core/domain/national-id.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STAFF = 'B120863158';

function id(n: number): string {
  const first9 = `Q2${String(n).padStart(7, '0')}`;
  return `${first9}${nationalIdCheckDigit(first9)}`;
}

function yaoli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'report', ...args], { cwd: root, env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function seeded(t: ExecutionContext): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-report-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'cache.db');
  const { cache } = openCache({ path: db, keyFile: join(dir, 'cache.key') });
  const at = (iso: string) => new Date(iso);
  cache.audit.append({ action: 'lookup', at: at('2026-10-01T01:00:00Z'), staffId: STAFF, staffRole: 'pharmacist', patientId: id(1), consent: 'pin', latencies: { total: 400, imue0008s02: 250 }, outcome: 'ok' });
  cache.audit.append({ action: 'lookup', at: at('2026-10-02T01:00:00Z'), staffId: STAFF, staffRole: 'pharmacist', patientId: id(2), consent: 'emergency', reason: '昏迷, "急診"', latencies: { total: 600 }, outcome: 'failed-timeout' });
  // 11-01 00:30 at the counter: November, though it is still October in UTC.
  cache.audit.append({ action: 'lookup', at: at('2026-10-31T16:30:00Z'), staffId: STAFF, staffRole: 'pharmacist', patientId: id(3), consent: 'verbal', latencies: { total: 500 }, outcome: 'ok' });
  cache.close();
  return { dir, db };
}

test('table: Taipei months, response times, staff masked, the reason shown; no clear ID anywhere', async (t) => {
  const { db } = seeded(t);
  const { code, stdout, stderr } = await yaoli(['--db', db, '--from', '2026-10-01', '--to', '2026-11-30', '--by', 'month']);
  t.is(code, 0, stderr);
  t.regex(stdout, /藥歷查詢報表 115\/10\/01 ～ 115\/11\/30（依月）/);
  t.regex(stdout, /115\/10\s+2\s+2\s+1\s+1/);
  t.regex(stdout, /115\/11\s+1\s+1\s+0\s+0/);
  t.regex(stdout, /total\s+3\s+500\s+600\s+600\s+600/);
  t.regex(stdout, /B12\*\*\*\*158\s+藥師\s+3\s+3\s+1/);
  t.regex(stdout, /昏迷, "急診"/);
  t.regex(stdout, /timeout\s+1\s+0/);
  for (const clear of [STAFF, id(1), id(2), id(3)]) t.false(stdout.includes(clear));
});

test('csv to stdout and --out DIR (one file per figure, BOM); json parses; --lang en', async (t) => {
  const { db, dir } = seeded(t);
  const csv = await yaoli(['--db', db, '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'csv', '--lang', 'en']);
  t.is(csv.code, 0, csv.stderr);
  t.regex(csv.stdout, /^# periods\r\nfrom,to,lookups,patients/);
  t.regex(csv.stdout, /\r\n2026-10-02T01:00:00.000Z,B12\*\*\*\*158,Q20\*\*\*\*\d{3},lookup,failed-timeout,"昏迷, ""急診"""\r\n/);
  const out = join(dir, 'out');
  const files = await yaoli(['--db', db, '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'csv', '--out', out]);
  t.is(files.code, 0, files.stderr);
  t.true(existsSync(join(out, 'latency.csv')));
  const latency = readFileSync(join(out, 'latency.csv'), 'utf8');
  t.true(latency.startsWith('\ufeff項目,次數,中位數'));
  const json = await yaoli(['--db', db, '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'json']);
  t.is(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { report: { lookups: number; consent: Record<string, number>; failures: unknown[] } };
  t.is(parsed.report.lookups, 2);
  t.deepEqual(parsed.report.consent, { pin: 1, verbal: 0, emergency: 1, none: 0 });
  t.deepEqual(parsed.report.failures, [{ kind: 'timeout', failed: 1, offline: 0 }]);
});

test('--visits: 查詢率 with the 45 % threshold, bad lines listed by number', async (t) => {
  const { db, dir } = seeded(t);
  const visits = join(dir, 'visits.csv');
  writeFileSync(visits, ['visit_id,date,patient,staff', `V1,2026-10-01,${id(1)},${STAFF}`, `V2,2026-10-02,${id(2)},${STAFF}`, `V3,2026-10-03,${id(4)},`, 'V4,2026-10-03,not-an-id,', 'V5,yesterday,' + id(1) + ','].join('\n'));
  const { code, stdout } = await yaoli(['--db', db, '--from', '2026-10-01', '--to', '2026-10-31', '--visits', visits, '--lang', 'en']);
  t.is(code, 0);
  // Seen 1, 2, 4; looked up with data shown: 1 (2 failed).
  t.regex(stdout, /1 of 3 patients seen were looked up: 33\.3 % \(NHI target ≥ 45\.0 %\) ✗ below target/);
  t.regex(stdout, /2 visit-list lines could not be used \(skipped\): 5 bad patient ID or key; 6 bad date/);
  const missing = await yaoli(['--db', db, '--visits', join(dir, 'nope.csv')]);
  t.is(missing.code, 1);
  t.regex(missing.stderr, /無法讀取就醫名單 .*ENOENT/);
});

test('usage errors exit 2 with both languages; a missing cache exits 1 and creates nothing', async (t) => {
  const { db, dir } = seeded(t);
  for (const [args, message] of [
    [['--by', 'year'], /--by 需為 day、week 或 month \/ --by must be day, week or month/],
    [['--from', '2026-10-32'], /--from must be a YYYY-MM-DD date/],
    [['--from', '2026-10-05', '--to', '2026-10-01'], /--from must not be after --to/],
    [['--format', 'xml'], /--format must be table, csv or json/],
    [['--out', dir], /--out goes with --format csv only/],
    [['--nope'], /bad arguments/],
  ] as const) {
    const result = await yaoli(['--db', db, ...args]);
    t.is(result.code, 2, args.join(' '));
    t.regex(result.stderr, message);
  }
  const absent = join(dir, 'absent', 'cache.db');
  const none = await yaoli(['--db', absent]);
  t.is(none.code, 1);
  t.false(existsSync(absent));
});
