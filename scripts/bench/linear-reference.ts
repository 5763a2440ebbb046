// What strictly linear work costs on this machine at 10k and 100k records, printed beside the
// analysis's 100k/10k ratio so that ratio can be read. Two passes, each O(n) with no sorting
// and no maps, over the same synthetic history the analysis gets:
//   walk — read three fields of every record in start-date order (the order the carry-over,
//          group and duplicate passes follow; the cloud's rows are not in that order);
//   keep — make one small object per record and keep them all to the end (as the analysis
//          keeps one prepared record and one row per record).
// On the shared 2-core machine these grew 11–46× (walk) and 17–54× (keep) for 10× the
// records over five `npm run bench analysis` runs (88–100× for keep alone in a fresh process): at 10k
// the records fit the 2 MB L2 cache and every object dies young; at 100k the reads miss the
// cache and 100,000 kept objects outlive V8's young generation (copied, then promoted). Any
// ratio above 10 that these show is the machine's, not the algorithm's.
import type { MedicationRecord } from '../../src/core/domain/types.ts';

export interface LinearReference {
  walk: (records: MedicationRecord[]) => () => number;
  keep: (records: MedicationRecord[]) => () => number;
}

/** Record positions in start-date order (set up outside the timed pass). */
function startOrder(records: MedicationRecord[]): Int32Array {
  const start = (r: MedicationRecord) => r.refillDate ?? r.visitDate;
  const positions = Array.from({ length: records.length }, (_, i) => i);
  positions.sort((a, b) => (start(records[a] as MedicationRecord) < start(records[b] as MedicationRecord) ? -1 : 1));
  return Int32Array.from(positions);
}

export const linearReference: LinearReference = {
  walk(records) {
    const order = startOrder(records);
    return () => {
      let sum = 0;
      for (let k = 0; k < order.length; k++) {
        const r = records[order[k] as number] as MedicationRecord;
        sum += r.daysSupply + r.quantity + (r.exceptionCode === null ? 1 : 0);
      }
      return sum;
    };
  },
  keep(records) {
    return () => {
      const kept = new Array<{ record: MedicationRecord; days: number; quantity: number }>(records.length);
      for (let i = 0; i < records.length; i++) {
        const r = records[i] as MedicationRecord;
        kept[i] = { record: r, days: r.daysSupply, quantity: r.quantity };
      }
      return kept.length;
    };
  },
};
