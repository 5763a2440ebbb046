// The back office's effects against a real cache in a temp folder: what each one writes to the
// audit log, what the CSV export writes and when, and which staff member an administration
// action reaches.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { CacheError, type Cache } from '../../src/core/cache/index.ts';
import { computeReport } from '../../src/core/report/index.ts';
import type { SessionEvent } from '../../src/core/session/index.ts';
import { createBackOffice } from '../../src/kiosk/back-office.ts';
import { open, PATIENT_ID, tempPlace, testClock } from '../core/cache/helpers.ts';

function backOffice(t: ExecutionContext, cache: Cache, clock: () => Date) {
  const events: SessionEvent[] = [];
  const warnings: Error[] = [];
  let waiting: ((event: SessionEvent) => void) | null = null;
  const exportsDir = tempPlace(t).dir;
  const run = createBackOffice({
    cache,
    cards: { readStaff: () => Promise.reject(new Error('no staff card in these tests')) },
    exportsDir,
    dispatch: (event) => {
      events.push(event);
      waiting?.(event);
      waiting = null;
    },
    clock: () => clock().getTime(),
    onWarning: (error) => warnings.push(error),
  });
  /** The admin operations answer later (a card read may be awaited): the next event dispatched. */
  const answer = () => new Promise<SessionEvent>((resolve) => (waiting = resolve));
  return { run, events, warnings, answer, exportsDir };
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

// Synthetic IDs with valid check digits; the two nurses share the mask C12****456.
const ADMIN = 'B120863158';
const NURSE_A = 'C120000456';
const NURSE_B = 'C120012456';

test('two staff members with the same masked ID: disabling the second reaches the second, not the first', async (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.staff.upsert({ staffId: ADMIN, name: '王藥師', role: 'pharmacist', admin: true });
  cache.staff.upsert({ staffId: NURSE_A, name: '林護理師', role: 'nurse' });
  cache.staff.upsert({ staffId: NURSE_B, name: '陳護理師', role: 'nurse' });
  const office = backOffice(t, cache, clock);
  const actor = { staffId: ADMIN, role: 'pharmacist' };

  const listing = office.answer();
  office.run({ type: 'admin-op', op: { kind: 'list' }, actor });
  const listed = await listing;
  if (listed?.type !== 'admin-loaded') return t.fail('no staff list');
  const nurses = listed.staff.filter((row) => row.role === 'nurse');
  t.deepEqual(nurses.map((row) => row.masked), ['C12****456', 'C12****456'], 'the screen cannot tell them apart');
  const second = nurses.find((row) => row.name === '陳護理師');
  if (!second) return t.fail('no second nurse');

  const disabling = office.answer();
  office.run({ type: 'admin-op', op: { kind: 'set-enabled', staffId: second.staffId, enabled: false }, actor });
  t.like(await disabling, { type: 'admin-loaded', message: { ok: true, key: 'staff-disabled' } });
  t.true(cache.staff.get(NURSE_A)?.enabled, 'the first nurse keeps working');
  t.false(cache.staff.get(NURSE_B)?.enabled);
});

test('export: the key returns at once; the figures on screen are written as they are, else computed for the period', async (t) => {
  const clock = testClock('2026-11-03T01:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.staff.upsert({ staffId: ADMIN, name: '王藥師', role: 'pharmacist', admin: true });
  const office = backOffice(t, cache, clock);
  const actor = { staffId: ADMIN, role: 'pharmacist' };
  // What the screen shows: one look-up with the patient's PIN — the empty cache would say none.
  const shown = computeReport(
    [{ at: new Date('2026-10-02T02:00:00Z'), action: 'lookup', staffMasked: 'B12****158', staffRole: 'pharmacist', patientMasked: 'A12****789', patientKey: 'k1', consent: 'pin', latencies: { total: 812 }, outcome: 'ok', reason: null }],
    { from: '2026-10-01', to: '2026-10-31', by: 'week' },
  );
  const dir = join(office.exportsDir, '2026-11-03-2026-10-01_2026-10-31');
  const consentCsv = () => readFileSync(join(dir, 'consent.csv'), 'utf8').slice(1).trimEnd().split(/\r?\n/);

  const before = cache.audit.list().length;
  const exporting = office.answer();
  office.run({ type: 'export-report', from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'en', actor, report: shown });
  t.deepEqual(office.events, [], 'nothing written inside the key handler');
  t.false(existsSync(dir));
  t.deepEqual(await exporting, { type: 'report-exported', at: clock().getTime(), dir, files: 10 });
  t.true(consentCsv().includes('pin,1'), 'the shown figures, not recomputed');

  const recomputing = office.answer();
  office.run({ type: 'export-report', from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'en', actor, report: null });
  t.like(await recomputing, { type: 'report-exported', dir });
  t.true(consentCsv().includes('pin,0'), 'without figures on screen: computed from the cache');
  t.deepEqual(cache.audit.list().slice(before).map((r) => [r.action, r.staffMasked, r.outcome, r.reason]), [
    ['admin.export', 'B12****158', 'ok', 'from=2026-10-01 to=2026-10-31 by=week'],
    ['admin.export', 'B12****158', 'ok', 'from=2026-10-01 to=2026-10-31 by=week'],
  ], 'one row per export');
});

test('an export that cannot be written is answered as an export failure and on record once, with the write error', async (t) => {
  const clock = testClock('2026-11-03T01:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  cache.staff.upsert({ staffId: ADMIN, name: '王藥師', role: 'pharmacist', admin: true });
  const office = backOffice(t, cache, clock);
  // A file where the export's folder should go: the folder cannot be made.
  writeFileSync(join(office.exportsDir, '2026-11-03-2026-10-01_2026-10-31'), '');
  const before = cache.audit.list().length;
  const failing = office.answer();
  office.run({ type: 'export-report', from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'en', actor: { staffId: ADMIN, role: 'pharmacist' }, report: null });
  t.deepEqual(await failing, { type: 'report-export-failed', at: clock().getTime(), kind: 'write-EEXIST' });
  t.deepEqual(cache.audit.list().slice(before).map((r) => [r.action, r.staffMasked, r.outcome, r.reason]), [['admin.export', 'B12****158', 'write-EEXIST', 'from=2026-10-01 to=2026-10-31 by=week']]);
});
