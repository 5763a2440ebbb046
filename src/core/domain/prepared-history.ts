// A history's records prepared once (prepare.ts, and as columns: record-columns.ts) plus what
// several parts of the analysis share, each computed at most once per analysis: the packed
// start order (S, larger N, input order) that group leftover and the duplicate check fill
// their groups in, each K1 group's carried supply today, and whether some row object is
// listed twice.
import type { Institution, MedicationRecord } from './types.ts';
import { ORDER_PER_DAY, Preparer } from './prepare.ts';
import { keyOrder } from './day-order.ts';
import { RecordColumns, resolveOrigins, shareRegimenCodes } from './record-columns.ts';
import type { AnalyzedRecord } from './analyzed-record.ts';
import { k1Slots, type K1Slots } from './k1-slots.ts';
import { carriedSupplyOf, type CarriedSupply } from './carried-supply.ts';

export class PreparedHistory {
  /** The prepared facts as typed arrays by input position (record-columns.ts). */
  readonly columns: RecordColumns;
  private positions: Int32Array | null = null;
  private slots: K1Slots | null = null;
  private carried: CarriedSupply | null = null;
  private repeats: boolean | null = null;
  private readonly prescriberNameById = new Map<string, string>();
  private readonly pickupWhereByPrescriber = new Map<string, Map<string, string>>();

  /** The records table's rows in input order, when asked for (PreparedHistory.withRows); else null. */
  readonly rows: AnalyzedRecord[] | null;

  constructor(
    readonly preparer: Preparer,
    /** The history's records as given (the repeated-row check compares them by identity). */
    private readonly records: MedicationRecord[],
    withRows = false,
    /** Other sources of institution names (the chronic prescriptions' prescribers), read on a miss. */
    private readonly namedElsewhere: readonly { institution: Institution }[] = [],
  ) {
    this.columns = new RecordColumns(records.length);
    this.rows = withRows ? new Array<AnalyzedRecord>(records.length) : null;
    preparer.prepareAll(records, this.columns, this.rows);
    resolveOrigins(this.columns);
    shareRegimenCodes(this.columns, records);
  }

  /** How many records the history holds. */
  get size(): number {
    return this.records.length;
  }

  static of(records: MedicationRecord[], today: string): PreparedHistory {
    return new PreparedHistory(new Preparer(today), records);
  }

  /**
   * A prepared history that also holds the records table's rows (each record with its leftover
   * and per-dose), made while prepare reads each record: read again afterwards, each record of
   * a 100,000-record history came from memory once more. `prescriptions` name prescribers no
   * record does (prescriberName).
   */
  static withRows(records: MedicationRecord[], today: string, prescriptions: readonly { institution: Institution }[] = []): PreparedHistory {
    return new PreparedHistory(new Preparer(today), records, true, prescriptions);
  }

  /**
   * The positions of the records whose start can be read, in packed start order (S, larger N,
   * input order): counting passes over the day numbers, or packed keys when they span too wide.
   */
  startOrder(): Int32Array {
    if (this.positions === null) {
      const { startDay, order } = this.columns;
      const dated = new Int32Array(startDay.length);
      let m = 0;
      for (let i = 0; i < startDay.length; i++) if (Number.isFinite(startDay[i] as number)) dated[m++] = i;
      const starts = new Float64Array(m);
      const longerFirst = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const i = dated[k] as number;
        starts[k] = startDay[i] as number;
        longerFirst[k] = (order[i] as number) - (startDay[i] as number) * ORDER_PER_DAY;
      }
      const sorted = keyOrder(m, [starts, longerFirst]);
      const positions = new Int32Array(m);
      if (sorted === null) {
        // Packed keys would pass 2^53 (days spread over millennia among tens of thousands of
        // records): compared instead.
        positions.set(dated.subarray(0, m));
        positions.sort((a, b) => (order[a] as number) - (order[b] as number) || a - b);
      } else for (let k = 0; k < m; k++) positions[k] = dated[sorted[k] as number] as number;
      this.positions = positions;
    }
    return this.positions;
  }

  /** The K1 groups of every record whose start can be read (k1-slots.ts), worked out once. */
  k1Slots(): K1Slots {
    this.slots ??= k1Slots(this);
    return this.slots;
  }

  /** Every K1 group's carried supply today (carried-supply.ts), walked once for group leftover, L4/L5 and elderly cautions. */
  carriedSupply(): CarriedSupply {
    this.carried ??= carriedSupplyOf(this);
    return this.carried;
  }

  /**
   * True when one record object is listed twice. The copies share every fact read off the
   * record, so they sit in one run of equal packed order (S and N) with the same drug code and
   * 就醫序號: inside a run only records of equal (drug, 就醫序號) are compared as objects, found by
   * ordering the run by those integer keys. A dense history's runs hold hundreds of same-day fills, and a set of
   * record objects over them (the identity hash is written into each object) was most of this
   * check at 100k records. Records without a readable start, which the start order leaves out,
   * are checked with a set.
   */
  private hasRepeatedRecord(): boolean {
    const positions = this.startOrder();
    const n = positions.length;
    const records = this.records;
    if (n !== records.length) return new Set(records).size !== records.length;
    const { order, drug, seq } = this.columns;
    // Key = drug · 10001 + (就醫序號 + 1); the 就醫序號 column runs −1 … 9999. Not the product
    // number: that is a memo of prepare, and a copy listed after another product of its drug
    // code gets a new one.
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = positions[k] as number;
      keys[k] = (drug[i] as number) * 10_001 + (seq[i] as number) + 1;
    }
    let runStart = 0;
    for (let k = 1; k <= n; k++) {
      if (k < n && order[positions[k] as number] === order[positions[runStart] as number]) continue;
      const length = k - runStart;
      if (length <= 8) {
        if (repeatedPairwise(positions, records, keys, runStart, k)) return true;
      } else if (repeatedInRun(positions, records, keys, runStart, k)) return true;
      runStart = k;
    }
    return false;
  }

  /**
   * Null when no row object is listed twice (the usual case); else 1 at each record object's
   * first or last position and 0 at its other ones, so a caller listing one row object twice
   * gets it counted once, as the per-group and per-rule lists always did.
   */
  keptPositions(keep: 'first' | 'last'): Uint8Array | null {
    if (this.repeats === null) this.repeats = this.hasRepeatedRecord();
    if (!this.repeats) return null;
    const records = this.records;
    const at = new Map<MedicationRecord, number>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as MedicationRecord;
      if (keep === 'last' || !at.has(record)) at.set(record, i);
    }
    const kept = new Uint8Array(records.length);
    for (const i of at.values()) kept[i] = 1;
    return kept;
  }

  /** The product facts (drug code, ATC7, ingredients, identities, form) of the record at input position `i`. */
  productAt(i: number): ReturnType<Preparer['productFacts']> {
    return this.preparer.productFacts(this.columns.product[i] as number);
  }

  /**
   * The name of the institution that prescribed the record at position `i`: for a chronic
   * refill pickup its 慢箋原處方機構, not the pharmacy that dispensed it. That name comes from a
   * record of that institution in the history (looked up once per institution, from the
   * start: its own visits are usually there), else from a chronic prescription it wrote
   * (withRows' prescriptions: imue0008s05 names its prescriber); its 醫事機構代碼 stands in when neither is. Asked only
   * for the records an alert names: a name per record, made up front, was a tenth of a long
   * history's analysis. An institution written two ways (a renamed 簡稱) is named as its newest
   * visit writes it, of one day the smaller name: not as whichever row the cloud listed first.
   */
  prescriberName(i: number): string {
    const { institutions, institutionIds, prescribers, visitDay } = this.columns;
    const prescriber = prescribers[i] as string;
    if (prescriber === institutionIds[i]) return institutions[i] as string;
    let name = this.prescriberNameById.get(prescriber);
    if (name === undefined) {
      let found: string | null = null;
      let foundDay = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < institutionIds.length; k++) {
        if (institutionIds[k] !== prescriber) continue;
        const day = visitDay[k] as number;
        const candidate = institutions[k] as string;
        // A row that names it only by its code names nothing: an older visit's 簡稱 is better.
        if (candidate === prescriber) continue;
        // An unreadable day (NaN) is older than any: it never wins over a dated visit.
        const dayOrOldest = Number.isNaN(day) ? Number.NEGATIVE_INFINITY : day;
        if (found === null || dayOrOldest > foundDay || (dayOrOldest === foundDay && candidate < found)) {
          found = candidate;
          foundDay = dayOrOldest;
        }
      }
      // No visit names it: a prescription that does, else its code.
      name = found ?? this.namedElsewhere.find((p) => p.institution.id === prescriber)?.institution.name ?? prescriber;
      this.prescriberNameById.set(prescriber, name);
    }
    return name;
  }

  /**
   * Where the record at position `i` came from, as an alert names it: its institution; for a
   * refill pickup of another institution's slip, 'prescriber→pharmacy'. The prescriber alone
   * beside the pickup day named a visit that never was: the records table shows that day at the
   * pharmacy. One text per pair, however many records an alert names.
   */
  alertInstitution(i: number): string {
    const { institutions, institutionIds, prescribers } = this.columns;
    if (prescribers[i] === institutionIds[i]) return institutions[i] as string;
    const prescriber = this.prescriberName(i);
    const pharmacy = institutions[i] as string;
    let byPharmacy = this.pickupWhereByPrescriber.get(prescriber);
    if (byPharmacy === undefined) this.pickupWhereByPrescriber.set(prescriber, (byPharmacy = new Map()));
    let text = byPharmacy.get(pharmacy);
    if (text === undefined) byPharmacy.set(pharmacy, (text = `${prescriber}→${pharmacy}`));
    return text;
  }

  /** The record at input position `i`, as given. */
  record(i: number): MedicationRecord {
    return this.records[i] as MedicationRecord;
  }
}

/** Some two of positions[from, to) hold one record object: compared pairwise where their keys match. */
function repeatedPairwise(positions: Int32Array, records: MedicationRecord[], keys: Float64Array, from: number, to: number): boolean {
  for (let a = from; a < to; a++) {
    for (let b = a + 1; b < to; b++) {
      if (keys[a] === keys[b] && records[positions[a] as number] === records[positions[b] as number]) return true;
    }
  }
  return false;
}

/** Largest group of equal keys compared pairwise; past it, a set over the group. */
const MAX_PAIRWISE = 16;

/** The records at positions[from, to) hold one object twice (a set over them). */
function repeatedInSet(positions: Int32Array, records: MedicationRecord[], from: number, to: number): boolean {
  const seen = new Set<MedicationRecord>();
  for (let k = from; k < to; k++) seen.add(records[positions[k] as number] as MedicationRecord);
  return seen.size !== to - from;
}

/**
 * repeatedPairwise for a long run: the run in order of its keys (keyOrder, stable), so records
 * of one key are neighbours; only those are compared as objects.
 */
function repeatedInRun(positions: Int32Array, records: MedicationRecord[], keys: Float64Array, from: number, to: number): boolean {
  const runKeys = keys.subarray(from, to);
  const order = keyOrder(to - from, [runKeys]);
  // Keys that would not pack below 2^53 (keyOrder): the run as one set.
  if (order === null) return repeatedInSet(positions, records, from, to);
  // The run's positions in key order, so each group of one key is a slice of them.
  const byKey = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) byKey[k] = positions[from + (order[k] as number)] as number;
  let groupStart = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && runKeys[order[k] as number] === runKeys[order[groupStart] as number]) continue;
    if (k - groupStart > MAX_PAIRWISE) {
      // Many fills of one drug and 就醫序號 (refill pickups carry none): a set, not k² compares.
      if (repeatedInSet(byKey, records, groupStart, k)) return true;
    } else {
      for (let a = groupStart; a < k; a++) {
        const record = records[byKey[a] as number];
        for (let b = a + 1; b < k; b++) if (records[byKey[b] as number] === record) return true;
      }
    }
    groupStart = k;
  }
  return false;
}
