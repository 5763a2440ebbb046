// The strong contract test: every endpoint's response for every deck patient, fetched over
// real HTTP, validates with helper C's schema and maps without a shape error.
import test from 'ava';
import { parseEndpoint, ENDPOINT_IDS } from '../../src/core/medicloud/index.ts';
import type { SummaryNote } from '../../src/core/domain/types.ts';
import { findStaff } from '../../src/demo/deck.ts';
import { DATA_ENDPOINT_IDS } from '../../src/sim/endpoints.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { getData, login, manualClock } from './helpers.ts';

let sim: RunningSimulator;
test.before(async () => {
  sim = await startSimulator({ seed: 20261123, today: '2026-11-23', clock: manualClock('2026-11-23T02:00:00Z').now });
});
test.after.always(() => sim.close());

test('every data endpoint the simulator serves has a medicloud schema, and the other way round', (t) => {
  t.deepEqual([...ENDPOINT_IDS].sort(), [...DATA_ENDPOINT_IDS].sort());
});

test('every endpoint of every deck patient validates with the medicloud schemas', async (t) => {
  const staff = findStaff(sim.deck, 'S02')!;
  const failures: string[] = [];
  const notes: SummaryNote[] = [];
  let records = 0;
  const queue = [...sim.deck.patients];
  const worker = async () => {
    for (let patient = queue.shift(); patient; patient = queue.shift()) {
      const token = await login(sim.url, sim.deck, staff, patient);
      for (const endpoint of ENDPOINT_IDS) {
        const res = await getData(sim.url, endpoint, token);
        const json: unknown = await res.json();
        const outcome = (() => {
          try {
            return parseEndpoint(endpoint, json) as unknown[];
          } catch (error) {
            failures.push(`${patient.deckId} ${endpoint}: ${error instanceof Error ? error.message : String(error)}`);
            return [];
          }
        })();
        records += outcome.length;
        if (endpoint === 'imue2000s01') notes.push(...(outcome as SummaryNote[]));
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  t.deepEqual(failures.slice(0, 5), []);
  t.true(records > 3000, `mapped ${records} records`);
  // The deck's kidney stories reach the pharmacist as CKD notes with their eGFR and date.
  const ckd = notes.filter((n) => n.kind === 'ckd');
  t.true(ckd.length > 0, 'some deck patient has a CKD summary note');
  t.true(ckd.every((n) => typeof n.egfr === 'number' && /^\d{4}-\d{2}-\d{2}$/.test(n.egfrDate ?? '')));
  t.true(notes.every((n) => !/[<>]/.test(n.text)), 'no markup in any note');
});

test('the no-data patient (P008) maps to empty lists on every endpoint', async (t) => {
  const token = await login(sim.url, sim.deck, findStaff(sim.deck, 'S01')!, sim.deck.patients[7]!);
  for (const endpoint of ENDPOINT_IDS) {
    const json: unknown = await (await getData(sim.url, endpoint, token)).json();
    t.deepEqual(parseEndpoint(endpoint, json), [], endpoint);
  }
});
