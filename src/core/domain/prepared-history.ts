// A history's records prepared once (prepare.ts, and as columns: record-columns.ts) plus what
// several parts of the analysis share, each computed at most once per analysis: the packed
// start order (S, larger N, input order) that group leftover and the duplicate check fill
// their groups in, and whether some row object is listed twice.
import type { MedicationRecord } from './types.ts';
import { ORDER_PER_DAY, Preparer } from './prepare.ts';
import { keyOrder } from './day-order.ts';
import { RecordColumns } from './record-columns.ts';

export class PreparedHistory {
  /** The prepared facts as typed arrays by input position (record-columns.ts). */
  readonly columns: RecordColumns;
  private positions: Int32Array | null = null;
  private repeats: boolean | null = null;

  constructor(
    readonly preparer: Preparer,
    /** The history's records as given (the repeated-row check compares them by identity). */
    private readonly records: MedicationRecord[],
  ) {
    this.columns = new RecordColumns(records.length);
    preparer.prepareAll(records, this.columns);
  }

  /** How many records the history holds. */
  get size(): number {
    return this.records.length;
  }

  static of(records: MedicationRecord[], today: string): PreparedHistory {
    return new PreparedHistory(new Preparer(today), records);
  }

  /**
   * The positions of the records whose start can be read, in packed start order (S, larger N,
   * input order): counting passes over the day numbers, or packed keys when they span too wide.
   */
  startOrder(): Int32Array {
    if (this.positions === null) {
      const { startDay, order } = this.columns;
      const dated = new Int32Array(startDay.length);
      let m = 0;
      for (let i = 0; i < startDay.length; i++) if (Number.isFinite(startDay[i] as number)) dated[m++] = i;
      const starts = new Float64Array(m);
      const longerFirst = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const i = dated[k] as number;
        starts[k] = startDay[i] as number;
        longerFirst[k] = (order[i] as number) - (startDay[i] as number) * ORDER_PER_DAY;
      }
      const sorted = keyOrder(m, [starts, longerFirst]);
      const positions = new Int32Array(m);
      if (sorted === null) {
        // Packed keys would pass 2^53 (days spread over millennia among tens of thousands of
        // records): compared instead.
        positions.set(dated.subarray(0, m));
        positions.sort((a, b) => (order[a] as number) - (order[b] as number) || a - b);
      } else for (let k = 0; k < m; k++) positions[k] = dated[sorted[k] as number] as number;
      this.positions = positions;
    }
    return this.positions;
  }

  /**
   * True when one record object is listed twice. The copies share S and N, so they sit in one
   * run of equal packed order, and they share their ingredients: inside a long run only
   * records of the same first ingredient are compared (chained by its integer key), so a
   * dense history's runs of hundreds need no set of record objects. Records without a
   * readable start, which the start order leaves out, are checked with a set.
   */
  private hasRepeatedRecord(): boolean {
    const positions = this.startOrder();
    const n = positions.length;
    const records = this.records;
    if (n !== records.length) return new Set(records).size !== records.length;
    const order = this.columns.order;
    const chains = chainsByProduct(this.preparer);
    const heads = new Int32Array(this.preparer.identityCount + 1).fill(-1);
    const next = new Int32Array(n);
    const run: Run = { positions, records, product: this.columns.product, chains, heads, next };
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && order[positions[i] as number] === order[positions[runStart] as number]) continue;
      if (i - runStart > 8 ? repeatedInChains(run, runStart, i) : repeatedPairwise(positions, records, runStart, i)) return true;
      runStart = i;
    }
    return false;
  }

  /**
   * Null when no row object is listed twice (the usual case); else 1 at each record object's
   * first or last position and 0 at its other ones, so a caller listing one row object twice
   * gets it counted once, as the per-group and per-rule lists always did.
   */
  keptPositions(keep: 'first' | 'last'): Uint8Array | null {
    if (this.repeats === null) this.repeats = this.hasRepeatedRecord();
    if (!this.repeats) return null;
    const records = this.records;
    const at = new Map<MedicationRecord, number>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as MedicationRecord;
      if (keep === 'last' || !at.has(record)) at.set(record, i);
    }
    const kept = new Uint8Array(records.length);
    for (const i of at.values()) kept[i] = 1;
    return kept;
  }

  /** The record at input position `i`, as given. */
  record(i: number): MedicationRecord {
    return this.records[i] as MedicationRecord;
  }
}

function repeatedPairwise(positions: Int32Array, records: MedicationRecord[], from: number, to: number): boolean {
  for (let a = from; a < to; a++) {
    const record = records[positions[a] as number];
    for (let b = a + 1; b < to; b++) if (records[positions[b] as number] === record) return true;
  }
  return false;
}

/** Each product's chain slot: its first ingredient's key + 1 (0 for a product without ingredients). */
function chainsByProduct(preparer: Preparer): Int32Array {
  const chains = new Int32Array(preparer.productCount);
  for (let product = 0; product < chains.length; product++) {
    const keys = preparer.productFacts(product).ids.keys;
    chains[product] = keys.length === 0 ? 0 : (keys[0] as number) + 1;
  }
  return chains;
}

/** What repeatedInChains reads: the start order, the records, their product's chain slot, and the work arrays. */
interface Run {
  positions: Int32Array;
  records: MedicationRecord[];
  product: Int32Array;
  chains: Int32Array;
  /** All −1, one per chain slot; left as found. */
  heads: Int32Array;
  next: Int32Array;
}

/** The chain slot of the record at positions[k]. */
function chainAt(run: Run, k: number): number {
  return run.chains[run.product[run.positions[k] as number] as number] as number;
}

/**
 * Longest chain compared pairwise; past it (dozens of same-day fills of one drug) a set over
 * the run. Pairwise work grows with the square of the chain: at 64 the check took 32 ms of a
 * dense 100,000-record analysis, at 16 it takes 21 ms; 10,000 records never reach it.
 */
const MAX_CHAIN = 16;

/**
 * The run positions[from, to) holds one record object twice: each record is compared with the
 * earlier ones of its chain (same first ingredient).
 */
function repeatedInChains(run: Run, from: number, to: number): boolean {
  const { positions, records, heads, next } = run;
  let found = false;
  let longest = 0;
  for (let k = from; k < to && !found; k++) {
    const record = records[positions[k] as number];
    const slot = chainAt(run, k);
    let length = 0;
    for (let j = heads[slot] as number; j !== -1; j = next[j] as number) {
      if (records[positions[j] as number] === record) found = true;
      length++;
    }
    if (length > longest) longest = length;
    next[k] = heads[slot] as number;
    heads[slot] = k;
    if (longest > MAX_CHAIN) break;
  }
  for (let k = from; k < to; k++) heads[chainAt(run, k)] = -1;
  if (found || longest <= MAX_CHAIN) return found;
  const seen = new Set<MedicationRecord>();
  for (let k = from; k < to; k++) seen.add(records[positions[k] as number] as MedicationRecord);
  return seen.size !== to - from;
}
