// rotate-key: everything re-sealed under a new key in one transaction, the key file swapped
// atomically, the audit chain rebuilt and still verifying; interrupted rotations finish.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import test from 'ava';
import Database from 'better-sqlite3';
import { CacheError, openCache } from '../../../src/core/cache/index.ts';
import type { Cache } from '../../../src/core/cache/index.ts';
import { open, OTHER_PATIENT_ID, PATIENT_ID, STAFF_ID, tempPlace } from './helpers.ts';

function fill(cache: Cache): void {
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { a: 1 } }, { endpoint: 'imue0040s02', payload: { b: 2 } }]);
  cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { c: 3 } }]);
  cache.staff.upsert({ staffId: STAFF_ID, name: '王藥師', role: 'pharmacist', admin: true });
  cache.audit.append({ action: 'lookup', staffId: STAFF_ID, patientId: PATIENT_ID, consent: 'emergency', reason: '昏迷', outcome: 'ok' });
  cache.audit.append({ action: 'lookup', staffId: STAFF_ID, patientId: OTHER_PATIENT_ID, consent: 'pin', outcome: 'ok' });
}

test('rotation keeps every record readable, changes the key, and the old key no longer opens the cache', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache);
  const oldKey = readFileSync(place.keyFile, 'utf8');
  const oldPatientKey = cache.audit.forPatient(PATIENT_ID)[0]?.patientKey;
  const result = cache.rotateKey();
  t.deepEqual(result, { patients: 2, snapshots: 3, staff: 1, auditRows: 2, dropped: { patients: 0, snapshots: 0, staff: 0 } });
  t.not(readFileSync(place.keyFile, 'utf8'), oldKey);
  t.false(existsSync(`${place.keyFile}.new`));
  t.false(existsSync(`${place.keyFile}.old`), 'the old key is removed once rotation succeeded');

  t.deepEqual(cache.getSnapshots(PATIENT_ID).map((s) => s.payload), [{ a: 1 }, { b: 2 }]);
  t.is(cache.staff.get(STAFF_ID)?.name, '王藥師');
  t.true(cache.staff.isAdmin(STAFF_ID));
  t.deepEqual(cache.audit.verify(), { ok: true, rows: 3 });
  const [first, , last] = cache.audit.tail(3);
  t.is(first?.reason, '昏迷');
  t.not(first?.patientKey, oldPatientKey, 'patient HMACs re-keyed');
  t.is(cache.audit.forPatient(PATIENT_ID).length, 1, 'HMAC lookups still find old rows');
  t.is(last?.action, 'key-rotated');
  t.regex(last?.reason ?? '', /previous chain head [0-9a-f]{64}/);
  cache.close();

  const reopened = open(t, place);
  t.deepEqual(reopened.cache.getSnapshots(OTHER_PATIENT_ID)[0]?.payload, { c: 3 });
  writeFileSync(place.keyFile, oldKey, { mode: 0o600 });
  t.is(t.throws(() => openCache({ path: place.db, keyFile: place.keyFile }), { instanceOf: CacheError })?.kind, 'wrong-key');
});

test('a crash after the commit but before the key file swap is finished at the next open', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache);
  const oldKey = readFileSync(place.keyFile);
  cache.rotateKey();
  cache.close();
  // Recreate the on-disk state of that crash: key file still old, <key>.new holds the new key.
  copyFileSync(place.keyFile, `${place.keyFile}.new`);
  writeFileSync(place.keyFile, oldKey, { mode: 0o600 });
  writeFileSync(`${place.keyFile}.old`, oldKey, { mode: 0o600 });
  const reopened = open(t, place);
  t.true(reopened.rotationFinished);
  t.false(existsSync(`${place.keyFile}.new`));
  t.false(existsSync(`${place.keyFile}.old`));
  t.is(reopened.cache.getSnapshots(PATIENT_ID).length, 2);
});

test('a crash before the commit leaves the old key valid and the leftovers are cleaned up', (t) => {
  const place = tempPlace(t);
  const first = openCache({ path: place.db, keyFile: place.keyFile });
  fill(first.cache);
  first.cache.close();
  writeFileSync(`${place.keyFile}.new`, `${Buffer.alloc(32, 9).toString('base64')}\n`, { mode: 0o600 });
  copyFileSync(place.keyFile, `${place.keyFile}.old`);
  const reopened = open(t, place);
  t.false(reopened.rotationFinished);
  t.false(existsSync(`${place.keyFile}.new`));
  t.is(reopened.cache.getSnapshots(PATIENT_ID).length, 2);
});

test('a broken audit chain is never re-sealed: rotation refuses and changes nothing', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache);
  const raw = new Database(place.db);
  raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET outcome = 'edited' WHERE seq = 1");
  raw.close();
  const key = readFileSync(place.keyFile, 'utf8');
  const error = t.throws(() => cache.rotateKey(), { instanceOf: CacheError });
  t.is(error?.kind, 'audit-broken');
  t.is(readFileSync(place.keyFile, 'utf8'), key);
  t.false(existsSync(`${place.keyFile}.new`));
});

test('another process that still holds the old key picks up the rotated key', (t) => {
  const place = tempPlace(t);
  const kiosk = open(t, place).cache;
  fill(kiosk);
  const admin = openCache({ path: place.db, keyFile: place.keyFile }).cache;
  admin.rotateKey();
  admin.close();
  // The kiosk notices the fingerprint changed (another connection committed) and reloads the key.
  t.is(kiosk.getSnapshots(PATIENT_ID).length, 2);
  kiosk.audit.append({ action: 'lookup', staffId: STAFF_ID, patientId: PATIENT_ID, outcome: 'ok' });
  t.deepEqual(kiosk.audit.verify(), { ok: true, rows: 4 });
  t.is(kiosk.audit.tail(1)[0]?.staffId, STAFF_ID);
});
