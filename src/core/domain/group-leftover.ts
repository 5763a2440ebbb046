// 遵醫囑應餘用藥日數: leftover days per group of same ingredient + same dosage form (NHI's
// 同成分同劑型, key K1), if every fill were taken as ordered. Early refills carry over
// (PQA same-drug shift, AdhereR carry.only.for.same.medication; research §2.3 and §5(b)).
import type { DosageForm, Ingredient, IsoDate, MedicationRecord } from './types.ts';
import { addDays, compareIso, daysBetween } from './dates.ts';
import { leftoverReason, recordLeftover, recordStart } from './leftover.ts';
import { comparableIngredients, ingredientIdentity } from './ingredients.ts';
import { isRefillPickup } from './prepare.ts';
import { PreparedHistory } from './prepared-history.ts';
import { DaySupply, MG_UNIT, dailyAmount, hasResetCode, inMg, prescriberChangedDose, prescriberOf } from './carry-rules.ts';
import { Numbering } from './remembered.ts';
import type { CarriedSupply } from './carried-supply.ts';
import { COMPUTABLE, PICKUP, type RecordColumns } from './record-columns.ts';
import type { WalkRun } from './carry-walk.ts';
import { samePrescription } from './duplicate-model.ts';

export interface GroupLeftover {
  key: string;
  ingredient: string;
  atc7: string | null;
  dosageForm: DosageForm;
  /** max(0, C − today) with carry-over, from records started on or before today. */
  leftoverDays: number;
  /**
   * max of their own 單筆餘藥 (no carry-over) over the records of the supply still carried:
   * from the last gap, R001/R003 or dose change by the same prescriber. The supply such a
   * restart drops counts in neither figure, so this is never above leftoverDays.
   */
  noCarryLeftoverDays: number;
  /** 同成分用藥結束日期: last covered day = C − 1. */
  supplyEnd: IsoDate;
  /** 「可能低估」: the group's first record is itself a refill pickup (see firstIsRefill). */
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
 * Research §5(b) step 2: by S ascending; on the same day the larger N first; then input order
 * (the sort is stable), as the K1 slots list them.
 */
function carryOrder(a: MedicationRecord, b: MedicationRecord): number {
  return compareIso(recordStart(a), recordStart(b)) || b.daysSupply - a.daysSupply;
}

/** The day the ISO walk is reading. */
const day = new DaySupply();

/**
 * Walks records (already of one group, computable, sorted) and returns the cursor C, the
 * first uncovered day: walkDays (carry-walk.ts) on ISO dates, a start day at a time
 * (DaySupply). Each day's supply starts at max(S, C); R001/R003 and a change of the day's
 * daily dose by the previous day's prescriber restart from S without the old leftover (research §5(b) step 4: "set C =
 * max(C, S_r) without carrying old leftover" — read as: the old supply is dropped, so the new
 * one runs from S_r; the max only matters when C < S_r, where both readings agree).
 */
function walk(sorted: MedicationRecord[], run?: WalkRun): IsoDate | null {
  let cursor: IsoDate | null = null;
  let beforeDose = Number.NaN;
  let beforeUnit: number | undefined;
  let beforePrescriber: string | null = null;
  // Drug codes as numbers, the unit of an amount that is not in mg (DaySupply).
  const drugs = new Numbering<string>();
  let k = 0;
  while (k < sorted.length) {
    const dayFrom = k;
    const start = recordStart(sorted[k] as MedicationRecord);
    day.begin();
    do {
      const record = sorted[k] as MedicationRecord;
      day.add(dailyAmount(record), inMg(record) ? MG_UNIT : drugs.of(record.drugCode), record.daysSupply, hasResetCode(record), prescriberOf(record));
      k++;
    } while (k < sorted.length && recordStart(sorted[k] as MedicationRecord) === start);
    const dose = day.dose();
    const unit = day.unit();
    const prescriber = day.prescriber();
    const changed = cursor !== null && prescriberChangedDose(beforeDose, beforeUnit, beforePrescriber, dose, unit, prescriber);
    const restarts = cursor === null || changed || day.reset || compareIso(start, cursor) > 0;
    if (restarts && run !== undefined) run.from = dayFrom;
    cursor = addDays(restarts ? start : (cursor as IsoDate), day.days());
    beforeDose = dose;
    beforeUnit = unit;
    beforePrescriber = prescriber;
  }
  return cursor;
}

/**
 * End of coverage C (first uncovered day) of the given records that started before `until`,
 * with carry-over. Helper B's L2 check calls it with one K1 group's older records and the
 * newest record's S ("taken just before the newest record's S", research §5(c)).
 * Non-computable regimens (PRN, ASORDER, non-oral) are ignored; null when nothing counts.
 */
export function carryForwardEnd(records: MedicationRecord[], until: IsoDate): IsoDate | null {
  const counted = records.filter((r) => leftoverReason(r) === null && compareIso(recordStart(r), until) < 0);
  return walk([...counted].sort(carryOrder));
}

/**
 * Whether a group's first record in carry order is a refill pickup. Research §5(b) step 6,
 * left censoring: supply from before the data window is unknown. We read "the window's first
 * record was itself an early refill" as: the group's earliest record is a chronic-refill
 * pickup (isRefillPickup, the duplicate check's test; prepare keeps it as the PICKUP flag). A
 * 2nd/3rd fill is by rule collected up to 10 days before the previous fill runs out, and that
 * previous fill is not in the data, so up to 10 carried days may be missing.
 */
function firstIsRefill(current: MedicationRecord[]): boolean {
  const first = current[0];
  return first !== undefined && current.some((r) => recordStart(r) === recordStart(first) && isRefillPickup(r));
}

interface Bucket {
  ingredient: Ingredient;
  dosageForm: DosageForm;
  records: MedicationRecord[];
}

/**
 * One entry per K1 group with at least one record started on or before today. A combination
 * product counts toward each of its ingredients' groups. Sorted by leftover, largest first.
 */
export function groupLeftovers(records: MedicationRecord[], today: IsoDate): GroupLeftover[] {
  const history = PreparedHistory.of(records, today);
  return datesReadable(history) ? groupsOfPrepared(history) : groupLeftoversByDates(records, today);
}

/**
 * True when today and every countable record's start are real calendar days, so the walk
 * can run on day numbers. Otherwise the ISO-string walk below keeps its exact answer for
 * such rows (they are dated by text order, as before).
 */
export function datesReadable(history: PreparedHistory): boolean {
  if (!Number.isFinite(history.preparer.todayDay)) return false;
  const { flags, startDay } = history.columns;
  for (let i = 0; i < flags.length; i++) if (((flags[i] as number) & COMPUTABLE) !== 0 && !Number.isFinite(startDay[i] as number)) return false;
  return true;
}

/** groupLeftovers on a prepared history whose dates are readable (datesReadable). */
export function groupsOfPrepared(history: PreparedHistory): GroupLeftover[] {
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
    if (k >= runFrom) noCarry = Math.max(noCarry, (endDay[i] as number) - today);
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
    mayUnderestimate: pickupStartsCurrentRun(columns, members, from, runFrom, started),
    recordIds,
    institutions: [...names],
    futureRecordIds,
  };
}

/**
 * 「可能低估」 (research §5(b)6): a refill pickup on the first day of the supply still running
 * had a fill before it whose leftover is unknown. That run starts after the last gap (a day on
 * which the carried supply had run out) or restart (R001/R003, a dose change by the same
 * prescriber; walkDays): what ran out or was dropped before it cannot reach today, so an old
 * pickup followed by a fresh start is not flagged, nor is a lone pickup unflagged by a record
 * of years ago; nor is a pickup whose slip's earlier fill the history shows (earlierFillShown).
 * Any record of that day counts, so the rows' order does not matter. members[from, to): the
 * group's countable records started by today; the run begins at runStart.
 */
function pickupStartsCurrentRun(columns: RecordColumns, members: Int32Array, from: number, runStart: number, to: number): boolean {
  const { startDay, flags } = columns;
  const firstDay = startDay[members[runStart] as number] as number;
  for (let k = runStart; k < to && startDay[members[k] as number] === firstDay; k++) {
    const i = members[k] as number;
    if (((flags[i] as number) & PICKUP) !== 0 && !earlierFillShown(columns, members, from, runStart, i)) return true;
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

/** The same groups walked on ISO dates: only for histories with a countable row whose date cannot be read. */
function groupLeftoversByDates(records: MedicationRecord[], today: IsoDate): GroupLeftover[] {
  const buckets = new Map<string, Bucket>();
  for (const record of records) {
    if (leftoverReason(record) !== null) continue;
    for (const ingredient of comparableIngredients(record)) {
      const key = groupKey(record, ingredient);
      const bucket = buckets.get(key) ?? { ingredient, dosageForm: record.dosageForm, records: [] };
      if (!bucket.records.includes(record)) bucket.records.push(record);
      buckets.set(key, bucket);
    }
  }
  const groups: GroupLeftover[] = [];
  for (const [key, bucket] of buckets) {
    const sorted = [...bucket.records].sort(carryOrder);
    const current = sorted.filter((r) => compareIso(recordStart(r), today) <= 0);
    const run: WalkRun = { from: 0 };
    const end = walk(current, run);
    if (end === null) continue;
    // As groupOf: the supply a restart dropped counts in neither figure.
    const noCarry = Math.max(0, ...current.slice(run.from).map((r) => recordLeftover(r, today).days ?? 0));
    groups.push({
      key,
      ingredient: bucket.ingredient.name,
      atc7: bucket.ingredient.atc7,
      dosageForm: bucket.dosageForm,
      leftoverDays: Math.max(0, daysBetween(today, end)),
      noCarryLeftoverDays: noCarry,
      supplyEnd: addDays(end, -1),
      mayUnderestimate: firstIsRefill(current),
      recordIds: current.map((r) => r.id),
      institutions: [...new Set(current.map((r) => r.institution.name))],
      futureRecordIds: sorted.filter((r) => !current.includes(r)).map((r) => r.id),
    });
  }
  return groups.sort(byLeftover);
}
