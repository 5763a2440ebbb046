// Closing the simulator ends every socket promptly: idle keep-alive connections and requests
// hung by a fault, so test suites and Ctrl-C never wait for a client.
import { request, Agent } from 'node:http';
import test from 'ava';
import { startSimulator } from '../../src/sim/server.ts';

test('close() resolves with a keep-alive connection open and a hung request in flight', async (t) => {
  const sim = await startSimulator({ seed: 7, today: '2026-01-15' });
  const agent = new Agent({ keepAlive: true });
  t.teardown(() => agent.destroy());
  // An idle keep-alive socket.
  await new Promise<void>((resolve, reject) => {
    request(`${sim.url}/__sim/health`, { agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject).end();
  });
  // A request that will never be answered.
  sim.faults.add({ endpoint: '*', hang: true });
  const hung = new Promise<string>((resolve) => {
    request(`${sim.url}/imu/api/imue0008/imue0008s02/get-data`, { agent }, () => resolve('answered'))
      .on('error', (error) => resolve(error.message))
      .end();
  });
  // The health endpoint is not subject to faults, so this answer proves the hung request is in the server.
  const health = (await (await fetch(`${sim.url}/__sim/health`)).json()) as { ok: boolean; seed: number; today: string };
  t.deepEqual([health.ok, health.seed, health.today], [true, 7, '2026-01-15']);
  await sim.close();
  t.regex(await hung, /socket hang up|ECONNRESET/);
  const after = await fetch(`${sim.url}/__sim/health`).then(() => 'open', (error: Error) => error.message);
  t.not(after, 'open');
});

test('a bad today is a typed error before anything listens', async (t) => {
  await t.throwsAsync(startSimulator({ today: '2026-02-30' }), { instanceOf: RangeError, message: /YYYY-MM-DD/ });
});
