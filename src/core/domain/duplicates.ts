// 重複用藥: duplicate-medication alerts at today (research §5(c), SPEC §2). Levels, narrowest
// first: L1 same NHI drug code, L2 same ingredient + dosage form (NHI's rule: more than
// `duplicateThresholdDays` days still on hand when the newest was dispensed), L3 same
// ingredient in another form (info), L4 two ingredients of one ATC5 class, L5 two classes of
// one equivalence set. One alert per group; fills of one prescription never pair; an NHI
// exception code (R001–R008) on the newest record silences its group; PRN and short courses
// (≤ shortCourseDays) never raise one.
//
// Cost: one pass to prepare the records, one sort of them all, buckets filled in that order;
// pairs are only looked for inside a group, so 10,000 records stay O(n log n).
import type { IsoDate, MedicationRecord } from './types.ts';
import { carryEndDay } from './carry-walk.ts';
import { isHighRiskDuplicateClass } from './controlled.ts';
import { remembered } from './remembered.ts';
import { SEVERITY_ORDER } from './alerts.ts';
import { classDuplicates } from './duplicate-classes.ts';
import { byStart, carryBound, type Candidate } from './duplicate-prepare.ts';
import { PreparedHistory } from './prepared-history.ts';
import {
  buildAlert,
  hasPairAcross,
  isAsNeededSupply,
  isCrossInstitution,
  samePrescription,
  secondLargest,
  suppressedByNewest,
  type DuplicateAlert,
  type DuplicateSettings,
} from './duplicate-model.ts';

export type { DuplicateAlert, DuplicateLevel, DuplicateSettings } from './duplicate-model.ts';
export { samePrescription } from './duplicate-model.ts';
export { duplicateAlerts, duplicateMessageKey } from './duplicate-alerts.ts';

interface Bucket {
  name: string;
  /** The ingredient identity's integer key (Preparer), the same for every bucket of one ingredient. */
  identityKey: number;
  /** The dosage form of a K1 bucket ('' for the K2 list of all forms). */
  form: string;
  members: Candidate[];
}

/**
 * One ingredient (K2): how many records name it, and one list per dosage form (K1, by form
 * key; formOrder in first-filled order). The list of all its records is only needed when it
 * comes in two forms or more (L3), so it is merged from the form lists then (allForms).
 */
interface IngredientBuckets {
  name: string;
  identityKey: number;
  count: number;
  /** The record counted last (a record naming the ingredient twice counts once). */
  last: Candidate | null;
  forms: (Bucket | undefined)[];
  formOrder: Bucket[];
}

/** The K2 bucket: an ingredient's records of every form, in carry order (as each form's list is). */
function allForms(buckets: IngredientBuckets): Bucket {
  const members: Candidate[] = [];
  for (const form of buckets.formOrder) for (const c of form.members) members.push(c);
  return { name: buckets.name, identityKey: buckets.identityKey, form: '', members: members.sort(byStart) };
}

/**
 * Work lists reused by every group of one analysis: a dense history tries dozens of newer
 * records per group, and a fresh list of the older ones per try was most of the duplicate
 * check's garbage. They are written from the start with a count and never shortened (a length
 * set to 0 drops the list's storage in V8). sameFormAlert copies what it keeps.
 */
interface Scratch {
  older: Candidate[];
  counted: Candidate[];
}

/** Appends in carry order; a record is listed once even if it names the ingredient twice. */
function append(bucket: Bucket, candidate: Candidate): void {
  if (bucket.members[bucket.members.length - 1] !== candidate) bucket.members.push(candidate);
}

/**
 * Days of the older supply still on hand on the newest record's start S_n: the K1 group's
 * carry-forward end C from the older records (same-day ones included), minus S_n. For
 * non-daily forms (eye drops, patches) no carry is defined, so the largest own E − S_n counts.
 * The exact walk (carryForwardEnd) only runs when the cheap upper bound could exceed the threshold.
 */
function leftoverAtNewest(newest: Candidate, older: Candidate[], count: number, threshold: number, scratch: Scratch): number {
  if (newest.reason !== null) {
    let most = 0;
    for (let i = 0; i < count; i++) {
      const c = older[i] as Candidate;
      if (!isAsNeededSupply(c)) most = Math.max(most, c.endDay - newest.startDay);
    }
    return most;
  }
  const bound = carryBound(older, count);
  if (bound.end === null || bound.end - newest.startDay <= threshold) return 0;
  const end = carryEndDay(older, newest.startDay + 1, bound.runStart, count, scratch.counted);
  return end === null ? 0 : Math.max(0, end - newest.startDay);
}

/** Is the group still in use today: the newest record's own supply, or the carried supply of members[0, to). */
function groupActive(newest: Candidate, members: Candidate[], to: number, todayDay: number, scratch: Scratch): boolean {
  if (newest.leftToday > 0) return true;
  if (newest.reason !== null) return false;
  const bound = carryBound(members, to);
  if (bound.end === null || bound.end <= todayDay) return false;
  const end = carryEndDay(members, todayDay + 1, bound.runStart, to, scratch.counted);
  return end !== null && end > todayDay;
}

/**
 * The group's ingredient is in a high-risk class (each ATC7 classified once, remembered across
 * analyses). The ingredient is found by its integer identity key (no string compares per record).
 */
function groupIsHighRisk(identityKey: number, involved: Candidate[]): boolean {
  let checked: string | null = null;
  for (let i = 0; i < involved.length; i++) {
    const c = involved[i] as Candidate;
    const atc7 = c.ingredients[c.ids.keys.indexOf(identityKey)]?.atc7 ?? null;
    // Neighbours usually carry the same code: asked once per run of it.
    if (atc7 === null || atc7 === checked) continue;
    if (highRisk(atc7)) return true;
    checked = atc7;
  }
  return false;
}

/** isHighRiskDuplicateClass per ATC7 code (a pure answer; a history repeats a few dozen codes). */
const highRisk = remembered(isHighRiskDuplicateClass);

/**
 * How many of a group's most recent countable records are tried as the newer side of a
 * pair. A 3-month cloud history holds a handful per ingredient; the cap keeps a pathological
 * history (thousands of fills of one drug) linear.
 */
const MAX_JUDGED = 32;

/**
 * Upper bounds, per member, of the days on hand just before it starts (from all earlier
 * members, chains included). Leaving records out or applying resets can only lower the
 * exact value, so a bound ≤ threshold rules a member out without the exact walk.
 */
function onHandBounds(members: Candidate[]): Float64Array {
  const bounds = new Float64Array(members.length);
  let carried: number | null = null; // carry-forward end over daily regimens
  let latestEnd = -Infinity; // largest own end, for forms without carry (eye drops, patches)
  for (let i = 0; i < members.length; i++) {
    const c = members[i] as Candidate;
    bounds[i] = (c.reason === null ? (carried ?? -Infinity) : latestEnd) - c.startDay;
    if (c.reason === null) carried = carried === null || c.startDay >= carried ? c.endDay : carried + (c.endDay - c.startDay);
    if (!isAsNeededSupply(c)) latestEnd = Math.max(latestEnd, c.endDay);
  }
  return bounds;
}

/**
 * L1 / L2 for one K1 group (same ingredient + same dosage form). Tries the group's recent
 * countable records, newest first, as the newer side: the first one dispensed while more
 * than the threshold of other prescriptions' supply was on hand (carried forward) makes the
 * group's one alert. PRN pickups and short courses neither raise a duplicate nor hide one
 * found before them; an exception code on the group's latest record silences the group, one
 * on an older record excuses only that dispensing.
 */
function sameFormDuplicate(key: string, bucket: Bucket, settings: DuplicateSettings, todayDay: number, scratch: Scratch): DuplicateAlert | null {
  const members = bucket.members; // already in carry order: candidates are sorted once up front
  const threshold = settings.duplicateThresholdDays;
  if ((members[members.length - 1] as Candidate).record.exceptionCode !== null) return null;
  const bounds = onHandBounds(members);
  let tried = 0;
  for (let at = members.length - 1; at > 0 && tried < MAX_JUDGED; at--) {
    const newer = members[at] as Candidate;
    if (isAsNeededSupply(newer) || suppressedByNewest(newer, settings)) continue;
    tried += 1;
    // The latest countable record may still be in use through carried stock; older ones by their own supply.
    const active = tried === 1 ? groupActive(newer, members, at + 1, todayDay, scratch) : newer.leftToday > 0;
    if (!active || (bounds[at] as number) <= threshold) continue;
    const older = scratch.older;
    let count = 0;
    for (let i = 0; i < at; i++) {
      const c = members[i] as Candidate;
      if (!samePrescription(c, newer)) older[count++] = c;
    }
    if (count === 0) continue;
    const onHand = leftoverAtNewest(newer, older, count, threshold, scratch);
    if (onHand > threshold) return sameFormAlert(key, bucket, newer, older.slice(0, count), onHand);
  }
  return null;
}

function sameFormAlert(key: string, bucket: Bucket, newer: Candidate, older: Candidate[], onHand: number): DuplicateAlert {
  // Name the older records whose own supply reached S_n; when only the carried stock did,
  // the latest older record stands for it.
  const usable = older.filter((c) => !isAsNeededSupply(c));
  let reaching = usable.filter((c) => c.endDay > newer.startDay);
  if (reaching.length === 0) reaching = usable.slice(-1);
  const involved = [...reaching, newer];
  const level = involved.every((c) => c.record.drugCode === newer.record.drugCode) ? 'L1' : 'L2';
  const severity = isCrossInstitution(involved) && groupIsHighRisk(bucket.identityKey, involved) ? 'critical' : 'warning';
  return buildAlert(level, severity, key, involved, [bucket.name], onHand);
}

/** L3 for one K2 group (same ingredient): records of two or more dosage forms in use today. */
function otherFormDuplicate(key: string, bucket: Bucket, settings: DuplicateSettings): DuplicateAlert | null {
  const active = bucket.members.filter((c) => c.leftToday > 0 && c.record.daysSupply > settings.shortCourseDays);
  const byForm = new Map<string, Candidate[]>();
  for (const c of active) {
    const list = byForm.get(c.record.dosageForm);
    if (list === undefined) byForm.set(c.record.dosageForm, [c]);
    else list.push(c);
  }
  if (byForm.size < 2) return null;
  if (suppressedByNewest(active[active.length - 1] as Candidate, settings)) return null;
  if (!hasPairAcross([...byForm.values()])) return null;
  const perForm = [...byForm.values()].map((list) => list.reduce((most, c) => Math.max(most, c.leftToday), 0));
  return buildAlert('L3', 'info', key, active, [bucket.name], secondLargest(perForm));
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Merges alerts of one level about the same records (a combination product lands in one
 * K1 group per ingredient). Record lists are in carry order, so equal sets are equal lists.
 */
function mergeSameRecords(alerts: DuplicateAlert[]): DuplicateAlert[] {
  const seen = new Map<string, DuplicateAlert[]>();
  const out: DuplicateAlert[] = [];
  for (const alert of alerts) {
    const ids = alert.recordIds;
    const key = `${alert.level}|${ids.length}|${ids[0] ?? ''}|${ids[ids.length - 1] ?? ''}`;
    const similar = seen.get(key) ?? [];
    const earlier = similar.find((other) => sameIds(other.recordIds, ids));
    if (earlier === undefined) {
      similar.push(alert);
      seen.set(key, similar);
      out.push(alert);
      continue;
    }
    earlier.ingredients = [...new Set([...earlier.ingredients, ...alert.ingredients])];
    earlier.group = `${earlier.group}+${alert.group}`;
    earlier.overlapDays = Math.max(earlier.overlapDays, alert.overlapDays);
    if (SEVERITY_ORDER[alert.severity] < SEVERITY_ORDER[earlier.severity]) earlier.severity = alert.severity;
  }
  return out;
}

const LEVEL_ORDER = { L1: 0, L2: 1, L3: 2, L4: 3, L5: 4 } as const;

/** Critical first, then by level, then by the oldest date, then by group (a stable order). */
function alertOrder(a: DuplicateAlert, b: DuplicateAlert): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    ((a.dates[0] ?? '') < (b.dates[0] ?? '') ? -1 : (a.dates[0] ?? '') > (b.dates[0] ?? '') ? 1 : 0) ||
    (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)
  );
}

/** All duplicate alerts at `today`, one per group at its narrowest level, most severe first. */
export function findDuplicates(records: MedicationRecord[], today: IsoDate, settings: DuplicateSettings): DuplicateAlert[] {
  return duplicatesOfPrepared(PreparedHistory.of(records, today), settings);
}

/** findDuplicates on a prepared history. */
export function duplicatesOfPrepared(history: PreparedHistory, settings: DuplicateSettings): DuplicateAlert[] {
  // A record whose date cannot be read cannot be placed in time; it is left out, not guessed.
  // The one sort: every bucket below is filled in this order, so groups need no sorting of their own.
  const candidates = history.byStart();
  // Buckets found by the prepared integer keys (no string hashing per record), visited in
  // the order they were first filled.
  const preparer = history.preparer;
  const formCount = preparer.formCount;
  const byIdentity = new Array<IngredientBuckets | undefined>(preparer.identityCount);
  const ingredientOrder: IngredientBuckets[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as Candidate;
    const keys = c.ids.keys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      let buckets = byIdentity[key];
      if (buckets === undefined) {
        const identity = c.ids.identities[i] as string;
        buckets = { name: identity, identityKey: key, count: 0, last: null, forms: new Array<Bucket | undefined>(formCount), formOrder: [] };
        byIdentity[key] = buckets;
        ingredientOrder.push(buckets);
      }
      if (buckets.last !== c) {
        buckets.last = c;
        buckets.count += 1;
      }
      let form = buckets.forms[c.formKey];
      if (form === undefined) {
        form = { name: buckets.name, identityKey: key, form: c.record.dosageForm, members: [] };
        buckets.forms[c.formKey] = form;
        buckets.formOrder.push(form);
      }
      append(form, c);
    }
  }
  const found: DuplicateAlert[] = [];
  const scratch: Scratch = { older: [], counted: [] };
  for (const buckets of ingredientOrder) {
    if (buckets.count < 2) continue;
    const identity = buckets.name;
    for (const bucket of buckets.formOrder) {
      if (bucket.members.length < 2) continue;
      const alert = sameFormDuplicate(`${identity}|${bucket.form}`, bucket, settings, preparer.todayDay, scratch);
      if (alert !== null) found.push(alert);
    }
    if (buckets.formOrder.length < 2) continue;
    const alert = otherFormDuplicate(identity, allForms(buckets), settings);
    if (alert !== null) found.push(alert);
  }
  found.push(...classDuplicates(candidates, settings, preparer.identityCount));
  return mergeSameRecords(found).sort(alertOrder);
}
