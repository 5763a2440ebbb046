// The cloud's row order is not part of the answer: the same rows listed in another order give
// the same alerts, duplicates, groups, refills and elderly cautions. Lists inside an answer
// may keep the rows' order among equals (the records of one day), so they are compared as
// sets; everything an alert says (which record it names, the dose it cites, a hint) must
// agree. Histories from the bench's seeded generator: several institutions, refill pickups,
// combinations, PRN and controlled hypnotics, many records on one day.
import test from 'ava';
import fc from 'fast-check';
import { seededRandom, syntheticHistory } from '../../../scripts/bench/synthetic-history.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';

const TODAY = '2025-11-03';

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A value with every list in it sorted (and 、-joined names too): order among equals set aside. */
function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => JSON.stringify(unordered(item))).sort();
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unordered(item)]));
  if (typeof value === 'string' && value.includes('、')) return value.split('、').sort().join('、');
  return value;
}

test('property: the rows\' order changes no alert, duplicate, group, refill or elderly caution', (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (seed, order) => {
      const history = syntheticHistory({ records: 80 + (seed % 320), today: TODAY, spanDays: 20 + (seed % 280), seed });
      const random = seededRandom(order);
      const reordered = { ...history, medications: shuffled(history.medications, random), chronic: shuffled(history.chronic, random) };
      const a = analyzeHistory(history, TODAY);
      const b = analyzeHistory(reordered, TODAY);
      for (const part of ['alerts', 'duplicates', 'groups', 'refills', 'elderly'] as const) {
        t.deepEqual(unordered(b[part]), unordered(a[part]), `${part}, seed ${seed}, order ${order}`);
      }
    }),
    { seed: 20251125, numRuns: 150 },
  );
});
