// The cache and audit CLIs end to end: the real entry point in a child process, real files.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { openCache } from '../../src/core/cache/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PATIENT_ID = 'A123456789';
const STAFF_ID = 'B120863158';

function yaoli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, TZ: 'UTC', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function seeded(t: ExecutionContext): { db: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'cache.db');
  const key = join(dir, 'cache.key');
  const { cache } = openCache({ path: db, keyFile: key });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { robject: [] } }]);
  cache.audit.append({ action: 'lookup', staffId: STAFF_ID, staffRole: 'pharmacist', patientId: PATIENT_ID, consent: 'emergency', reason: '昏迷', latencies: { imue0008s02: 210 }, outcome: 'ok' });
  cache.close();
  return { db, key };
}

test('cache info reports counts, integrity and the key file mode (--db finds cache.key beside it)', async (t) => {
  const { db } = seeded(t);
  const { code, stdout } = await yaoli(['cache', 'info', '--db', db, '--json']);
  t.is(code, 0);
  const info = JSON.parse(stdout) as { patients: number; snapshots: number; integrity: string[]; auditRows: number; keyFile: { mode: string } };
  t.is(info.patients, 1);
  t.is(info.snapshots, 1);
  t.deepEqual(info.integrity, ['ok']);
  t.is(info.auditRows, 1);
  t.is(info.keyFile.mode, '0600');
});

test('audit verify exits 0 on an intact chain and 1 after an edit; tail is masked', async (t) => {
  const { db, key } = seeded(t);
  const ok = await yaoli(['audit', 'verify', '--db', db, '--key', key]);
  t.is(ok.code, 0);
  t.regex(ok.stdout, /audit log intact \(1 rows\)/);
  const tail = await yaoli(['audit', 'tail', '-n', '5', '--db', db]);
  t.is(tail.code, 0);
  t.regex(tail.stdout, /B12\*\*\*\*158 {2}pharmacist {2}A12\*\*\*\*789 {2}lookup {2}consent=emergency {2}outcome=ok {2}imue0008s02=210ms {2}reason=yes/);
  t.false(tail.stdout.includes(PATIENT_ID));
  t.false(tail.stdout.includes(STAFF_ID));
  t.false(tail.stdout.includes('昏迷'), 'the reason text stays out of the tail');
  const raw = new Database(db);
  raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET consent = 'pin' WHERE seq = 1");
  raw.close();
  const broken = await yaoli(['audit', 'verify', '--db', db]);
  t.is(broken.code, 1);
  t.regex(broken.stdout, /breaks at row 1 \(hash-mismatch\)/);
});

test('cache purge --all empties the cache and logs itself; bad arguments exit 2', async (t) => {
  const { db } = seeded(t);
  const purge = await yaoli(['cache', 'purge', '--all', '--db', db]);
  t.is(purge.code, 0);
  t.regex(purge.stdout, /deleted 1 snapshots and 1 patients/);
  const tail = await yaoli(['audit', 'tail', '--db', db]);
  t.regex(tail.stdout, /cache-purge-all/);
  t.is((await yaoli(['cache', 'purge', '--older-than', 'soon', '--db', db])).code, 2);
  t.is((await yaoli(['cache', 'purge', '--all', '--older-than', '3', '--db', db])).code, 2);
  t.is((await yaoli(['audit', 'tail', '-n', '0', '--db', db])).code, 2);
});

test('a cache error is a bilingual message and exit 1, with no stack trace', async (t) => {
  const { db, key } = seeded(t);
  chmodSync(key, 0o644);
  const result = await yaoli(['cache', 'info', '--db', db]);
  t.is(result.code, 1);
  t.regex(result.stderr, /金鑰檔權限過寬.*\/ The key file is readable by other users/);
  t.false(result.stderr.includes('    at '));
});

test('rotate-key via the CLI keeps the chain verifiable', async (t) => {
  const { db } = seeded(t);
  const rotated = await yaoli(['cache', 'rotate-key', '--db', db]);
  t.is(rotated.code, 0);
  t.regex(rotated.stdout, /re-encrypted 1 patients, 1 snapshots, 0 staff, 1 audit rows/);
  const verify = await yaoli(['audit', 'verify', '--db', db]);
  t.is(verify.code, 0);
  t.regex(verify.stdout, /\(2 rows\)/);
});

test('a mistyped --db is not-found (exit 1) and creates nothing', async (t) => {
  const { db } = seeded(t);
  const result = await yaoli(['audit', 'verify', '--db', `${db}x`]);
  t.is(result.code, 1);
  t.regex(result.stderr, /No local cache file/);
  t.false(existsSync(`${db}x`));
});
