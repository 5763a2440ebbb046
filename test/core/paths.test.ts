import test from 'ava';
import { dataDir, defaultCachePaths } from '../../src/core/paths.ts';

test('$YAOLI_HOME wins', (t) => {
  t.is(dataDir({ env: { YAOLI_HOME: '/srv/yaoli', XDG_DATA_HOME: '/x' }, platform: 'linux', home: '/home/a' }), '/srv/yaoli');
});

test('XDG_DATA_HOME, then ~/.local/share; a relative XDG path is ignored', (t) => {
  t.is(dataDir({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home: '/home/a' }), '/data/yaoli');
  t.is(dataDir({ env: {}, platform: 'linux', home: '/home/a' }), '/home/a/.local/share/yaoli');
  t.is(dataDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'darwin', home: '/Users/a' }), '/Users/a/.local/share/yaoli');
});

test('Windows uses %APPDATA%\\yaoli', (t) => {
  t.is(dataDir({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\a' }), 'C:\\Users\\a\\AppData\\Roaming\\yaoli');
  t.deepEqual(defaultCachePaths({ env: { APPDATA: 'C:\\R' }, platform: 'win32', home: 'C:\\Users\\a' }), {
    db: 'C:\\R\\yaoli\\cache.db',
    keyFile: 'C:\\R\\yaoli\\cache.key',
  });
});

test('default cache paths sit in the data folder', (t) => {
  t.deepEqual(defaultCachePaths({ env: { YAOLI_HOME: '/srv/yaoli' }, platform: 'linux' }), {
    db: '/srv/yaoli/cache.db',
    keyFile: '/srv/yaoli/cache.key',
  });
});
