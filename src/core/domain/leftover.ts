// 單筆餘藥日數試算: one record's leftover days at a given day (SPEC §2, research §5(a)).
// Start S = 慢連箋領藥日 when the row is a refill pickup, else the visit/dispensing date;
// E = S + N is the first uncovered day; leftover(t) = max(0, E − t). Reference: 14 days
// dispensed 114/10/24, queried 114/10/28 → 10; the cloud's drug_left 04/06 + 28 on 04/14 → 20.
import type { IsoDate, MedicationRecord } from './types.ts';
import { addDays, compareIso, daysBetween, isIsoDate } from './dates.ts';
import { isAsNeeded, isAsOrdered, isFixedDailyRegimen } from './regimen.ts';

/** Why a record gets 「無法試算」 instead of a number. */
/** 'unknown-form': the product name says no dosage form, so the days cannot be assumed to be taken daily by mouth. */
export type LeftoverReason = 'prn' | 'as-ordered' | 'unknown-form' | 'non-oral' | 'no-days-supply' | 'no-start-date';

export interface RecordLeftover {
  /** Days left on `today`; null when not computable. */
  days: number | null;
  notComputable: LeftoverReason | null;
  /** Dated after today (尚未開始): days = the whole supply. */
  future: boolean;
}

export function recordStart(record: MedicationRecord): IsoDate {
  return record.refillDate ?? record.visitDate;
}

/** E = S + N: the first day the supply no longer covers (the day the medicine runs out). */
export function supplyEnd(record: MedicationRecord): IsoDate {
  return addDays(recordStart(record), record.daysSupply);
}

export function leftoverReason(record: MedicationRecord): LeftoverReason | null {
  if (isAsNeeded(record.frequency)) return 'prn';
  if (isAsOrdered(record.frequency)) return 'as-ordered';
  if (record.dosageForm === 'other') return 'unknown-form';
  if (!isFixedDailyRegimen(record)) return 'non-oral';
  if (!Number.isInteger(record.daysSupply) || record.daysSupply <= 0) return 'no-days-supply';
  return null;
}

export function recordLeftover(record: MedicationRecord, today: IsoDate): RecordLeftover {
  // A start that is no calendar day is neither past nor future: 無法試算.
  const readable = isIsoDate(recordStart(record));
  const future = readable && compareIso(today, recordStart(record)) < 0;
  const notComputable = leftoverReason(record) ?? (readable ? null : 'no-start-date');
  if (notComputable !== null) return { days: null, notComputable, future };
  if (future) return { days: record.daysSupply, notComputable: null, future: true };
  return { days: Math.max(0, daysBetween(today, supplyEnd(record))), notComputable: null, future: false };
}
