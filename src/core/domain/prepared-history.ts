// A history's records prepared once (prepare.ts) plus the orders every part of the analysis
// walks them in, each computed at most once per analysis: the packed start order the
// duplicate check fills its groups in (S, larger N, input order) and the exact carry order
// of research §5(b) step 2 (S, larger N, then id) the leftover walk needs.
import type { MedicationRecord } from './types.ts';
import { Preparer, type Candidate } from './prepare.ts';
import { sortByStart } from './duplicate-prepare.ts';
import { carryOrder } from './carry-walk.ts';

export class PreparedHistory {
  /** Every record, in input order (candidate.index = position). */
  readonly all: Candidate[];
  private started: Candidate[] | null = null;
  private carry: Candidate[] | null = null;
  private ranks: Int32Array | null = null;
  private repeats: boolean | null = null;

  constructor(
    readonly preparer: Preparer,
    records: MedicationRecord[],
  ) {
    this.all = preparer.prepareAll(records);
  }

  static of(records: MedicationRecord[], today: string): PreparedHistory {
    return new PreparedHistory(new Preparer(today), records);
  }

  /** Records whose start can be read, in packed start order (S, larger N, input order). */
  byStart(): Candidate[] {
    if (this.started === null) {
      const dated: Candidate[] = [];
      for (const c of this.all) if (Number.isFinite(c.startDay)) dated.push(c);
      this.started = sortByStart(dated);
    }
    return this.started;
  }

  /**
   * The same records in exact carry order: ties of S and N broken by id, then input order.
   * Only records sharing S and N are compared by id, once here.
   */
  carryOrder(): Candidate[] {
    if (this.carry === null) {
      const sorted = [...this.byStart()];
      let runStart = 0;
      for (let i = 1; i <= sorted.length; i++) {
        if (i < sorted.length && (sorted[i] as Candidate).order === (sorted[runStart] as Candidate).order) continue;
        if (i - runStart > 1) {
          const run = sorted.slice(runStart, i).sort(carryOrder);
          for (let k = 0; k < run.length; k++) sorted[runStart + k] = run[k] as Candidate;
        }
        runStart = i;
      }
      this.carry = sorted;
    }
    return this.carry;
  }

  /** Position of each record (by input index) in carryOrder(); a numeric stand-in for the id tie-break. */
  carryRanks(): Int32Array {
    if (this.ranks === null) {
      const ranks = new Int32Array(this.all.length).fill(-1);
      this.carryOrder().forEach((c, position) => {
        ranks[c.index] = position;
      });
      this.ranks = ranks;
    }
    return this.ranks;
  }

  /**
   * Each record object once, at its first or last position (a caller listing one row object
   * twice gets it counted once, as the per-group and per-rule lists always did). The list
   * itself in the usual case.
   */
  distinct(list: Candidate[], keep: 'first' | 'last'): Candidate[] {
    if (this.repeats === null) this.repeats = new Set(this.all.map((c) => c.record)).size !== this.all.length;
    if (!this.repeats) return list;
    const seen = new Map<MedicationRecord, Candidate>();
    for (const c of list) if (keep === 'last' || !seen.has(c.record)) seen.set(c.record, c);
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }
}
