// The shapes and shared helpers of the duplicate-medication check (research §5(c)): the
// alert, the "same prescription" test that keeps the fills of one chronic-refill chain
// apart, the suppression rules and the alert builder. Records are input positions, read
// through the record columns (record-columns.ts).
import type { Ingredient, IsoDate, Severity } from './types.ts';
import type { EquivalenceSet } from './equivalence.ts';
import type { Bilingual } from './messages.ts';
import { recordStart } from './leftover.ts';
import { writtenIngredientName } from './ingredients.ts';
import { EXCEPTION, ORIGIN_UNKNOWN, PICKUP, type RecordColumns } from './record-columns.ts';
import type { PreparedHistory } from './prepared-history.ts';

/** L1 同藥品, L2 同成分同劑型, L3 同成分不同劑型, L4 同藥理 (ATC5), L5 治療等效組. */
export type DuplicateLevel = 'L1' | 'L2' | 'L3' | 'L4' | 'L5';

export interface DuplicateSettings {
  /** NHI: a duplicate when more than this many days are still on hand (10). */
  duplicateThresholdDays: number;
  equivalenceSets: EquivalenceSet[];
  /** A newest record of at most this many days (or PRN) raises nothing (3). */
  shortCourseDays: number;
}

export interface DuplicateAlert {
  level: DuplicateLevel;
  severity: Severity;
  /** What was compared: K1 'INGREDIENT|form', K2 'INGREDIENT', the ATC5 class, or the set id. */
  group: string;
  /** Per record, oldest first (parallel to recordIds and dates). */
  drugCodes: string[];
  drugNames: string[];
  /** The ingredients the duplicate is about, named as the records write them (salts dropped; matched by INN). */
  ingredients: string[];
  /**
   * Prescribing institutions' names and ids, first appearance order, no repeats: for a chronic
   * refill pickup the 慢箋原處方機構 (PreparedHistory.prescriberName), not the pharmacy that
   * dispensed it, as crossInstitution counts them.
   */
  institutions: string[];
  institutionIds: string[];
  /**
   * Per record, parallel to recordIds: its institution's name; for a refill pickup of another
   * institution's slip 'prescriber→pharmacy' (PreparedHistory.alertInstitution).
   */
  recordInstitutions: string[];
  /** Start date S of each record (慢連箋領藥日 or visit date), oldest first. */
  dates: IsoDate[];
  /** L1/L2: days still on hand when the newest was dispensed; L3–L5: days all remain in use from today. */
  overlapDays: number;
  /**
   * L1/L2 with a supply that has no daily regimen to carry (PRN, as ordered, eye drops): its
   * days on hand are counted by the days supplied, as NHI's rule counts them, and the message
   * says so beside a records table that shows 無法試算.
   */
  bySupply: boolean;
  /**
   * L1/L2 of one prescriber: the newest record's daily dose differs from the record before it.
   * A dose adjustment is declared with R003, which ends the old supply (research §1.2).
   */
  doseChanged: boolean;
  /** Prescribed by different institutions (慢箋原處方機構 counts for refill pickups). */
  crossInstitution: boolean;
  recordIds: string[];
  /** L4: the ATC5 class; L5: the equivalence set's id; else null. */
  classCode: string | null;
  /** L5: the set's name; L4: the cloud's ATC5 name when known (English, as the cloud gives it, in both); else null. */
  className: Bilingual | null;
  /** L4/L5 judged against a set's own threshold (EquivalenceSet.thresholdDays): the days each drug had to exceed. */
  thresholdDays?: number;
}

/**
 * Chain key (documented rule): two records belong to one prescription when the prescriber
 * (慢箋原處方機構 or institution; any, for a pickup whose 原處方機構 is not given, of the same
 * drug code) and the 就醫日期 match, and either one is a refill pickup
 * (慢連箋領藥日 set, 原處方機構 set or 就醫序號 IC02–IC09: refill rows keep the original visit
 * date) or their 4-digit 就醫序號 do not differ (NHI: 同醫事機構、同就醫序號及同就醫日期 is one
 * prescription). Such records never pair: refill fills of one chain, and the rows of one visit
 * (two strengths taken together), are one supply, not a duplicate.
 */
export function samePrescription(columns: RecordColumns, a: number, b: number): boolean {
  if (a === b) return true;
  // The visit day first, since it differs most often.
  if (!sameVisit(columns, a, b)) return false;
  const either = (columns.flags[a] as number) | (columns.flags[b] as number);
  if (columns.prescribers[a] !== columns.prescribers[b]) {
    // A pickup without 慢箋原處方機構 (chr_hosp_id is null in the cloud's samples, anchors 1(b))
    // names the pharmacy, not the prescriber: the same drug on the same 就醫日期 is its chain.
    return (either & ORIGIN_UNKNOWN) !== 0 && columns.drug[a] === columns.drug[b];
  }
  if ((either & PICKUP) !== 0) return true;
  const seqA = columns.seq[a] as number;
  const seqB = columns.seq[b] as number;
  return seqA === -1 || seqB === -1 || seqA === seqB;
}

/**
 * The two records' 就醫日期 texts are equal: compared as day numbers (one text per readable
 * day), as texts only when neither can be read.
 */
function sameVisit(columns: RecordColumns, a: number, b: number): boolean {
  const dayA = columns.visitDay[a] as number;
  const dayB = columns.visitDay[b] as number;
  if (dayA === dayB) return true;
  return Number.isNaN(dayA) && Number.isNaN(dayB) && columns.visits[a] === columns.visits[b];
}

/**
 * Research §5(c)4 on the newest day of `involved` (positions in start order), read as one, as
 * the L1/L2 check reads it: a record of that day declares an NHI exception code R001–R008 (the
 * claim already explains the overlap), or all of them are short courses of at most
 * shortCourseDays days. Of two records on that day, the one listed last no longer decides.
 */
export function suppressedByNewestDay(columns: RecordColumns, involved: ArrayLike<number>, settings: DuplicateSettings): boolean {
  const { startDay, flags, daysSupply } = columns;
  const day = startDay[involved[involved.length - 1] as number] as number;
  let allShort = true;
  for (let k = involved.length - 1; k >= 0 && startDay[involved[k] as number] === day; k--) {
    const i = involved[k] as number;
    if (((flags[i] as number) & EXCEPTION) !== 0) return true;
    if ((daysSupply[i] as number) > settings.shortCourseDays) allShort = false;
  }
  return allShort;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The ingredients (identities, the WHO INN they are matched by) named as the involved records'
 * products write them: the cloud's ACETAMINOPHEN, not PARACETAMOL. Each takes the spelling of
 * the first record that has it; the identity itself when no record gives a name.
 */
function writtenNames(history: PreparedHistory, involved: ArrayLike<number>, identities: string[]): string[] {
  const { preparer, columns } = history;
  const names = new Array<string | undefined>(identities.length);
  let missing = identities.length;
  let lastProduct = -1;
  // Usually the first record names them all: an alert of a dense history names thousands.
  for (let k = 0; k < involved.length && missing > 0; k++) {
    const p = columns.product[involved[k] as number] as number;
    if (p === lastProduct) continue;
    lastProduct = p;
    const facts = preparer.productFacts(p);
    for (let j = 0; j < facts.ids.identities.length; j++) {
      const at = identities.indexOf(facts.ids.identities[j] as string);
      if (at === -1 || names[at] !== undefined) continue;
      const written = writtenIngredientName((facts.ingredients[j] as Ingredient).name);
      names[at] = written.length > 0 ? written : (identities[at] as string);
      missing--;
    }
  }
  return identities.map((identity, i) => names[i] ?? identity);
}


/**
 * The alert naming the records at the positions `involved`, which must be in carry order
 * (as every group of the duplicate check is). Read from the record columns and the products:
 * an alert of a dense history names thousands of records, and reading each record object (and
 * its institution) in carry order was most of the duplicate check's time at 100k records.
 */
export function buildAlert(
  history: PreparedHistory,
  level: DuplicateLevel,
  severity: Severity,
  group: string,
  involved: ArrayLike<number>,
  ingredients: string[],
  overlapDays: number,
  classCode: string | null = null,
  className: Bilingual | null = null,
): DuplicateAlert {
  const { preparer, columns } = history;
  const { product, startDay, names, prescribers, ids } = columns;
  const ownIds = columns.institutionIds;
  // Lists sized once: grown by push, each was copied several times on the way to dozens.
  const n = involved.length;
  const drugCodes = new Array<string>(n);
  const drugNames = new Array<string>(n);
  const institutions = new Set<string>();
  const institutionIds = new Set<string>();
  const recordInstitutions = new Array<string>(n);
  const dates = new Array<IsoDate>(n);
  const recordIds = new Array<string>(n);
  // Neighbours in carry order often share a product and a start day: each is looked up once per run of it.
  let lastProduct = -1;
  let drugCode = '';
  let lastDay = Number.NaN;
  let date = '';
  for (let k = 0; k < n; k++) {
    const i = involved[k] as number;
    const name = history.prescriberName(i);
    if (product[i] !== lastProduct) {
      lastProduct = product[i] as number;
      drugCode = preparer.productFacts(lastProduct).drugCode;
    }
    const day = startDay[i] as number;
    if (day !== lastDay) {
      lastDay = day;
      // The start S as text: from its day number (one string per day), from the record when unreadable.
      date = Number.isFinite(day) ? preparer.isoOf(day) : recordStart(history.record(i));
    }
    drugCodes[k] = drugCode;
    drugNames[k] = names[i] as string;
    institutions.add(name);
    institutionIds.add(prescribers[i] as string);
    // Its own institution unless a pickup of another's slip (prescriberName has read the same two cells).
    recordInstitutions[k] = prescribers[i] === ownIds[i] ? name : history.alertInstitution(i);
    dates[k] = date;
    recordIds[k] = ids[i] as string;
  }
  return {
    level,
    severity,
    group,
    drugCodes,
    drugNames,
    ingredients: writtenNames(history, involved, distinct(ingredients)),
    institutions: [...institutions],
    institutionIds: [...institutionIds],
    recordInstitutions,
    dates,
    overlapDays,
    bySupply: false,
    doseChanged: false,
    crossInstitution: isCrossInstitution(columns, involved),
    recordIds,
    classCode,
    className,
  };
}

/** Two prescribers among the records at the positions `involved` (a loop: an L1/L2 alert may name dozens). */
export function isCrossInstitution(columns: RecordColumns, involved: ArrayLike<number>): boolean {
  const prescribers = columns.prescribers;
  const first = prescribers[involved[0] as number];
  for (let k = 1; k < involved.length; k++) if (prescribers[involved[k] as number] !== first) return true;
  return false;
}

/** The second largest of some day counts: how long at least two of them last (0 with fewer than two). */
function secondLargest(values: number[]): number {
  let first = -Infinity;
  let second = -Infinity;
  for (const value of values) {
    if (value > first) {
      second = first;
      first = value;
    } else if (value > second) second = value;
  }
  return Number.isFinite(second) ? Math.max(0, second) : 0;
}

/**
 * The most days two of the supplies are in use together from today: supply i from from[i]
 * (days after today it starts; 0 once started) until until[i] (days after today it runs
 * out). With every supply started that is the second largest `until`; a supply dated after
 * today overlaps only from its own start.
 */
export function longestOverlap(from: readonly number[], until: readonly number[]): number {
  let started = true;
  for (let i = 0; i < from.length; i++) if (from[i] !== 0) started = false;
  if (started) return secondLargest(until as number[]);
  let most = 0;
  for (let i = 0; i < from.length; i++) {
    for (let j = i + 1; j < from.length; j++) {
      const days = Math.min(until[i] as number, until[j] as number) - Math.max(from[i] as number, from[j] as number);
      if (days > most) most = days;
    }
  }
  return most;
}

/**
 * True when some record of one bucket (positions) and some record of another are not the
 * same prescription: the pair the alert is about really exists. Exits at the first such pair.
 * (One row object listed twice is the same prescription as itself: samePrescription reads
 * the same facts at both positions.)
 */
export function hasPairAcross(buckets: ArrayLike<number>[], columns: RecordColumns): boolean {
  return somePairAcross(buckets, columns, samePrescription);
}

/**
 * hasPairAcross for the class levels (L4, L5): two different products pair even when one
 * visit prescribed both. Alprazolam + lorazepam on one slip is the therapeutic duplication
 * the pharmacist must see (SPEC §2: critical for two controlled hypnotics at L4/L5); only the
 * rows of one product in one prescription (a row listed twice, a combination's two
 * ingredients) are one supply.
 */
export function hasProductPairAcross(buckets: ArrayLike<number>[], columns: RecordColumns): boolean {
  return somePairAcross(buckets, columns, sameProductPrescription);
}

function sameProductPrescription(columns: RecordColumns, a: number, b: number): boolean {
  return columns.drug[a] === columns.drug[b] && samePrescription(columns, a, b);
}

function somePairAcross(buckets: ArrayLike<number>[], columns: RecordColumns, oneSupply: (columns: RecordColumns, a: number, b: number) => boolean): boolean {
  for (let i = 0; i < buckets.length; i++) {
    const first = buckets[i] as ArrayLike<number>;
    for (let j = i + 1; j < buckets.length; j++) {
      const second = buckets[j] as ArrayLike<number>;
      for (let x = 0; x < first.length; x++) {
        for (let y = 0; y < second.length; y++) {
          if (!oneSupply(columns, first[x] as number, second[y] as number)) return true;
        }
      }
    }
  }
  return false;
}
