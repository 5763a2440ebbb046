// A history's records prepared once (prepare.ts) plus what several parts of the analysis
// share, each computed at most once per analysis: the packed start order (S, larger N,
// input order) both the duplicate check and group leftover fill their groups in, and
// whether some row object is listed twice.
import type { MedicationRecord } from './types.ts';
import { Preparer, type Candidate } from './prepare.ts';
import { sortByStart } from './duplicate-prepare.ts';

export class PreparedHistory {
  /** Every record, in input order (candidate.index = position). */
  readonly all: Candidate[];
  private started: Candidate[] | null = null;
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
      const all = this.all;
      for (let i = 0; i < all.length; i++) if (Number.isFinite((all[i] as Candidate).startDay)) dated.push(all[i] as Candidate);
      this.started = sortByStart(dated);
    }
    return this.started;
  }

  /**
   * True when one record object is listed twice. The copies share S and N, so they sit in one
   * run of equal packed order: only runs are searched (records without a readable start,
   * which the start order leaves out, are checked with a set).
   */
  private hasRepeatedRecord(): boolean {
    const sorted = this.byStart();
    if (sorted.length !== this.all.length) return new Set(this.all.map((c) => c.record)).size !== this.all.length;
    let runStart = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && (sorted[i] as Candidate).order === (sorted[runStart] as Candidate).order) continue;
      const length = i - runStart;
      if (length > 32) {
        const seen = new Set<MedicationRecord>();
        for (let k = runStart; k < i; k++) seen.add((sorted[k] as Candidate).record);
        if (seen.size !== length) return true;
      } else {
        for (let a = runStart; a < i; a++) {
          for (let b = a + 1; b < i; b++) if ((sorted[a] as Candidate).record === (sorted[b] as Candidate).record) return true;
        }
      }
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
