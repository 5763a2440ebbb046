// stableOrder (counting passes) must give exactly the order of a stable comparison sort by
// the same keys, and step aside (null) when it cannot: fractional or non-finite keys, or a
// range too wide for a counting pass. sortedByKeys packs the keys that are too wide to count
// and leaves the rest to the comparator; every way gives one order.
import test from 'ava';
import fc from 'fast-check';
import { sortedByKeys, stableOrder } from '../../../src/core/domain/day-order.ts';

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

interface Row {
  day: number;
  rank: number;
  id: number;
}

/** Later day first, then the lower rank: the order of the keys [−day, rank] below. */
function laterThenRank(a: Row, b: Row): number {
  return b.day - a.day || a.rank - b.rank;
}

function keysOf(rows: Row[]): Float64Array[] {
  return [Float64Array.from(rows.map((r) => -r.day)), Float64Array.from(rows.map((r) => r.rank))];
}

const rowsArb = fc.array(fc.record({ day: fc.integer({ min: 9_000, max: 9_060 }), rank: fc.integer({ min: 0, max: 3 }) }), { maxLength: 120 })
  .map((rows) => rows.map((r, id): Row => ({ ...r, id })));

test('sortedByKeys: counted, or packed when a far-off day spans too wide to count, the order is the stable comparator sort', (t) => {
  fc.assert(
    fc.property(rowsArb, fc.integer({ min: 0, max: 120 }), fc.integer({ min: -40_000, max: 40_000 }), (rows, at, farDay) => {
      const comparator = (a: Row, b: Row) => {
        t.fail('whole-number keys are never compared');
        return laterThenRank(a, b);
      };
      const ids = (list: Row[]) => list.map((r) => r.id);
      const counted = sortedByKeys(rows, keysOf(rows), comparator);
      t.deepEqual(ids(counted), ids([...rows].sort(laterThenRank)));
      // One far-off day (thousands of days outside the usual span) is past counting.
      const far = farDay >= 0 ? farDay + 30_000 : farDay - 20_000;
      const wide = [...rows.slice(0, at), { day: far, rank: 0, id: -1 }, ...rows.slice(at)];
      if (rows.length > 0) t.is(stableOrder(wide.length, keysOf(wide)), null);
      const packed = sortedByKeys(wide, keysOf(wide), comparator);
      t.deepEqual(ids(packed), ids([...wide].sort(laterThenRank)));
      // The far row aside, the same order as the counting passes gave.
      t.deepEqual(ids(packed).filter((id) => id !== -1), ids(counted));
    }),
    { seed: 20251103, numRuns: 200 },
  );
});

test('sortedByKeys: the comparator decides for a key that is not a whole number (an unreadable day) or keys too wide to pack; the input is not reordered', (t) => {
  const rows: Row[] = [{ day: 3, rank: 0, id: 0 }, { day: Number.NaN, rank: 0, id: 1 }, { day: 5, rank: 1, id: 2 }, { day: 5, rank: 0, id: 3 }];
  const unreadableFirst = (a: Row, b: Row) => (Number.isNaN(a.day) ? -1 : Number.isNaN(b.day) ? 1 : laterThenRank(a, b));
  t.deepEqual(sortedByKeys(rows, keysOf(rows), unreadableFirst).map((r) => r.id), [1, 3, 2, 0]);
  t.deepEqual(rows.map((r) => r.id), [0, 1, 2, 3]);
  // Two keys each spanning 10^8 values: one packed number per row would pass 2^53.
  const vast: Row[] = [{ day: 0, rank: 0, id: 0 }, { day: 1e8, rank: 1e8, id: 1 }, { day: 1e8, rank: 0, id: 2 }, { day: 0, rank: 0, id: 3 }];
  let compared = 0;
  const comparing = (a: Row, b: Row) => {
    compared += 1;
    return laterThenRank(a, b);
  };
  t.deepEqual(sortedByKeys(vast, keysOf(vast), comparing).map((r) => r.id), [2, 1, 0, 3]);
  t.true(compared > 0);
  t.deepEqual(sortedByKeys([], [new Float64Array(0)], unreadableFirst), []);
});
