import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import test from 'ava';
import { CacheError, openCache } from '../../../src/core/cache/index.ts';
import { parseKey } from '../../../src/core/cache/key-file.ts';
import { open, PATIENT_ID, tempPlace } from './helpers.ts';

test('first open creates a 32-byte base64 key file 0600 in a 0700 folder, and a 0600 database', (t) => {
  const place = tempPlace(t);
  const { keyCreated } = open(t, place);
  t.true(keyCreated);
  t.is(statSync(place.keyFile).mode & 0o777, 0o600);
  t.is(statSync(dirname(place.keyFile)).mode & 0o777, 0o700);
  t.is(statSync(place.db).mode & 0o777, 0o600);
  const text = readFileSync(place.keyFile, 'utf8');
  t.regex(text, /^[A-Za-z0-9+/]{43}=\n$/);
  t.is(Buffer.from(text, 'base64').length, 32);
});

test('a group- or world-readable key file is refused with a clear message', (t) => {
  const place = tempPlace(t);
  openCache({ path: place.db, keyFile: place.keyFile }).cache.close();
  chmodSync(place.keyFile, 0o644);
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError });
  t.is(error?.kind, 'key-file-insecure');
  t.true(error?.message.includes('chmod 600'));
  t.true(error?.message.includes('0644'));
  chmodSync(place.keyFile, 0o640);
  t.is(t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError })?.kind, 'key-file-insecure');
  chmodSync(place.keyFile, 0o600);
  t.notThrows(() => openCache({ path: place.db, keyFile: place.keyFile }).cache.close());
});

test('a key file of the wrong size is key-file-invalid', (t) => {
  const place = tempPlace(t);
  openCache({ path: place.db, keyFile: place.keyFile }).cache.close();
  writeFileSync(place.keyFile, 'c2hvcnQ=\n', { mode: 0o600 });
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError });
  t.is(error?.kind, 'key-file-invalid');
});

test('a raw 32-byte key file works as well as base64', (t) => {
  const place = tempPlace(t);
  const raw = Buffer.alloc(32, 7);
  mkdirSync(dirname(place.keyFile), { recursive: true, mode: 0o700 });
  writeFileSync(place.keyFile, raw, { mode: 0o600 });
  const first = openCache({ path: place.db, keyFile: place.keyFile });
  t.false(first.keyCreated);
  first.cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  first.cache.close();
  // The same key written as base64 opens the same cache.
  writeFileSync(place.keyFile, `${raw.toString('base64')}\n`, { mode: 0o600 });
  const second = open(t, place);
  t.is(second.cache.getSnapshots(PATIENT_ID).length, 1);
});

test('parseKey accepts raw or base64 32 bytes only', (t) => {
  t.is(parseKey(Buffer.alloc(32))?.length, 32);
  t.is(parseKey(Buffer.from(`${Buffer.alloc(32, 1).toString('base64')}\r\n`))?.length, 32);
  t.is(parseKey(Buffer.alloc(31)), null);
  t.is(parseKey(Buffer.from('not base64 at all!')), null);
});
