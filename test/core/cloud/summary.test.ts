// The 摘要 (imue2000s01) through the cloud client: fetched with every look-up and mapped to
// notes (the headline patient's CKD note with eGFR 34), and requested with exactly the query
// the MediCloud page sends — checked on a recording HTTP server on 127.0.0.1.
import test from 'ava';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.ts';
import { createCloudClient, type CloudSession } from '../../../src/core/cloud/index.ts';
import { addDays } from '../../../src/core/domain/dates.ts';
import { credentials, FAST, seeded, TODAY } from './sim-helpers.ts';

let sim: RunningSimulator;
test.before(async () => {
  sim = await startSimulator({ today: TODAY });
});
test.after.always(async () => {
  await sim.close();
});

async function loggedIn(handle: string): Promise<CloudSession> {
  const c = createCloudClient({ baseUrl: sim.url, ...FAST, ...seeded() });
  try {
    return await c.login(credentials(sim.deck, handle));
  } finally {
    await c.close();
  }
}

test.serial('fetchAll brings the summary notes: the headline patient’s CKD note with eGFR 34 and its date', async (t) => {
  sim.queryLog.clear();
  const c = createCloudClient({ baseUrl: sim.url, ...FAST, ...seeded() });
  const session = await c.login(credentials(sim.deck, 'P001'));
  const result = await c.fetchAll(session);
  await c.close();
  t.deepEqual(result.failures, []);
  t.true(result.snapshots.some((s) => s.endpoint === 'imue2000s01'), 'the raw answer is there for the cache');
  const ckd = result.parts.imue2000s01?.find((note) => note.kind === 'ckd');
  t.like(ckd, { egfr: 34, egfrDate: addDays(TODAY, -40), icon: 'summary-icon-3.png' });
  t.false(ckd?.text.includes('<') ?? true, 'HTML stripped');
  t.false(sim.queryLog.entries().some((e) => e.endpoint === 'imue2000s01'), 'called without insert_log, as the page does');
});

test.serial('the summary request carries the page’s switches and cli_datetime; the others keep cli_datetime&insert_log', async (t) => {
  const session = await loggedIn('P002');
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const recorder = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ log2time: '2026-11-23T10:00:00', robject: [{ txt: "<span class='red-sign'>最近一筆eGFR值為[41]，採檢日期為[115/10/01]</span>", img: 'summary-icon-3.png' }] }));
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const { port } = recorder.address() as AddressInfo;
  // One fixed instant (inside the fresh token's lifetime) for every request, so the URL is known.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const c = createCloudClient({ baseUrl: `http://127.0.0.1:${port}`, ...FAST, ...seeded(), clock: () => now });
  try {
    const answer = await c.fetchEndpoint(session, 'imue2000s01');
    t.like(answer.value[0], { kind: 'ckd', egfr: 41, egfrDate: '2026-10-01', text: '最近一筆eGFR值為[41]，採檢日期為[115/10/01]' });
    await t.throwsAsync(c.fetchEndpoint(session, 'imue0008s02'), undefined, 'a summary body is not a medication answer');
  } finally {
    await c.close();
    await new Promise<void>((resolve) => recorder.close(() => resolve()));
  }
  const taipei = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  const stamp = encodeURIComponent(taipei);
  t.is(seen[0]?.url, `/imu/api/imue2000/imue2000s01/get-summary?drug_phet=false&drug_hemo=false&ctmri_assay=false&ctmri_dent=true&cli_datetime=${stamp}`);
  t.is(seen[0]?.headers.authorization, `Bearer ${session.token}`);
  t.is(seen[1]?.url, `/imu/api/imue0008/imue0008s02/get-data?cli_datetime=${stamp}&insert_log=true`);
});
