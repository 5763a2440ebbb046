// The records table's leftover and per-dose answers, one frozen object per distinct answer
// within an analysis, shared by every row that gives it. A 10,000-row history gives a few
// hundred distinct answers; one object of each kind per row was 0.9 MB kept alive to the end
// of the analysis, and the kiosk, which holds V8's young generation at a few MB to stay within
// 120 MB (src/kiosk/heap-limits.ts), copied all of it at every scavenge
// (scripts/bench/kiosk-heap-analysis.ts). Frozen: a row cannot change another row's answer.
import type { MedicationRecord } from './types.ts';
import type { LeftoverReason, RecordLeftover } from './leftover.ts';
import { doseAmount, type PerDose } from './dose.ts';

/** The answer stored under `key`, made on first use (no closure: this runs for every row). */
function shared<K, V extends object>(table: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = Object.freeze(make(key));
    table.set(key, value);
  }
  return value;
}

const daysLeft = (days: number): RecordLeftover => ({ days, notComputable: null, future: false });
const notStarted = (days: number): RecordLeftover => ({ days, notComputable: null, future: true });
const dose = (amount: number): PerDose => ({ kind: 'dose', amount });
const total = (quantity: number): PerDose => ({ kind: 'total', total: quantity });

export class RowAnswers {
  private readonly current = new Map<number, RecordLeftover>();
  private readonly future = new Map<number, RecordLeftover>();
  private readonly reasons = new Map<LeftoverReason, RecordLeftover[]>();
  private readonly doses = new Map<number, PerDose>();
  /** Keyed by the quantity itself; a Map finds NaN too (SameValueZero). */
  private readonly totals = new Map<number, PerDose>();

  /** A computable record's days left: `days` of a supply that has started, or the whole supply dated after today. */
  computable(days: number, future: boolean): RecordLeftover {
    return future ? shared(this.future, days, notStarted) : shared(this.current, days, daysLeft);
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

  /** perDoseAt's answer. */
  dose(record: MedicationRecord, times: number | null): PerDose {
    const amount = doseAmount(record, times);
    return amount === null ? shared(this.totals, record.quantity, total) : shared(this.doses, amount, dose);
  }
}
