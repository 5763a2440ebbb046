// A pure function's answers remembered: the analysis formats and normalises the same few hundred
// values thousands of times, and a new string each time was a large share of its garbage. The
// memory is bounded (cleared when full) so a kiosk running all day cannot grow it without limit.

export function remembered<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const memory = new Map<K, V>();
  return (key) => {
    const known = memory.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (memory.size >= limit) memory.clear();
    memory.set(key, value);
    return value;
  };
}

/**
 * The inner table stored under `key`, made on first use (nested memo tables). A map rather
 * than a value made by a callback: a closure per call was 1.6 MB of garbage per 10,000-record
 * analysis.
 */
export function mapIn<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map<K2, V>();
    map.set(key, inner);
  }
  return inner;
}
