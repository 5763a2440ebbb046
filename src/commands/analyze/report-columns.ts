// The columns of each table of the `yaoli analyze` report. Free text (names, institutions,
// ingredients, symptoms) has a minWidth and may be cut to fit the terminal; dates and numbers
// have none and never are.
import { listIn, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { oneDecimal } from '../../core/domain/care-list.ts';
import { recordStart } from '../../core/domain/leftover.ts';
import { allergyFindings } from '../../core/domain/allergies.ts';
import { dosageFormNames } from '../../core/domain/messages.ts';
import { shownRefillState, type RefillStatus } from '../../core/domain/refill.ts';
import type { CloudGroupLeftover, IsoDate } from '../../core/domain/types.ts';
import type { Column } from '../../text/table.ts';
import { shownDate } from './dates.ts';
import { monthIn } from '../../i18n/dates.ts';
import { cloudLeftoverFor } from './json.ts';
import { cloudDaysOn } from '../../core/domain/cloud-leftover.ts';
import type { AnalyzeMessageKey } from './messages.ts';

export type Translate = (key: AnalyzeMessageKey, facts?: Record<string, string | number>) => string;
export type Row<K extends keyof Analysis> = Analysis[K] extends readonly (infer T)[] ? T : never;

/** mg and DDD as the care-list alert prints them (oneDecimal); — when there is none. */
function figure(value: number | null): string {
  return value === null ? '—' : String(oneDecimal(value));
}

/** The 慢箋領藥日 cell: the pickup day, or on an inpatient row the stay's last day, marked as such. */
function pickupOrStayEnd(record: Row<'records'>['record'], t: Translate, lang: Lang): string {
  if (record.refillDate !== null) return shownDate(recordStart(record), lang);
  return record.inpatientEndDate === null ? '' : t('record.inpatientUntil', { date: shownDate(record.inpatientEndDate, lang) });
}

export function recordColumns(t: Translate, lang: Lang): Column<Row<'records'>>[] {
  const day = (iso: string | null) => shownDate(iso, lang);
  return [
    { header: t('col.date'), value: (r) => day(r.record.visitDate) },
    { header: t('col.refillDate'), value: ({ record: r }) => pickupOrStayEnd(r, t, lang) },
    // The drug name gives way first (the ingredient column says what it is), then the
    // institution, which keeps 4 characters: 臺北榮總 and 臺北市聯醫 must not both read 臺北….
    { header: t('col.institution'), value: (r) => r.record.institution.name, minWidth: 10, cutOrder: 2 },
    { header: t('col.drug'), value: (r) => r.record.drugName, minWidth: 8 },
    { header: t('col.ingredient'), value: (r) => r.record.ingredients.map((i) => i.name).join('+'), minWidth: 6, cutOrder: 3 },
    // The 用法 code is never cut: Q6HPRN cut to Q6H… would hide that it is as needed.
    { header: t('col.frequency'), value: (r) => r.record.frequency ?? '' },
    { header: t('col.days'), value: (r) => String(r.record.daysSupply), align: 'right' },
    {
      header: t('col.leftover'),
      align: 'right',
      value: (r) =>
        r.leftover.days === null
          ? t('leftover.not-computable')
          : r.leftover.future
            ? `${r.leftover.days} ${t('leftover.future')}`
            : String(r.leftover.days),
    },
  ];
}

export function groupColumns(t: Translate, lang: Lang, cloudLeftover: readonly CloudGroupLeftover[], today: string): Column<Row<'groups'>>[] {
  const day = (iso: string | null) => shownDate(iso, lang);
  return [
    { header: t('col.ingredient'), value: (g) => g.ingredient, minWidth: 10 },
    { header: t('col.form'), value: (g) => dosageFormNames[g.dosageForm][lang] },
    { header: t('col.carry'), value: (g) => String(g.leftoverDays), align: 'right' },
    { header: t('col.noCarry'), value: (g) => String(g.noCarryLeftoverDays), align: 'right' },
    { header: t('col.supplyEnd'), value: (g) => day(g.supplyEnd) },
    { header: t('col.cloud'), value: (g) => String(cloudLeftoverFor(g, cloudLeftover, today) ?? '—'), align: 'right' },
    { header: t('col.note'), value: (g) => (g.mayUnderestimate ? t('group.mayUnderestimate') : '') },
  ];
}

/** The cloud's 門診藥品餘藥日數 rows no group takes: ingredient and form as the cloud writes them. */
export function cloudOnlyColumns(t: Translate, lang: Lang, today: string): Column<CloudGroupLeftover>[] {
  const day = (iso: string | null) => shownDate(iso, lang);
  return [
    { header: t('col.ingredient'), value: (row) => row.ingredient, minWidth: 10 },
    { header: t('col.form'), value: (row) => row.dosageFormText, minWidth: 4, cutOrder: 2 },
    { header: t('col.lastDispensed'), value: (row) => day(row.lastDispensed) },
    { header: t('col.supplyEnd'), value: (row) => day(row.supplyEnd) },
    { header: t('col.cloud'), value: (row) => String(cloudDaysOn(row, today)), align: 'right' },
  ];
}

/** Still valid: a fill may be collected now or later (SPEC §2 lists these apart from the rest). */
export function isValidRefill(refill: RefillStatus): boolean {
  return refill.status === 'eligible' || refill.status === 'too-early';
}

/**
 * A valid prescription's next fill may be collected from 下次可領 until 效期至; an expired or
 * completed one has no next fill, so its table has no such column.
 */
export function refillColumns(t: Translate, lang: Lang, valid: boolean, today: IsoDate): Column<RefillStatus>[] {
  const day = (iso: string | null) => shownDate(iso, lang);
  return [
    { header: t('col.prescribed'), value: (r) => day(r.prescriptionDate) },
    { header: t('col.drug'), value: (r) => r.drugName, minWidth: 10 },
    { header: t('col.institution'), value: (r) => r.institution, minWidth: 4, cutOrder: 2 },
    { header: t('col.fill'), value: (r) => `${r.fill}/${r.fills}`, align: 'right' },
    ...(valid ? [{ header: t('col.next'), value: (r: RefillStatus) => day(r.nextFrom) }] : []),
    { header: t('col.validUntil'), value: (r) => day(r.validUntil) },
    { header: t('col.status'), value: (r) => t(`status.${shownRefillState(r, today)}`) },
  ];
}

export function duplicateColumns(t: Translate, lang: Lang): Column<Row<'duplicates'>>[] {
  return [
    { header: t('col.level'), value: (d) => d.level },
    { header: t('col.severity'), value: (d) => t(`severity.${d.severity}`) },
    // The ingredients name the pair in a few cells: product names (one per record) go down
    // first, then the institutions, which keep their first 3 characters, before the pair is cut.
    { header: t('col.ingredients'), value: (d) => d.ingredients.join(' / '), minWidth: 10, cutOrder: 3 },
    { header: t('col.drug'), value: (d) => d.drugNames.join(' / '), minWidth: 4 },
    { header: t('col.institutions'), value: (d) => listIn(d.institutions, lang), minWidth: 8, cutOrder: 2 },
    { header: t('col.overlap'), value: (d) => String(d.overlapDays), align: 'right' },
  ];
}

export function careListColumns(t: Translate, lang: Lang): Column<Row<'careList'>>[] {
  return [
    { header: t('col.ingredient'), value: (m) => m.ingredient, minWidth: 10 },
    { header: t('col.month'), value: (m) => monthIn(m.month, lang) },
    { header: t('col.visits'), value: (m) => String(m.visits), align: 'right' },
    { header: t('col.places'), value: (m) => String(m.institutions), align: 'right' },
    { header: t('col.mg'), value: (m) => figure(m.totalMg), align: 'right' },
    { header: t('col.ddd'), value: (m) => (m.noDdd ? t('care.no-ddd') : figure(m.totalDdd)), align: 'right' },
    { header: t('col.reference'), value: (m) => figure(m.halfYearReferenceMg), align: 'right' },
  ];
}

export function allergyColumns(t: Translate, lang: Lang): Column<Row<'allergies'>>[] {
  const day = (iso: string | null) => shownDate(iso, lang);
  return [
    // occur_date: the day of the reaction, not a visit.
    { header: t('col.occurred'), value: (a) => day(a.date) },
    { header: t('col.drug'), value: (a) => listIn(a.drugNames, lang), minWidth: 8 },
    { header: t('col.symptoms'), value: (a) => listIn(allergyFindings(a, lang), lang), minWidth: 6 },
    { header: t('col.severity'), value: (a) => t(`allergy.${a.severity}`) },
  ];
}
