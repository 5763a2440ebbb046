// Orders by small integer keys (day numbers, supply days, states) with stable counting
// sorts instead of comparison sorts. The analysis sorts every record two or three ways
// (start order, the records table's newest-first order, per-rule latest-first); a native
// sort of packed Float64 keys cost about 0.8 ms per 10,000 records each and grew n log n,
// while a counting pass costs O(n + key range) (scripts/bench/analysis.bench.ts).

/**
 * Keys spanning more values than this (relative to the item count) are left to the caller's
 * comparison sort: a counting pass over a huge, mostly empty range would cost more.
 */
function rangeFits(range: number, n: number): boolean {
  return range <= 4 * n + 4096;
}

/**
 * A stable permutation of 0 … n − 1 by integer keys, ascending: keys[0] decides first, ties
 * go to keys[1], and so on, then to the position. Each key list holds one whole number per
 * position. Null when a key is not a whole number or spans too wide a range, so the caller
 * falls back to its comparison sort.
 */
export function stableOrder(n: number, keys: readonly Float64Array[]): Int32Array | null {
  const bounds: [number, number][] = [];
  for (const key of keys) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const value = key[i] as number;
      if (!Number.isInteger(value)) return null;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (n > 0 && !rangeFits(max - min + 1, n)) return null;
    bounds.push([min, max]);
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let next = new Int32Array(n);
  // Least significant key first; each pass is stable, so earlier passes break later ties.
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k] as Float64Array;
    const [min, max] = bounds[k] as [number, number];
    if (min === max) continue;
    const counts = new Int32Array(max - min + 2);
    for (let i = 0; i < n; i++) (counts[(key[i] as number) - min + 1] as number)++;
    for (let v = 1; v < counts.length; v++) counts[v] = (counts[v] as number) + (counts[v - 1] as number);
    for (let i = 0; i < n; i++) {
      const at = order[i] as number;
      const slot = (key[at] as number) - min;
      next[counts[slot] as number] = at;
      counts[slot] = (counts[slot] as number) + 1;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
