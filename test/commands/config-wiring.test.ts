// The commands read yaoli's config: config.json and the YAOLI_* variables reach the doctor's
// probes, the cache CLI, `card sam-init` and the kiosk, their own flags still win, and a bad
// value stops each of them with exit 2 naming its source. Real files in temp folders; the
// CLIs run as child processes through the real entry point.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { openCache } from '../../src/core/cache/index.ts';
import { doctor, type DoctorIo } from '../../src/commands/doctor.ts';
import { defaultProbes } from '../../src/device/diagnostics/index.ts';
import { writeDemoSamFile } from '../../src/device/virtual/demo-sam.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function folder(t: ExecutionContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-wiring-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function yaoli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('YAOLI_')));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...base, TZ: 'UTC', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function doctorIo(env: Record<string, string>): DoctorIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) }),
    stderr: new Writable({ write: (chunk, _enc, done) => ((err += String(chunk)), done()) }),
    env,
    out: () => out,
    err: () => err,
  };
}

const samProbes = defaultProbes().filter((p) => p.id === 'fs.sam-dir' || p.id === 'sam.file');

test('doctor: the SAM folder comes from config.json (relative to it); --sam-dir still wins', async (t) => {
  const dir = folder(t);
  await writeDemoSamFile(join(dir, 'sam'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ samFolder: 'sam' }));
  const streams = doctorIo({ YAOLI_HOME: dir });
  const code = await doctor(['--json'], streams, { probes: samProbes, setup: { machine: 'a'.repeat(64) } });
  const report = JSON.parse(streams.out()) as { checks: { id: string; status: string; data?: { folder?: string } }[] };
  const sam = report.checks.find((c) => c.id === 'sam.file');
  t.is(sam?.status, 'PASS');
  t.is(sam?.data?.folder, join(dir, 'sam'));
  t.is(code, 0);
  const flagged = doctorIo({ YAOLI_HOME: dir });
  t.is(await doctor(['--json', '--sam-dir', join(dir, 'none')], flagged, { probes: samProbes }), 1);
  t.regex(flagged.out(), /"status": "FAIL"/);
});

test('doctor: a bad YAOLI_CLOUD_URL exits 2 naming the variable', async (t) => {
  const streams = doctorIo({ YAOLI_HOME: folder(t), YAOLI_CLOUD_URL: 'medicloud.example' });
  t.is(await doctor([], streams, { probes: samProbes }), 2);
  t.regex(streams.err(), /setting cloudUrl must be an http\(s\) URL.*environment variable YAOLI_CLOUD_URL gives "medicloud\.example"/);
  t.is(streams.out(), '');
});

test('cache info: YAOLI_DB and config.json name the database; --db wins; a bad file exits 2', async (t) => {
  const dir = folder(t);
  const db = join(dir, 'elsewhere', 'pharmacy.db');
  mkdirSync(join(dir, 'elsewhere'));
  openCache({ path: db, keyFile: join(dir, 'elsewhere', 'cache.key') }).cache.close();
  const byEnv = await yaoli(['cache', 'info', '--json'], { YAOLI_HOME: dir, YAOLI_DB: db });
  t.is(byEnv.code, 0, byEnv.stderr);
  t.is((JSON.parse(byEnv.stdout) as { path: string }).path, db);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ cachePath: 'elsewhere/pharmacy.db' }));
  const byFile = await yaoli(['cache', 'info', '--json'], { YAOLI_HOME: dir });
  t.is(byFile.code, 0, byFile.stderr);
  t.is((JSON.parse(byFile.stdout) as { path: string }).path, db);
  const byFlag = await yaoli(['cache', 'info', '--db', join(dir, 'missing.db')], { YAOLI_HOME: dir });
  t.is(byFlag.code, 1, 'the flag wins: that database does not exist');
  t.false(existsSync(join(dir, 'missing.db')));
  writeFileSync(join(dir, 'config.json'), '{"cachePath": ""}');
  const bad = await yaoli(['audit', 'verify'], { YAOLI_HOME: dir });
  t.is(bad.code, 2);
  t.regex(bad.stderr, /設定 cachePath 應為 非空白的路徑.*config\.json/);
});

test('card sam-init writes into YAOLI_SAM_DIR; kiosk stops on a bad reader setting before drawing anything', async (t) => {
  const dir = folder(t);
  const init = await yaoli(['card', 'sam-init'], { YAOLI_HOME: dir, YAOLI_SAM_DIR: join(dir, 'nhi-sam') });
  t.is(init.code, 0, init.stderr);
  t.is(readdirSync(join(dir, 'nhi-sam')).filter((name) => name.endsWith('.SAM')).length, 1);
  const kiosk = await yaoli(['kiosk', '--readers', 'usb'], { YAOLI_HOME: dir });
  t.is(kiosk.code, 2);
  t.regex(kiosk.stderr, /setting readers must be virtual, pcsc or auto, but flag --readers gives "usb"/);
  const env = await yaoli(['kiosk'], { YAOLI_HOME: dir, YAOLI_READERS: 'serial' });
  t.is(env.code, 2);
  t.regex(env.stderr, /環境變數 YAOLI_READERS 給的是 "serial"/);
});
