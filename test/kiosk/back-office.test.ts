// The back office's effects against a real cache in a temp folder: what each one writes to the
// audit log, and which staff member an administration action reaches.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { CacheError, type Cache } from '../../src/core/cache/index.ts';
import type { SessionEvent } from '../../src/core/session/index.ts';
import { createBackOffice } from '../../src/kiosk/back-office.ts';
import { open, PATIENT_ID, tempPlace, testClock } from '../core/cache/helpers.ts';

function backOffice(t: ExecutionContext, cache: Cache, clock: () => Date) {
  const events: SessionEvent[] = [];
  const warnings: Error[] = [];
  const run = createBackOffice({
    cache,
    cards: { readStaff: () => Promise.reject(new Error('no staff card in these tests')) },
    exportsDir: tempPlace(t).dir,
    dispatch: (event) => events.push(event),
    clock: () => clock().getTime(),
    onWarning: (error) => warnings.push(error),
  });
  return { run, events, warnings };
}

test('the daily purge writes one audit row with what it removed', (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  clock.advanceDays(8);
  const before = cache.audit.list().length;
  const office = backOffice(t, cache, clock);
  office.run({ type: 'purge-expired' });
  const rows = cache.audit.list().slice(before);
  t.deepEqual(rows.map((r) => [r.action, r.outcome, r.reason]), [['cache-purge', 'ok', 'daily expired snapshots=1 patients=1']]);
  t.is(cache.stats().snapshots, 0);
  t.deepEqual(office.warnings, []);
});

test('a daily purge that fails is on record once, with the failure kind', (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  const failing: Cache = {
    ...cache,
    purgeExpired: () => {
      throw new CacheError('disk-full');
    },
  };
  const before = cache.audit.list().length;
  const office = backOffice(t, failing, clock);
  office.run({ type: 'purge-expired' });
  t.deepEqual(cache.audit.list().slice(before).map((r) => [r.action, r.outcome]), [['cache-purge', 'disk-full']]);
  t.is(office.warnings.length, 1, 'the failure is also said as a warning');
});
