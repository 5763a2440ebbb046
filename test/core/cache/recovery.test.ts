// A damaged cache file is moved aside (with its -wal/-shm) and a fresh cache created;
// migrations are idempotent; a cache from a newer yaoli is refused, not clobbered.
import { existsSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import test from 'ava';
import Database from 'better-sqlite3';
import { CacheError, checkCacheFile, openCache } from '../../../src/core/cache/index.ts';
import { isDamageError } from '../../../src/core/cache/recovery.ts';
import { LATEST_VERSION } from '../../../src/core/cache/migrations.ts';
import { open, PATIENT_ID, tempPlace, testClock } from './helpers.ts';
import type { Place } from './helpers.ts';

function seed(place: Place, patients = 1): void {
  const { cache } = openCache({ path: place.db, keyFile: place.keyFile });
  for (let i = 0; i < patients; i++) {
    cache.putSnapshots(PATIENT_ID, [{ endpoint: `e${i}`, payload: { filler: 'x'.repeat(5000), i } }]);
  }
  cache.close();
}

test('garbage over the header: moved aside with a timestamped name, and a new cache works', (t) => {
  const place = tempPlace(t);
  seed(place);
  const fd = openSync(place.db, 'r+');
  writeSync(fd, Buffer.from('this is not a database at all, just garbage bytes....'), 0, 50, 0);
  closeSync(fd);
  const original = readFileSync(place.db);
  const clock = testClock('2026-03-02T01:02:03.456Z');
  const events: string[] = [];
  const { cache, recovered } = open(t, place, { clock, log: (e) => events.push(e.kind) });
  t.deepEqual(recovered, { movedTo: `${place.db}.corrupt-20260302T010203Z`, reason: 'not-a-database' });
  t.deepEqual(readFileSync(recovered!.movedTo), original, 'the damaged file is kept as it was');
  t.deepEqual(events, ['recovered', 'migrated']);
  t.deepEqual(cache.getSnapshots(PATIENT_ID), []);
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  t.is(cache.getSnapshots(PATIENT_ID).length, 1);
  t.deepEqual(cache.integrity(), ['ok']);
});

test('a truncated database is detected and rebuilt', (t) => {
  const place = tempPlace(t);
  seed(place, 30);
  const size = statSync(place.db).size;
  t.true(size > 40_000);
  truncateSync(place.db, Math.floor(size / 3));
  const { cache, recovered } = open(t, place);
  t.is(recovered?.reason, 'integrity');
  t.true(existsSync(recovered!.movedTo));
  t.deepEqual(cache.integrity(), ['ok']);
});

test('one reading of SQLite\'s damage codes: a lock or an I/O error is not damage', (t) => {
  for (const code of ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB']) t.true(isDamageError(Object.assign(new Error(code), { code })), code);
  for (const code of ['SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'EACCES']) t.false(isDamageError(Object.assign(new Error(code), { code })), code);
  t.false(isDamageError(new Error('no code')));
  t.false(isDamageError(null));
  t.false(isDamageError(undefined));
});

test('the SQLite header over garbage: openCache rebuilds it and doctor\'s look calls it damaged, from the same error', (t) => {
  const place = tempPlace(t);
  seed(place);
  const garbage = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 0xab)]);
  writeFileSync(place.db, garbage);
  t.like(checkCacheFile(place.db), { state: 'damaged', problems: ['file is not a database'] });
  t.deepEqual(readFileSync(place.db), garbage, 'the look changes nothing');
  t.is(open(t, place).recovered?.reason, 'integrity');
});

test('a file shorter than the header is not a database', (t) => {
  const place = tempPlace(t);
  seed(place);
  truncateSync(place.db, 10);
  t.is(open(t, place).recovered?.reason, 'not-a-database');
});

test('the -wal and -shm files move with the damaged database', (t) => {
  const place = tempPlace(t);
  seed(place);
  // Leave a WAL behind as a killed process would, then damage the main file.
  writeFileSync(`${place.db}-wal`, Buffer.alloc(100, 1));
  writeFileSync(`${place.db}-shm`, Buffer.alloc(100, 2));
  const fd = openSync(place.db, 'r+');
  writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
  closeSync(fd);
  const { recovered } = open(t, place, { clock: testClock('2026-03-02T01:02:03Z') });
  t.true(existsSync(`${recovered!.movedTo}-wal`));
  t.true(existsSync(`${recovered!.movedTo}-shm`));
  t.deepEqual(readFileSync(`${recovered!.movedTo}-shm`), Buffer.alloc(100, 2));
});

test('a second damage on the same second gets a distinct name', (t) => {
  const place = tempPlace(t);
  const clock = testClock('2026-03-02T01:02:03Z');
  for (const expected of ['', '-2']) {
    openCache({ path: place.db, keyFile: place.keyFile }).cache.close();
    writeFileSync(place.db, 'garbage garbage garbage garbage');
    const { cache, recovered } = openCache({ path: place.db, keyFile: place.keyFile, clock });
    cache.close();
    t.is(recovered?.movedTo, `${place.db}.corrupt-20260302T010203Z${expected}`);
  }
});

test('an empty file is a valid new database, not damage', (t) => {
  const place = tempPlace(t);
  seed(place);
  truncateSync(place.db, 0);
  const { recovered } = open(t, place);
  t.is(recovered, undefined);
});

test('migrations run once: reopening applies nothing and keeps data', (t) => {
  const place = tempPlace(t);
  const first = openCache({ path: place.db, keyFile: place.keyFile });
  t.deepEqual(first.migrated, [LATEST_VERSION]);
  first.cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  first.cache.close();
  for (let i = 0; i < 2; i++) {
    const again = openCache({ path: place.db, keyFile: place.keyFile });
    t.deepEqual(again.migrated, []);
    t.is(again.cache.getSnapshots(PATIENT_ID).length, 1);
    again.cache.close();
  }
  const raw = new Database(place.db, { readonly: true });
  t.is(raw.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get(), LATEST_VERSION);
  raw.close();
});

test('a cache from a newer yaoli is refused and left untouched', (t) => {
  const place = tempPlace(t);
  seed(place);
  const raw = new Database(place.db);
  raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')").run(LATEST_VERSION + 1);
  raw.close();
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError });
  t.is(error?.kind, 'schema-too-new');
  t.true(existsSync(place.db));
});

test('create: false refuses to make a new cache where none exists', (t) => {
  const place = tempPlace(t);
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile, create: false }), { instanceOf: CacheError });
  t.is(error?.kind, 'not-found');
  t.false(existsSync(place.db));
  t.false(existsSync(place.keyFile));
});
