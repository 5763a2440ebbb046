// `npm run bench:ab`: another checkout's analysis against this one. It must say whether the two
// outputs agree (and where not), time both, and refuse a directory that is no checkout.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/bench/ab-analysis.ts');
const small = ['--size', '300', '--runs', '3', '--warm', '1', '--histories', '3'];
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', cwd: root });

test('this checkout against itself: the same output, and both timed', (t) => {
  const result = run(root, '--shape', 'long', ...small);
  t.is(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  t.is(lines[0], 'same output on 3 synthetic histories');
  t.is(lines[1], 'long history, 300 records, 3 runs each after 1 of warm-up, wall ms:');
  t.regex(lines[3] as string, /^ +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d {3}\/.+$/);
  t.regex(lines[4] as string, /^ +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d {3}this checkout$/);
});

test('a checkout whose analysis answers otherwise is named with the histories that differ', (t) => {
  const other = mkdtempSync(join(tmpdir(), 'yaoli-ab-'));
  t.teardown(() => rmSync(other, { recursive: true, force: true }));
  mkdirSync(join(other, 'src/core/domain'), { recursive: true });
  const real = pathToFileURL(join(root, 'src/core/domain/analysis.ts')).href;
  // Drops the last alert: every history here has alerts, so every one differs.
  writeFileSync(
    join(other, 'src/core/domain/analysis.ts'),
    `import { analyzeHistory as real } from '${real}';\nexport function analyzeHistory(h, today) { const a = real(h, today); return { ...a, alerts: a.alerts.slice(0, -1) }; }\n`,
  );
  const result = run(other, ...small);
  t.is(result.status, 0, result.stderr);
  t.is(result.stdout.split('\n')[0], 'the output differs on 3 of 3 synthetic histories (seeds 0, 1, 2)');
});

test('with --histories 0 the outputs are not compared, and it says so', (t) => {
  const result = run(root, '--size', '200', '--runs', '1', '--warm', '0', '--histories', '0');
  t.is(result.status, 0, result.stderr);
  t.is(result.stdout.split('\n')[0], 'output not compared (--histories 0)');
});

test('a directory without the analysis is refused, in both languages', (t) => {
  const result = run(tmpdir(), ...small);
  t.is(result.status, 2);
  t.regex(result.stderr, /usage: npm run bench:ab -- OTHER_CHECKOUT/);
  t.regex(result.stderr, /用法：/);
});
