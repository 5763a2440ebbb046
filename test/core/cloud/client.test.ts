// The cloud client against E's simulator over real HTTP on 127.0.0.1: login, every endpoint
// validated by C's schemas, each fault class mapped to its CloudError kind, bounded retries
// (counted on the simulator's side), and the stale-patient guard.
import test from 'ava';
import { createServer } from 'node:net';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.ts';
import { createCloudClient, createPatientGuard, CloudError, type CloudClient, type ProgressEvent } from '../../../src/core/cloud/index.ts';
import { ENDPOINT_IDS } from '../../../src/core/medicloud/index.ts';
import { findPatient } from '../../../src/demo/deck.ts';
import { credentials, FAST, seeded, TODAY } from './sim-helpers.ts';

let sim: RunningSimulator;
test.before(async () => {
  sim = await startSimulator({ today: TODAY });
});
test.after.always(async () => {
  await sim.close();
});

function client(overrides: Partial<Parameters<typeof createCloudClient>[0]> = {}): CloudClient {
  return createCloudClient({ baseUrl: sim.url, ...FAST, ...seeded(), ...overrides });
}

/** Faults are global to the simulator, so tests that set them run one at a time. */
const serial = test.serial;

serial('login + fetchAll: every endpoint in parallel, each validated, progress pending → done', async (t) => {
  sim.faults.clear();
  sim.queryLog.clear();
  const c = client({ timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 } });
  const p001 = findPatient(sim.deck, 'P001')!;
  const session = await c.login(credentials(sim.deck, 'P001'));
  t.is(session.patientId, p001.nationalId);
  t.deepEqual(session.patient, { nationalId: p001.nationalId, name: p001.name, birthDate: p001.birthDate, sex: p001.sex });
  t.true(session.expiresAt !== null);
  const events: ProgressEvent[] = [];
  const result = await c.fetchAll(session, { onProgress: (e) => events.push(e) });
  t.false(result.stale);
  t.deepEqual(result.failures, []);
  t.deepEqual(result.snapshots.map((s) => s.endpoint), ENDPOINT_IDS);
  t.true((result.parts.imue0008s02?.length ?? 0) > 0, 'the headline patient has medication records');
  t.true((result.parts.imue0008s05?.length ?? 0) > 0, 'and chronic prescriptions');
  for (const id of ENDPOINT_IDS) {
    t.deepEqual(events.filter((e) => e.endpoint === id).map((e) => e.state), ['pending', 'done'], id);
    t.true(typeof result.latencies[id] === 'number');
  }
  // NHI logs every call made with insert_log=true; the care-list summary (s03) is called
  // bare and the 摘要 (imue2000s01) with the page's own switches and no insert_log.
  const logged = sim.queryLog.entries();
  t.deepEqual(logged.map((e) => e.endpoint).sort(), ENDPOINT_IDS.filter((id) => id !== 'imue0009s03' && id !== 'imue2000s01').sort());
  t.true(logged.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(e.cliDatetime ?? '')));
  t.is(c.stats.requests, 1 + ENDPOINT_IDS.length);
  await c.close();
});

serial('latency beyond the header timeout → timeout (9003) on that endpoint only; the rest arrive', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0008s02', latencyMs: 600, times: 1 });
  const c = client({ retries: { retries: 0 } });
  const session = await c.login(credentials(sim.deck, 'P001'));
  const result = await c.fetchAll(session);
  t.deepEqual(result.failures.map((f) => [f.endpoint, f.error.kind]), [['imue0008s02', 'timeout']]);
  t.is(result.failures[0]?.error.nhiCode, 9003);
  t.is(result.snapshots.length, ENDPOINT_IDS.length - 1);
  await c.close();
});

serial('HTTP 500 → server after exactly 1 + retries requests (counted by the simulator)', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0120s01', status: 500, times: 10 });
  const c = client();
  const session = await c.login(credentials(sim.deck, 'P001'));
  const events: ProgressEvent[] = [];
  const error = await t.throwsAsync(c.fetchEndpoint(session, 'imue0120s01', { onRetry: (e) => events.push({ endpoint: e.endpoint, state: 'retrying' }) }), { instanceOf: CloudError });
  t.is(error?.kind, 'server');
  t.is(error?.status, 500);
  t.is(sim.faults.list()[0]?.remaining, 10 - 3, 'one request + two retries, no more');
  t.is(events.length, 2);
  t.is(c.stats.retries, 2);
  await c.close();
});

serial('a passing 503 is retried and the endpoint still arrives, with a retrying progress event', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0040s02', status: 503, times: 1 });
  const c = client();
  const session = await c.login(credentials(sim.deck, 'P001'));
  const events: ProgressEvent[] = [];
  const result = await c.fetchAll(session, { onProgress: (e) => events.push(e) });
  t.deepEqual(result.failures, []);
  t.deepEqual(events.filter((e) => e.endpoint === 'imue0040s02').map((e) => e.state), ['pending', 'retrying', 'done']);
  t.is(events.find((e) => e.state === 'retrying')?.error?.kind, 'server');
  await c.close();
});

serial('a hung server → timeout, retried within bound', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0009s02', hang: true, times: 5 });
  const c = client({ retries: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 } });
  const session = await c.login(credentials(sim.deck, 'P001'));
  const error = await t.throwsAsync(c.fetchEndpoint(session, 'imue0009s02'), { instanceOf: CloudError });
  t.is(error?.kind, 'timeout');
  t.is(error?.ms, FAST.timeouts.headersMs);
  t.is(sim.faults.list()[0]?.remaining, 5 - 2);
  await c.close();
});

serial('truncated JSON → malformed (position named), retried as a GET; wrong shape → schema naming endpoint and field, not retried', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0008s02', truncated: true, times: 5 });
  const c = client();
  const session = await c.login(credentials(sim.deck, 'P001'));
  const cut = await t.throwsAsync(c.fetchEndpoint(session, 'imue0008s02'), { instanceOf: CloudError });
  t.is(cut?.kind, 'malformed');
  t.regex(cut?.detail ?? '', /unexpected end|position/);
  t.is(sim.faults.list()[0]?.remaining, 5 - 3);

  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0008s02', malformed: true, times: 5 });
  const shape = await t.throwsAsync(c.fetchEndpoint(session, 'imue0008s02'), { instanceOf: CloudError });
  t.is(shape?.kind, 'schema');
  t.is(shape?.endpoint, 'imue0008s02');
  t.is(shape?.field, 'robject');
  t.regex(shape?.messageIn('zh-TW') ?? '', /資料格式不符：imue0008s02 robject/);
  t.is(sim.faults.list()[0]?.remaining, 4, 'a schema error is not retried');
  await c.close();
});

serial('expired token → auth: the server refuses it (401), and an already-expired token is not even sent', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0008s05', expiredToken: true, times: 1 });
  const c = client();
  const session = await c.login(credentials(sim.deck, 'P001'));
  const refused = await t.throwsAsync(c.fetchEndpoint(session, 'imue0008s05'), { instanceOf: CloudError });
  t.is(refused?.kind, 'auth');
  t.is(refused?.status, 401);
  t.regex(refused?.detail ?? '', /TOKEN_EXPIRED/);

  sim.faults.add({ endpoint: 'verify3cards', expiredToken: true, times: 1 });
  const stale = await c.login(credentials(sim.deck, 'P001'));
  const before = c.stats.requests;
  const local = await t.throwsAsync(c.fetchEndpoint(stale, 'imue0008s02'), { instanceOf: CloudError });
  t.is(local?.kind, 'auth');
  t.is(c.stats.requests, before);
  await c.close();
});

serial('login refusals: unauthorized staff → forbidden 9100, wrong birthday → not-found, a foreign key → auth', async (t) => {
  sim.faults.clear();
  const c = client();
  const forbidden = await t.throwsAsync(c.login(credentials(sim.deck, 'P001', 'S06')), { instanceOf: CloudError });
  t.is(forbidden?.kind, 'forbidden');
  t.is(forbidden?.nhiCode, 9100);
  const wrongBirthday = { ...credentials(sim.deck, 'P001'), patientBirthday: '1950-01-01' };
  t.is((await t.throwsAsync(c.login(wrongBirthday), { instanceOf: CloudError }))?.kind, 'not-found');
  const foreign = { ...credentials(sim.deck, 'P001'), staff: credentials(sim.deck, 'P001', 'S02').staff };
  const auth = await t.throwsAsync(c.login(foreign), { instanceOf: CloudError });
  t.is(auth?.kind, 'auth');
  t.is(c.stats.retries, 0, 'a login POST that reached the server is never resent');
  await c.close();
});

serial('connection refused on a closed port → network 4061 「網路中斷」', async (t) => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const c = createCloudClient({ baseUrl: `http://127.0.0.1:${port}`, ...FAST, ...seeded() });
  const error = await t.throwsAsync(c.login(credentials(sim.deck, 'P001')), { instanceOf: CloudError });
  t.is(error?.kind, 'network');
  t.is(error?.code, 'ECONNREFUSED');
  t.is(error?.nhiCode, 4061);
  t.true(error?.offline);
  t.regex(error?.messageIn('zh-TW') ?? '', /網路中斷（4061）/);
  t.is(c.stats.requests, 3, 'a refused login was never seen by the server, so it may be resent (bounded)');
  await c.close();
});

serial('stale guard: the counter switches patient while a slow answer is in flight → it is dropped, never emitted', async (t) => {
  sim.faults.clear();
  // Slow enough that the other five are surely in first, even on a busy 2-core machine.
  sim.faults.add({ endpoint: 'imue0008s02', latencyMs: 1000, times: 1 });
  const c = client({ timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 } });
  const guard = createPatientGuard();
  const session = await c.login(credentials(sim.deck, 'P001'));
  const ticket = guard.start('P001');
  const seen: ProgressEvent[] = [];
  let done = 0;
  const result = await c.fetchAll(session, {
    isCurrent: ticket.isCurrent,
    onProgress: (event) => {
      seen.push(event);
      // The five fast endpoints are in; the slow one is still on the wire: 「換卡」.
      if (event.state === 'done' && event.endpoint !== 'imue0008s02' && ++done === ENDPOINT_IDS.length - 1) guard.start('P002');
    },
  });
  t.true(result.stale);
  t.deepEqual(result.snapshots, [], 'nothing of the old patient is handed on');
  t.deepEqual(result.parts, {});
  t.is(c.stats.droppedStale, 1);
  t.false(seen.some((e) => e.endpoint === 'imue0008s02' && e.state === 'done'), 'the late answer was never emitted');
  await c.close();
});

serial('Web APIs: care-list check (方法1) and active alerts oType 10/13 (方法4)', async (t) => {
  sim.faults.clear();
  const c = client();
  const p002 = findPatient(sim.deck, 'P002')!;
  const creds = credentials(sim.deck, 'P002');
  const request = { hospId: creds.hospId, samId: creds.samId, sam: creds.sam, staffId: creds.staffId, patientId: p002.nationalId, patientBirthday: p002.birthDate };
  const check = await c.checkCareList(request);
  t.true(check.onCareList);
  t.regex(check.exeUrl ?? '', /\/imu\/imue1000\?type=ies&AUDIT_SEQ=\d+/);
  const drugs = await c.activeAlerts({ ...request, patientCardNumber: p002.cardNumber });
  t.true(drugs.length > 0);
  for (const drug of drugs) {
    t.true(drug.oType === '10' || drug.oType === '13');
    t.regex(drug.ingredientCode, /^[0-9+]+$/);
    t.true(drug.doseMg > 0 && drug.referenceMg > 0);
  }
  const p001 = findPatient(sim.deck, 'P001')!;
  t.false((await c.checkCareList({ ...request, patientId: p001.nationalId, patientBirthday: p001.birthDate })).onCareList);
  const unknown = await t.throwsAsync(c.checkCareList({ ...request, patientBirthday: '1950-01-01' }), { instanceOf: CloudError });
  t.is(unknown?.kind, 'not-found');
  const s06 = credentials(sim.deck, 'P002', 'S06');
  const refused = await t.throwsAsync(c.activeAlerts({ ...request, staffId: s06.staffId, patientCardNumber: p002.cardNumber }), { instanceOf: CloudError });
  t.is(refused?.kind, 'forbidden');
  await c.close();
});

serial('per-request limits override the client’s; the server Date is kept for the clock check; close() twice is safe', async (t) => {
  sim.faults.clear();
  sim.faults.add({ endpoint: 'imue0040s02', latencyMs: 400, times: 1 });
  const c = client({ timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 }, retries: { retries: 0 } });
  const session = await c.login(credentials(sim.deck, 'P001'));
  t.regex(c.stats.lastServerDate ?? '', /GMT$/);
  t.true(Math.abs(Date.parse(c.stats.lastServerDate!) - Date.now()) < 60_000);
  const error = await t.throwsAsync(c.fetchEndpoint(session, 'imue0040s02', { timeouts: { headersMs: 100 } }), { instanceOf: CloudError });
  t.is(error?.kind, 'timeout');
  t.is(error?.ms, 100);
  await c.close();
  await t.notThrowsAsync(c.close());
});
