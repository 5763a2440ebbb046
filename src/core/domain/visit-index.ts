// One day's visits found by their 就醫序號: a day of a dense history holds hundreds of visits,
// and a search through them for each record was quadratic in them (docs/analysis-speed.md,
// session 19). The carry walk's day (DaySupply) and mayRestart's check for two rows of one
// visit both keep one.

/** The largest 就醫序號: four digits (visitSeqNumber gives −1 … 9999). */
const MAX_VISIT_SEQ = 9999;

/** 就醫序號 → the latest item set for it since begin(); begin() forgets them all at once (a stamp). */
export class DayVisitIndex {
  private readonly stamps = new Int32Array(MAX_VISIT_SEQ + 1);
  private readonly latest = new Int32Array(MAX_VISIT_SEQ + 1);
  private stamp = 0;

  begin(): void {
    this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }

  /** The latest item set for `seq` (0 … 9999) since begin(); −1 for none. */
  get(seq: number): number {
    return this.stamps[seq] === this.stamp ? (this.latest[seq] as number) : -1;
  }

  set(seq: number, item: number): void {
    this.stamps[seq] = this.stamp;
    this.latest[seq] = item;
  }
}
