// MediCloud simulator, server side only: how long the data set takes to build for all 240
// deck patients (target < 200 ms), and the simulator's raw answer time for one patient's
// endpoints over loopback with node's fetch (median ms), so we know the server is never the
// bottleneck of a lookup. The client's own round trip (undici, parallel) is cloud.bench.ts.
import { randomBytes, sign } from 'node:crypto';
import { toRoc7 } from '../../src/core/domain/dates.ts';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { demoKeyPair } from '../../src/demo/keys.ts';
import { createDataset } from '../../src/sim/data/dataset.ts';
import { API_PREFIX, DATA_ENDPOINTS, DATA_ENDPOINT_IDS, LOGIN_PATH } from '../../src/sim/endpoints.ts';
import { startSimulator } from '../../src/sim/server.ts';

const TODAY = '2026-11-23';
const ROUNDS = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall ms and CPU ms (user + system; the fairer number on a machine shared with other work). */
function generation(seed: number): { wall: number; cpu: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const dataset = createDataset({ seed, today: TODAY });
  for (const patient of dataset.deck.patients) {
    for (const endpoint of DATA_ENDPOINT_IDS) dataset.payload(endpoint, patient, TODAY);
  }
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

export default async function bench(): Promise<void> {
  // Cold (first run in this process, JIT not warm) and warm, with fresh seeds so nothing is cached.
  const cold = generation(1);
  const warm = [2, 3, 4, 5, 6].map(generation);
  console.log(
    `data set, 240 patients × 7 endpoints (target < 200 ms): cold ${cold.wall.toFixed(1)} ms (cpu ${cold.cpu.toFixed(1)}), ` +
      `warm median ${median(warm.map((w) => w.wall)).toFixed(1)} ms (cpu ${median(warm.map((w) => w.cpu)).toFixed(1)})`,
  );

  const sim = await startSimulator({ seed: 20261123, today: TODAY });
  try {
    const deck = sim.deck;
    const staff = findStaff(deck, 'S01')!;
    const patient = findPatient(deck, 'P001')!;
    const clientRandom = randomBytes(32).toString('hex');
    const message = Buffer.from(`${clientRandom}|${deck.home.id}|${staff.staffId}|${patient.nationalId}`);
    const signWith = (label: string) => sign('sha256', message, { key: demoKeyPair(deck.seed, label).privateKey, dsaEncoding: 'der' }).toString('base64');
    const loginBody = JSON.stringify({
      hospId: deck.home.id, samId: deck.samId, clientRandom, samSignature: signWith(`sam:${deck.samId}`),
      staffId: staff.staffId, staffPublicKey: demoKeyPair(deck.seed, 'staff:S01').publicKeyDer.toString('base64'), staffSignature: signWith('staff:S01'),
      patientId: patient.nationalId, patientBirthday: toRoc7(patient.birthDate), patientCardNumber: patient.cardNumber,
    });
    const login = async () => {
      const res = await fetch(`${sim.url}${LOGIN_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: loginBody });
      return ((await res.json()) as { token: string }).token;
    };
    const loginTimes: number[] = [];
    let token = '';
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      token = await login();
      loginTimes.push(performance.now() - started);
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, text/plain, */*', 'X-Requested-With': 'XMLHttpRequest' };
    const get = async (endpoint: (typeof DATA_ENDPOINT_IDS)[number]) => {
      const res = await fetch(`${sim.url}${API_PREFIX}${DATA_ENDPOINTS[endpoint]}?cli_datetime=${TODAY}T10:00:00&insert_log=true`, { headers });
      return (await res.arrayBuffer()).byteLength;
    };
    const perEndpoint = new Map<string, { times: number[]; bytes: number }>();
    const parallel: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const endpoint of DATA_ENDPOINT_IDS) {
        const started = performance.now();
        const bytes = await get(endpoint);
        const entry = perEndpoint.get(endpoint) ?? { times: [], bytes };
        entry.times.push(performance.now() - started);
        perEndpoint.set(endpoint, entry);
      }
      const started = performance.now();
      await Promise.all(DATA_ENDPOINT_IDS.map(get));
      parallel.push(performance.now() - started);
    }
    console.log(`simulator over loopback, node fetch, P001, ${ROUNDS} rounds (median ms):`);
    console.log(`  verify3cards (2 ECDSA verifies + JWT)  ${median(loginTimes).toFixed(2)}`);
    for (const [endpoint, { times, bytes }] of perEndpoint) console.log(`  ${endpoint.padEnd(12)} ${median(times).toFixed(2).padStart(6)}  (${bytes} bytes)`);
    console.log(`  all 7 in parallel          ${median(parallel).toFixed(2)}`);
  } finally {
    await sim.close();
  }
}
