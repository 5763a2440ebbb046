// 遵醫囑應餘用藥日數: leftover days per group of same ingredient + same dosage form (NHI's
// 同成分同劑型, key K1), if every fill were taken as ordered. Early refills carry over
// (PQA same-drug shift, AdhereR carry.only.for.same.medication; research §2.3 and §5(b)).
import type { DosageForm, Ingredient, IsoDate, MedicationRecord } from './types.ts';
import { ingredientIdentity } from './ingredients.ts';
import { PreparedHistory } from './prepared-history.ts';
import type { CarriedSupply } from './carried-supply.ts';
import { PICKUP, type RecordColumns } from './record-columns.ts';
import { carryEndDay } from './carry-walk.ts';
import { samePrescription } from './duplicate-model.ts';

export interface GroupLeftover {
  key: string;
  ingredient: string;
  atc7: string | null;
  dosageForm: DosageForm;
  /** max(0, C − today) with carry-over, from records started on or before today. */
  leftoverDays: number;
  /**
   * max of their own 單筆餘藥 (no carry-over) over the records whose supply the walk counts: an
   * R001/R003 drops all earlier supply, a prescriber's dose change that prescriber's own
   * (walkDays). What the walk drops counts in neither figure, so this is never above leftoverDays.
   */
  noCarryLeftoverDays: number;
  /** 同成分用藥結束日期: last covered day = C − 1. */
  supplyEnd: IsoDate;
  /** 「可能低估」: the supply still running starts with a refill pickup (pickupStartsCurrentRun). */
  mayUnderestimate: boolean;
  /** Records walked (started on or before today), oldest first. */
  recordIds: string[];
  /** Institution names of those records, first appearance order, no repeats. */
  institutions: string[];
  /** Records dated after today: listed, not counted (research §5(b) step 5). */
  futureRecordIds: string[];
}

/** K1 = ingredient identity (B's ingredientIdentity, shared with the duplicate check) + dosage form. */
export function groupKey(record: MedicationRecord, ingredient: Ingredient): string {
  return k1Key(ingredientIdentity(ingredient), record.dosageForm);
}

/** The K1 key of an ingredient identity and a dosage form: GroupLeftover.key. */
export function k1Key(identity: string, form: string): string {
  return `${identity}|${form}`;
}

/**
 * End of coverage C (first uncovered day) of the given records that started before `until`,
 * with carry-over (walkDays). The records are one K1 group's; non-computable regimens (PRN,
 * ASORDER, non-oral, no readable start) are ignored; null when nothing counts.
 */
export function carryForwardEnd(records: MedicationRecord[], until: IsoDate): IsoDate | null {
  const history = PreparedHistory.of(records, until);
  const untilDay = history.preparer.todayDay;
  if (!Number.isFinite(untilDay)) return null;
  const order = history.startOrder();
  const end = carryEndDay(order, untilDay, 0, order.length, new Int32Array(order.length), history.columns);
  return end === null ? null : history.preparer.isoOf(end);
}

/**
 * One entry per K1 group with at least one record started on or before today. A combination
 * product counts toward each of its ingredients' groups. Sorted by leftover, largest first.
 * None when today is not a calendar day: no day to count from.
 */
export function groupLeftovers(records: MedicationRecord[], today: IsoDate): GroupLeftover[] {
  return groupsOfPrepared(PreparedHistory.of(records, today));
}

/** groupLeftovers on a prepared history. */
export function groupsOfPrepared(history: PreparedHistory): GroupLeftover[] {
  if (!Number.isFinite(history.preparer.todayDay)) return [];
  const carried = history.carriedSupply();
  const { ends, firstIndex, formCount } = carried.slices;
  const groups: GroupLeftover[] = [];
  for (let slot = 0; slot < firstIndex.length; slot++) {
    if (ends[slot] === ends[slot + 1] || carried.newest[slot] === -1) continue;
    groups.push(groupOf(history, carried, slot, Math.floor(slot / formCount)));
  }
  return groups.sort(byLeftover);
}

/** One K1 group (a slot with a record started on or before today), named by its first record in input order. */
function groupOf(history: PreparedHistory, carried: CarriedSupply, slot: number, identityKey: number): GroupLeftover {
  const { preparer, columns } = history;
  const { endDay, ids, institutions } = columns;
  const { members, ends, firstIndex } = carried.slices;
  const today = preparer.todayDay;
  const from = ends[slot] as number;
  const to = ends[slot + 1] as number;
  const started = carried.started[slot] as number;
  const runFrom = carried.runFrom[slot] as number;
  const end = carried.end[slot] as number;
  let noCarry = 0;
  const names = new Set<string>();
  const recordIds = new Array<string>(started - from);
  for (let k = from; k < started; k++) {
    const i = members[k] as number;
    if (carried.counted[k] === 1) noCarry = Math.max(noCarry, (endDay[i] as number) - today);
    recordIds[k - from] = ids[i] as string;
    names.add(institutions[i] as string);
  }
  const futureRecordIds = new Array<string>(to - started);
  for (let k = started; k < to; k++) futureRecordIds[k - started] = ids[members[k] as number] as string;
  const facts = history.productAt(firstIndex[slot] as number);
  const at = facts.ids.keys.indexOf(identityKey);
  const ingredient = facts.ingredients[at] as Ingredient;
  return {
    key: k1Key(facts.ids.identities[at] as string, facts.form),
    ingredient: ingredient.name,
    atc7: ingredient.atc7,
    dosageForm: facts.form,
    leftoverDays: Math.max(0, end - today),
    noCarryLeftoverDays: noCarry,
    supplyEnd: preparer.isoOf(end - 1),
    mayUnderestimate: pickupStartsCurrentRun(columns, members, from, runFrom, started, carried.counted),
    recordIds,
    institutions: [...names],
    futureRecordIds,
  };
}

/**
 * 「可能低估」 (research §5(b)6): a refill pickup on the first day of the supply still running
 * had a fill before it whose leftover is unknown. That run starts after the last gap (a day on
 * which the carried supply had run out; walkDays), and only supply the walk counts is read
 * (`counted`: not dropped by an R001/R003 or its prescriber's dose change): what ran out or was
 * dropped cannot reach today, so an old pickup followed by a fresh start is not flagged, nor is
 * a lone pickup unflagged by a record of years ago; nor is a pickup whose slip's earlier fill
 * the history shows (earlierFillShown). Any record of that day counts, so the rows' order does
 * not matter. members[from, to): the group's countable records started by today; the run
 * begins at runStart; counted is indexed as members.
 */
function pickupStartsCurrentRun(columns: RecordColumns, members: Int32Array, from: number, runStart: number, to: number, counted: Uint8Array): boolean {
  const { startDay, flags } = columns;
  const firstDay = startDay[members[runStart] as number] as number;
  for (let k = runStart; k < to && startDay[members[k] as number] === firstDay; k++) {
    const i = members[k] as number;
    if (counted[k] === 1 && ((flags[i] as number) & PICKUP) !== 0 && !earlierFillShown(columns, members, from, runStart, i)) return true;
  }
  return false;
}

/**
 * Whether an earlier fill of pickup `i`'s slip (samePrescription: its 就醫日期 and prescriber)
 * is among members[from, runStart), the group's records before the run: its supply is then
 * known and ran out before the run began, so nothing is missing (a pharmacist's review: fill 1
 * on 114/08/30 in the history, fill 2 collected after it ran out, and still 「可能低估」).
 */
function earlierFillShown(columns: RecordColumns, members: Int32Array, from: number, runStart: number, i: number): boolean {
  for (let k = from; k < runStart; k++) if (samePrescription(columns, members[k] as number, i)) return true;
  return false;
}

function byLeftover(a: GroupLeftover, b: GroupLeftover): number {
  return b.leftoverDays - a.leftoverDays || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
