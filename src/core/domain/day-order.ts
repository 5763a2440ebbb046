// Orders by small integer keys (day numbers, supply days, states) with stable counting
// sorts instead of comparison sorts. The analysis sorts every record two or three ways
// (start order, the records table's newest-first order, per-rule latest-first); a native
// sort of packed Float64 keys cost about 0.8 ms per 10,000 records each and grew n log n,
// while a counting pass costs O(n + key range) (scripts/bench/analysis.bench.ts).

/**
 * Keys spanning more values than this (relative to the item count) are not counted: a
 * counting pass over a huge, mostly empty range would cost more than sorting.
 */
function rangeFits(range: number, n: number): boolean {
  return range <= 4 * n + 4096;
}

/** Each key's [min, max] over the first n values; null when a value is not a whole number. */
function keyBounds(n: number, keys: readonly Float64Array[]): [number, number][] | null {
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
    bounds.push([min, max]);
  }
  return bounds;
}

function countable(n: number, bounds: [number, number][]): boolean {
  return n === 0 || bounds.every(([min, max]) => rangeFits(max - min + 1, n));
}

/**
 * A stable permutation of 0 … n − 1 by integer keys, ascending: keys[0] decides first, ties
 * go to keys[1], and so on, then to the position. Each key list holds one whole number per
 * position. Null when a key is not a whole number or spans too wide a range to count.
 */
export function stableOrder(n: number, keys: readonly Float64Array[]): Int32Array | null {
  const bounds = keyBounds(n, keys);
  return bounds !== null && countable(n, bounds) ? countingOrder(n, keys, bounds) : null;
}

function countingOrder(n: number, keys: readonly Float64Array[], bounds: [number, number][]): Int32Array {
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

/**
 * The same permutation for keys spanning too wide to count (one far-off date among thousands
 * of records): one number per item, the keys in mixed radix and then the position, sorted
 * natively. A comparator sort there cost 2–3 times as much (the start order of 10k records:
 * 1.1 → 2.7 ms). Null when that number could pass 2^53.
 */
function packedOrder(n: number, keys: readonly Float64Array[], bounds: [number, number][]): Int32Array | null {
  let size = n;
  for (const [min, max] of bounds) size *= max - min + 1;
  if (size > Number.MAX_SAFE_INTEGER) return null;
  // Most significant key first: each pass scales the number so far by the next key's span;
  // the position comes last, so equal keys keep their order.
  const packed = new Float64Array(n);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as Float64Array;
    const [min, max] = bounds[k] as [number, number];
    const span = max - min + 1;
    for (let i = 0; i < n; i++) packed[i] = (packed[i] as number) * span + ((key[i] as number) - min);
  }
  for (let i = 0; i < n; i++) packed[i] = (packed[i] as number) * n + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % n;
  return order;
}

/**
 * The permutation of stableOrder, also for keys spanning too wide to count (packed keys);
 * null only when a key is not a whole number or a packed key would pass 2^53.
 */
export function keyOrder(n: number, keys: readonly Float64Array[]): Int32Array | null {
  const bounds = keyBounds(n, keys);
  if (bounds === null) return null;
  return countable(n, bounds) ? countingOrder(n, keys, bounds) : packedOrder(n, keys, bounds);
}

/**
 * `items` in the order of `keys` (as stableOrder: keys[0] first, then keys[1] …, then the
 * given order): counting passes, or packed keys when they span too wide to count. `compare`
 * decides only where that cannot work (a key that is not a whole number, such as an
 * unreadable day's NaN, or a packed key past 2^53); where the keys are whole numbers it
 * must order exactly as they do, with equal keys left in their given order (a stable sort).
 * Returns a new list.
 */
export function sortedByKeys<T>(items: readonly T[], keys: readonly Float64Array[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  const order = keyOrder(n, keys);
  if (order === null) return items.slice().sort(compare);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[order[i] as number] as T;
  return out;
}
