// The CSV export's folder write: one file per figure, and a failure that says so in both
// languages with the file and the system's code (the kiosk audits `write-<code>`).
import test from 'ava';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeReport, ReportWriteError, writeReportFiles } from '../../../src/core/report/index.ts';

const OCT = computeReport([], { from: '2026-10-01', to: '2026-10-31', by: 'week' });

function folder(t: import('ava').ExecutionContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-write-files-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('one CSV file per figure, in a folder it creates', (t) => {
  const dir = join(folder(t), 'exports', '2026-11-03-2026-10-01_2026-10-31');
  const files = writeReportFiles(dir, OCT, 'en');
  t.is(files.length, 10);
  t.deepEqual(readdirSync(dir).sort(), files.map((f) => f.slice(dir.length + 1)).sort());
});

test('a folder that cannot be made is a ReportWriteError with its code, said in zh-TW and English', (t) => {
  const base = folder(t);
  writeFileSync(join(base, 'taken'), 'a file where the folder should go');
  const dir = join(base, 'taken', 'exports');
  const error = t.throws(() => writeReportFiles(dir, OCT, 'zh-TW'), { instanceOf: ReportWriteError });
  t.is(error?.kind, 'report-write');
  t.is(error?.code, 'ENOTDIR');
  t.is(error?.message, `無法寫入 ${dir}：ENOTDIR / cannot write ${dir}: ENOTDIR`);
});
