// 遵醫囑應餘用藥日數: leftover days per group of same ingredient + same dosage form (NHI's
// 同成分同劑型, key K1), if every fill were taken as ordered. Early refills carry over
// (PQA same-drug shift, AdhereR carry.only.for.same.medication; research §2.3 and §5(b)).
import type { DosageForm, Ingredient, IsoDate, MedicationRecord } from './types.ts';
import { addDays, compareIso, daysBetween } from './dates.ts';
import { leftoverReason, recordLeftover, recordStart } from './leftover.ts';
import { comparableIngredients, ingredientIdentity } from './ingredients.ts';

export interface GroupLeftover {
  key: string;
  ingredient: string;
  atc7: string | null;
  dosageForm: DosageForm;
  /** max(0, C − today) with carry-over, from records started on or before today. */
  leftoverDays: number;
  /** max over the same records of their own 單筆餘藥 (no carry-over). */
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
  return `${ingredientIdentity(ingredient)}|${record.dosageForm}`;
}

/** NHI exception codes that end the old supply instead of carrying it: R003 regimen change, R001 lost supply. */
const RESETS_CARRY = new Set(['R001', 'R003']);

function hasResetCode(record: MedicationRecord): boolean {
  return record.exceptionCode !== null && RESETS_CARRY.has(record.exceptionCode);
}

/** Research §5(b) step 2: by S ascending; on the same day the larger N first; then id for a stable order. */
function carryOrder(a: MedicationRecord, b: MedicationRecord): number {
  return compareIso(recordStart(a), recordStart(b)) || b.daysSupply - a.daysSupply || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Daily amount of one record in comparable units: mg/day when the strength is known, else
 * units/day tagged with the drug code (only the same product's units compare).
 */
function dailyAmount(record: MedicationRecord): { unit: string; perDay: number } | null {
  if (!(record.daysSupply > 0) || !(record.quantity > 0)) return null;
  const unitsPerDay = record.quantity / record.daysSupply;
  if (record.unitStrengthMg !== null && !record.isCombination) return { unit: 'mg', perDay: unitsPerDay * record.unitStrengthMg };
  return { unit: `unit:${record.drugCode}`, perDay: unitsPerDay };
}

/**
 * Research §5(b) step 4, "its daily dose differs and dose rescaling is off": we do not
 * rescale, so a known change of daily dose ends the old supply like R003. Unknown or
 * incomparable doses (different products without strength) are treated as unchanged.
 */
function doseChanged(previous: MedicationRecord | null, record: MedicationRecord): boolean {
  if (previous === null) return false;
  const before = dailyAmount(previous);
  const now = dailyAmount(record);
  if (before === null || now === null || before.unit !== now.unit) return false;
  return Math.abs(before.perDay - now.perDay) > 1e-9 * Math.max(before.perDay, now.perDay);
}

/**
 * Walks records (already of one group, computable, sorted) and returns the cursor C, the
 * first uncovered day. Each supply starts at max(S, C); R001/R003 and dose changes restart
 * from the record's own S without the old leftover (research §5(b) step 4: "set C = max(C, S_r)
 * without carrying old leftover" — read as: the old supply is dropped, so the new one runs
 * from S_r; the max only matters when C < S_r, where both readings agree).
 */
function walk(sorted: MedicationRecord[]): IsoDate | null {
  let cursor: IsoDate | null = null;
  let previous: MedicationRecord | null = null;
  for (const record of sorted) {
    const start = recordStart(record);
    const changed = doseChanged(previous, record);
    if (changed && previous !== null && cursor !== null && recordStart(previous) === start && !hasResetCode(record)) {
      // Two strengths handed out the same day (5 mg + 2.5 mg) are one regimen taken together:
      // neither stacked nor dropped, the supply lasts as long as the longer one.
      const together = addDays(start, record.daysSupply);
      if (compareIso(together, cursor) > 0) cursor = together;
    } else {
      const reset = hasResetCode(record) || changed;
      const effectiveStart = cursor === null || reset || compareIso(start, cursor) > 0 ? start : cursor;
      cursor = addDays(effectiveStart, record.daysSupply);
    }
    previous = record;
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
 * Research §5(b) step 6, left censoring: supply from before the data window is unknown. We
 * read "the window's first record was itself an early refill" as: the group's earliest record
 * is a chronic-refill pickup (慢連箋領藥日 set, or 就醫序號 IC02–IC09). A 2nd/3rd fill is by rule
 * collected up to 10 days before the previous fill runs out, and that previous fill is not in
 * the data, so up to 10 carried days may be missing.
 */
export function firstIsRefill(sorted: MedicationRecord[]): boolean {
  const first = sorted[0];
  if (first === undefined) return false;
  return first.refillDate !== null || /^IC0[2-9]$/i.test(first.visitSeqNo ?? '');
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
    const end = walk(current);
    if (end === null) continue;
    const noCarry = Math.max(0, ...current.map((r) => recordLeftover(r, today).days ?? 0));
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
  return groups.sort((a, b) => b.leftoverDays - a.leftoverDays || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
