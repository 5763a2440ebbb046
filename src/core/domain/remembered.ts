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
 * Small whole numbers for keys, in the order they are first met (0, 1, 2 …), so that lists can
 * be indexed by them instead of looking the key up again (identities, dosage forms,
 * institutions of one analysis).
 */
export class Numbering<K> {
  private readonly numbers = new Map<K, number>();

  /** How many keys have a number (they run 0 … size − 1). */
  get size(): number {
    return this.numbers.size;
  }

  of(key: K): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(key, number);
    }
    return number;
  }
}
