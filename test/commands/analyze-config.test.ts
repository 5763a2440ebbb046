// `yaoli analyze` reads the machine configuration as every command does (docs/config.md):
// YAOLI_LANG or config.json's lang is the report language when --lang is not given, and a bad
// configuration stops it with exit 2 naming the setting and its source. In-process, with its
// own environment and a temporary data folder, so the machine's own config cannot leak in.
import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze, type AnalyzeRun } from './analyze-run.ts';

const home = mkdtempSync(join(tmpdir(), 'yaoli-analyze-config-'));
const NOW = () => new Date('2025-11-03T02:00:00Z');

function configFile(name: string, contents: unknown): string {
  const file = join(home, name);
  writeFileSync(file, JSON.stringify(contents));
  return file;
}

function analyze(args: string[], env: Record<string, string> = {}): Promise<AnalyzeRun> {
  return runAnalyze(['--input', 'examples/empty-history.json', ...args], NOW, { YAOLI_HOME: home, ...env });
}

test.serial('no configuration: the report is in zh-TW', async (t) => {
  const { code, stdout } = await analyze([]);
  t.is(code, 0);
  t.true(stdout.startsWith('雲端藥歷分析\n'));
});

test.serial('YAOLI_LANG=en makes the report English; --lang still wins', async (t) => {
  t.true((await analyze([], { YAOLI_LANG: 'en' })).stdout.startsWith('MediCloud medication-history analysis\n'));
  t.true((await analyze(['--lang', 'zh-TW'], { YAOLI_LANG: 'en' })).stdout.startsWith('雲端藥歷分析\n'));
  t.is(JSON.parse((await analyze(['--json'], { YAOLI_LANG: 'en_US.UTF-8' })).stdout).lang, 'en');
});

test.serial('config.json lang: en, named by --config or YAOLI_CONFIG, makes the report English', async (t) => {
  const file = configFile('english.json', { lang: 'en' });
  t.true((await analyze(['--config', file])).stdout.startsWith('MediCloud medication-history analysis\n'));
  t.true((await analyze([], { YAOLI_CONFIG: file })).stdout.startsWith('MediCloud medication-history analysis\n'));
});

test.serial('a bad configuration exits 2 naming the setting and its source in both languages, even with --lang', async (t) => {
  const badLang = await analyze(['--lang', 'zh-TW'], { YAOLI_LANG: 'fr' });
  t.is(badLang.code, 2);
  t.is(badLang.stdout, '');
  t.regex(badLang.stderr, /設定 lang 應為 zh-TW 或 en，但 環境變數 YAOLI_LANG 給的是/);
  t.regex(badLang.stderr, /setting lang must be zh-TW or en, but environment variable YAOLI_LANG gives/);
  const badReaders = await analyze([], { YAOLI_READERS: 'usb' });
  t.is(badReaders.code, 2, 'any bad setting, as every command');
  const unknownKey = await analyze(['--config', configFile('typo.json', { language: 'en' })]);
  t.is(unknownKey.code, 2);
  t.regex(unknownKey.stderr, /unknown setting language/);
  const missing = await analyze(['--config', join(home, 'no-such.json')]);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /does not exist/);
});
