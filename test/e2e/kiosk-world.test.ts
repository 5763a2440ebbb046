// The kiosk's wiring with real parts and no screen: in-process virtual readers and cards,
// the MediCloud simulator on loopback, a real SQLite cache in a temporary folder. The
// session store is driven the way the screens drive it.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSessionStore, initialSession, type PhaseName, type SessionStore } from '../../src/core/session/index.ts';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { openWorld, type World } from '../../src/kiosk/world.ts';
import { openCache } from '../../src/core/cache/index.ts';
import { until } from './store-wait.ts';

const TODAY = '2026-11-23';
const deck = demoDeck();

interface Kiosk {
  store: SessionStore;
  world: World;
  home: string;
}

async function openKiosk(): Promise<Kiosk> {
  const home = mkdtempSync(join(tmpdir(), 'yaoli-world-'));
  process.env.YAOLI_HOME = home;
  const clock = () => Date.now();
  let world: World | null = null;
  const store = createSessionStore(initialSession(undefined, clock()), { clock, onEffect: (effect) => world?.run(effect) });
  world = await openWorld({ readers: 'virtual', cloud: null, seed: deck.seed, samFolder: null, store, clock, today: () => TODAY });
  return { store, world, home };
}

function phase(store: SessionStore, name: PhaseName): Promise<void> {
  return until(store, () => store.getState().phase.name === name, `phase ${name}`);
}

async function logIn(k: Kiosk, staffId = 'S01'): Promise<void> {
  await k.world.insertAtStart([staffId]);
  await phase(k.store, 'staff-pin');
  k.store.send({ type: 'staff-pin-entered', pin: findStaff(deck, staffId)?.pin ?? '' });
  await phase(k.store, 'ready');
}

async function lookUp(k: Kiosk, patientId: string): Promise<void> {
  await k.world.insertAtStart([patientId]);
  await phase(k.store, 'consent');
  k.store.send({ type: 'verbal-consent' });
}

test.serial('staff S01 logs in; P001 is fetched from the simulator, then shown from the cache; the audit records it', async (t) => {
  const k = await openKiosk();
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  const devices = k.store.getState().devices;
  t.like(devices, { backend: 'virtual', sam: true, network: 'online', cache: 'ok' });
  // The diagnostics screen runs the doctor's probes on the kiosk's own hub.
  const checks = await k.world.diagnostics.run('en');
  t.true(checks.length >= 5);
  t.true(checks.every((c) => c.label !== '' && typeof c.detail === 'string'));
  await logIn(k);
  t.true(k.store.getState().staff?.profile.admin, 'S01 is the institution administrator');
  await lookUp(k, 'P001');
  await phase(k.store, 'patient-view');
  const view = k.store.getState().phase;
  t.true(view.name === 'patient-view' && view.data.source === 'cloud');
  t.true(view.name === 'patient-view' && view.data.analysis.records.length > 0);
  t.true(view.name === 'patient-view' && view.data.analysis.alerts.some((a) => a.key.startsWith('refill.')));
  k.world.tray?.toggle('P001');
  await phase(k.store, 'ready');
  await lookUp(k, 'P001');
  await phase(k.store, 'patient-view');
  const cached = k.store.getState().phase;
  t.true(cached.name === 'patient-view' && cached.data.source === 'cache', 'the second lookup shows the cache first');
  await until(k.store, () => {
    const p = k.store.getState().phase;
    return p.name === 'patient-view' && !p.refreshing;
  });
  t.like(k.store.getState().phase, { data: { source: 'cloud' } }, 'then the fresh data replace it');
  await k.world.close();
  const { cache } = openCache({ path: join(k.home, 'cache.db'), keyFile: join(k.home, 'cache.key') });
  t.true(cache.audit.verify().ok);
  const rows = cache.audit.list();
  t.true(rows.some((r) => r.action === 'staff-login' && r.outcome === 'ok'), "the session's own transitions are audited");
  t.is(rows.filter((r) => r.action === 'lookup').length, 2, 'one lookup row per lookup, from the lookup itself');
  t.false(JSON.stringify(rows.map((r) => [r.patientMasked, r.staffMasked, r.action, r.outcome])).includes(findPatient(deck, 'P001')?.nationalId ?? '?'));
  cache.close();
});

test.serial('a wrong staff PIN counts down on the card; S06 is refused by the cloud (403)', async (t) => {
  const k = await openKiosk();
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  await k.world.insertAtStart(['S02']);
  await phase(k.store, 'staff-pin');
  k.store.send({ type: 'staff-pin-entered', pin: '000000' });
  await until(k.store, () => k.store.getState().notice?.key === 'error.pin-wrong', 'the wrong-PIN notice');
  t.deepEqual(k.store.getState().notice?.facts, { tries: 2 });
  await k.world.insertAtStart(['S06']);
  await phase(k.store, 'staff-pin');
  k.store.send({ type: 'staff-pin-entered', pin: findStaff(deck, 'S06')?.pin ?? '' });
  await phase(k.store, 'ready');
  await lookUp(k, 'P001');
  await phase(k.store, 'staff-refused');
  t.is(k.store.getState().notice?.key, 'error.staff-unauthorized');
});

test.serial('P002 gives consent with the card PIN; P008 has no data; P009 is PIN-locked', async (t) => {
  const k = await openKiosk();
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  await logIn(k);
  await k.world.insertAtStart(['P002']);
  await phase(k.store, 'consent');
  const consent = k.store.getState().phase;
  t.true(consent.name === 'consent' && consent.patient.pinSet);
  k.store.send({ type: 'patient-pin-entered', pin: findPatient(deck, 'P002')?.pin ?? '' });
  await phase(k.store, 'patient-view');
  t.like(k.store.getState().phase, { consent: 'pin' });

  await lookUp(k, 'P008');
  await phase(k.store, 'patient-view');
  t.is(k.store.getState().notice?.key, 'notice.no-data');

  await k.world.insertAtStart(['P009']);
  await phase(k.store, 'consent');
  t.is(k.store.getState().notice?.key, 'error.patient-pin-locked');
});

test.serial('pulling the card mid-load drops the patient; 換卡 to P003 needs no new staff login', async (t) => {
  const k = await openKiosk();
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  await logIn(k);
  await lookUp(k, 'P001');
  await phase(k.store, 'loading');
  k.world.tray?.toggle('P001');
  await phase(k.store, 'ready');
  t.is(k.store.getState().notice?.key, 'notice.patient-card-removed');
  // The pulled patient's lookup ends as 'superseded' (its late answer dropped), seen in the audit log.
  const { cache } = openCache({ path: join(k.home, 'cache.db'), keyFile: join(k.home, 'cache.key') });
  const deadline = Date.now() + 10_000;
  while (!cache.audit.forPatient(findPatient(deck, 'P001')?.nationalId ?? '').some((r) => r.outcome === 'superseded') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  cache.close();
  t.is(k.store.getState().phase.name, 'ready', 'the late answer for P001 does not bring it back');
  await lookUp(k, 'P003');
  await phase(k.store, 'patient-view');
  const view = k.store.getState().phase;
  t.true(view.name === 'patient-view' && view.data.analysis.alerts.some((a) => a.key.startsWith('duplicate.')), 'P003 shows a duplicate');
});

test.serial('emergency lookup by typed ID, birth date and reason', async (t) => {
  const k = await openKiosk();
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  await logIn(k);
  const p = findPatient(deck, 'P004');
  k.store.send({ type: 'emergency-open' });
  k.store.send({ type: 'emergency-submit', nationalId: p?.nationalId ?? '', birthDate: p?.birthDate ?? '', reason: '病人意識不清' });
  await phase(k.store, 'patient-view');
  t.like(k.store.getState().phase, { consent: 'emergency' });
});
