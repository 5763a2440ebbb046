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

/** The map's value for `key`, made and stored on first use (nested memo tables). */
export function valueIn<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
