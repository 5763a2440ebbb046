// Encryption at rest: the file never holds a cached patient's ID, name or drugs in clear,
// and a wrong key is a typed error at open, never garbage later.
import { rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import test from 'ava';
import Database from 'better-sqlite3';
import { CacheError, openCache } from '../../../src/core/cache/index.ts';
import { folderBytes, medicationPayload, open, OTHER_PATIENT_ID, PATIENT_ID, STAFF_ID, tempPlace } from './helpers.ts';
import { dirname } from 'node:path';

const NAME = '林測試';
const DRUGS = ['NORVASC TABLETS 5MG', 'GLUCOPHAGE FILM COATED TABLETS 500MG'];

function secretsIn(bytes: Buffer): string[] {
  const found: string[] = [];
  const needles = [PATIENT_ID, NAME, ...DRUGS, 'NORVASC', 'GLUCOPHAGE', '王藥師', STAFF_ID];
  for (const needle of needles) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      if (bytes.includes(Buffer.from(needle, encoding))) found.push(`${needle} (${encoding})`);
    }
  }
  return found;
}

test('the database and its WAL hold no clear ID, name or drug name, before and after checkpoint', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: medicationPayload(NAME, DRUGS) }]);
  cache.staff.upsert({ staffId: STAFF_ID, name: '王藥師', role: 'pharmacist' });
  cache.audit.append({ action: 'lookup', staffId: STAFF_ID, patientId: PATIENT_ID, consent: 'pin', outcome: 'ok' });
  // The scan must be able to see plaintext if it were there: the masked forms are stored in clear.
  t.true(folderBytes(dirname(place.db)).includes(Buffer.from('A12****789')), 'scan sees WAL content');
  t.deepEqual(secretsIn(folderBytes(dirname(place.db))), [], 'WAL (before checkpoint)');
  cache.checkpoint();
  t.deepEqual(secretsIn(folderBytes(dirname(place.db))), [], 'main file (after checkpoint)');
  t.deepEqual(cache.getSnapshots(PATIENT_ID)[0]?.payload, medicationPayload(NAME, DRUGS), 'still readable with the key');
});

test('purged payloads are not left behind in free pages', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  // Write then delete; secure_delete zeroes the freed pages, and the ciphertext was never clear anyway.
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: medicationPayload(NAME, DRUGS) }]);
  cache.purgeAll();
  cache.checkpoint();
  t.deepEqual(secretsIn(folderBytes(dirname(place.db))), []);
});

test('a different key file is refused at open with a typed wrong-key error', (t) => {
  const place = tempPlace(t);
  const first = openCache({ path: place.db, keyFile: place.keyFile });
  first.cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: medicationPayload() }]);
  first.cache.close();
  writeFileSync(place.keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError });
  t.is(error?.kind, 'wrong-key');
  t.regex(error?.text('zh-TW') ?? '', /金鑰檔與本機快取不符/);
  t.regex(error?.text('en') ?? '', /does not match/);
});

test('a missing key file with encrypted data present is key-missing, not a silent new key', (t) => {
  const place = tempPlace(t);
  openCache({ path: place.db, keyFile: place.keyFile }).cache.close();
  rmSync(place.keyFile);
  const error = t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError });
  t.is(error?.kind, 'key-missing');
});

test('a payload copied onto another patient fails authentication and reads as a miss', (t) => {
  const place = tempPlace(t);
  const events: string[] = [];
  const { cache } = open(t, place, { log: (event) => events.push(event.kind) });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { who: 'first' } }]);
  cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { who: 'second' } }]);
  const raw = new Database(place.db);
  // Swap the ciphertexts: each is bound (AAD) to its own patient key, so neither opens.
  const rows = raw.prepare('SELECT rowid, payload FROM snapshots ORDER BY rowid').all() as { rowid: number; payload: Buffer }[];
  const swap = raw.prepare('UPDATE snapshots SET payload = ? WHERE rowid = ?');
  swap.run(rows[1]?.payload, rows[0]?.rowid);
  swap.run(rows[0]?.payload, rows[1]?.rowid);
  raw.close();
  t.deepEqual(cache.getSnapshots(PATIENT_ID), []);
  t.deepEqual(cache.getSnapshots(OTHER_PATIENT_ID), []);
  t.true(events.includes('tampered-entry'));
});
