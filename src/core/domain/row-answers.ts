// The records table's leftover and per-dose answers, one frozen object per distinct answer
// within an analysis, shared by every row that gives it. A 10,000-row history gives a few
// hundred distinct answers; one object of each kind per row was 0.9 MB kept alive to the end
// of the analysis, and the kiosk, which holds V8's young generation at a few MB to stay within
// 120 MB (src/kiosk/heap-limits.ts), copied all of it at every scavenge
// (scripts/bench/kiosk-heap-analysis.ts). Frozen: a row cannot change another row's answer.
import type { MedicationRecord } from './types.ts';
import type { LeftoverReason, RecordLeftover } from './leftover.ts';
import { doseAmount, type PerDose } from './dose.ts';

/**
 * Frozen answers by a number: small whole numbers (days left, a supply, quarter doses, most
 * quantities) in a list, any other number in a Map (which finds NaN too). A Map lookup per row
 * cost more instructions than making a fresh object (npm run bench:count -- --no-gc).
 */
class SharedByNumber<V extends object> {
  private readonly small: (V | undefined)[] = [];
  private readonly other = new Map<number, V>();

  constructor(private readonly make: (key: number) => V) {}

  get(key: number): V {
    const inList = Number.isInteger(key) && key >= 0 && key < 1024;
    let value = inList ? this.small[key] : this.other.get(key);
    if (value === undefined) {
      value = Object.freeze(this.make(key));
      if (inList) this.small[key] = value;
      else this.other.set(key, value);
    }
    return value;
  }
}

const daysLeft = (days: number): RecordLeftover => ({ days, notComputable: null, future: false });
const notStarted = (days: number): RecordLeftover => ({ days, notComputable: null, future: true });
const dose = (amount: number): PerDose => ({ kind: 'dose', amount });
const total = (quantity: number): PerDose => ({ kind: 'total', total: quantity });

export class RowAnswers {
  private readonly current = new SharedByNumber(daysLeft);
  private readonly future = new SharedByNumber(notStarted);
  private readonly reasons = new Map<LeftoverReason, RecordLeftover[]>();
  /** By four times the amount: doses come in quarter units. */
  private readonly doses = new SharedByNumber((quarters) => dose(quarters / 4));
  private readonly totals = new SharedByNumber(total);

  /** A computable record's days left: `days` of a supply that has started, or the whole supply dated after today. */
  computable(days: number, future: boolean): RecordLeftover {
    return future ? this.future.get(days) : this.current.get(days);
  }

  /** 「無法試算」 for `reason`, dated after today or not. */
  notComputable(reason: LeftoverReason, future: boolean): RecordLeftover {
    let pair = this.reasons.get(reason);
    if (pair === undefined) {
      pair = [false, true].map((f) => Object.freeze({ days: null, notComputable: reason, future: f }));
      this.reasons.set(reason, pair);
    }
    return pair[future ? 1 : 0] as RecordLeftover;
  }

  /** perDose's answer, with the record's times per day already read. */
  dose(record: MedicationRecord, times: number | null): PerDose {
    const amount = doseAmount(record, times);
    return amount === null ? this.totals.get(record.quantity) : this.doses.get(amount * 4);
  }
}
