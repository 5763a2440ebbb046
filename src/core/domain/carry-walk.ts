// The carry-over walk of research §5(b) on integer day numbers: record positions and their
// columns (record-columns.ts), a few typed arrays instead of the record objects. Group
// leftover and the duplicate check (L2 "on hand when the newest was dispensed") both walk one
// K1 group, a slice of a positions array in packed start order (S, larger N, input order;
// k1-slots.ts). The walk reads a start day at a time, so the order within a day never matters.
import { COMPUTABLE, IN_MG, RESET, type RecordColumns } from './record-columns.ts';
import { DaySupply, MG_UNIT, prescriberChangedDose } from './carry-rules.ts';

/** The day the walk is reading (one per walk at a time: the walk does not nest). */
const day = new DaySupply();

/** Where a walk's last run began: filled in when the caller asks (walkDays' `run`). */
export interface WalkRun {
  /** Index into positions of the first record of the day the supply still carried began. */
  from: number;
}

/**
 * Walks the computable records at positions[from, to) in carry order and returns the cursor
 * C, the first uncovered day (null for an empty slice). Records are read a start day at a
 * time (DaySupply: one day's strengths are taken together, one dose stacks); each day's supply
 * starts at max(S, C); R001/R003 and a change of the day's daily dose by the previous day's
 * prescriber restart from S without the old leftover (research §5(b) step 4; carry-rules.ts).
 * `run`, when given, learns where the last run began: the first day, the last gap, or the
 * last restart. What came before it is supply the walk dropped or that had run out.
 */
export function walkDays(positions: Int32Array, from: number, to: number, columns: RecordColumns, run?: WalkRun): number | null {
  const { startDay, daysSupply, flags, daily, prescribers } = columns;
  let cursor: number | null = null;
  let beforeDose = Number.NaN;
  let beforeUnit: number | undefined;
  let beforePrescriber: string | null = null;
  let k = from;
  while (k < to) {
    const dayFrom = k;
    const first = positions[k] as number;
    const start = startDay[first] as number;
    const firstFlag = flags[first] as number;
    let dose = daily[first] as number;
    let unit: number | undefined = Number.isNaN(dose) ? undefined : unitAt(columns, first);
    let days = daysSupply[first] as number;
    let reset = (firstFlag & RESET) !== 0;
    let prescriber: string | null = prescribers[first] as string;
    k++;
    if (k < to && startDay[positions[k] as number] === start) {
      // More records that day (an unreadable S is a day of its own): DaySupply reads them together.
      day.begin();
      day.add(dose, unitAt(columns, first), days, reset, prescriber);
      do {
        const i = positions[k] as number;
        day.add(daily[i] as number, unitAt(columns, i), daysSupply[i] as number, ((flags[i] as number) & RESET) !== 0, prescribers[i] as string);
        k++;
      } while (k < to && startDay[positions[k] as number] === start);
      dose = day.dose();
      unit = day.unit();
      days = day.days();
      reset = day.reset;
      prescriber = day.prescriber();
    }
    const changed: boolean = cursor !== null && prescriberChangedDose(beforeDose, beforeUnit, beforePrescriber, dose, unit, prescriber);
    const restarts: boolean = cursor === null || changed || reset || start > cursor;
    if (restarts && run !== undefined) run.from = dayFrom;
    cursor = (restarts ? start : (cursor as number)) + days;
    beforeDose = dose;
    beforeUnit = unit;
    beforePrescriber = prescriber;
  }
  return cursor;
}

/** The unit of a record's daily amount (DaySupply): mg, or its drug number. */
export function unitAt(columns: RecordColumns, i: number): number {
  return ((columns.flags[i] as number) & IN_MG) !== 0 ? MG_UNIT : (columns.drug[i] as number);
}

/**
 * Upper bound of the carry-forward end (day number) of the computable records at
 * positions[from, to), and the index into positions where its last unbroken run starts. Dose
 * changes and R001/R003 can only end a supply earlier, so the exact end (carryEndDay) is never
 * later; and where a supply starts on or after this bound there is a gap in the exact walk
 * too, so everything before that index cannot change the exact end.
 */
export function carryBound(positions: Int32Array, from: number, to: number, columns: RecordColumns): { end: number | null; runStart: number } {
  const { startDay, endDay, flags } = columns;
  let end: number | null = null;
  let runStart = from;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & COMPUTABLE) === 0) continue;
    if (end === null || (startDay[i] as number) >= end) {
      end = endDay[i] as number;
      runStart = k;
    } else end += (endDay[i] as number) - (startDay[i] as number);
  }
  return { end, runStart };
}

/**
 * The end of coverage C from the computable records at positions[from, to) that started
 * before `untilDay`; null when none counts. `counted` is a work array at least to − from
 * long. The positions are in packed start order: the walk reads a start day at a time, so
 * the order of one day's records does not matter and they are not sorted.
 */
export function carryEndDay(positions: Int32Array, untilDay: number, from: number, to: number, counted: Int32Array, columns: RecordColumns): number | null {
  const { startDay, flags } = columns;
  let n = 0;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & COMPUTABLE) !== 0 && (startDay[i] as number) < untilDay) counted[n++] = i;
  }
  return walkDays(counted, 0, n, columns);
}
