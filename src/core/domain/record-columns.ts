// The prepared facts every pass reads, as arrays indexed by input position (struct of
// arrays), filled by Preparer.prepareAll while it reads the records in input order. A pass
// that walks positions in carry order reads a few small arrays instead of a record object
// each, which at 100,000 records lie scattered over the heap: the group pass on these grew
// 8–13× from 10k to 100k records against 15–18× on objects (docs/analysis-speed.md, "Struct
// of arrays"). Typed arrays also live outside V8's heap, so the collector neither copies nor
// marks them.
import { isRefillPickup, visitSeqNumber, type Preparer } from './prepare.ts';
import { dailyAmount, hasResetCode, inMg, prescriberOf } from './carry-rules.ts';
import type { LeftoverReason } from './leftover.ts';
import type { MedicationRecord } from './types.ts';

/** flags: the record's regimen can be computed (leftover reason null). */
export const COMPUTABLE = 1;
/** flags: R001 / R003, the old supply ends instead of carrying. */
export const RESET = 2;
/** flags: dailyAmount is in mg (single-ingredient product of known strength). */
export const IN_MG = 4;
/**
 * flags: the record declares R003 (regimen change) for a visit of several drugs, each of which the
 * cloud gave the code (shareRegimenCodes): it ends the old supply only where its prescriber's
 * regimen did change (findRestarts). An R003 on a visit of one drug is that drug's, and ends it.
 */
export const REGIMEN_CODE = 8;
/** flags: the record declares an NHI exception code (R001–R008). */
export const EXCEPTION = 16;
/** flags: a chronic refill pickup (isRefillPickup). */
export const PICKUP = 32;
/** flags: the cloud's own 高齡注意 mark (drug_65_mark). */
export const CLOUD_MARK = 64;
/** flags: a pickup without its 慢箋原處方機構 (chr_hosp_id): its prescriber is not known. */
export const ORIGIN_UNKNOWN = 128;

export class RecordColumns {
  /**
   * Day numbers (days since 2000-01-01) of S and of E = S + N, the first uncovered day (NaN
   * when S is unreadable); S and then larger N first packed in one number (ORDER_PER_DAY);
   * nominal days left today (max(0, E − today); the whole supply when dated after today).
   */
  readonly startDay: Float64Array;
  /** Day number of the 就醫日期 (NaN when unreadable): S itself unless the record is a refill pickup. */
  readonly visitDay: Float64Array;
  readonly endDay: Float64Array;
  readonly order: Float64Array;
  readonly leftToday: Float64Array;
  /** The record's 給藥日數 as given (whole and positive where COMPUTABLE). */
  readonly daysSupply: Float64Array;
  /** dailyAmount (NaN when it cannot be read), compared by the walk's dose-change rule. */
  readonly daily: Float64Array;
  readonly flags: Uint8Array;
  /** The drug code as a small integer (Preparer: the same code, the same number), written by prepare. */
  readonly drug: Int32Array;
  /**
   * The record's product as a small integer (Preparer.productCount): records with one number
   * share the drug code, product ATC7, dosage form and ingredients, so a pass can work out
   * what depends on those once per product (Preparer.productFacts).
   */
  readonly product: Int32Array;
  /** The regimen's leftoverReason: null when its days can be counted. */
  readonly reasons: (LeftoverReason | null)[];
  /** The 4-digit 就醫序號 as a number (−1 when absent or masked). */
  readonly seq: Int32Array;
  /** Each record's id, institution name and code and drug name, read out once in input order for the lists a pass returns. */
  readonly ids: string[];
  readonly institutions: string[];
  readonly institutionIds: string[];
  readonly names: string[];
  /** The prescribing institution (慢箋原處方機構 for refill pickups, else the institution) and the record's 就醫日期 as given, which samePrescription compares. */
  readonly prescribers: string[];
  readonly visits: string[];
  /**
   * Whose supply the carry walk says the record is (stacking, dose changes; restarts.ts): its
   * prescriber, except a pickup that does not name its 慢箋原處方機構, which is its own slip's
   * (the pharmacy and the 就醫日期): the pharmacy is not its prescriber, and two clinics' slips
   * collected there are two supplies, not one doctor changing the dose.
   */
  readonly suppliers: string[];

  /** How many pickups fill found without their 慢箋原處方機構 (resolveOrigins has work only then). */
  pendingOrigins = 0;
  /** How many records fill found with R003 (shareRegimenCodes has work only then). */
  regimenCodes = 0;

  constructor(n: number) {
    this.startDay = new Float64Array(n);
    this.visitDay = new Float64Array(n);
    this.endDay = new Float64Array(n);
    this.order = new Float64Array(n);
    this.leftToday = new Float64Array(n);
    this.daysSupply = new Float64Array(n);
    this.daily = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.drug = new Int32Array(n);
    this.product = new Int32Array(n);
    this.reasons = new Array<LeftoverReason | null>(n);
    this.seq = new Int32Array(n);
    this.ids = new Array<string>(n);
    this.institutions = new Array<string>(n);
    this.institutionIds = new Array<string>(n);
    this.names = new Array<string>(n);
    this.prescribers = new Array<string>(n);
    this.visits = new Array<string>(n);
    this.suppliers = new Array<string>(n);
  }

  /**
   * Writes the facts read straight off records[from, to), in input order, after prepareAll
   * wrote their start, end, order, days left, product, drug and reason columns. A loop of its own,
   * with the arrays in locals: writing each record's columns from inside prepare (a method call
   * per record between map lookups) cost a third of its time at 10k records.
   */
  fill(records: readonly MedicationRecord[], preparer: Preparer, from: number, to: number): void {
    const { startDay, visitDay, daysSupply, daily, flags, reasons, seq, ids, institutions, institutionIds, names, prescribers, visits, suppliers } = this;
    for (let i = from; i < to; i++) {
      const record = records[i] as MedicationRecord;
      const reason = reasons[i] as LeftoverReason | null;
      // recordStart's rule: S is the visit day unless 慢連箋領藥日 is set.
      visitDay[i] = record.refillDate === null ? (startDay[i] as number) : preparer.dayOf(record.visitDate);
      daysSupply[i] = record.daysSupply;
      daily[i] = dailyAmount(record);
      const pickup = isRefillPickup(record) ? (record.chronicOriginInstitutionId === null ? PICKUP | ORIGIN_UNKNOWN : PICKUP) : 0;
      if ((pickup & ORIGIN_UNKNOWN) !== 0) this.pendingOrigins++;
      if (record.exceptionCode === 'R003') this.regimenCodes++;
      flags[i] =
        (reason === null ? COMPUTABLE : 0) |
        (record.exceptionCode === null ? 0 : EXCEPTION) | (hasResetCode(record) ? RESET : 0) |
        (inMg(record) ? IN_MG : 0) | pickup | (record.cloudElderlyMark ? CLOUD_MARK : 0);
      seq[i] = visitSeqNumber(record.visitSeqNo);
      ids[i] = record.id;
      institutions[i] = record.institution.name;
      institutionIds[i] = record.institution.id;
      names[i] = record.drugName;
      const prescriber = prescriberOf(record);
      prescribers[i] = prescriber;
      visits[i] = record.visitDate;
      suppliers[i] = (pickup & ORIGIN_UNKNOWN) !== 0 ? `${prescriber}|${record.visitDate}` : prescriber;
    }
  }
}

/**
 * The prescriber of each pickup that does not name its 慢箋原處方機構 (chr_hosp_id is null in
 * the cloud's samples, anchors 1(b)), after fill has read every record: its slip's first fill,
 * the visit of the same drug code and 就醫日期 that is no pickup, names it when one institution
 * does. Counted as the pharmacy's, a hospital's renewal after the pharmacy's refills read as a
 * second institution's duplicate (critical, naming the pharmacy as prescriber). With no such
 * visit, or two institutions', the pickup stays its own slip's (fill).
 */
export function resolveOrigins(columns: RecordColumns): void {
  if (columns.pendingOrigins === 0) return;
  const { flags, drug, visitDay, institutionIds, prescribers, suppliers } = columns;
  // Per drug number and 就醫日期 (day number): the one institution of its visits; null for two.
  const origins = new Map<number, string | null>();
  const key = (i: number): number => (drug[i] as number) * 1_000_000 + (visitDay[i] as number);
  for (let i = 0; i < flags.length; i++) {
    if (((flags[i] as number) & PICKUP) !== 0 || !Number.isFinite(visitDay[i] as number)) continue;
    const known = origins.get(key(i));
    const own = institutionIds[i] as string;
    if (known === undefined) origins.set(key(i), own);
    else if (known !== own) origins.set(key(i), null);
  }
  for (let i = 0; i < flags.length; i++) {
    if (((flags[i] as number) & ORIGIN_UNKNOWN) === 0) continue;
    const origin = Number.isFinite(visitDay[i] as number) ? origins.get(key(i)) : undefined;
    if (origin === undefined || origin === null) continue;
    prescribers[i] = origin;
    suppliers[i] = origin;
    flags[i] = (flags[i] as number) & ~ORIGIN_UNKNOWN;
  }
}

/**
 * Marks REGIMEN_CODE on the R003 records whose visit (institution, 就醫日期, 就醫序號) gave the code
 * to two drugs or more: the cloud lists the code as a row of the visit and the mapper gives it
 * to every drug, so which drug's regimen changed is not said (a doubled metformin beside an
 * unchanged amlodipine). A visit without a 就醫序號 is one per institution and day.
 */
export function shareRegimenCodes(columns: RecordColumns, records: readonly { exceptionCode: string | null }[]): void {
  if (columns.regimenCodes < 2) return;
  const { flags, drug, visitDay, institutionIds, seq } = columns;
  const key = (i: number): string => `${institutionIds[i] as string}|${visitDay[i] as number}|${seq[i] as number}`;
  // Per visit: the drug number of its first R003, or −1 once a second drug has one.
  const drugs = new Map<string, number>();
  for (let i = 0; i < flags.length; i++) {
    if ((records[i] as { exceptionCode: string | null }).exceptionCode !== 'R003') continue;
    const known = drugs.get(key(i));
    if (known === undefined) drugs.set(key(i), drug[i] as number);
    else if (known !== drug[i]) drugs.set(key(i), -1);
  }
  for (let i = 0; i < flags.length; i++) {
    if ((records[i] as { exceptionCode: string | null }).exceptionCode === 'R003' && drugs.get(key(i)) === -1) flags[i] = (flags[i] as number) | REGIMEN_CODE;
  }
}

/**
 * Whether the record at `i` is newer than the one at `j` (−1: there is none yet): a later S;
 * of one day the longer supply, then the smaller id. Never the row order: of two records of
 * one day, the one an alert named, and the dose it cited, came and went with the cloud's order.
 * An unreadable S is newer than nothing that has a day.
 */
export function isNewerRecord(columns: RecordColumns, i: number, j: number): boolean {
  if (j === -1) return true;
  const { startDay, daysSupply, ids } = columns;
  const byDay = numberOrder(startDay[i] as number, startDay[j] as number);
  if (byDay !== 0) return byDay > 0;
  const bySupply = numberOrder(daysSupply[i] as number, daysSupply[j] as number);
  if (bySupply !== 0) return bySupply > 0;
  return (ids[i] as string) < (ids[j] as string);
}

/** a against b, an unreadable number (NaN) below every other and equal to itself. */
function numberOrder(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  return a > b ? 1 : a < b ? -1 : 0;
}

/** Two start days are one day: equal, or both unreadable (the same-day scans beside isNewerRecord). */
function sameStartDay(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * The newest (isNewerRecord) of the records at list[from, to) that start on the day of
 * list[at]: the list is in start order, so they lie around `at`. Where one record of a day
 * stands for several (the newest of a group, the record whose dose is cited), the cloud's
 * row order does not choose it.
 */
export function newestOfDay(columns: RecordColumns, list: Int32Array, from: number, to: number, at: number): number {
  const { startDay } = columns;
  const day = startDay[list[at] as number] as number;
  let newest = list[at] as number;
  for (let k = at - 1; k >= from && sameStartDay(startDay[list[k] as number] as number, day); k--) if (isNewerRecord(columns, list[k] as number, newest)) newest = list[k] as number;
  for (let k = at + 1; k < to && sameStartDay(startDay[list[k] as number] as number, day); k++) if (isNewerRecord(columns, list[k] as number, newest)) newest = list[k] as number;
  return newest;
}

/**
 * Into `out`: the computable records of positions[from, to) that started before `untilDay`, in
 * their order; how many. What every carry walk reads (carryEndDay, restartsBefore).
 */
export function computableBefore(columns: RecordColumns, positions: Int32Array, from: number, to: number, untilDay: number, out: Int32Array): number {
  const { startDay, flags } = columns;
  let n = 0;
  for (let k = from; k < to; k++) {
    const i = positions[k] as number;
    if (((flags[i] as number) & COMPUTABLE) !== 0 && (startDay[i] as number) < untilDay) out[n++] = i;
  }
  return n;
}
