// The machine configuration: defaults → config file → YAOLI_* environment → flags, each value
// checked where it enters so an error names the key and its source; Windows defaults through an
// injected platform; a broken or missing file. Files are injected (an in-memory map) except
// where the real reader is the point.
import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CLOUD_TIMEOUTS, defaultSamFolder, isConfigError, loadConfig, type LoadConfigInput, type LoadConfigResult } from '../../src/core/config.ts';
import { DEFAULT_TIMEOUTS } from '../../src/core/cloud/http.ts';
import { DEFAULT_SAM_FOLDER } from '../../src/device/cards/sam-file.ts';

const HOME = '/home/pharm';
const DATA = '/home/pharm/.local/share/yaoli';

function files(map: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = map[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

function load(input: Partial<LoadConfigInput> & { files?: Record<string, string> } = {}): LoadConfigResult {
  const { files: map = {}, ...rest } = input;
  return loadConfig({ env: {}, platform: 'linux', home: HOME, readFile: files(map), ...rest });
}

function ok(result: LoadConfigResult) {
  if (!result.ok) throw new Error(`expected a config, got: ${result.error.message}`);
  return result;
}

function errorText(result: LoadConfigResult): string {
  if (result.ok) throw new Error('expected a configuration error');
  return result.error.message;
}

test('no file, no environment, no flags: the built-in defaults, each marked as such', (t) => {
  const { config, sources, file } = ok(load());
  t.deepEqual(config, {
    dataDir: DATA,
    readers: 'virtual',
    cloudUrl: null,
    samFolder: '/home/pharm/.yaoli/sam',
    logDir: `${DATA}/logs`,
    cachePath: `${DATA}/cache.db`,
    keyFile: `${DATA}/cache.key`,
    lang: null,
    timeouts: { connectMs: 3000, headersMs: 8000, bodyMs: 8000 },
    prefetchConcurrency: 4,
  });
  t.deepEqual(file, { path: `${DATA}/config.json`, found: false, source: { layer: 'default', follows: 'dataDir' } });
  t.deepEqual(sources.readers, { layer: 'default' });
  t.deepEqual(sources.cachePath, { layer: 'default', follows: 'dataDir' });
  t.deepEqual(sources.keyFile, { layer: 'default', follows: 'cachePath' });
});

test('precedence: a flag beats the environment, which beats the file, which beats the default', (t) => {
  const result = ok(
    load({
      files: { [`${DATA}/config.json`]: JSON.stringify({ readers: 'pcsc', cloudUrl: 'https://file.example/', lang: 'en', prefetchConcurrency: 8, timeouts: { bodyMs: 20000 } }) },
      env: { YAOLI_READERS: 'auto', YAOLI_CLOUD_URL: 'https://env.example/' },
      flags: { readers: 'virtual' },
    }),
  );
  t.is(result.config.readers, 'virtual');
  t.deepEqual(result.sources.readers, { layer: 'flag', name: '--readers' });
  t.is(result.config.cloudUrl, 'https://env.example/');
  t.deepEqual(result.sources.cloudUrl, { layer: 'env', name: 'YAOLI_CLOUD_URL' });
  t.is(result.config.lang, 'en');
  t.deepEqual(result.sources.lang, { layer: 'file', path: `${DATA}/config.json` });
  t.deepEqual(result.config.timeouts, { connectMs: 3000, headersMs: 8000, bodyMs: 20000 });
  t.deepEqual(result.sources['timeouts.bodyMs'], { layer: 'file', path: `${DATA}/config.json` });
  t.is(result.config.prefetchConcurrency, 8);
  t.true(result.file.found);
});

test('every YAOLI_* variable reaches its key; an empty variable counts as unset', (t) => {
  const { config, sources } = ok(
    load({
      env: {
        YAOLI_HOME: '/srv/yaoli',
        YAOLI_READERS: 'PCSC',
        YAOLI_CLOUD_URL: 'http://10.0.0.5:8443/',
        YAOLI_SAM_DIR: '/srv/sam',
        YAOLI_LOG_DIR: '/var/log/yaoli',
        YAOLI_DB: '/srv/db/c.db',
        YAOLI_KEY: '/srv/keys/c.key',
        YAOLI_LANG: 'en_US.UTF-8',
      },
    }),
  );
  t.like(config, { dataDir: '/srv/yaoli', readers: 'pcsc', cloudUrl: 'http://10.0.0.5:8443/', samFolder: '/srv/sam', logDir: '/var/log/yaoli', cachePath: '/srv/db/c.db', keyFile: '/srv/keys/c.key', lang: 'en' });
  t.deepEqual(sources.keyFile, { layer: 'env', name: 'YAOLI_KEY' });
  const blank = ok(load({ env: { YAOLI_CLOUD_URL: '', YAOLI_HOME: '' } }));
  t.is(blank.config.cloudUrl, null);
  t.is(blank.config.dataDir, DATA);
});

test('the file lives in the data folder the environment names; --config and $YAOLI_CONFIG name another', (t) => {
  const moved = ok(load({ env: { YAOLI_HOME: '/srv/yaoli' }, files: { '/srv/yaoli/config.json': '{"readers":"pcsc"}', [`${DATA}/config.json`]: '{"readers":"auto"}' } }));
  t.is(moved.config.readers, 'pcsc');
  const named = ok(load({ env: { YAOLI_CONFIG: '/etc/yaoli.json' }, files: { '/etc/yaoli.json': '{"readers":"auto"}' } }));
  t.is(named.config.readers, 'auto');
  t.deepEqual(named.file.source, { layer: 'env', name: 'YAOLI_CONFIG' });
  const flagged = ok(load({ env: { YAOLI_CONFIG: '/etc/yaoli.json' }, flags: { config: '/etc/other.json' }, files: { '/etc/yaoli.json': '{"readers":"auto"}', '/etc/other.json': '{"readers":"pcsc"}' } }));
  t.is(flagged.config.readers, 'pcsc');
});

test('a file may move the data folder; relative paths in it are taken from the file’s folder', (t) => {
  const { config, sources } = ok(load({ flags: { config: '/etc/yaoli/config.json' }, files: { '/etc/yaoli/config.json': '{"dataDir":"data","samFolder":"../sam"}' } }));
  t.is(config.dataDir, '/etc/yaoli/data');
  t.is(config.samFolder, '/etc/sam');
  t.is(config.cachePath, '/etc/yaoli/data/cache.db', 'the cache follows the data folder');
  t.deepEqual(sources.dataDir, { layer: 'file', path: '/etc/yaoli/config.json' });
});

test('cache and logs sit in the data folder unless named; the key follows its database unless set as strongly', (t) => {
  // A kiosk placed with $YAOLI_HOME keeps the cache path its config.json names.
  const kiosk = ok(load({ env: { YAOLI_HOME: '/srv/y' }, files: { '/srv/y/config.json': '{"cachePath":"/fast/cache.db","logDir":"/var/log/yaoli"}' } }));
  t.is(kiosk.config.cachePath, '/fast/cache.db');
  t.is(kiosk.config.logDir, '/var/log/yaoli');
  t.is(kiosk.config.keyFile, '/fast/cache.key', 'the key file sits beside the database');
  t.deepEqual(kiosk.sources.keyFile, { layer: 'default', follows: 'cachePath' });
  const moved = ok(load({ env: { YAOLI_HOME: '/srv/y' } }));
  t.is(moved.config.cachePath, '/srv/y/cache.db');
  t.is(moved.config.logDir, '/srv/y/logs');
  // A key named in the same layer as the database stays where it is named.
  const same = ok(load({ env: { YAOLI_CONFIG: '/etc/y.json' }, files: { '/etc/y.json': '{"cachePath":"/fast/cache.db","keyFile":"/keys/cache.key"}' } }));
  t.is(same.config.keyFile, '/keys/cache.key');
  // `--db` alone keeps the key beside it, even over $YAOLI_KEY (the cache CLI's old rule).
  const db = ok(load({ env: { YAOLI_KEY: '/k/cache.key' }, flags: { cachePath: '/other/c.db' } }));
  t.is(db.config.keyFile, '/other/cache.key');
  const both = ok(load({ flags: { cachePath: '/other/c.db', keyFile: '/k/x.key' } }));
  t.is(both.config.keyFile, '/k/x.key');
});

test('a bad value names the key, the expected form and its source: env, flag (the command’s own name) or file', (t) => {
  const env = errorText(load({ env: { YAOLI_READERS: 'usb' } }));
  t.regex(env, /設定 readers 應為 virtual、pcsc 或 auto，但 環境變數 YAOLI_READERS 給的是 "usb"/);
  t.regex(env, /setting readers must be virtual, pcsc or auto, but environment variable YAOLI_READERS gives "usb"/);
  const flag = errorText(load({ flags: { samFolder: '' }, flagNames: { samFolder: '--sam-dir' } }));
  t.regex(flag, /samFolder .* flag --sam-dir gives ""/);
  const file = errorText(load({ files: { [`${DATA}/config.json`]: '{"cloudUrl":"ftp://x","timeouts":{"connectMs":0}}' } }));
  t.regex(file, new RegExp(`cloudUrl must be an http\\(s\\) URL.*config file ${DATA}/config.json gives "ftp://x"`));
  t.regex(file, /timeouts\.connectMs must be a whole number of milliseconds from 1 to 600000/);
  const concurrency = load({ flags: { prefetchConcurrency: '17' } });
  t.false(concurrency.ok);
  if (!concurrency.ok) {
    t.true(isConfigError(concurrency.error));
    t.is(concurrency.error.kind, 'invalid-config');
    t.deepEqual(concurrency.error.problems.map((p) => [p.kind, p.key, p.source]), [['bad-value', 'prefetchConcurrency', { layer: 'flag', name: '--concurrency' }]]);
  }
});

test('unknown keys in the file are errors (a typo must not pass silently)', (t) => {
  const text = errorText(load({ files: { [`${DATA}/config.json`]: '{"cloudURL":"https://x/","timeouts":{"connect":1}}' } }));
  t.regex(text, /unknown setting cloudURL \(known: dataDir, readers, cloudUrl/);
  t.regex(text, /unknown setting timeouts\.connect/);
  t.regex(text, /有不認得的設定 cloudURL/);
});

test('a broken file: bad JSON, not an object, a --config file that does not exist, a folder', (t) => {
  t.regex(errorText(load({ files: { [`${DATA}/config.json`]: '{"readers": "pcsc",}' } })), new RegExp(`config file ${DATA}/config.json is not valid JSON`));
  t.regex(errorText(load({ files: { [`${DATA}/config.json`]: '["pcsc"]' } })), /the whole file must be a JSON object/);
  t.regex(errorText(load({ files: { [`${DATA}/config.json`]: '{"timeouts":5}' } })), /timeouts must be a JSON object/);
  t.regex(errorText(load({ flags: { config: '/nope.json' } })), /the config file \/nope\.json named by flag --config does not exist/);
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-config-'));
  const real = loadConfig({ env: { YAOLI_CONFIG: dir }, platform: 'linux', home: HOME });
  t.regex(errorText(real), /cannot read the config file .*: EISDIR/);
});

test('the real file reader: a UTF-8 file with a byte-order mark (Notepad) is read', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-config-'));
  writeFileSync(join(dir, 'config.json'), '\uFEFF{"readers":"auto","cloudUrl":null}');
  const { config, file } = ok(loadConfig({ env: { YAOLI_HOME: dir }, platform: 'linux', home: HOME }));
  t.is(config.readers, 'auto');
  t.is(config.cloudUrl, null);
  t.true(file.found);
});

test('"embedded" chooses the built-in simulator over a file’s cloud URL', (t) => {
  const { config, sources } = ok(load({ files: { [`${DATA}/config.json`]: '{"cloudUrl":"https://medicloud.example/"}' }, flags: { cloudUrl: 'embedded' } }));
  t.is(config.cloudUrl, null);
  t.deepEqual(sources.cloudUrl, { layer: 'flag', name: '--cloud' });
});

test('Windows defaults: %APPDATA%\\yaoli, NHI’s C:\\NHI\\SAM\\COMX1, backslash paths', (t) => {
  const { config, file } = ok(loadConfig({ env: { APPDATA: 'C:\\Users\\rx\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\rx', readFile: files({}) }));
  t.like(config, {
    dataDir: 'C:\\Users\\rx\\AppData\\Roaming\\yaoli',
    samFolder: 'C:\\NHI\\SAM\\COMX1',
    cachePath: 'C:\\Users\\rx\\AppData\\Roaming\\yaoli\\cache.db',
    keyFile: 'C:\\Users\\rx\\AppData\\Roaming\\yaoli\\cache.key',
    logDir: 'C:\\Users\\rx\\AppData\\Roaming\\yaoli\\logs',
  });
  t.is(file.path, 'C:\\Users\\rx\\AppData\\Roaming\\yaoli\\config.json');
  const relative = ok(loadConfig({ env: { YAOLI_CONFIG: 'D:\\yaoli\\config.json' }, platform: 'win32', home: 'C:\\Users\\rx', readFile: files({ 'D:\\yaoli\\config.json': '{"dataDir":"data"}' }) }));
  t.is(relative.config.dataDir, 'D:\\yaoli\\data');
  t.is(relative.config.cachePath, 'D:\\yaoli\\data\\cache.db');
});

test('defaults agree with the modules that used to own them (SAM folder, cloud timeouts)', (t) => {
  t.is(defaultSamFolder(process.platform, homedir()), DEFAULT_SAM_FOLDER);
  t.deepEqual(DEFAULT_CLOUD_TIMEOUTS, DEFAULT_TIMEOUTS);
});
