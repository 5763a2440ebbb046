// The report over a log the real kiosk wrote: H's session store and effects runner, virtual
// cards, G's cache-first look-up against the embedded MediCloud simulator on 127.0.0.1, F's
// cache in a temp $YAOLI_HOME. Staff S01 logs in with the PIN, two patients are looked up by
// card (one by PIN consent, one verbal) and one in emergency mode with a reason; then P001 is
// looked up again (cache hit). Waits are on store notifications, each with a deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { openCache } from '../../../src/core/cache/index.ts';
import { maskNationalId } from '../../../src/core/domain/national-id.ts';
import { defaultCachePaths } from '../../../src/core/paths.ts';
import { reportFromCache, todayInTaipei } from '../../../src/core/report/index.ts';
import { createSessionStore, initialSession, type SessionState, type SessionStore } from '../../../src/core/session/index.ts';
import { findPatient, findStaff } from '../../../src/demo/deck.ts';
import { deckFor } from '../../../src/device/virtual/deck-cards.ts';
import { openWorld, type World } from '../../../src/kiosk/world.ts';

const SEED = 20261123;

function until(store: SessionStore, condition: (state: SessionState) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition(store.getState())) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; phase ${store.getState().phase.name}`));
    }, timeoutMs);
    const stop = store.subscribe(() => {
      if (!condition(store.getState())) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

const viewing = (state: SessionState) => state.phase.name === 'patient-view' && !state.phase.refreshing;

test('report figures from a log written by the kiosk: look-ups, consent kinds, the emergency reason, cache hits, staff', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'yaoli-report-kiosk-'));
  process.env.YAOLI_HOME = home;
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const deck = deckFor(SEED);
  const staff = findStaff(deck, 'S01');
  const p001 = findPatient(deck, 'P001');
  const p002 = findPatient(deck, 'P002');
  const p004 = findPatient(deck, 'P004');
  if (!staff || !p001 || !p002 || !p004 || p002.pin === null) return t.fail('the demo deck changed');
  const today = todayInTaipei(new Date());
  const clock = () => Date.now();
  let world: World | null = null;
  const store = createSessionStore(initialSession(undefined, clock()), { clock, onEffect: (effect) => world?.run(effect) });
  world = await openWorld({ readers: 'virtual', cloud: null, seed: SEED, samFolder: null, store, clock, today: () => today });
  const opened = world;
  t.teardown(() => opened.close());
  // Consent as the counter gives it: the patient's card PIN when set, else staff confirm verbally.
  store.subscribe(() => {
    const phase = store.getState().phase;
    if (phase.name !== 'consent' || phase.verifying) return;
    if (phase.patient.pinSet) store.send({ type: 'patient-pin-entered', pin: p002.pin ?? '' });
    else store.send({ type: 'verbal-consent' });
  });

  await opened.insertAtStart(['S01']);
  await until(store, (s) => s.phase.name === 'staff-pin', 'staff PIN prompt');
  store.send({ type: 'staff-pin-entered', pin: staff.pin });
  await until(store, (s) => s.phase.name === 'ready', 'login');
  for (const patient of [p001, p002]) {
    await opened.insertAtStart([patient.deckId]);
    await until(store, viewing, `${patient.deckId} on screen`);
    opened.tray?.toggle(patient.deckId);
    await until(store, (s) => s.phase.name === 'ready', `${patient.deckId} card out`);
  }
  store.send({ type: 'emergency-open' });
  await until(store, (s) => s.phase.name === 'emergency', 'emergency form');
  store.send({ type: 'emergency-submit', nationalId: p004.nationalId, birthDate: p004.birthDate, reason: '病人昏迷，未帶健保卡' });
  await until(store, viewing, 'emergency look-up on screen');
  store.send({ type: 'close-patient' });
  await until(store, (s) => s.phase.name === 'ready', 'emergency closed');
  // P001 again: the cached table comes first (a cache hit), then the fresh one.
  await opened.insertAtStart(['P001']);
  await until(store, viewing, 'P001 again');
  opened.tray?.toggle('P001');
  await until(store, (s) => s.phase.name === 'ready', 'P001 card out again');
  await opened.close();

  const paths = defaultCachePaths();
  const { cache } = openCache({ path: paths.db, keyFile: paths.keyFile, create: false });
  t.teardown(() => cache.close());
  t.true(cache.audit.verify().ok);
  const { report } = reportFromCache(cache, { from: today, to: today, by: 'day' });
  t.is(report.lookups, 4);
  t.is(report.patients, 3);
  t.deepEqual(report.consent, { pin: 1, verbal: 2, emergency: 1, none: 0 });
  t.is(report.emergencyLookups, 1);
  t.deepEqual(
    report.emergency.map((e) => [e.staff, e.patient, e.reason]),
    [[maskNationalId(staff.staffId), maskNationalId(p004.nationalId), '病人昏迷，未帶健保卡']],
  );
  // Four look-ups started on the kiosk; only the second P001 found its data in the cache first.
  t.deepEqual(report.cacheHit, { basis: 'kiosk', hits: 1, lookups: 4, share: 0.25 });
  t.deepEqual(report.staff.map((s) => [s.staff, s.role, s.lookups, s.patients, s.emergency]), [[maskNationalId(staff.staffId), staff.role, 4, 3, 1]]);
  const total = report.latency.find((l) => l.endpoint === 'total');
  t.is(total?.count, 4);
  t.true(report.latency.some((l) => l.endpoint === 'imue0008s02' && l.count >= 3));
  t.deepEqual(report.failures, []);
  t.is(report.periods[0]?.lookups, 4);
});
