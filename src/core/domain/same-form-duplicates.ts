// Duplicate check L1 / L2 for one K1 group (same ingredient + same dosage form, research §5(c))
// on record positions and their columns (record-columns.ts): the group is a slice of the K1
// slots' positions array (k1-slots.ts), in packed start order.
import type { PreparedHistory } from './prepared-history.ts';
import { COMPUTABLE, EXCEPTION, newestOfDay, type RecordColumns } from './record-columns.ts';
import { carryBound, carryEndDay } from './carry-walk.ts';
import { prescriberChangedOn, restartsBefore } from './restarts.ts';
import { isHighRiskDuplicateClass } from './controlled.ts';
import { remembered } from './remembered.ts';
import { buildAlert, isCrossInstitution, samePrescription, type DuplicateAlert, type DuplicateSettings } from './duplicate-model.ts';

/** One K1 group: members[from, to) of its slot, its key ('IDENTITY|form'), its identity and that identity's key. */
export interface SameFormGroup {
  key: string;
  name: string;
  identityKey: number;
  members: Int32Array;
  from: number;
  to: number;
}

/**
 * Work arrays of one analysis, each as long as the largest group: a dense history tries dozens
 * of newer records per group, and a fresh list of the older ones per try was most of the
 * duplicate check's garbage.
 */
export interface SameFormScratch {
  older: Int32Array;
  counted: Int32Array;
  /** One day's candidates for the newer side, as member indexes. */
  candidates: Int32Array;
}

export function sameFormScratch(largestGroup: number): SameFormScratch {
  return { older: new Int32Array(largestGroup), counted: new Int32Array(largestGroup), candidates: new Int32Array(largestGroup) };
}

/**
 * How many of a group's most recent countable records are tried as the newer side of a
 * pair. A 3-month cloud history holds a handful per ingredient; the cap keeps a pathological
 * history (thousands of fills of one drug) linear.
 */
const MAX_JUDGED = 32;

function has(columns: RecordColumns, i: number, flag: number): boolean {
  return ((columns.flags[i] as number) & flag) !== 0;
}

/**
 * Upper bounds, per member, of the days on hand at its start S from every other member
 * started on or before S (chains included): the records of one day are read together, so
 * the bound does not depend on their input order. Leaving records out or applying resets can
 * only lower the exact value, so a bound ≤ threshold rules a member out without the exact walk.
 */
function onHandBounds(group: SameFormGroup, columns: RecordColumns): Float64Array {
  const { startDay, endDay } = columns;
  const { members, from, to } = group;
  const bounds = new Float64Array(to - from);
  let carried = -Infinity; // carry-forward end over daily regimens, before the day's run
  let latestEnd = -Infinity; // largest own end, for supplies without carry (eye drops, PRN)
  let latestUncarriedEnd = -Infinity; // the same over the members without carry only
  for (let runStart = from; runStart < to; ) {
    const day = startDay[members[runStart] as number] as number;
    let runEnd = runStart;
    // The day's run: its carried days in all, its two longest supplies (to leave one member out)
    // and its longest without carry.
    let carriedDays = 0;
    let end1 = -Infinity;
    let end2 = -Infinity;
    let uncarried = -Infinity; // the longest only: no member without carry needs it without itself
    for (; runEnd < to && startDay[members[runEnd] as number] === day; runEnd++) {
      const i = members[runEnd] as number;
      const end = endDay[i] as number;
      if (has(columns, i, COMPUTABLE)) carriedDays += end - day;
      else if (end > uncarried) uncarried = end;
      if (end > end1) {
        end2 = end1;
        end1 = end;
      } else if (end > end2) end2 = end;
    }
    const carriedFrom = Math.max(carried, day);
    for (let k = runStart; k < runEnd; k++) {
      const i = members[k] as number;
      const end = endDay[i] as number;
      const otherEnd = end === end1 ? Math.max(latestEnd, end2) : Math.max(latestEnd, end1);
      if (has(columns, i, COMPUTABLE)) {
        const otherUncarried = Math.max(latestUncarriedEnd, uncarried);
        bounds[k - from] = Math.max(carriedFrom + carriedDays - (end - day), otherUncarried) - day;
      } else {
        bounds[k - from] = otherEnd - day;
      }
    }
    if (carriedDays > 0) carried = carriedFrom + carriedDays;
    latestEnd = Math.max(latestEnd, end1);
    latestUncarriedEnd = Math.max(latestUncarriedEnd, uncarried);
    runStart = runEnd;
  }
  return bounds;
}

/**
 * Days of the older supply still on hand on the newest record's start S_n: the K1 group's
 * carry-forward end C from the older records (same-day ones included), minus S_n. Supplies
 * with no daily regimen to carry (eye drops, patches, PRN, as ordered) count by their own
 * days supplied, E − S_n, as NHI's rule counts 給藥日數; so does every older one when the
 * newest is such a supply. The exact walk only runs when the cheap upper bound could exceed
 * the threshold.
 */
function leftoverAtNewest(group: SameFormGroup, newest: number, count: number, threshold: number, scratch: SameFormScratch, columns: RecordColumns): number {
  const older = scratch.older;
  const newestStart = columns.startDay[newest] as number;
  const newestCarries = has(columns, newest, COMPUTABLE);
  let most = 0;
  for (let k = 0; k < count; k++) {
    const i = older[k] as number;
    if (!newestCarries || !has(columns, i, COMPUTABLE)) most = Math.max(most, (columns.endDay[i] as number) - newestStart);
  }
  if (!newestCarries) return most;
  const bound = carryBound(older, 0, count, columns);
  if (bound.end === null || bound.end - newestStart <= Math.max(threshold, most)) return most;
  // What the group's walk had dropped before S_n, the newer record's own prescription included
  // (an R003 on its first fill, its prescriber's earlier days): the older part alone misses those.
  const given = restartsBefore(group.members, group.from, group.to, columns, newestStart);
  const end = carryEndDay(older, newestStart + 1, bound.runStart, count, scratch.counted, columns, given);
  return end === null ? most : Math.max(most, end - newestStart);
}

/** Does the carried supply of members[from, to) run past today (the latest record may be in use through it)? */
function carriesPast(todayDay: number, group: SameFormGroup, to: number, scratch: SameFormScratch, columns: RecordColumns): boolean {
  const bound = carryBound(group.members, group.from, to, columns);
  if (bound.end === null || bound.end <= todayDay) return false;
  const end = carryEndDay(group.members, todayDay + 1, bound.runStart, to, scratch.counted, columns);
  return end !== null && end > todayDay;
}

/**
 * L1 / L2 for one K1 group. Tries the group's recent countable records, newest day first, as
 * the newer side: the first dispensed while more than the threshold of other prescriptions'
 * supply was on hand (carried forward, the day's other records included) makes the group's
 * one alert. The records of one day are read together and tried in the order of their ids,
 * so the cloud's order of them changes nothing. Short courses (PRN or not, research §5(c)4)
 * neither raise a duplicate nor hide one found before them; an exception code on the group's
 * latest day silences the group, one on an older record excuses only that dispensing.
 */
export function sameFormDuplicate(history: PreparedHistory, group: SameFormGroup, settings: DuplicateSettings, scratch: SameFormScratch): DuplicateAlert | null {
  const columns = history.columns;
  const { startDay, ids } = columns;
  const { members, from, to } = group;
  const threshold = settings.duplicateThresholdDays;
  const todayDay = history.preparer.todayDay;
  const lastDay = startDay[members[to - 1] as number] as number;
  for (let k = to - 1; k >= from && startDay[members[k] as number] === lastDay; k--) if (has(columns, members[k] as number, EXCEPTION)) return null;
  const bounds = onHandBounds(group, columns);
  const candidates = scratch.candidates;
  // Candidates tried in the order of their ids: made once per group, not per day.
  const byId = (a: number, b: number): number => {
    const idA = ids[members[a] as number] as string;
    const idB = ids[members[b] as number] as string;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
  // Countable records looked at, newest day first, and exact walks made: each capped.
  let tried = 0;
  let walked = 0;
  let latestRun = true; // no countable record tried yet: the latest may be in use through carried stock
  for (let runEnd = to; runEnd > from && tried < MAX_JUDGED; ) {
    const day = startDay[members[runEnd - 1] as number] as number;
    let runStart = runEnd - 1;
    while (runStart > from && startDay[members[runStart - 1] as number] === day) runStart--;
    // The day's candidates: countable and able to have more than the threshold on hand. The
    // day counts while one of them is in use (the latest day's also through the carried
    // stock), so the alert a day raised does not change as its shorter supply runs out.
    let found = 0;
    let countable = false;
    let inUse = false;
    let carriesPastToday: boolean | null = null;
    for (let at = runEnd - 1; at >= runStart; at--) {
      const newer = members[at] as number;
      // Research §5(c)4: an exception code or a short course on the newer record (suppressedByNewestDay).
      if (has(columns, newer, EXCEPTION) || (columns.daysSupply[newer] as number) <= settings.shortCourseDays) continue;
      countable = true;
      tried += 1;
      if (!inUse) inUse = (columns.leftToday[newer] as number) > 0 || (latestRun && has(columns, newer, COMPUTABLE) && (carriesPastToday ??= carriesPast(todayDay, group, runEnd, scratch, columns)));
      if ((bounds[at - from] as number) > threshold) candidates[found++] = at;
    }
    if (!inUse) found = 0;
    const ordered = candidates.subarray(0, found).sort(byId);
    for (let k = 0; k < ordered.length && walked < MAX_JUDGED; k++) {
      walked += 1;
      const newer = members[ordered[k] as number] as number;
      const count = olderThan(newer, group, runEnd, settings.shortCourseDays, scratch.older, columns);
      if (count === 0) continue;
      const onHand = leftoverAtNewest(group, newer, count, threshold, scratch, columns);
      if (onHand > threshold) return sameFormAlert(history, group, newer, scratch.older.subarray(0, count), onHand, threshold);
    }
    if (countable) latestRun = false;
    runEnd = runStart;
  }
  return null;
}

/**
 * Into `older`: the members of [from, until) other than `newer` and not of its prescription, in
 * start order; how many. A short course on the newer one's own day is left out: it neither
 * raises a duplicate nor joins one (a 2-day PRN beside the pair would make it 跨院所).
 */
function olderThan(newer: number, group: SameFormGroup, until: number, shortCourseDays: number, older: Int32Array, columns: RecordColumns): number {
  const { startDay, daysSupply } = columns;
  const day = startDay[newer] as number;
  let count = 0;
  for (let k = group.from; k < until; k++) {
    const i = group.members[k] as number;
    if (startDay[i] === day && (daysSupply[i] as number) <= shortCourseDays) continue;
    if (!samePrescription(columns, i, newer)) older[count++] = i;
  }
  return count;
}

function sameFormAlert(history: PreparedHistory, group: SameFormGroup, newer: number, olderAt: Int32Array, onHand: number, threshold: number): DuplicateAlert {
  const columns = history.columns;
  const newerStart = columns.startDay[newer] as number;
  // Name the older records whose own supply reached S_n; when only the carried stock did,
  // the latest older record stands for it.
  const named = new Uint8Array(olderAt.length);
  for (let k = 0; k < olderAt.length; k++) if ((columns.endDay[olderAt[k] as number] as number) > newerStart) named[k] = 1;
  // olderAt is in start order: its last day's newest record.
  if (!named.includes(1) && olderAt.length > 0) {
    const latest = newestOfDay(columns, olderAt, 0, olderAt.length, olderAt.length - 1);
    named[olderAt.indexOf(latest)] = 1;
  }
  namePilers(columns, olderAt, named, threshold);
  const involved: number[] = [];
  for (let k = 0; k < olderAt.length; k++) if (named[k] === 1) involved.push(olderAt[k] as number);
  involved.push(newer);
  // One drug code, one drug number (RecordColumns.drug).
  const drug = columns.drug;
  const level = involved.every((i) => drug[i] === drug[newer]) ? 'L1' : 'L2';
  const severity = isCrossInstitution(columns, involved) && groupIsHighRisk(history, group.identityKey, involved) ? 'critical' : 'warning';
  const alert = buildAlert(history, level, severity, group.key, involved, [group.name], onHand);
  alert.bySupply = involved.some((i) => !has(columns, i, COMPUTABLE));
  // The dose-change hint is said exactly where the walk drops that prescriber's earlier supply.
  alert.doseChanged = prescriberChangedOn(group.members, group.from, group.to, columns, newer);
  return alert;
}

/**
 * Marks in `named` an older record of each other prescriber whose own supply overlapped a named
 * one's by more than the threshold: the stock on hand piled up with it. Another clinic's zolpidem
 * that pushed the psychiatrist's supply back is why 27 days are on hand at the psychiatrist's
 * next visit, though its own supply ended the day before: named, it makes the alert 跨院所
 * (critical). Asked only when the named records are one prescriber's; one step only, only by
 * more than the threshold (a switch of clinics with a day's overlap is no pile), and one record
 * per other prescriber: what is added is who else the stock came from.
 */
function namePilers(columns: RecordColumns, olderAt: Int32Array, named: Uint8Array, threshold: number): void {
  const { startDay, endDay, prescribers } = columns;
  // Only where the named records are one prescriber's: with two, the alert is 跨院所 already.
  let only: string | null = null;
  for (let k = 0; k < olderAt.length; k++) {
    if (named[k] !== 1) continue;
    const prescriber = prescribers[olderAt[k] as number] as string;
    if (only === null) only = prescriber;
    else if (prescriber !== only) return;
  }
  if (only === null) return;
  // The named records longer than the threshold (only they can overlap by more), in start order
  // (olderAt's), with the latest end among each prefix: a record overlaps one of them by more than
  // the threshold when some named start lies before its end − threshold and the latest end of
  // those passes its start + threshold.
  const starts: number[] = [];
  const latestEnds: number[] = [];
  const known = new Set<string>([only]);
  for (let k = 0; k < olderAt.length; k++) {
    const j = olderAt[k] as number;
    if (named[k] !== 1 || !((endDay[j] as number) - (startDay[j] as number) > threshold)) continue;
    starts.push(startDay[j] as number);
    latestEnds.push(Math.max(endDay[j] as number, latestEnds[latestEnds.length - 1] ?? Number.NEGATIVE_INFINITY));
  }
  if (starts.length === 0) return;
  for (let k = 0; k < olderAt.length; k++) {
    const i = olderAt[k] as number;
    if (named[k] === 1 || known.has(prescribers[i] as string) || !((endDay[i] as number) - (startDay[i] as number) > threshold)) continue;
    const before = (endDay[i] as number) - threshold;
    // How many named starts lie before `before` (binary search: starts ascend).
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < before) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && (latestEnds[lo - 1] as number) > (startDay[i] as number) + threshold) {
      named[k] = 1;
      known.add(prescribers[i] as string);
    }
  }
}

/**
 * The group's ingredient is in a high-risk class (each ATC7 classified once, remembered across
 * analyses). The ingredient is found by its integer identity key in each record's product.
 */
function groupIsHighRisk(history: PreparedHistory, identityKey: number, involved: number[]): boolean {
  let checked: string | null = null;
  for (let k = 0; k < involved.length; k++) {
    const facts = history.productAt(involved[k] as number);
    const atc7 = facts.ingredients[facts.ids.keys.indexOf(identityKey)]?.atc7 ?? null;
    // Neighbours usually carry the same code: asked once per run of it.
    if (atc7 === null || atc7 === checked) continue;
    if (highRisk(atc7)) return true;
    checked = atc7;
  }
  return false;
}

/** isHighRiskDuplicateClass per ATC7 code (a pure answer; a history repeats a few dozen codes). */
const highRisk = remembered(isHighRiskDuplicateClass);
