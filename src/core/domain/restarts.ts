// Which earlier supply a K1 group's walk drops (research §5(b) step 4, carry-walk.ts): all of
// it before an R001/R003, and a prescriber's own before the day that prescriber changed the
// daily dose. Another institution's supply stays: the patient holds both (README; the
// pharmacist's review), so a dose change by one clinic does not wipe out what the other gave.
// "Prescriber" here is whose supply the record is (RecordColumns.suppliers): a refill pickup
// that does not name its 慢箋原處方機構 is its own slip's, so two clinics' slips collected at one
// pharmacy are not one doctor changing the dose. One pass over positions[from, to) in packed
// start order, a start day at a time.
import { COMPUTABLE, IN_MG, REGIMEN_CODE, RESET, computableBefore, type RecordColumns } from './record-columns.ts';
import { DaySupply, MG_UNIT, dayDoseChanged, doubled, sameAmount } from './carry-rules.ts';
import { DayVisitIndex } from './visit-index.ts';

/** The unit of a record's daily amount (DaySupply): mg, or its drug number. */
export function unitAt(columns: RecordColumns, i: number): number {
  return ((columns.flags[i] as number) & IN_MG) !== 0 ? MG_UNIT : (columns.drug[i] as number);
}

/** Prescribers a walk finds by linear search before it builds a map (one group with thousands took a second). */
const LINEAR_NAMES = 16;

/**
 * The answer of the last findRestarts (one at a time: the walks do not nest): the prescribers
 * met, each one's daily dose on their latest day and the last day they changed it, and the
 * last day of an R001/R003.
 */
class Restarts {
  /** The prescribers met, by number; past LINEAR_NAMES of them, a map finds a number. */
  private readonly names: string[] = [];
  private count = 0;
  private readonly numbers = new Map<string, number>();
  dose = new Float64Array(8);
  /** The unit of `dose`; NaN for none read. */
  unit = new Float64Array(8);
  /** The last day (day number) the prescriber changed their daily dose; −∞ for never. */
  changedOn = new Float64Array(8);
  /** The day number of the day last read for the prescriber (so a day reads each of its prescribers once). */
  readOn = new Float64Array(8);
  /** The last day the prescriber's regimen was new: a changed dose, another unit, or none known before (an R003 then ends the old supply). */
  newOn = new Float64Array(8);
  resetOn = Number.NEGATIVE_INFINITY;
  /** Some supply is dropped: a reset or a change was found. */
  any = false;

  begin(): void {
    if (this.count > LINEAR_NAMES) this.numbers.clear();
    this.count = 0;
    this.resetOn = Number.NEGATIVE_INFINITY;
    this.any = false;
  }

  /** The prescriber's number in this walk (made on first sight). */
  numberOf(name: string): number {
    const known = this.find(name);
    if (known !== undefined) return known;
    const p = this.count++;
    if (p === this.dose.length) this.grow();
    this.names[p] = name;
    if (p === LINEAR_NAMES) for (let q = 0; q <= p; q++) this.numbers.set(this.names[q] as string, q);
    else if (p > LINEAR_NAMES) this.numbers.set(name, p);
    this.dose[p] = Number.NaN;
    this.unit[p] = Number.NaN;
    this.changedOn[p] = Number.NEGATIVE_INFINITY;
    this.readOn[p] = Number.NaN;
    this.newOn[p] = Number.NEGATIVE_INFINITY;
    return p;
  }

  /** The last day `name` changed their daily dose (−∞ for never, or not met). */
  changedDay(name: string): number {
    const p = this.find(name);
    return p === undefined ? Number.NEGATIVE_INFINITY : (this.changedOn[p] as number);
  }

  /** The number of a prescriber met in this walk: a group has a handful, so a linear search until it has many. */
  private find(name: string): number | undefined {
    if (this.count > LINEAR_NAMES) return this.numbers.get(name);
    for (let p = 0; p < this.count; p++) if (this.names[p] === name) return p;
    return undefined;
  }

  /** Whether the record at `i` is supply the walk drops. */
  drops(columns: RecordColumns, i: number): boolean {
    const start = columns.startDay[i] as number;
    if (start < this.resetOn) return true;
    return start < this.changedDay(columns.suppliers[i] as string);
  }

  private grow(): void {
    this.dose = doubled(this.dose);
    this.unit = doubled(this.unit);
    this.changedOn = doubled(this.changedOn);
    this.readOn = doubled(this.readOn);
    this.newOn = doubled(this.newOn);
  }
}

export type { Restarts };

const restarts = new Restarts();

/** One prescriber's records of one day, read together (DaySupply). */
const prescriberDay = new DaySupply();

/** mayRestart's units met, and the least and most amount of each (a group holds a few: mg, a combination's units). */
const seenUnits = new Float64Array(8);
const leastAmounts = new Float64Array(8);
const mostAmounts = new Float64Array(8);

/**
 * Whether findRestarts could find anything at positions[from, to): an R001/R003, daily
 * amounts in one unit that are not all the same (amounts in different units are never
 * compared), or two rows of one visit (their amounts add up: DaySupply). Most groups hold one
 * dose per unit throughout, and this one pass over a few columns spares them the prescribers'
 * days. Least against most, so amounts that each differ from the next by less than
 * sameAmount's margin still count when they drift apart.
 */
export function mayRestart(positions: Int32Array, from: number, to: number, columns: RecordColumns): boolean {
  const { flags, daily, startDay } = columns;
  let units = 0;
  let dayFrom = from;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & RESET) !== 0) return true;
    if (startDay[i] !== startDay[positions[dayFrom] as number]) dayFrom = k;
    else if (k > dayFrom) {
      // A day's second record: the day's visits are indexed from its first (most days hold one record).
      if (k === dayFrom + 1) {
        dayVisits.begin();
        sameVisitEarlier(positions, dayFrom, dayFrom, columns);
      }
      if (sameVisitEarlier(positions, dayFrom, k, columns)) return true;
    }
    const amount = daily[i] as number;
    if (Number.isNaN(amount)) continue;
    const unit = unitAt(columns, i);
    let u = 0;
    while (u < units && seenUnits[u] !== unit) u++;
    if (u === units) {
      if (units === seenUnits.length) return true; // more units than kept: let findRestarts read them
      seenUnits[u] = unit;
      leastAmounts[u] = amount;
      mostAmounts[u] = amount;
      units++;
      continue;
    }
    if (amount < (leastAmounts[u] as number)) leastAmounts[u] = amount;
    if (amount > (mostAmounts[u] as number)) mostAmounts[u] = amount;
    if (!sameAmount(leastAmounts[u] as number, mostAmounts[u] as number)) return true;
  }
  return false;
}

/** The day's records by 就醫序號, for mayRestart. */
const dayVisits = new DayVisitIndex();

/**
 * Whether the record at positions[k] has the 就醫序號 and prescriber of a record at
 * positions[dayFrom, k) (one day's, indexed in dayVisits since its begin()); indexes it.
 */
function sameVisitEarlier(positions: Int32Array, dayFrom: number, k: number, columns: RecordColumns): boolean {
  const { seq, suppliers } = columns;
  const i = positions[k] as number;
  const visit = seq[i] as number;
  if (visit < 0) return false;
  const earlier = dayVisits.get(visit);
  dayVisits.set(visit, i);
  if (earlier === -1) return false;
  if (suppliers[earlier] === suppliers[i]) return true;
  // One 就醫序號 at two prescribers that day: rare, read them all.
  for (let m = dayFrom; m < k; m++) {
    const j = positions[m] as number;
    if (seq[j] === visit && suppliers[j] === suppliers[i]) return true;
  }
  return false;
}

/**
 * Fills `restarts` for the computable records at positions[from, to): the last R001/R003 day,
 * and per prescriber the last day whose daily dose from them (their records of that day read
 * together, DaySupply) differs from what they gave on their previous day (dayDoseChanged).
 */
export function findRestarts(positions: Int32Array, from: number, to: number, columns: RecordColumns): Restarts {
  const { startDay, flags, daily, suppliers } = columns;
  restarts.begin();
  let k = from;
  while (k < to) {
    const start = startDay[positions[k] as number] as number;
    let end = k + 1;
    while (end < to && startDay[positions[end] as number] === start) end++;
    for (let m = k; m < end; m++) {
      const i = positions[m] as number;
      const name = suppliers[i] as string;
      const p = restarts.numberOf(name);
      if (restarts.readOn[p] === start) continue;
      restarts.readOn[p] = start;
      let dose = daily[i] as number;
      let unit: number | undefined = Number.isNaN(dose) ? undefined : unitAt(columns, i);
      if (end - k > 1) {
        // The prescriber's records of this day, from this one on (the earlier ones are other prescribers').
        readPrescriberDay(positions, m, end, columns, name, start);
        dose = prescriberDay.dose();
        unit = prescriberDay.unit();
      }
      const before = restarts.unit[p] as number;
      const beforeUnit = Number.isNaN(before) ? undefined : before;
      const changed = dayDoseChanged(restarts.dose[p] as number, beforeUnit, dose, unit);
      if (changed) {
        restarts.changedOn[p] = start;
        restarts.any = true;
      }
      // Nothing to compare (no earlier day, or a dose that cannot be read) counts as new.
      if (changed || Number.isNaN(dose) || Number.isNaN(restarts.dose[p] as number) || beforeUnit !== unit) restarts.newOn[p] = start;
      restarts.dose[p] = dose;
      restarts.unit[p] = unit ?? Number.NaN;
    }
    // R001 ends all the old supply; R003, which the cloud copies onto every drug of its visit,
    // only where its prescriber's regimen of this group is new that day: an unchanged amlodipine
    // beside the metformin whose dose was doubled keeps its supply on hand.
    for (let m = k; m < end; m++) {
      const i = positions[m] as number;
      const flag = flags[i] as number;
      if ((flag & RESET) === 0) continue;
      if ((flag & REGIMEN_CODE) !== 0 && restarts.newOn[restarts.numberOf(suppliers[i] as string)] !== start) continue;
      restarts.resetOn = start;
      restarts.any = true;
    }
    k = end;
  }
  return restarts;
}

/**
 * findRestarts for the computable records of positions[from, to) that started before
 * `dayNumber`: what the walk had dropped by the time that day's supply was dispensed; null
 * when nothing can be (mayRestart). The duplicate check walks a part of a group (the older
 * prescriptions) with these, so a reset or a prescriber's earlier day in the part it leaves
 * out still counts.
 */
export function restartsBefore(positions: Int32Array, from: number, to: number, columns: RecordColumns, dayNumber: number): Restarts | null {
  const before = new Int32Array(to - from);
  const n = computableBefore(columns, positions, from, to, dayNumber, before);
  return mayRestart(before, 0, n, columns) ? findRestarts(before, 0, n, columns) : null;
}

/** The daily dose of `prescriber`'s computable records of one day at positions[from, to) (DaySupply), into prescriberDay. */
function readPrescriberDay(positions: Int32Array, from: number, to: number, columns: RecordColumns, prescriber: string, dayNumber: number): void {
  const { startDay, daysSupply, flags, daily, suppliers, seq } = columns;
  prescriberDay.begin();
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (startDay[i] !== dayNumber || suppliers[i] !== prescriber || ((flags[i] as number) & COMPUTABLE) === 0) continue;
    prescriberDay.add(daily[i] as number, unitAt(columns, i), daysSupply[i] as number, prescriber, seq[i] as number);
  }
}

/**
 * Whether the prescriber of the record at `i` changed their daily dose on its day among the
 * computable records at positions[from, to), as findRestarts reads it: their records of that
 * day against their own previous day. The dose-change hint of an L1/L2; it reads only that
 * prescriber's two days.
 */
export function prescriberChangedOn(positions: Int32Array, from: number, to: number, columns: RecordColumns, i: number): boolean {
  const { startDay, flags, suppliers } = columns;
  if (((flags[i] as number) & COMPUTABLE) === 0) return false;
  const prescriber = suppliers[i] as string;
  const dayNumber = startDay[i] as number;
  let previous = Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    const j = positions[k] as number;
    const start = startDay[j] as number;
    if (start < dayNumber && start > previous && suppliers[j] === prescriber && ((flags[j] as number) & COMPUTABLE) !== 0) previous = start;
  }
  if (previous === Number.NEGATIVE_INFINITY) return false;
  readPrescriberDay(positions, from, to, columns, prescriber, previous);
  const beforeDose = prescriberDay.dose();
  const beforeUnit = prescriberDay.unit();
  readPrescriberDay(positions, from, to, columns, prescriber, dayNumber);
  return dayDoseChanged(beforeDose, beforeUnit, prescriberDay.dose(), prescriberDay.unit());
}
