// 重複用藥: duplicate-medication alerts at today (research §5(c), SPEC §2). Levels, narrowest
// first: L1 same NHI drug code, L2 same ingredient + dosage form (NHI's rule: more than
// `duplicateThresholdDays` days still on hand when the newest was dispensed), L3 same
// ingredient in another form (info), L4 two ingredients of one ATC5 class, L5 two classes of
// one equivalence set. One alert per group; fills of one prescription never pair; an NHI
// exception code (R001–R008) on the newest record silences its group; short courses
// (≤ shortCourseDays, PRN or not) never raise one. PRN, as-ordered and non-daily supplies
// count by their days supplied (NHI's rule counts 給藥日數).
//
// Cost: one pass to prepare the records, one sort of them all, buckets filled in that order;
// pairs are only looked for inside a group, so 10,000 records stay O(n log n).
import type { IsoDate, MedicationRecord } from './types.ts';
import { SEVERITY_ORDER } from './alerts.ts';
import { classDuplicates } from './duplicate-classes.ts';
import { PreparedHistory } from './prepared-history.ts';
import type { K1Slots } from './k1-slots.ts';
import { sameFormDuplicate, sameFormScratch } from './same-form-duplicates.ts';
import { buildAlert, hasPairAcross, longestOverlap, suppressedByNewestDay, type DuplicateAlert, type DuplicateSettings } from './duplicate-model.ts';

export type { DuplicateAlert, DuplicateLevel, DuplicateSettings } from './duplicate-model.ts';
export { duplicateAlerts, duplicateMessageKey } from './duplicate-alerts.ts';

/**
 * L3 for one K2 group (same ingredient; `members` positions in packed start order): records of two or
 * more dosage forms in use today.
 */
function otherFormDuplicate(history: PreparedHistory, key: string, members: Int32Array, settings: DuplicateSettings): DuplicateAlert | null {
  const columns = history.columns;
  const { leftToday, daysSupply } = columns;
  const active: number[] = [];
  // By form key (Preparer: one number per dosage form), in the order the forms first appear.
  const byForm = new Map<number, number[]>();
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    if (!((leftToday[i] as number) > 0 && (daysSupply[i] as number) > settings.shortCourseDays)) continue;
    active.push(i);
    const form = history.productAt(i).formKey;
    const list = byForm.get(form);
    if (list === undefined) byForm.set(form, [i]);
    else list.push(i);
  }
  if (byForm.size < 2) return null;
  if (suppressedByNewestDay(columns, active, settings)) return null;
  const forms = [...byForm.values()];
  if (!hasPairAcross(forms, columns)) return null;
  // Per form, in days from today: when its earliest supply starts (0 once started) and when its last runs out.
  const todayDay = history.preparer.todayDay;
  const from = forms.map((list) => list.reduce((first, i) => Math.min(first, Math.max(0, (columns.startDay[i] as number) - todayDay)), Infinity));
  const until = forms.map((list) => list.reduce((last, i) => Math.max(last, Math.max(0, (columns.startDay[i] as number) - todayDay) + (leftToday[i] as number)), 0));
  return buildAlert(history, 'L3', 'info', key, active, [key], longestOverlap(from, until));
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
    // In name order: the groups come in the order the history first named each ingredient.
    earlier.ingredients = [...new Set([...earlier.ingredients, ...alert.ingredients])].sort();
    earlier.group = [...earlier.group.split('+'), alert.group].sort().join('+');
    earlier.overlapDays = Math.max(earlier.overlapDays, alert.overlapDays);
    earlier.bySupply ||= alert.bySupply;
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
  // K1 groups of every dated record, each a slice in packed start order (k1-slots.ts).
  const slots = history.k1Slots();
  const { ends, members, firstIndex, formCount } = slots;
  // Ingredients (K2) in the order they were first met in the start order, and each one's forms.
  const formsOf = new Array<number[] | undefined>(history.preparer.identityCount);
  const ingredientOrder: number[] = [];
  let largest = 0;
  for (const slot of slots.filled) {
    const identityKey = Math.floor(slot / formCount);
    let forms = formsOf[identityKey];
    if (forms === undefined) {
      forms = [];
      formsOf[identityKey] = forms;
      ingredientOrder.push(identityKey);
    }
    forms.push(slot);
    largest = Math.max(largest, (ends[slot + 1] as number) - (ends[slot] as number));
  }
  const found: DuplicateAlert[] = [];
  const scratch = sameFormScratch(largest);
  for (const identityKey of ingredientOrder) {
    const forms = formsOf[identityKey] as number[];
    let count = 0; // records naming the ingredient: each is in one of its forms' slots
    for (const slot of forms) count += (ends[slot + 1] as number) - (ends[slot] as number);
    if (count < 2) continue;
    const facts = history.productAt(firstIndex[forms[0] as number] as number);
    const name = facts.ids.identities[facts.ids.keys.indexOf(identityKey)] as string;
    for (const slot of forms) {
      const from = ends[slot] as number;
      const to = ends[slot + 1] as number;
      if (to - from < 2) continue;
      const form = history.productAt(firstIndex[slot] as number).form;
      const alert = sameFormDuplicate(history, { key: `${name}|${form}`, name, identityKey, members, from, to }, settings, scratch);
      if (alert !== null) found.push(alert);
    }
    if (forms.length < 2) continue;
    const alert = otherFormDuplicate(history, name, allForms(history, slots, forms), settings);
    if (alert !== null) found.push(alert);
  }
  // A loop, not push(...): a spread of that many alerts could overflow the stack.
  for (const alert of classDuplicates(history, settings)) found.push(alert);
  return mergeSameRecords(found).sort(alertOrder);
}

/** The K2 group: an ingredient's records of every form (its K1 slots), in packed start order (packed order, then input order). */
function allForms(history: PreparedHistory, slots: K1Slots, forms: number[]): Int32Array {
  let count = 0;
  for (const slot of forms) count += (slots.ends[slot + 1] as number) - (slots.ends[slot] as number);
  const all = new Int32Array(count);
  let at = 0;
  for (const slot of forms) {
    const part = slots.members.subarray(slots.ends[slot], slots.ends[slot + 1]);
    all.set(part, at);
    at += part.length;
  }
  const order = history.columns.order;
  return all.sort((a, b) => (order[a] as number) - (order[b] as number) || a - b);
}
