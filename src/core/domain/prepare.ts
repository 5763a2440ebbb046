// Each medication record prepared once per analysis, into the record columns
// (record-columns.ts): its start S and first uncovered day E = S + N as integer day numbers,
// its regimen reason (「無法試算」 or not), days left today, its product (ingredients with
// their identities, the K1/K2 keys, worked out once per product), the chain facts and the
// daily amount. Leftover, group leftover, duplicates, elderly cautions and the records table
// all read these instead of re-deriving them from ISO strings (a 10,000-record history
// recomputed each fact 3–5 times: scripts/bench/analysis.bench.ts).
import type { DosageForm, Ingredient, IsoDate, MedicationRecord } from './types.ts';
import { isoDayNumber, isoOfDayNumber } from './dates.ts';
import { comparableIngredients, ingredientIdentity, normalIngredientName } from './ingredients.ts';
import { leftoverReason, recordLeftover, recordStart, type LeftoverReason, type RecordLeftover } from './leftover.ts';
import { timesPerDay } from './regimen.ts';
import { RowAnswers } from './row-answers.ts';
import { Numbering } from './remembered.ts';
import type { PerDose } from './dose.ts';
import type { RecordColumns } from './record-columns.ts';
import { analyzedRecord, type AnalyzedRecord } from './analyzed-record.ts';

export interface IdentityLists {
  /** ingredientIdentity of each ingredient (K1/K2 keys). */
  readonly identities: readonly string[];
  /** Each identity as a small integer (Preparer.identityCount). */
  readonly keys: readonly number[];
}

/** What prepare works out from a product's own fields (Preparer.productOf). */
interface ProductFacts {
  /** The drug code the facts were worked out for (every record of the product has it). */
  drugCode: string;
  atc7: string | null;
  form: DosageForm;
  /** The record's ingredients these were worked out from (later records are compared by content). */
  source: Ingredient[];
  ingredients: Ingredient[];
  ids: IdentityLists;
  formKey: number;
  /** The product number (RecordColumns.product). */
  key: number;
  /** The drug code as a small integer: a code keeps its number when its product facts are worked out again. */
  drug: number;
  /** The 用法 code the product last came with (undefined: none yet) and that code's reasons. */
  frequency: string | null | undefined;
  reasons: (LeftoverReason | null | undefined)[];
}

function sameIngredients(a: Ingredient[], b: Ingredient[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Ingredient;
    const y = b[i] as Ingredient;
    if (x.name !== y.name || x.atc7 !== y.atc7) return false;
  }
  return true;
}

/**
 * RecordColumns.order's scale: order = startDay · ORDER_PER_DAY + the supply's rank below it,
 * so order − startDay · ORDER_PER_DAY gives the rank back (PreparedHistory.startOrder sorts by the two).
 */
export const ORDER_PER_DAY = 100_000;

/** The supply's rank within its start day: larger N first (0 for N ≥ ORDER_PER_DAY − 1). */
function longerFirstRank(days: number): number {
  return ORDER_PER_DAY - 1 - Math.min(ORDER_PER_DAY - 1, days);
}

/** Records prepared per block (Preparer.prepareAll): a few hundred records and their fields fit in the L2 cache. */
const BLOCK = 512;

/** Day numbers here count from 2000-01-01 (any epoch works; this one keeps them small). */
const EPOCH_DAY = isoDayNumber('2000-01-01');

/**
 * Per-analysis memo of the work that repeats across a history: a 10,000-record history has a
 * few hundred distinct days and a handful of 用法 codes, so regimen reasons and times per
 * day are computed once each (keeps the whole analysis O(n log n) with a small constant).
 */
export class Preparer {
  readonly todayDay: number;

  constructor(readonly today: IsoDate) {
    this.todayDay = this.dayOf(today);
  }

  /** Day number of a calendar day; NaN for text that is not a real day (such a record cannot be placed in time). */
  dayOf(iso: IsoDate): number {
    return isoDayNumber(iso) - EPOCH_DAY;
  }

  /** The calendar day of a day number from dayOf. */
  isoOf(day: number): IsoDate {
    return isoOfDayNumber(day + EPOCH_DAY);
  }

  /** Per 用法 code: the reason by form key and whole-N slot (formKey · 2 + slot). */
  private readonly reasonsByFrequency = new Map<string | null, (LeftoverReason | null | undefined)[]>();

  /**
   * leftoverReason reads only the 用法 code, the dosage form and whether N is a positive whole
   * number: the code's reasons (the product remembers those of the code it last came with),
   * then the form's prepared key.
   */
  private reasonOf(record: MedicationRecord, product: ProductFacts): LeftoverReason | null {
    let reasons = product.reasons;
    if (product.frequency !== record.frequency) {
      const known = this.reasonsByFrequency.get(record.frequency);
      reasons = known ?? [];
      if (known === undefined) this.reasonsByFrequency.set(record.frequency, reasons);
      product.frequency = record.frequency;
      product.reasons = reasons;
    }
    const slot = product.formKey * 2 + (Number.isInteger(record.daysSupply) && record.daysSupply > 0 ? 0 : 1);
    let reason = reasons[slot];
    if (reason === undefined) {
      reason = leftoverReason(record);
      reasons[slot] = reason;
    }
    return reason;
  }

  private readonly times = new Map<string | null, number | null>();

  /** timesPerDay of a 用法 code, once per distinct code. */
  timesOf(frequency: string | null): number | null {
    let times = this.times.get(frequency);
    if (times === undefined) {
      times = timesPerDay(frequency);
      this.times.set(frequency, times);
    }
    return times;
  }

  private readonly singleIdentities = new Map<string, IdentityLists>();
  private readonly identityKeys = new Numbering<string>();
  private readonly formKeys = new Numbering<string>();

  /** Distinct ingredient identities seen so far (keys run 0 … identityCount − 1). */
  get identityCount(): number {
    return this.identityKeys.size;
  }

  /** Distinct dosage forms seen so far (keys run 0 … formCount − 1). */
  get formCount(): number {
    return this.formKeys.size;
  }

  private readonly pairIdentities = new Map<string, Map<string, IdentityLists>>();

  /**
   * ingredientIdentity of each ingredient and its key; one shared (read-only) pair of lists per
   * single-ingredient name and per two-ingredient pair of names (the usual combinations).
   */
  private identitiesOf(ingredients: Ingredient[]): IdentityLists {
    if (ingredients.length === 1) return this.sharedLists(this.singleIdentities, ingredients[0] as Ingredient, ingredients);
    if (ingredients.length === 2) {
      const first = (ingredients[0] as Ingredient).name;
      let bySecond = this.pairIdentities.get(first);
      if (bySecond === undefined) {
        bySecond = new Map();
        this.pairIdentities.set(first, bySecond);
      }
      return this.sharedLists(bySecond, ingredients[1] as Ingredient, ingredients);
    }
    return this.listsOf(ingredients);
  }

  /**
   * The lists stored under `last`'s name in `table`, made on first use. Only names that
   * normalise to something are stored: a name that normalises to nothing takes its ATC7 instead,
   * so its identity is not a function of the names alone.
   */
  private sharedLists(table: Map<string, IdentityLists>, last: Ingredient, ingredients: Ingredient[]): IdentityLists {
    const known = table.get(last.name);
    if (known !== undefined) return known;
    const lists = this.listsOf(ingredients);
    if (ingredients.every((ingredient) => normalIngredientName(ingredient.name).length > 0)) table.set(last.name, lists);
    return lists;
  }

  private listsOf(ingredients: Ingredient[]): IdentityLists {
    const identities = new Array<string>(ingredients.length);
    const keys = new Array<number>(ingredients.length);
    for (let i = 0; i < ingredients.length; i++) {
      const identity = ingredientIdentity(ingredients[i] as Ingredient);
      identities[i] = identity;
      keys[i] = this.identityKeys.of(identity);
    }
    return { identities, keys };
  }

  private readonly products = new Map<string, ProductFacts>();
  /** Every product's facts by product number (RecordColumns.product). */
  private readonly productList: ProductFacts[] = [];

  /** Distinct products seen so far (RecordColumns.product runs 0 … productCount − 1). */
  get productCount(): number {
    return this.productList.length;
  }

  /** The drug code, ATC7, ingredients, identities and form key of product number `product` (RecordColumns.product). */
  productFacts(product: number): Pick<ProductFacts, 'drugCode' | 'atc7' | 'ingredients' | 'ids' | 'formKey' | 'form'> {
    return this.productList[product] as ProductFacts;
  }

  /**
   * The facts of the record's product, remembered per drug code: a history repeats a few dozen
   * products, so most records need one lookup instead of four (combination table, form,
   * identities, 用法). Used only while the product fields they were worked out from are the same.
   */
  private productOf(record: MedicationRecord): ProductFacts {
    const known = this.products.get(record.drugCode);
    if (known !== undefined && known.atc7 === record.atc7 && known.form === record.dosageForm && sameIngredients(known.source, record.ingredients)) {
      return known;
    }
    const ingredients = comparableIngredients(record);
    const facts: ProductFacts = {
      drugCode: record.drugCode,
      atc7: record.atc7,
      form: record.dosageForm,
      source: record.ingredients,
      ingredients,
      ids: this.identitiesOf(ingredients),
      formKey: this.formKeys.of(record.dosageForm),
      frequency: undefined,
      reasons: [],
      key: this.productList.length,
      drug: known?.drug ?? this.products.size,
    };
    this.products.set(record.drugCode, facts);
    this.productList.push(facts);
    return facts;
  }

  /**
   * Prepares every record, in input order, into `columns` (made for records.length): its
   * start, first uncovered day, packed order, regimen reason, days left today, product and
   * drug numbers here, the facts read straight off the record in columns.fill, and, when
   * `rows` is given, its records-table row. No object is made per record for the passes: at
   * 100,000 records the prepared objects, alive to the end of the analysis, were a tenth of
   * its time to make and much of what each scavenge copied (docs/analysis-speed.md).
   */
  prepareAll(records: MedicationRecord[], columns: RecordColumns, rows: AnalyzedRecord[] | null): void {
    // Block by block, so the records the later loops read are still in the cache from the first.
    for (let from = 0; from < records.length; from += BLOCK) {
      const to = Math.min(records.length, from + BLOCK);
      this.prepareBlock(records, from, to, columns);
      columns.fill(records, this, from, to);
      if (rows !== null) this.rowsOf(records, from, to, columns, rows);
    }
  }

  /** The records table's rows of records[from, to): each record with its leftover and per-dose. */
  private rowsOf(records: MedicationRecord[], from: number, to: number, columns: RecordColumns, rows: AnalyzedRecord[]): void {
    for (let i = from; i < to; i++) {
      const record = records[i] as MedicationRecord;
      rows[i] = analyzedRecord(record, this.leftover(columns, i, record), this.dose(record));
    }
  }

  private prepareBlock(records: MedicationRecord[], from: number, to: number, columns: RecordColumns): void {
    const { startDay: starts, endDay: ends, order, leftToday, product: products, drug, reasons } = columns;
    const todayDay = this.todayDay;
    for (let i = from; i < to; i++) {
      const record = records[i] as MedicationRecord;
      const startDay = this.dayOf(recordStart(record));
      // A missing, negative or fractional 給藥日數 covers no whole day; it must not poison the sort.
      const days = Number.isFinite(record.daysSupply) && record.daysSupply > 0 ? Math.trunc(record.daysSupply) : 0;
      const endDay = startDay + days;
      const product = this.productOf(record);
      starts[i] = startDay;
      ends[i] = endDay;
      order[i] = startDay * ORDER_PER_DAY + longerFirstRank(days);
      leftToday[i] = startDay > todayDay ? days : Math.max(0, endDay - todayDay);
      products[i] = product.key;
      drug[i] = product.drug;
      const reason = this.reasonOf(record, product);
      // A start that is no calendar day cannot be placed among the others: 無法試算.
      reasons[i] = reason === null && Number.isNaN(startDay) ? 'no-start-date' : reason;
    }
  }

  /** The records table's answers, one shared object per distinct answer (row-answers.ts). */
  private readonly answers = new RowAnswers();

  /**
   * recordLeftover of the record at position `i` from its prepared facts (same answer, integer
   * days; shared between rows that give the same one). When today is unreadable, recordLeftover
   * itself answers.
   */
  leftover(columns: RecordColumns, i: number, record: MedicationRecord): RecordLeftover {
    const startDay = columns.startDay[i] as number;
    if (!Number.isFinite(this.todayDay)) return recordLeftover(record, this.today);
    const future = this.todayDay < startDay;
    const reason = columns.reasons[i] as LeftoverReason | null;
    if (reason !== null) return this.answers.notComputable(reason, future);
    // reason null: N is a positive whole number, so E = startDay + N exactly.
    return this.answers.computable(future ? record.daysSupply : Math.max(0, (columns.endDay[i] as number) - this.todayDay), future);
  }

  /** perDose of a record (shared between rows that give the same answer). */
  dose(record: MedicationRecord): PerDose {
    return this.answers.dose(record, this.timesOf(record.frequency));
  }
}

/** 就醫序號 IC02–IC09: a chronic refill pickup (checked by character: this runs per record). */
export function isRefillSeq(text: string): boolean {
  if (text.length !== 4) return false;
  const i = text.charCodeAt(0) | 0x20;
  const c = text.charCodeAt(1) | 0x20;
  const digit = text.charCodeAt(3);
  return i === 0x69 && c === 0x63 && text.charCodeAt(2) === 0x30 && digit >= 0x32 && digit <= 0x39;
}

/** A chronic refill pickup: 慢連箋領藥日 set, 慢箋原處方機構 set, or 就醫序號 IC02–IC09. */
export function isRefillPickup(record: MedicationRecord): boolean {
  return record.refillDate !== null || record.chronicOriginInstitutionId !== null || isRefillSeq(record.visitSeqNo ?? '');
}

/** The 4-digit 就醫序號 as a number; −1 when absent, masked or not four digits. */
export function visitSeqNumber(text: string | null): number {
  if (text === null || text.length !== 4) return -1;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return -1;
    n = n * 10 + (code - 0x30);
  }
  return n;
}

