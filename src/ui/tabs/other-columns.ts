// Columns of the 餘藥, 慢箋, 管制藥 and 過敏 tabs.
import type { Lang } from '../../i18n/index.ts';
import type { AllergyRecord, CloudGroupLeftover, IsoDate } from '../../core/domain/types.ts';
import type { GroupLeftover } from '../../core/domain/group-leftover.ts';
import { shownRefillState, type RefillStatus } from '../../core/domain/refill.ts';
import { oneDecimal, type CareListMonth } from '../../core/domain/care-list.ts';
import { cloudDaysOn, cloudRowFor } from '../../core/domain/cloud-leftover.ts';
import { dosageFormNames } from '../../core/domain/messages.ts';
import { allergyFindings } from '../../core/domain/allergies.ts';
import { tr } from '../i18n/index.ts';
import type { Column } from '../table/columns.ts';
import { dayIn, dayWidth, monthIn, monthWidth } from '../../i18n/dates.ts';

export interface LeftoverRow {
  group: GroupLeftover;
  /** The cloud's own pres_med_day row for the group, when it lists one (cloudRowFor). */
  cloud: CloudGroupLeftover | null;
  /** That row's days left as of the analysis's day (cloudDaysOn); null without a row. */
  cloudDays: number | null;
}

/** Pairs each group with the cloud's pres_med_day row for it (cloudRowFor, as `yaoli analyze` does), read as of `today`. */
export function leftoverRows(groups: readonly GroupLeftover[], cloud: readonly CloudGroupLeftover[], today: IsoDate): LeftoverRow[] {
  return groups.map((group) => {
    const row = cloudRowFor(group, cloud);
    return { group, cloud: row, cloudDays: row === null ? null : cloudDaysOn(row, today) };
  });
}

export function leftoverColumns(lang: Lang): Column<LeftoverRow>[] {
  return [
    { id: 'ingredient', title: 'col.ingredient', width: 12, flex: 2, text: (r) => r.group.ingredient },
    { id: 'form', title: 'col.form', width: 6, text: (r) => dosageFormNames[r.group.dosageForm][lang] },
    { id: 'carry', title: 'col.carry', width: 8, align: 'right', text: (r) => `${r.group.leftoverDays}${r.group.mayUnderestimate ? '+' : ''}`, sortValue: (r) => r.group.leftoverDays },
    { id: 'no-carry', title: 'col.no-carry', width: 8, align: 'right', text: (r) => String(r.group.noCarryLeftoverDays), sortValue: (r) => r.group.noCarryLeftoverDays },
    { id: 'cloud', title: 'col.cloud', width: 8, align: 'right', text: (r) => (r.cloudDays === null ? '-' : String(r.cloudDays)), sortValue: (r) => r.cloudDays },
    { id: 'end', title: 'col.supply-end', width: dayWidth(lang), text: (r) => dayIn(r.group.supplyEnd, lang), sortValue: (r) => r.group.supplyEnd },
    { id: 'institutions', title: 'col.institution', width: 8, flex: 1, text: (r) => r.group.institutions.join('、') },
  ];
}

export function refillColumns(lang: Lang): Column<RefillStatus>[] {
  return [
    { id: 'drug', title: 'col.drug', width: 12, flex: 1, text: (r) => r.drugName },
    { id: 'prescribed', title: 'col.prescribed', width: dayWidth(lang), text: (r) => dayIn(r.prescriptionDate, lang), sortValue: (r) => r.prescriptionDate },
    { id: 'fills', title: 'col.fills', width: 5, text: (r) => `${r.fill}/${r.fills}` },
    { id: 'status', title: 'col.status', width: 8, text: (r) => tr(lang, `refill.${shownRefillState(r)}`) },
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
    { id: 'drug', title: 'col.drug', width: 12, flex: 2, text: (r) => r.drugNames.join('、') },
    { id: 'symptoms', title: 'col.symptoms', width: 8, flex: 2, text: (r) => allergyFindings(r, lang).join('、') },
    { id: 'severity', title: 'col.severity', width: 6, text: (r) => tr(lang, `allergy.${r.severity}`) },
    { id: 'source', title: 'col.data-source', width: 8, flex: 1, text: (r) => [r.dataSource, r.institutionName].filter(Boolean).join(' ') },
  ];
}
