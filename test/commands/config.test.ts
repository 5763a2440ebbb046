// `yaoli config` end to end: the real entry point in a child process, a real config file in a
// temp $YAOLI_HOME, the environment and flags on top.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import type { ExecutionContext } from 'ava';

const root = fileURLToPath(new URL('../../', import.meta.url));

function yaoli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only the variables this test means: none of the developer's YAOLI_* settings leak in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('YAOLI_')));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'config', ...args], { cwd: root, env: { ...base, TZ: 'UTC', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function home(t: ExecutionContext, config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-config-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  if (config !== undefined) writeFileSync(join(dir, 'config.json'), config);
  return dir;
}

interface ConfigJson {
  file: { path: string; found: boolean };
  config: { dataDir: string; readers: string; cloudUrl: string | null; cachePath: string; keyFile: string; prefetchConcurrency: number; timeouts: { bodyMs: number } };
  sources: Record<string, { layer: string; name?: string; path?: string; follows?: string }>;
}

test('--json: the effective values and where each came from (file, env, flag, default)', async (t) => {
  const dir = home(t, JSON.stringify({ readers: 'pcsc', prefetchConcurrency: 6, timeouts: { bodyMs: 15000 } }));
  const { code, stdout, stderr } = await yaoli(['--json', '--db', join(dir, 'other', 'c.db')], { YAOLI_HOME: dir, YAOLI_CLOUD_URL: 'https://medicloud.example/' });
  t.is(code, 0, stderr);
  const out = JSON.parse(stdout) as ConfigJson;
  t.deepEqual(out.file, { path: join(dir, 'config.json'), found: true, source: { layer: 'default', follows: 'dataDir' } } as ConfigJson['file']);
  t.like(out.config, { dataDir: dir, readers: 'pcsc', cloudUrl: 'https://medicloud.example/', cachePath: join(dir, 'other', 'c.db'), keyFile: join(dir, 'other', 'cache.key'), prefetchConcurrency: 6 });
  t.is(out.config.timeouts.bodyMs, 15000);
  t.deepEqual(out.sources['dataDir'], { layer: 'env', name: 'YAOLI_HOME' });
  t.deepEqual(out.sources['readers'], { layer: 'file', path: join(dir, 'config.json') });
  t.deepEqual(out.sources['cloudUrl'], { layer: 'env', name: 'YAOLI_CLOUD_URL' });
  t.deepEqual(out.sources['cachePath'], { layer: 'flag', name: '--db' });
  t.deepEqual(out.sources['keyFile'], { layer: 'default', follows: 'cachePath' });
  t.deepEqual(out.sources['samFolder'], { layer: 'default' });
});

test('text: one line per setting with its source; a missing file is said to be unused', async (t) => {
  const dir = home(t);
  const { code, stdout } = await yaoli([], { YAOLI_HOME: dir, YAOLI_READERS: 'auto' });
  t.is(code, 0);
  t.regex(stdout, /不存在，未使用 not found, not used/);
  t.regex(stdout, /readers +auto +環境變數 env YAOLI_READERS/);
  t.regex(stdout, /cloudUrl +null 內建模擬器 simulator +預設 default/);
  t.regex(stdout, /keyFile +.*cache\.key +預設 default ← cachePath/);
});

test('a bad value exits 2 and names the key and its source in both languages', async (t) => {
  const dir = home(t, '{"readers": "usb"}');
  const file = await yaoli(['--json'], { YAOLI_HOME: dir });
  t.is(file.code, 2);
  t.is(file.stdout, '');
  t.regex(file.stderr, /設定 readers 應為 virtual、pcsc 或 auto，但 設定檔 .*config\.json 給的是 "usb"/);
  t.regex(file.stderr, /setting readers must be virtual, pcsc or auto, but config file .*config\.json gives "usb"/);
  const broken = await yaoli([], { YAOLI_HOME: home(t, '{"readers": ') });
  t.is(broken.code, 2);
  t.regex(broken.stderr, /is not valid JSON/);
  const flag = await yaoli(['--concurrency', 'many'], { YAOLI_HOME: dir, YAOLI_CONFIG: join(dir, 'none.json') });
  t.is(flag.code, 2);
  t.regex(flag.stderr, /the config file .*none\.json named by environment variable YAOLI_CONFIG does not exist/);
  t.regex(flag.stderr, /prefetchConcurrency must be a whole number from 1 to 16, but flag --concurrency gives "many"/);
});
