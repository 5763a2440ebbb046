// Same seed + today → byte-identical answers, on two separate servers; a different today
// moves the history with it.
import test from 'ava';
import { findStaff } from '../../src/demo/deck.ts';
import { startSimulator } from '../../src/sim/server.ts';
import { DATA_ENDPOINT_IDS, type DataEndpointId } from '../../src/sim/endpoints.ts';
import { createDataset } from '../../src/sim/data/dataset.ts';
import { getData, login, manualClock } from './helpers.ts';

const ALL: DataEndpointId[] = DATA_ENDPOINT_IDS;

test('two servers with the same seed and today answer with identical bytes', async (t) => {
  const bodies: string[][] = [];
  for (let run = 0; run < 2; run++) {
    const sim = await startSimulator({ seed: 4242, today: '2026-03-01', clock: manualClock('2026-03-01T01:00:00Z').now });
    const texts: string[] = [];
    try {
      for (const patient of sim.deck.patients.slice(0, 12)) {
        const token = await login(sim.url, sim.deck, findStaff(sim.deck, 'S03')!, patient);
        for (const endpoint of ALL) texts.push(await (await getData(sim.url, endpoint, token)).text());
      }
    } finally {
      await sim.close();
    }
    bodies.push(texts);
  }
  t.is(bodies[0]!.length, 12 * ALL.length);
  t.deepEqual(bodies[0], bodies[1]);
});

test('a different seed gives different patients; a later today shifts the same history', (t) => {
  const a = createDataset({ seed: 1, today: '2026-03-01' });
  const b = createDataset({ seed: 2, today: '2026-03-01' });
  t.notDeepEqual(a.deck.patients.map((p) => p.nationalId), b.deck.patients.map((p) => p.nationalId));
  const later = createDataset({ seed: 1, today: '2026-03-11' });
  const p = a.deck.patients[0]!;
  const before = a.history(p).visits.map((v) => v.date);
  const after = later.history(later.deck.patients[0]!).visits.map((v) => v.date);
  t.is(before.length, after.length);
  t.true(before.every((day, i) => Date.parse(after[i]!) - Date.parse(day) === 10 * 86_400_000));
});
