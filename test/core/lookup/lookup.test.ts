// Cache-first look-up over real parts: F's SQLite cache in a temp folder, E's simulator on
// loopback, the real client. Proves the event order (cached → progress → fresh), offline
// behaviour with and without a cache, the stale-patient drop, and the audit row per look-up.
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { openCache, type Cache } from '../../../src/core/cache/index.ts';
import { createCloudClient, type CloudClient } from '../../../src/core/cloud/index.ts';
import { CARE_LIST_STEP, LOOKUP_STEPS, lookupPatient, type LookupEvent, type LookupOptions } from '../../../src/core/lookup/index.ts';
import { ENDPOINT_IDS } from '../../../src/core/medicloud/index.ts';
import { findPatient, type DemoPatient } from '../../../src/demo/deck.ts';
import { maskNationalId } from '../../../src/core/domain/national-id.ts';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.ts';
import { credentials, FAST, seeded, TODAY } from '../cloud/sim-helpers.ts';

let sim: RunningSimulator;
let deadUrl: string;
test.before(async () => {
  sim = await startSimulator({ today: TODAY });
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  deadUrl = `http://127.0.0.1:${port}`;
});
test.after.always(async () => {
  await sim.close();
});

function freshCache(): Cache {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-lookup-'));
  return openCache({ path: join(dir, 'cache.db'), keyFile: join(dir, 'cache.key') }).cache;
}

function client(baseUrl = sim.url): CloudClient {
  return createCloudClient({ baseUrl, ...FAST, timeouts: { connectMs: 1000, headersMs: 3000, bodyMs: 3000 }, ...seeded() });
}

function patientOf(handle: string): DemoPatient {
  return findPatient(sim.deck, handle)!;
}

async function look(cache: Cache, c: CloudClient, handle: string, extra: Partial<LookupOptions> = {}) {
  const p = patientOf(handle);
  const events: LookupEvent[] = [];
  const result = await lookupPatient({
    patient: { nationalId: p.nationalId, name: p.name, birthDate: p.birthDate, sex: p.sex },
    cache,
    client: c,
    credentials: credentials(sim.deck, handle),
    today: TODAY,
    isCurrent: () => true,
    onEvent: (e) => events.push(e),
    staff: { staffId: sim.deck.staff[0]!.staffId, role: 'pharmacist' },
    consent: 'verbal',
    ...extra,
  });
  return { events, result, types: events.filter((e) => e.type !== 'progress').map((e) => e.type) };
}

test.serial('miss → fresh; hit → cached at once with its fetch time, then fresh; both audited', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const c = client();
  const first = await look(cache, c, 'P001');
  t.deepEqual(first.types, ['fresh']);
  t.is(first.result.outcome, 'fresh');
  t.deepEqual(first.result.warnings, []);
  const fresh = first.events.find((e) => e.type === 'fresh');
  if (fresh?.type !== 'fresh') return t.fail();
  t.true(fresh.history.medications.length > 0);
  t.is(fresh.analysis?.today, TODAY);
  t.deepEqual(fresh.missing, []);
  const progress = first.events.filter((e) => e.type === 'progress');
  t.deepEqual([...new Set(progress.map((e) => (e.type === 'progress' ? e.endpoint : '')))].sort(), ['login', ...ENDPOINT_IDS, CARE_LIST_STEP].sort());
  t.deepEqual([...LOOKUP_STEPS].sort(), ['login', ...ENDPOINT_IDS, CARE_LIST_STEP].sort(), 'the loading screen lists every step a look-up reports');
  t.is(cache.getSnapshots(patientOf('P001').nationalId).length, ENDPOINT_IDS.length);

  const later = '2026-12-20';
  const second = await look(cache, c, 'P001', { today: later });
  t.deepEqual(second.types, ['cached', 'fresh']);
  const cached = second.events[0];
  if (cached?.type !== 'cached') return t.fail();
  t.deepEqual(cached.history, fresh.history, 'the cached history maps to the same records');
  t.is(cached.analysis?.today, later, 'cached data is analysed against the today given, not its fetch day');
  t.true(cached.fetchedAt.getTime() <= Date.now());

  const rows = cache.audit.tail(2);
  t.deepEqual(rows.map((r) => [r.action, r.outcome, r.consent, r.patientMasked]), [
    ['lookup', 'ok', 'verbal', maskNationalId(patientOf('P001').nationalId)],
    ['lookup', 'ok', 'verbal', maskNationalId(patientOf('P001').nationalId)],
  ]);
  for (const id of ['login', ...ENDPOINT_IDS, 'total', 'cache']) t.true(typeof rows[1]!.latencies[id] === 'number', id);
  t.true(cache.audit.verify().ok);
  await c.close();
  cache.close();
});

test.serial('offline with a cache → the cached data stays, offline event with the 4061 error; without a cache → failed', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const online = client();
  await look(cache, online, 'P003');
  const offline = client(deadUrl);
  const kept = await look(cache, offline, 'P003');
  t.deepEqual(kept.types, ['cached', 'offline']);
  const event = kept.events.at(-1);
  if (event?.type !== 'offline') return t.fail();
  t.is(event.error.kind, 'network');
  t.is(event.error.nhiCode, 4061);
  t.true((event.history?.medications.length ?? 0) > 0);
  t.is(cache.getSnapshots(patientOf('P003').nationalId).length, ENDPOINT_IDS.length, 'nothing was lost');

  const none = await look(cache, offline, 'P004');
  t.deepEqual(none.types, ['failed']);
  t.is(none.result.outcome, 'failed');
  t.deepEqual(cache.audit.tail(2).map((r) => r.outcome), ['offline-network', 'failed-network']);
  await online.close();
  await offline.close();
  cache.close();
});

test.serial('one endpoint down → fresh parts stored, cached part kept, offline with the merged history', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const c = client();
  await look(cache, c, 'P005');
  const before = cache.getSnapshots(patientOf('P005').nationalId);
  sim.faults.add({ endpoint: 'imue0040s02', status: 500 });
  const partial = await look(cache, c, 'P005');
  sim.faults.clear();
  t.deepEqual(partial.types, ['cached', 'offline']);
  const event = partial.events.at(-1);
  if (event?.type !== 'offline') return t.fail();
  t.is(event.error.kind, 'server');
  t.is(event.error.endpoint, 'imue0040s02');
  const after = cache.getSnapshots(patientOf('P005').nationalId);
  const allergyBefore = before.find((s) => s.endpoint === 'imue0040s02')!;
  const allergyAfter = after.find((s) => s.endpoint === 'imue0040s02')!;
  t.is(allergyAfter.fetchedAt.getTime(), allergyBefore.fetchedAt.getTime(), 'the failed endpoint keeps its older snapshot');
  t.true(after.find((s) => s.endpoint === 'imue0008s02')!.fetchedAt >= before.find((s) => s.endpoint === 'imue0008s02')!.fetchedAt);
  t.is(event.fetchedAt?.getTime(), allergyBefore.fetchedAt.getTime(), '"data as of" is the oldest part shown');
  await c.close();
  cache.close();
});

test.serial('card swapped mid-fetch → nothing emitted after, nothing stored, audited as superseded', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0008s02', latencyMs: 300, times: 1 });
  const cache = freshCache();
  const c = client();
  let current = true;
  const seen: LookupEvent[] = [];
  const run = await look(cache, c, 'P006', {
    isCurrent: () => current,
    onEvent: (event) => {
      seen.push(event);
      if (event.type === 'progress' && event.endpoint === 'imue0008s02' && event.state === 'pending') current = false;
    },
  });
  t.is(run.result.outcome, 'superseded');
  t.false(seen.some((e) => e.type === 'fresh' || e.type === 'offline' || e.type === 'failed'));
  t.deepEqual(cache.getSnapshots(patientOf('P006').nationalId), []);
  t.is(cache.audit.tail(1)[0]?.outcome, 'superseded');
  t.true(c.stats.droppedStale >= 1);
  await c.close();
  cache.close();
});

test.serial('unauthorized staff → failed forbidden even with a cache; a young complete cache is not refetched', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const c = client();
  await look(cache, c, 'P007');
  const denied = await look(cache, c, 'P007', { staff: { staffId: sim.deck.staff[5]!.staffId }, credentials: credentials(sim.deck, 'P007', 'S06') });
  t.deepEqual(denied.types, ['cached', 'failed']);
  t.deepEqual(denied.result.warnings, [], 'the audit row was written');
  const failed = denied.events.at(-1);
  t.is(failed?.type === 'failed' ? failed.error.kind : null, 'forbidden');

  const requests = c.stats.requests;
  const young = await look(cache, c, 'P007', { maxCacheAgeMs: 3_600_000 });
  t.deepEqual(young.types, ['cached']);
  t.is(young.result.outcome, 'cached');
  t.is(c.stats.requests, requests, 'no login, no fetch');
  t.deepEqual(cache.audit.tail(2).map((r) => r.outcome), ['failed-forbidden', 'cached']);
  await c.close();
  cache.close();
});

// NHI's care-list Web API (方法1) during the look-up: isCareList for the badge, a progress line and
// a latency of its own; a failure falls back to the s02/s03 rows and does not fail the look-up.
test.serial('care-list Web API: P002 is on the list (exeURL), P001 not; one progress line and one latency each', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const c = client();
  const onList = await look(cache, c, 'P002');
  const fresh = onList.events.find((e) => e.type === 'fresh');
  if (fresh?.type !== 'fresh') return t.fail();
  t.like(fresh.careList, { source: 'api', onList: true });
  t.regex(fresh.careList?.source === 'api' ? (fresh.careList.exeUrl ?? '') : '', /\/imu\/imue1000\?type=ies&AUDIT_SEQ=\d+$/);
  t.true(fresh.history.careList.length > 0, 'the rows agree');
  const states = onList.events.flatMap((e) => (e.type === 'progress' && e.endpoint === CARE_LIST_STEP ? [e.state] : []));
  t.deepEqual(states, ['pending', 'done']);
  t.is(typeof cache.audit.tail(1)[0]?.latencies[CARE_LIST_STEP], 'number');

  const notOnList = await look(cache, c, 'P001');
  const second = notOnList.events.find((e) => e.type === 'fresh');
  t.deepEqual(second?.type === 'fresh' ? second.careList : undefined, { source: 'api', onList: false, exeUrl: null });
  // Cached data were not asked about: the rows decide until the cloud answers.
  const again = await look(cache, c, 'P002');
  const cached = again.events.find((e) => e.type === 'cached');
  t.is(cached?.type === 'cached' ? cached.careList : 'missing', null);
  await c.close();
  cache.close();
});

test.serial('care-list Web API down (500): the look-up is fresh anyway, the badge falls back to the rows with the failure kind', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'care-list', status: 500 });
  const cache = freshCache();
  const c = client();
  const run = await look(cache, c, 'P002');
  sim.faults.clear();
  t.is(run.result.outcome, 'fresh');
  const fresh = run.events.find((e) => e.type === 'fresh');
  if (fresh?.type !== 'fresh') return t.fail();
  t.deepEqual(fresh.careList, { source: 'rows', failure: 'server' });
  t.true(fresh.history.careList.length > 0);
  t.true(run.events.some((e) => e.type === 'progress' && e.endpoint === CARE_LIST_STEP && e.state === 'failed'));
  t.is(cache.audit.tail(1)[0]?.outcome, 'ok');
  await c.close();
  cache.close();
});

test.serial('care-list Web API: not asked for a prefetch', async (t) => {
  sim.faults.clear();
  const cache = freshCache();
  const c = client();
  const run = await look(cache, c, 'P002', { action: 'prefetch', analyze: false });
  t.false(run.events.some((e) => e.type === 'progress' && e.endpoint === CARE_LIST_STEP));
  t.false(CARE_LIST_STEP in (cache.audit.tail(1)[0]?.latencies ?? {}));
  await c.close();
  cache.close();
});
