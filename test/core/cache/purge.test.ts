// TTL purge (default 7 days, from settings) at open, on demand, and on read.
import test from 'ava';
import { CacheError, openCache } from '../../../src/core/cache/index.ts';
import { open, OTHER_PATIENT_ID, PATIENT_ID, tempPlace, testClock } from './helpers.ts';

test('opening purges snapshots older than cacheTtlDays (7 by default) and their orphan patients', (t) => {
  const place = tempPlace(t);
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const first = openCache({ path: place.db, keyFile: place.keyFile, clock });
  first.cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  clock.advanceDays(3);
  first.cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 2 }]);
  first.cache.close();

  clock.set('2026-03-08T00:00:00.000Z'); // exactly 7 days after the first: not yet older than 7 days
  const second = openCache({ path: place.db, keyFile: place.keyFile, clock });
  t.deepEqual(second.purged, { snapshots: 0, patients: 0 });
  second.cache.close();

  clock.set('2026-03-08T00:00:00.001Z');
  const third = open(t, place, { clock });
  t.deepEqual(third.purged, { snapshots: 1, patients: 1 });
  t.deepEqual(third.cache.getSnapshots(PATIENT_ID), []);
  t.is(third.cache.getSnapshots(OTHER_PATIENT_ID).length, 1);
  t.is(third.cache.stats().patients, 1);
});

test('the TTL follows the setting', (t) => {
  const place = tempPlace(t);
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const first = openCache({ path: place.db, keyFile: place.keyFile, clock });
  first.cache.settings.set('cacheTtlDays', 2);
  first.cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  first.cache.close();
  clock.advanceDays(3);
  t.deepEqual(open(t, place, { clock }).purged, { snapshots: 1, patients: 1 });
});

test('a running kiosk stops showing expired snapshots even before the next purge', (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  clock.advanceDays(7.5);
  t.deepEqual(cache.getSnapshots(PATIENT_ID), []);
  t.is(cache.stats().snapshots, 1, 'still stored until purged');
  t.deepEqual(cache.purgeExpired(), { snapshots: 1, patients: 1 });
});

test('purgeOlderThan and purgeAll', (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'a', payload: 1 }, { endpoint: 'b', payload: 1 }]);
  clock.advanceDays(2);
  cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'a', payload: 1 }]);
  t.deepEqual(cache.purgeOlderThan(3), { snapshots: 0, patients: 0 });
  t.deepEqual(cache.purgeOlderThan(1), { snapshots: 2, patients: 1 });
  t.deepEqual(cache.purgeAll(), { snapshots: 1, patients: 1 });
  t.is(cache.stats().patients, 0);
  t.is(t.throws(() => cache.purgeOlderThan(-1), { instanceOf: CacheError })?.kind, 'bad-input');
});

test('purging never touches the audit log', (t) => {
  const { cache } = open(t, tempPlace(t));
  cache.audit.append({ action: 'lookup', patientId: PATIENT_ID, outcome: 'ok' });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'a', payload: 1 }]);
  cache.purgeAll();
  t.deepEqual(cache.audit.verify(), { ok: true, rows: 1 });
});
