// The cloud's own 門診藥品餘藥日數 (imue0120s01 pres_med_day) beside one of our groups
// (SPEC §2). The cloud keys its rows by ingredient and NHI's dosage-form text ('NIFEDIPINE ,
// 緩釋錠劑膠囊劑'); our K1 groups are ingredient + route, so an oral group can meet two cloud
// rows (一般 and 緩釋). The kiosk and `yaoli analyze` both read the pairing from here.
import type { CloudGroupLeftover, DosageForm, IsoDate } from './types.ts';
import { normalIngredientName } from './ingredients.ts';
import { daysBetween } from './dates.ts';

/**
 * The cloud's row for a group: same ingredient (as NHI writes it, salts aside) and a form
 * text of the group's form (the mapper reads it: CloudGroupLeftover.dosageForm), or one we
 * cannot read ('other'). Of several (一般 and 緩釋 for one oral
 * group) the one with the most days left, the supply the patient still holds.
 */
export function cloudRowFor(group: { ingredient: string; dosageForm: DosageForm }, cloud: readonly CloudGroupLeftover[]): CloudGroupLeftover | null {
  let best: CloudGroupLeftover | null = null;
  for (const row of cloud) {
    if (!rowOfGroup(row, group)) continue;
    if (best === null || row.leftoverDays > best.leftoverDays) best = row;
  }
  return best;
}

/** Same ingredient, and a form text of the group's form or one we cannot read. */
function rowOfGroup(row: CloudGroupLeftover, group: { ingredient: string; dosageForm: DosageForm }): boolean {
  return normalIngredientName(row.ingredient) === normalIngredientName(group.ingredient) && (row.dosageForm === 'other' || row.dosageForm === group.dosageForm);
}

/**
 * The cloud's rows that belong to none of our groups: the cloud counts a supply the
 * medication records do not show (a record outside their window, or one we could not group).
 * Shown apart, not dropped: the patient may still hold it.
 */
export function cloudRowsWithoutGroup(groups: readonly { ingredient: string; dosageForm: DosageForm }[], cloud: readonly CloudGroupLeftover[]): CloudGroupLeftover[] {
  return cloud.filter((row) => !groups.some((group) => rowOfGroup(row, group)));
}

/**
 * The cloud's rows no group takes that still have days left on `today` (cloudDaysOn): what the
 * readable report's 「雲端餘藥日數（上表無對應用藥紀錄）」 and the kiosk's 餘藥 tab list.
 */
export function cloudRowsOnHandWithoutGroup(groups: readonly { ingredient: string; dosageForm: DosageForm }[], cloud: readonly CloudGroupLeftover[], today: IsoDate): CloudGroupLeftover[] {
  return cloudRowsWithoutGroup(groups, cloud).filter((row) => cloudDaysOn(row, today) > 0);
}

/**
 * The cloud's figure as of `today`. pres_med_day is frozen at the cloud's query time; it is
 * edate − query date + 1 (anchors 1(c).7, both fixtures), so the same supply end read on
 * `today` is the cloud's own answer for today (SPEC §2: recompute against today). On the day
 * of the query it is pres_med_day itself.
 */
export function cloudDaysOn(row: CloudGroupLeftover, today: IsoDate): number {
  return Math.max(0, daysBetween(today, row.supplyEnd) + 1);
}
