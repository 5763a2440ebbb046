import test from 'ava';
import { isValidNationalId } from '../../../src/core/domain/national-id.ts';
import { CacheError } from '../../../src/core/cache/index.ts';
import { medicationPayload, open, OTHER_PATIENT_ID, PATIENT_ID, STAFF_ID, tempPlace, testClock } from './helpers.ts';

test('the synthetic IDs used by these tests are well-formed', (t) => {
  t.true(isValidNationalId(PATIENT_ID));
  t.true(isValidNationalId(OTHER_PATIENT_ID));
  t.true(isValidNationalId(STAFF_ID));
});

test('snapshots round-trip: raw JSON and fetch time come back as stored', (t) => {
  const clock = testClock();
  const { cache } = open(t, tempPlace(t), { clock });
  const payload = medicationPayload();
  const fetchedAt = new Date('2026-03-01T23:59:59.123Z');
  cache.putSnapshots(PATIENT_ID, [
    { endpoint: 'imue0008s02', payload, fetchedAt },
    { endpoint: 'imue0009s03', payload: [] },
  ]);
  const got = cache.getSnapshots(PATIENT_ID);
  t.deepEqual(
    got.map((s) => s.endpoint),
    ['imue0008s02', 'imue0009s03'],
  );
  t.deepEqual(got[0]?.payload, payload);
  t.is(got[0]?.fetchedAt.toISOString(), fetchedAt.toISOString());
  t.deepEqual(got[1]?.payload, []);
  t.is(got[1]?.fetchedAt.toISOString(), clock().toISOString(), 'fetchedAt defaults to the injected clock');
  t.deepEqual(cache.getSnapshots(OTHER_PATIENT_ID), [], 'another patient is a cache miss');
});

test('a refresh replaces the endpoint row and keeps the others', (t) => {
  const clock = testClock();
  const { cache } = open(t, tempPlace(t), { clock });
  cache.putSnapshots(PATIENT_ID, [
    { endpoint: 'imue0008s02', payload: { v: 1 } },
    { endpoint: 'imue0040s02', payload: { allergy: 1 } },
  ]);
  clock.advanceDays(1);
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { v: 2 } }]);
  const got = cache.getSnapshots(PATIENT_ID);
  t.is(got.length, 2);
  t.deepEqual(got.find((s) => s.endpoint === 'imue0008s02')?.payload, { v: 2 });
  t.is(got.find((s) => s.endpoint === 'imue0008s02')?.fetchedAt.toISOString(), clock().toISOString());
  t.deepEqual(got.find((s) => s.endpoint === 'imue0040s02')?.payload, { allergy: 1 });
  t.is(cache.stats().snapshots, 2);
  t.is(cache.stats().patients, 1);
});

test('lower-case or padded IDs find the same patient', (t) => {
  const { cache } = open(t, tempPlace(t));
  cache.putSnapshots(` ${PATIENT_ID.toLowerCase()} `, [{ endpoint: 'imue0008s02', payload: 1 }]);
  t.is(cache.getSnapshots(PATIENT_ID).length, 1);
});

test('bad input is a typed error that does not echo the ID, and writes nothing', (t) => {
  const { cache } = open(t, tempPlace(t));
  const badId = t.throws(() => cache.putSnapshots('X12', [{ endpoint: 'imue0008s02', payload: 1 }]), { instanceOf: CacheError });
  t.is(badId?.kind, 'bad-input');
  t.false(badId?.message.includes('X12'));
  t.throws(() => cache.putSnapshots(PATIENT_ID, [{ endpoint: 'a b', payload: 1 }]), { instanceOf: CacheError });
  t.throws(() => cache.putSnapshots(PATIENT_ID, [{ endpoint: 'ok', payload: 1 }, { endpoint: 'x', payload: undefined }]), {
    instanceOf: CacheError,
  });
  t.throws(() => cache.putSnapshots(PATIENT_ID, [{ endpoint: 'ok', payload: 1, fetchedAt: new Date('nope') }]), { instanceOf: CacheError });
  t.is(cache.stats().snapshots, 0, 'a batch with one bad snapshot stores none of it');
});

test('forgetPatient removes one patient and leaves the others', (t) => {
  const { cache } = open(t, tempPlace(t));
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 2 }]);
  t.true(cache.forgetPatient(PATIENT_ID));
  t.false(cache.forgetPatient(PATIENT_ID));
  t.deepEqual(cache.getSnapshots(PATIENT_ID), []);
  t.is(cache.getSnapshots(OTHER_PATIENT_ID).length, 1);
});

test('an empty list stores nothing and creates no patient row', (t) => {
  const { cache } = open(t, tempPlace(t));
  cache.putSnapshots(PATIENT_ID, []);
  t.is(cache.stats().patients, 0);
});
