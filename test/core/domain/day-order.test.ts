// stableOrder (counting passes) must give exactly the order of a stable comparison sort by
// the same keys, and step aside (null) when it cannot: fractional or non-finite keys, or a
// range too wide for a counting pass.
import test from 'ava';
import fc from 'fast-check';
import { stableOrder } from '../../../src/core/domain/day-order.ts';

function comparisonOrder(n: number, keys: Float64Array[]): number[] {
  const positions = Array.from({ length: n }, (_, i) => i);
  return positions.sort((a, b) => {
    for (const key of keys) {
      const d = (key[a] as number) - (key[b] as number);
      if (d !== 0) return d;
    }
    return a - b;
  });
}

test('equals a stable comparison sort by the same keys, most significant first', (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 20_000, max: 20_003 })), { maxLength: 200 }),
      (rows) => {
        const keys = [0, 1, 2].map((k) => Float64Array.from(rows.map((row) => row[k] as number)));
        const order = stableOrder(rows.length, keys);
        t.not(order, null);
        t.deepEqual([...(order as Int32Array)], comparisonOrder(rows.length, keys));
      },
    ),
    { seed: 20251103, numRuns: 200 },
  );
});

test('equal keys keep the given order; no keys and no items are fine', (t) => {
  t.deepEqual([...(stableOrder(4, [new Float64Array([7, 7, 7, 7])]) as Int32Array)], [0, 1, 2, 3]);
  t.deepEqual([...(stableOrder(3, []) as Int32Array)], [0, 1, 2]);
  t.deepEqual([...(stableOrder(0, [new Float64Array(0)]) as Int32Array)], []);
});

test('null (the caller sorts by comparison) for fractional, NaN or far-apart keys', (t) => {
  t.is(stableOrder(2, [new Float64Array([1, 2.5])]), null);
  t.is(stableOrder(2, [new Float64Array([1, Number.NaN])]), null);
  t.is(stableOrder(2, [new Float64Array([0, 10_000_000])]), null);
});
