// A history's records prepared once (prepare.ts) plus what several parts of the analysis
// share, each computed at most once per analysis: the packed start order (S, larger N,
// input order) both the duplicate check and group leftover fill their groups in, and
// whether some row object is listed twice.
import type { MedicationRecord } from './types.ts';
import { ORDER_PER_DAY, Preparer, type Candidate } from './prepare.ts';
import { keyOrder } from './day-order.ts';
import { RecordColumns } from './record-columns.ts';

export class PreparedHistory {
  /** Every record, in input order (candidate.index = position). */
  readonly all: Candidate[];
  /** The same facts as typed arrays by input position (record-columns.ts). */
  readonly columns: RecordColumns;
  private positions: Int32Array | null = null;
  private started: Candidate[] | null = null;
  private repeats: boolean | null = null;

  constructor(
    readonly preparer: Preparer,
    records: MedicationRecord[],
  ) {
    this.columns = new RecordColumns(records.length);
    this.all = preparer.prepareAll(records, this.columns);
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
        // Not reached by readable day numbers; kept exact for any key keyOrder cannot count.
        positions.set(dated.subarray(0, m));
        positions.sort((a, b) => (order[a] as number) - (order[b] as number) || a - b);
      } else for (let k = 0; k < m; k++) positions[k] = dated[sorted[k] as number] as number;
      this.positions = positions;
    }
    return this.positions;
  }

  /** Records whose start can be read, in packed start order (S, larger N, input order). */
  byStart(): Candidate[] {
    if (this.started === null) {
      const positions = this.startOrder();
      const all = this.all;
      const started = new Array<Candidate>(positions.length);
      for (let k = 0; k < positions.length; k++) started[k] = all[positions[k] as number] as Candidate;
      this.started = started;
    }
    return this.started;
  }

  /**
   * True when one record object is listed twice. The copies share S and N, so they sit in one
   * run of equal packed order, and they share their ingredients: inside a long run only
   * candidates of the same first ingredient are compared (chained by its integer key), so a
   * dense history's runs of hundreds need no set of record objects. Records without a
   * readable start, which the start order leaves out, are checked with a set.
   */
  private hasRepeatedRecord(): boolean {
    const sorted = this.byStart();
    const n = sorted.length;
    if (n !== this.all.length) return new Set(this.all.map((c) => c.record)).size !== this.all.length;
    const heads = new Int32Array(this.preparer.identityCount + 1).fill(-1);
    const next = new Int32Array(n);
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && (sorted[i] as Candidate).order === (sorted[runStart] as Candidate).order) continue;
      if (i - runStart > 8 ? repeatedInChains(sorted, runStart, i, heads, next) : repeatedPairwise(sorted, runStart, i)) return true;
      runStart = i;
    }
    return false;
  }

  /**
   * Each record object once, at its first or last position (a caller listing one row object
   * twice gets it counted once, as the per-group and per-rule lists always did). The list
   * itself in the usual case.
   */
  distinct(list: Candidate[], keep: 'first' | 'last'): Candidate[] {
    if (this.repeats === null) this.repeats = this.hasRepeatedRecord();
    if (!this.repeats) return list;
    const seen = new Map<MedicationRecord, Candidate>();
    for (const c of list) if (keep === 'last' || !seen.has(c.record)) seen.set(c.record, c);
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }
}

function repeatedPairwise(sorted: Candidate[], from: number, to: number): boolean {
  for (let a = from; a < to; a++) {
    for (let b = a + 1; b < to; b++) if ((sorted[a] as Candidate).record === (sorted[b] as Candidate).record) return true;
  }
  return false;
}

/** Chain slot of a candidate: its first ingredient's key + 1 (0 for a record without ingredients). */
function chainOf(c: Candidate): number {
  return c.ids.keys.length === 0 ? 0 : (c.ids.keys[0] as number) + 1;
}

/**
 * Longest chain compared pairwise; past it (dozens of same-day fills of one drug) a set over
 * the run. Pairwise work grows with the square of the chain: at 64 the check took 32 ms of a
 * dense 100,000-record analysis, at 16 it takes 21 ms; 10,000 records never reach it.
 */
const MAX_CHAIN = 16;

/**
 * sorted[from, to) holds one record object twice: each candidate is compared with the earlier
 * ones of its chain (same first ingredient). `heads` (all −1) and `next` are work arrays,
 * left as found.
 */
function repeatedInChains(sorted: Candidate[], from: number, to: number, heads: Int32Array, next: Int32Array): boolean {
  let found = false;
  let longest = 0;
  for (let k = from; k < to && !found; k++) {
    const c = sorted[k] as Candidate;
    const slot = chainOf(c);
    let length = 0;
    for (let j = heads[slot] as number; j !== -1; j = next[j] as number) {
      if ((sorted[j] as Candidate).record === c.record) found = true;
      length++;
    }
    if (length > longest) longest = length;
    next[k] = heads[slot] as number;
    heads[slot] = k;
    if (longest > MAX_CHAIN) break;
  }
  for (let k = from; k < to; k++) heads[chainOf(sorted[k] as Candidate)] = -1;
  if (found || longest <= MAX_CHAIN) return found;
  const seen = new Set<MedicationRecord>();
  for (let k = from; k < to; k++) seen.add((sorted[k] as Candidate).record);
  return seen.size !== to - from;
}
