// The probes that look at this computer: the SAM folder (every 92xx case, read-only), the SAM
// and log folders' write access, the cache file (read-only quick_check), terminal and locale.
import test from 'ava';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCache } from '../../../src/core/cache/index.ts';
import { samFileName, writeSamFile } from '../../../src/device/cards/sam-file.ts';
import { cacheProbe } from '../../../src/device/diagnostics/probes/cache.ts';
import { logFolderProbe, samFolderProbe } from '../../../src/device/diagnostics/probes/folders.ts';
import { samFileProbe } from '../../../src/device/diagnostics/probes/sam-file.ts';
import { effectiveLocale, localeProbe, terminalSizeProbe } from '../../../src/device/diagnostics/probes/terminal.ts';
import { demoSamFileContents, writeDemoSamFile } from '../../../src/device/virtual/demo-sam.ts';
import { checkOf, runProbes, tempFolder, testSetup } from './helpers.ts';

const MACHINE = 'a'.repeat(64);

async function samCheck(samDir: string) {
  return checkOf(await runProbes([samFileProbe], testSetup({ samDir, machine: MACHINE })), 'sam.file');
}

test('SAM: a good, unbound file PASSes with the institution code and is left untouched', async (t) => {
  const dir = tempFolder();
  const { file } = await writeDemoSamFile(dir);
  const before = readFileSync(file, 'utf8');
  const check = await samCheck(dir);
  const contents = demoSamFileContents();
  t.is(check.status, 'PASS', check.detail.en);
  t.is(check.data?.['hospId'], contents.hospId);
  t.regex(check.detail['zh-TW'], new RegExp(`院所代碼 ${contents.hospId}`));
  t.regex(check.detail.en, /not yet bound/);
  t.is(readFileSync(file, 'utf8'), before, 'a diagnostic does not bind the SAM file');
});

test('SAM: bound to this machine PASSes; bound to another is FAIL 9202', async (t) => {
  const mine = tempFolder();
  await writeSamFile(mine, { ...demoSamFileContents(), boundTo: { machine: MACHINE, at: '2026-11-01T00:00:00.000Z' } });
  const ok = await samCheck(mine);
  t.is(ok.status, 'PASS');
  t.regex(ok.detail.en, /bound to this computer/);
  const theirs = tempFolder();
  await writeSamFile(theirs, { ...demoSamFileContents(), boundTo: { machine: 'b'.repeat(64), at: '2026-11-01T00:00:00.000Z' } });
  const other = await samCheck(theirs);
  t.is(other.status, 'FAIL');
  t.is(other.nhiCode, '9202');
});

test('SAM: no folder, an empty folder or two files is FAIL 9200 with a fix hint', async (t) => {
  const root = tempFolder();
  const missing = await samCheck(join(root, 'nowhere'));
  t.is(missing.status, 'FAIL');
  t.is(missing.nhiCode, '9200');
  t.regex(missing.hint.en, /sam-init/);
  t.false(missing.detail.en.startsWith('['), 'the code is a field, not repeated in the detail');

  const empty = join(root, 'empty');
  mkdirSync(empty);
  t.is((await samCheck(empty)).nhiCode, '9200');

  const two = join(root, 'two');
  await writeDemoSamFile(two);
  writeFileSync(join(two, samFileName('1234567890', '000000000009')), '{}');
  const several = await samCheck(two);
  t.is(several.status, 'FAIL');
  t.is(several.nhiCode, '9200');
  t.regex(several.detail.en, /holds 2 \.SAM files/);
  t.regex(several.hint['zh-TW'], /只能留一個/);
});

test('SAM: malformed content or a bad file name is FAIL 9201', async (t) => {
  const notJson = tempFolder();
  writeFileSync(join(notJson, samFileName('1234567890', '000000000001')), 'not json at all');
  const bad = await samCheck(notJson);
  t.is(bad.status, 'FAIL');
  t.is(bad.nhiCode, '9201');
  t.regex(bad.detail.en, /not JSON/);

  const badName = tempFolder();
  writeFileSync(join(badName, 'pharmacy.SAM'), JSON.stringify(demoSamFileContents()));
  const named = await samCheck(badName);
  t.is(named.nhiCode, '9201');
  t.regex(named.detail.en, /name is not/);
});

test('folders: writable folders PASS and leave no temp file behind', async (t) => {
  const dir = tempFolder();
  const checks = await runProbes([samFolderProbe, logFolderProbe], testSetup({ samDir: dir, logDir: dir }));
  t.is(checkOf(checks, 'fs.sam-dir').status, 'PASS');
  t.is(checkOf(checks, 'fs.log-dir').status, 'PASS');
  t.deepEqual(readdirSync(dir), []);
});

test('folders: a missing log folder is a WARN (it will be created); a missing SAM folder is FAIL 9200', async (t) => {
  const root = tempFolder();
  const checks = await runProbes([samFolderProbe, logFolderProbe], testSetup({ samDir: join(root, 'sam'), logDir: join(root, 'a', 'logs') }));
  const log = checkOf(checks, 'fs.log-dir');
  t.is(log.status, 'WARN');
  t.regex(log.detail.en, /will be created/);
  const sam = checkOf(checks, 'fs.sam-dir');
  t.is(sam.status, 'FAIL');
  t.is(sam.nhiCode, '9200');
});

test('folders: a file where the folder should be is a FAIL', async (t) => {
  const root = tempFolder();
  const file = join(root, 'logs');
  writeFileSync(file, 'x');
  const log = checkOf(await runProbes([logFolderProbe], testSetup({ logDir: file })), 'fs.log-dir');
  t.is(log.status, 'FAIL');
  t.regex(log.detail.en, /not a folder/);
});

// /proc refuses new files even to root, so this holds whoever runs the tests.
(process.platform === 'linux' ? test : test.skip)('folders: a folder that refuses new files is a FAIL with the system error', async (t) => {
  const log = checkOf(await runProbes([logFolderProbe], testSetup({ logDir: '/proc/self' })), 'fs.log-dir');
  t.is(log.status, 'FAIL');
  t.regex(log.detail.en, /not writable: E[A-Z]+/);
});

test('cache: missing is a WARN "will be created"; a healthy file PASSes and is not changed', async (t) => {
  const dir = tempFolder();
  const db = join(dir, 'cache.db');
  const missing = checkOf(await runProbes([cacheProbe], testSetup({ cacheDb: db })), 'cache.integrity');
  t.is(missing.status, 'WARN');
  t.regex(missing.detail.en, /will be created/);
  t.deepEqual(readdirSync(dir), [], 'the check created nothing');

  const { cache } = openCache({ path: db, keyFile: join(dir, 'cache.key') });
  cache.settings.set('cacheTtlDays', 7);
  cache.close();
  const before = readFileSync(db);
  const good = checkOf(await runProbes([cacheProbe], testSetup({ cacheDb: db })), 'cache.integrity');
  t.is(good.status, 'PASS', good.detail.en);
  t.regex(good.detail.en, /quick_check ok/);
  t.deepEqual(readFileSync(db), before);
});

test('cache: a corrupt file is a FAIL and stays where it is (the kiosk moves it aside, not the doctor)', async (t) => {
  const dir = tempFolder();
  const db = join(dir, 'cache.db');
  const { cache } = openCache({ path: db, keyFile: join(dir, 'cache.key') });
  cache.close();
  const bytes = readFileSync(db);
  // Keep the 100-byte header so the file still claims to be SQLite; wreck the pages after it.
  for (let i = 100; i < bytes.length; i += 7) bytes[i] = 0x55;
  writeFileSync(db, bytes);
  const corrupt = checkOf(await runProbes([cacheProbe], testSetup({ cacheDb: db })), 'cache.integrity');
  t.is(corrupt.status, 'FAIL');
  t.regex(corrupt.detail.en, /damaged/);
  t.regex(corrupt.hint.en, /moves the damaged file aside/);
  t.deepEqual(readFileSync(db), bytes);

  writeFileSync(db, 'this is not a database, just text');
  const junk = checkOf(await runProbes([cacheProbe], testSetup({ cacheDb: db })), 'cache.integrity');
  t.is(junk.status, 'FAIL');
  t.regex(junk.detail.en, /not an SQLite database/);
});

test('terminal: 80x24 PASSes, smaller WARNs, no terminal SKIPs', async (t) => {
  const size = async (terminal: { isTTY: boolean; columns?: number; rows?: number }) =>
    checkOf(await runProbes([terminalSizeProbe], testSetup({ terminal })), 'terminal.size');
  t.is((await size({ isTTY: true, columns: 80, rows: 24 })).status, 'PASS');
  t.is((await size({ isTTY: true, columns: 79, rows: 24 })).status, 'WARN');
  t.is((await size({ isTTY: true, columns: 120, rows: 20 })).status, 'WARN');
  t.is((await size({ isTTY: false })).status, 'SKIP');
});

test('locale: LC_ALL over LC_CTYPE over LANG; UTF-8 PASSes, C or unset WARNs, Windows SKIPs', async (t) => {
  const locale = async (env: Record<string, string>, platform: NodeJS.Platform = 'linux') =>
    checkOf(await runProbes([localeProbe], testSetup({ env, platform })), 'terminal.locale');
  t.is((await locale({ LANG: 'zh_TW.UTF-8' })).status, 'PASS');
  t.is((await locale({ LANG: 'C.utf8' })).status, 'PASS');
  const overridden = await locale({ LANG: 'zh_TW.UTF-8', LC_ALL: 'C' });
  t.is(overridden.status, 'WARN');
  t.regex(overridden.detail.en, /LC_ALL=C is not UTF-8/);
  t.is((await locale({})).status, 'WARN');
  t.is((await locale({}, 'win32')).status, 'SKIP');
  t.deepEqual(effectiveLocale({ LANG: 'en_US.UTF-8', LC_CTYPE: 'zh_TW.Big5' }), { name: 'LC_CTYPE', value: 'zh_TW.Big5' });
});
