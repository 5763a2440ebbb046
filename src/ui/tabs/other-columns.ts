// Columns of the 餘藥, 慢箋, 管制藥 and 過敏 tabs.
import { listIn, type Lang } from '../../i18n/index.ts';
import type { AllergyRecord, CloudGroupLeftover, IsoDate } from '../../core/domain/types.ts';
import type { GroupLeftover } from '../../core/domain/group-leftover.ts';
import { shownRefillState, type RefillStatus } from '../../core/domain/refill.ts';
import { oneDecimal, type CareListMonth } from '../../core/domain/care-list.ts';
import { cloudDaysOn, cloudRowFor, cloudRowsOnHandWithoutGroup } from '../../core/domain/cloud-leftover.ts';
import { dosageFormNames } from '../../core/domain/messages.ts';
import { allergyFindings } from '../../core/domain/allergies.ts';
import { tr } from '../i18n/index.ts';
import type { Column } from '../table/columns.ts';
import { dayIn, dayWidth, monthIn, monthWidth } from '../../i18n/dates.ts';

/** A 餘藥 row: one of our groups with the cloud's row for it, or a cloud row no group matches. */
export type LeftoverRow =
  | {
      group: GroupLeftover;
      /** The cloud's own pres_med_day row for the group, when it lists one (cloudRowFor). */
      cloud: CloudGroupLeftover | null;
      /** That row's days left as of the analysis's day (cloudDaysOn); null without a row. */
      cloudDays: number | null;
    }
  | { group: null; cloud: CloudGroupLeftover; cloudDays: number; /** Its key in the table: two cloud rows may be alike in every field. */ key: string };

/**
 * Pairs each group with the cloud's pres_med_day row for it (cloudRowFor, as `yaoli analyze`
 * does), read as of `today`; then the cloud's rows no group matches that still have days left
 * (the report's 雲端餘藥日數（上表無對應用藥紀錄）): the patient may still hold that supply.
 */
export function leftoverRows(groups: readonly GroupLeftover[], cloud: readonly CloudGroupLeftover[], today: IsoDate): LeftoverRow[] {
  const paired = groups.map((group): LeftoverRow => {
    const row = cloudRowFor(group, cloud);
    return { group, cloud: row, cloudDays: row === null ? null : cloudDaysOn(row, today) };
  });
  const cloudOnly = cloudRowsOnHandWithoutGroup(groups, cloud, today).map(
    (row, i): LeftoverRow => ({ group: null, cloud: row, cloudDays: cloudDaysOn(row, today), key: `cloud|${i}` }),
  );
  return [...paired, ...cloudOnly];
}

/** Our group's supply end, or for a cloud-only row the cloud's own. */
function supplyEndOf(row: LeftoverRow): IsoDate {
  return row.group === null ? row.cloud.supplyEnd : row.group.supplyEnd;
}

/** A row's key in the table: the group's, or the cloud row's place among the cloud's rows. */
export function leftoverRowKey(row: LeftoverRow): string {
  return row.group !== null ? row.group.key : row.key;
}

export function leftoverColumns(lang: Lang): Column<LeftoverRow>[] {
  // A cloud-only row has none of our figures: '-' there, the cloud's own end, and 「僅雲端」 where the institutions go.
  const ours = (r: LeftoverRow, text: (group: GroupLeftover) => string) => (r.group === null ? '-' : text(r.group));
  return [
    { id: 'ingredient', title: 'col.ingredient', width: 12, flex: 2, text: (r) => (r.group === null ? r.cloud.ingredient : r.group.ingredient) },
    { id: 'form', title: 'col.form', width: 6, text: (r) => dosageFormNames[r.group === null ? r.cloud.dosageForm : r.group.dosageForm][lang] },
    { id: 'carry', title: 'col.carry', width: 8, align: 'right', text: (r) => ours(r, (g) => `${g.leftoverDays}${g.mayUnderestimate ? '+' : ''}`), sortValue: (r) => r.group?.leftoverDays ?? null },
    { id: 'no-carry', title: 'col.no-carry', width: 8, align: 'right', text: (r) => ours(r, (g) => String(g.noCarryLeftoverDays)), sortValue: (r) => r.group?.noCarryLeftoverDays ?? null },
    { id: 'cloud', title: 'col.cloud', width: 8, align: 'right', text: (r) => (r.cloudDays === null ? '-' : String(r.cloudDays)), sortValue: (r) => r.cloudDays },
    { id: 'end', title: 'col.supply-end', width: dayWidth(lang), text: (r) => dayIn(supplyEndOf(r), lang), sortValue: supplyEndOf },
    { id: 'institutions', title: 'col.institution', width: 8, flex: 1, text: (r) => (r.group === null ? tr(lang, 'leftover.cloud-only') : listIn(r.group.institutions, lang)) },
  ];
}

export function refillColumns(lang: Lang, today: IsoDate): Column<RefillStatus>[] {
  return [
    { id: 'drug', title: 'col.drug', width: 12, flex: 1, text: (r) => r.drugName },
    { id: 'institution', title: 'col.institution', width: 6, flex: 1, text: (r) => r.institution },
    { id: 'prescribed', title: 'col.prescribed', width: dayWidth(lang), text: (r) => dayIn(r.prescriptionDate, lang), sortValue: (r) => r.prescriptionDate },
    { id: 'fills', title: 'col.fills', width: 5, text: (r) => `${r.fill}/${r.fills}` },
    { id: 'status', title: 'col.status', width: 8, text: (r) => tr(lang, `refill.${shownRefillState(r, today)}`) },
    { id: 'next', title: 'col.next', width: 2 * dayWidth(lang) + 1, text: (r) => (r.nextFrom ? `${dayIn(r.nextFrom, lang)}${lang === 'zh-TW' ? '-' : '–'}${dayIn(r.nextUntil, lang)}` : '-'), sortValue: (r) => r.nextFrom },
    { id: 'valid', title: 'col.valid-until', width: dayWidth(lang), text: (r) => dayIn(r.validUntil, lang), sortValue: (r) => r.validUntil },
  ];
}

/** mg and DDD as the care-list alert prints them (oneDecimal: 45.6, 1825); - when there is none. */
const figure = (n: number | null) => (n === null ? '-' : String(oneDecimal(n)));

export function controlledColumns(lang: Lang): Column<CareListMonth>[] {
  return [
    { id: 'ingredient', title: 'col.ingredient', width: 12, flex: 1, text: (r) => r.ingredient },
    { id: 'month', title: 'col.month', width: monthWidth(lang), text: (r) => monthIn(r.month, lang), sortValue: (r) => r.month },
    { id: 'visits', title: 'col.visits', width: 4, align: 'right', text: (r) => String(r.visits), sortValue: (r) => r.visits },
    { id: 'institutions', title: 'col.institutions', width: 6, align: 'right', text: (r) => String(r.institutions), sortValue: (r) => r.institutions },
    { id: 'mg', title: 'col.total-mg', width: 8, align: 'right', text: (r) => figure(r.totalMg), sortValue: (r) => r.totalMg },
    { id: 'ddd', title: 'col.ddd', width: 7, align: 'right', text: (r) => (r.noDdd ? tr(lang, 'care.no-ddd') : figure(r.totalDdd)), sortValue: (r) => r.totalDdd },
    { id: 'half-year', title: 'col.half-year', width: 10, align: 'right', text: (r) => figure(r.halfYearReferenceMg), sortValue: (r) => r.halfYearReferenceMg },
  ];
}

export function allergyColumns(lang: Lang): Column<AllergyRecord>[] {
  return [
    { id: 'date', title: 'col.date', width: dayWidth(lang), text: (r) => dayIn(r.date, lang), sortValue: (r) => r.date },
    { id: 'drug', title: 'col.drug', width: 12, flex: 2, text: (r) => listIn(r.drugNames, lang) },
    { id: 'symptoms', title: 'col.symptoms', width: 8, flex: 2, text: (r) => listIn(allergyFindings(r, lang), lang) },
    { id: 'severity', title: 'col.severity', width: 6, text: (r) => tr(lang, `allergy.${r.severity}`) },
    { id: 'source', title: 'col.data-source', width: 8, flex: 1, text: (r) => [r.dataSource, r.institutionName].filter(Boolean).join(' ') },
  ];
}
