// Which earlier supply a K1 group's walk drops (research §5(b) step 4, carry-walk.ts): all of
// it before an R001/R003, and a prescriber's own before the day that prescriber changed the
// daily dose. Another institution's supply stays: the patient holds both (README; the
// pharmacist's review), so a dose change by one clinic does not wipe out what the other gave.
// One pass over positions[from, to) in packed start order, a start day at a time.
import { COMPUTABLE, IN_MG, RESET, type RecordColumns } from './record-columns.ts';
import { DaySupply, MG_UNIT, prescriberChangedDose, sameAmount } from './carry-rules.ts';

/** The unit of a record's daily amount (DaySupply): mg, or its drug number. */
export function unitAt(columns: RecordColumns, i: number): number {
  return ((columns.flags[i] as number) & IN_MG) !== 0 ? MG_UNIT : (columns.drug[i] as number);
}

/**
 * The answer of the last findRestarts (one at a time: the walks do not nest): the prescribers
 * met, each one's daily dose on their latest day and the last day they changed it, and the
 * last day of an R001/R003.
 */
class Restarts {
  names: string[] = [];
  dose = new Float64Array(8);
  /** The unit of `dose`; NaN for none read. */
  unit = new Float64Array(8);
  /** The last day (day number) the prescriber changed their daily dose; −∞ for never. */
  changedOn = new Float64Array(8);
  /** The day number of the day last read for the prescriber (so a day reads each of its prescribers once). */
  readOn = new Float64Array(8);
  count = 0;
  resetOn = Number.NEGATIVE_INFINITY;
  /** Some supply is dropped: a reset or a change was found. */
  any = false;

  begin(): void {
    this.count = 0;
    this.resetOn = Number.NEGATIVE_INFINITY;
    this.any = false;
  }

  /** The prescriber's number in this walk (a group has a handful: a linear search). */
  indexOf(name: string): number {
    for (let p = 0; p < this.count; p++) if (this.names[p] === name) return p;
    if (this.count === this.dose.length) this.grow();
    const p = this.count++;
    this.names[p] = name;
    this.dose[p] = Number.NaN;
    this.unit[p] = Number.NaN;
    this.changedOn[p] = Number.NEGATIVE_INFINITY;
    this.readOn[p] = Number.NaN;
    return p;
  }

  /** Per record of the last findRestarts (index − its `from`): the prescriber's number. */
  prescriberAt = new Int32Array(64);

  /** Whether the record at positions[k] is supply the walk drops (k − from: its index in the last findRestarts). */
  drops(columns: RecordColumns, i: number, at: number): boolean {
    const start = columns.startDay[i] as number;
    return start < this.resetOn || start < (this.changedOn[this.prescriberAt[at] as number] as number);
  }

  private grow(): void {
    const larger = (from: Float64Array) => {
      const to = new Float64Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.dose = larger(this.dose);
    this.unit = larger(this.unit);
    this.changedOn = larger(this.changedOn);
    this.readOn = larger(this.readOn);
  }
}

export const restarts = new Restarts();

/** One prescriber's records of one day, read together (DaySupply). */
const prescriberDay = new DaySupply();

/** mayRestart's units met and the one amount of each (a group holds a few: mg, a combination's units). */
const seenUnits = new Float64Array(8);
const seenAmounts = new Float64Array(8);

/**
 * Whether findRestarts could find anything at positions[from, to): an R001/R003, or two daily
 * amounts in one unit that differ (amounts in different units are never compared). Most groups
 * hold one dose per unit throughout, and this one pass over three columns spares them the
 * prescribers' days.
 */
export function mayRestart(positions: Int32Array, from: number, to: number, columns: RecordColumns): boolean {
  const { flags, daily } = columns;
  let units = 0;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & RESET) !== 0) return true;
    const amount = daily[i] as number;
    if (Number.isNaN(amount)) continue;
    const unit = unitAt(columns, i);
    let u = 0;
    while (u < units && seenUnits[u] !== unit) u++;
    if (u < units) {
      if (!sameAmount(seenAmounts[u] as number, amount)) return true;
    } else if (units === seenUnits.length) {
      return true; // more units than kept: let findRestarts read them
    } else {
      seenUnits[units] = unit;
      seenAmounts[units] = amount;
      units++;
    }
  }
  return false;
}

/**
 * Fills `restarts` for the computable records at positions[from, to): the last R001/R003 day,
 * and per prescriber the last day whose daily dose from them (their records of that day read
 * together, DaySupply) differs from what they gave on their previous day (prescriberChangedDose).
 */
export function findRestarts(positions: Int32Array, from: number, to: number, columns: RecordColumns): typeof restarts {
  const { startDay, daysSupply, flags, daily, prescribers } = columns;
  restarts.begin();
  if (restarts.prescriberAt.length < to - from) restarts.prescriberAt = new Int32Array(Math.max(to - from, restarts.prescriberAt.length * 2));
  const prescriberAt = restarts.prescriberAt;
  let k = from;
  while (k < to) {
    const start = startDay[positions[k] as number] as number;
    let end = k + 1;
    while (end < to && startDay[positions[end] as number] === start) end++;
    for (let m = k; m < end; m++) {
      const i = positions[m] as number;
      if (((flags[i] as number) & RESET) !== 0) {
        restarts.resetOn = start;
        restarts.any = true;
      }
      const p = restarts.indexOf(prescribers[i] as string);
      prescriberAt[m - from] = p;
      if (restarts.readOn[p] === start) continue;
      restarts.readOn[p] = start;
      const name = restarts.names[p] as string;
      let dose = daily[i] as number;
      let unit: number | undefined = Number.isNaN(dose) ? undefined : unitAt(columns, i);
      if (end - k > 1) {
        // The prescriber's records of this day, from this one on (the earlier ones are other prescribers').
        prescriberDay.begin();
        for (let q = m; q < end; q++) {
          const j = positions[q] as number;
          if (prescribers[j] === name) prescriberDay.add(daily[j] as number, unitAt(columns, j), daysSupply[j] as number, false, name);
        }
        dose = prescriberDay.dose();
        unit = prescriberDay.unit();
      }
      const before = restarts.unit[p] as number;
      if (prescriberChangedDose(restarts.dose[p] as number, Number.isNaN(before) ? undefined : before, name, dose, unit, name)) {
        restarts.changedOn[p] = start;
        restarts.any = true;
      }
      restarts.dose[p] = dose;
      restarts.unit[p] = unit ?? Number.NaN;
    }
    k = end;
  }
  return restarts;
}

/** The daily dose of `prescriber`'s computable records of one day at positions[from, to) (DaySupply), into prescriberDay. */
function readPrescriberDay(positions: Int32Array, from: number, to: number, columns: RecordColumns, prescriber: string, dayNumber: number): void {
  const { startDay, daysSupply, flags, daily, prescribers } = columns;
  prescriberDay.begin();
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (startDay[i] !== dayNumber || prescribers[i] !== prescriber || ((flags[i] as number) & COMPUTABLE) === 0) continue;
    prescriberDay.add(daily[i] as number, unitAt(columns, i), daysSupply[i] as number, false, prescriber);
  }
}

/**
 * Whether `prescriber` changed their daily dose on `dayNumber` among the computable records at
 * positions[from, to), as findRestarts reads it: their records of that day against their own
 * previous day. The dose-change hint of an L1/L2; it reads only that prescriber's two days.
 */
export function prescriberChangedOn(positions: Int32Array, from: number, to: number, columns: RecordColumns, prescriber: string, dayNumber: number): boolean {
  const { startDay, flags, prescribers } = columns;
  let previous = Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    const start = startDay[i] as number;
    if (start < dayNumber && start > previous && prescribers[i] === prescriber && ((flags[i] as number) & COMPUTABLE) !== 0) previous = start;
  }
  if (previous === Number.NEGATIVE_INFINITY) return false;
  readPrescriberDay(positions, from, to, columns, prescriber, previous);
  const beforeDose = prescriberDay.dose();
  const beforeUnit = prescriberDay.unit();
  readPrescriberDay(positions, from, to, columns, prescriber, dayNumber);
  return prescriberChangedDose(beforeDose, beforeUnit, prescriber, prescriberDay.dose(), prescriberDay.unit(), prescriber);
}
