// The carried supply of every K1 group today (research §5(b)): C, its first uncovered day,
// walked over the group's countable records started on or before today, and the newest of
// those records. Group leftover reports it; the class duplicates (L4/L5) and the elderly
// cautions read it too, so that a drug refilled early counts with what the patient holds and
// not with its newest fill alone (zolpidem refilled early: 21 days on hand, 10 of them from
// the newest fill).
import type { PreparedHistory } from './prepared-history.ts';
import { walkDays, type WalkRun } from './carry-walk.ts';
import { COMPUTABLE, newestOfDay } from './record-columns.ts';
import { filteredSlices, type K1Slices } from './k1-slots.ts';

export interface CarriedSupply {
  /** The K1 groups' countable records (a row object listed twice counts once), in packed start order. */
  readonly slices: K1Slices;
  /** Per slot: the index into slices.members where the records started after today begin. */
  readonly started: Int32Array;
  /**
   * Per slot: the index into slices.members where the supply still carried today began (after
   * the last gap; walkDays). The records before it had run out.
   */
  readonly runFrom: Int32Array;
  /**
   * Per index into slices.members (records started on or before today): 1 when the walk counts
   * its supply, 0 when an R001/R003 or its prescriber's dose change dropped it (findRestarts).
   */
  readonly counted: Uint8Array;
  /** Per slot: C (day number), NaN when no record of the group started on or before today. */
  readonly end: Float64Array;
  /** Per slot: the position of the group's newest record started on or before today; −1 for none. */
  readonly newest: Int32Array;
  /**
   * Per input position: 1 when the record's supply is part of what some group of it still carries
   * today (counted by the walk, in the run still carried, the group's end after today). Per
   * record, not per product: a dose the prescriber has since changed is not in use, though the
   * product's group still carries the new one.
   */
  readonly carriedToday: Uint8Array;
}

/** Walks every K1 group once (PreparedHistory.carriedSupply keeps the answer for the passes). */
export function carriedSupplyOf(history: PreparedHistory): CarriedSupply {
  const { columns, preparer } = history;
  const slices = filteredSlices(history.k1Slots(), columns.flags, COMPUTABLE, history.keptPositions('first'));
  const { ends, members } = slices;
  const slotCount = ends.length - 1;
  const started = new Int32Array(slotCount);
  const runFrom = new Int32Array(slotCount);
  const counted = new Uint8Array(members.length);
  const end = new Float64Array(slotCount).fill(Number.NaN);
  const newest = new Int32Array(slotCount).fill(-1);
  const { startDay } = columns;
  const today = preparer.todayDay;
  for (let slot = 0; slot < slotCount; slot++) {
    const from = ends[slot] as number;
    const to = ends[slot + 1] as number;
    let k = from; // records started on or before today: a prefix in carry order
    while (k < to && (startDay[members[k] as number] as number) <= today) k++;
    started[slot] = k;
    if (k === from) continue;
    const run: WalkRun = { from, counted: counted.subarray(from, k) };
    end[slot] = walkDays(members, from, k, columns, run) as number;
    runFrom[slot] = run.from;
    newest[slot] = newestOfDay(columns, members, from, k, k - 1);
  }
  const carriedToday = new Uint8Array(startDay.length);
  for (let slot = 0; slot < slotCount; slot++) {
    if (!((end[slot] as number) > today)) continue;
    for (let k = runFrom[slot] as number; k < (started[slot] as number); k++) {
      if (counted[k] === 1) carriedToday[members[k] as number] = 1;
    }
  }
  return { slices, started, runFrom, counted, end, newest, carriedToday };
}

/** Days the group of `slot` still holds today with carry-over (0 when none). */
export function carriedDaysLeft(history: PreparedHistory, slot: number): number {
  const end = history.carriedSupply().end[slot] as number;
  return Number.isNaN(end) ? 0 : Math.max(0, end - history.preparer.todayDay);
}

/**
 * Whether the record at `i`, started on or before today, is still on hand today with carry-over:
 * its supply is counted in what one of its ingredient groups carries today (carriedToday).
 */
export function onHandWithCarry(history: PreparedHistory, i: number): boolean {
  return (history.columns.startDay[i] as number) <= history.preparer.todayDay && history.carriedSupply().carriedToday[i] === 1;
}
