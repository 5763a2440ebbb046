// The readable report of `yaoli analyze`: alerts first (what the pharmacist must act on),
// then the tables the kiosk shows, in one language, ROC dates, national ID masked.
import { translate, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { toRocDate } from '../../core/domain/dates.ts';
import { recordStart } from '../../core/domain/leftover.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { dosageFormNames } from '../../core/domain/messages.ts';
import { renderTable, type Column } from '../../text/table.ts';
import type { CloudGroupLeftover } from '../../core/domain/types.ts';
import { alertText, cloudLeftoverFor } from './json.ts';
import { analyzeMessages, type AnalyzeMessageKey } from './messages.ts';

type Row<K extends keyof Analysis> = Analysis[K] extends readonly (infer T)[] ? T : never;

function roc(iso: string | null): string {
  return iso === null ? '—' : toRocDate(iso);
}

/** mg and DDD as the care-list alert prints them: 45.625 → 45.6, 1825 → 1825 (NHI: about 46 mg). */
function oneDecimal(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

export interface ReportOptions {
  /** Terminal columns every table is fitted to by cutting names (never dates or numbers); unset = no limit. */
  width?: number;
}

export function renderReport(analysis: Analysis, lang: Lang, cloudLeftover: readonly CloudGroupLeftover[] = [], options: ReportOptions = {}): string {
  const t = (key: AnalyzeMessageKey, facts?: Record<string, string | number>) => translate(analyzeMessages, key, lang, facts);
  const lines: string[] = [t('title')];
  const patient = analysis.patient;
  lines.push(
    patient === null
      ? t('patient.none', { today: roc(analysis.today) })
      : t('patient.line', {
          id: maskNationalId(patient.nationalId),
          name: patient.name,
          sex: t(`sex.${patient.sex}`),
          birth: roc(patient.birthDate),
          age: analysis.age ?? '?',
          today: roc(analysis.today),
        }),
  );

  const table = <Row>(columns: Column<Row>[], rows: readonly Row[]) => renderTable(columns, rows, { width: options.width });
  const section = (key: AnalyzeMessageKey, body: string[]) => {
    lines.push('', `■ ${t(key)}`);
    lines.push(...(body.length > 0 ? body : [t('none')]));
  };

  // An empty history says 查無資料 once, in place of the medication tables, not also as an
  // alert; the care list (6 months) and allergies come from other endpoints and still show.
  const alerts = analysis.empty ? analysis.alerts.filter((alert) => alert.key !== 'history.empty') : analysis.alerts;
  section(
    'section.alerts',
    alerts.map((alert) => `[${t(`severity.${alert.severity}`)}] ${alertText(alert, lang)}`),
  );

  const records: Column<Row<'records'>>[] = [
    { header: t('col.date'), value: (r) => roc(r.record.visitDate) },
    { header: t('col.refillDate'), value: ({ record: r }) => (r.refillDate === null ? '' : roc(recordStart(r))) },
    { header: t('col.institution'), value: (r) => r.record.institution.name, minWidth: 6 },
    { header: t('col.drug'), value: (r) => r.record.drugName, minWidth: 8, cutOrder: 2 },
    { header: t('col.ingredient'), value: (r) => r.record.ingredients.map((i) => i.name).join('+'), minWidth: 6, cutOrder: 3 },
    { header: t('col.frequency'), value: (r) => r.record.frequency ?? '', minWidth: 4, cutOrder: 3 },
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
  section('section.records', analysis.empty ? [t('empty')] : analysis.records.length > 0 ? table(records, analysis.records) : []);

  const groups: Column<Row<'groups'>>[] = [
    { header: t('col.ingredient'), value: (g) => g.ingredient, minWidth: 10 },
    { header: t('col.form'), value: (g) => dosageFormNames[g.dosageForm][lang] },
    { header: t('col.carry'), value: (g) => String(g.leftoverDays), align: 'right' },
    { header: t('col.noCarry'), value: (g) => String(g.noCarryLeftoverDays), align: 'right' },
    { header: t('col.supplyEnd'), value: (g) => roc(g.supplyEnd) },
    { header: t('col.cloud'), value: (g) => String(cloudLeftoverFor(g, cloudLeftover, analysis.today) ?? '—'), align: 'right' },
    { header: t('col.note'), value: (g) => (g.mayUnderestimate ? t('group.mayUnderestimate') : '') },
  ];
  const activeGroups = analysis.groups.filter((g) => g.leftoverDays > 0 || g.noCarryLeftoverDays > 0);
  if (!analysis.empty) section('section.groups', activeGroups.length > 0 ? table(groups, activeGroups) : []);

  // SPEC §2: valid and expired prescriptions are listed separately. A valid one's next fill
  // may be collected from 下次可領 until 效期至; an ended one has no next fill.
  const prescribed: Column<Row<'refills'>> = { header: t('col.prescribed'), value: (r) => roc(r.prescriptionDate) };
  const refillDrug: Column<Row<'refills'>> = { header: t('col.drug'), value: (r) => r.drugName, minWidth: 10 };
  const fills: Column<Row<'refills'>> = { header: t('col.fill'), value: (r) => `${r.fill}/${r.fills}`, align: 'right' };
  const validUntil: Column<Row<'refills'>> = { header: t('col.validUntil'), value: (r) => roc(r.validUntil) };
  const refillStatus: Column<Row<'refills'>> = { header: t('col.status'), value: (r) => t(`status.${r.status}`) };
  const nextFill: Column<Row<'refills'>> = { header: t('col.next'), value: (r) => roc(r.nextFrom) };
  const valid = analysis.refills.filter((r) => r.status === 'eligible' || r.status === 'too-early');
  const ended = analysis.refills.filter((r) => r.status !== 'eligible' && r.status !== 'too-early');
  if (analysis.refills.length > 0) {
    section('section.refills', [
      ...(valid.length > 0 ? [`□ ${t('refills.valid')}`, ...table([prescribed, refillDrug, fills, nextFill, validUntil, refillStatus], valid)] : []),
      ...(valid.length > 0 && ended.length > 0 ? [''] : []),
      ...(ended.length > 0 ? [`□ ${t('refills.ended')}`, ...table([prescribed, refillDrug, fills, validUntil, refillStatus], ended)] : []),
    ]);
  }

  const duplicates: Column<Row<'duplicates'>>[] = [
    { header: t('col.level'), value: (d) => d.level },
    { header: t('col.severity'), value: (d) => t(`severity.${d.severity}`) },
    // The ingredients name the pair in a few cells: product names (one per record) and
    // institutions go down to a few cells before the pair is cut.
    { header: t('col.ingredients'), value: (d) => d.ingredients.join(' / '), minWidth: 10, cutOrder: 2 },
    { header: t('col.drug'), value: (d) => d.drugNames.join(' / '), minWidth: 4 },
    { header: t('col.institutions'), value: (d) => d.institutions.join('、'), minWidth: 4 },
    { header: t('col.overlap'), value: (d) => String(d.overlapDays), align: 'right' },
  ];
  if (analysis.duplicates.length > 0) section('section.duplicates', table(duplicates, analysis.duplicates));

  const careList: Column<Row<'careList'>>[] = [
    { header: t('col.ingredient'), value: (m) => m.ingredient, minWidth: 10 },
    { header: t('col.month'), value: (m) => roc(`${m.month}-01`).slice(0, -3) },
    { header: t('col.visits'), value: (m) => String(m.visits), align: 'right' },
    { header: t('col.places'), value: (m) => String(m.institutions), align: 'right' },
    { header: t('col.mg'), value: (m) => oneDecimal(m.totalMg), align: 'right' },
    { header: t('col.ddd'), value: (m) => (m.noDdd ? t('care.no-ddd') : oneDecimal(m.totalDdd)), align: 'right' },
    { header: t('col.reference'), value: (m) => oneDecimal(m.halfYearReferenceMg), align: 'right' },
  ];
  if (analysis.careList.length > 0) section('section.careList', table(careList, analysis.careList));

  const allergies: Column<Row<'allergies'>>[] = [
    // occur_date: the day of the reaction, not a visit.
    { header: t('col.occurred'), value: (a) => roc(a.date) },
    { header: t('col.drug'), value: (a) => a.drugNames.join('、'), minWidth: 8 },
    { header: t('col.symptoms'), value: (a) => a.symptoms.join('、'), minWidth: 6 },
    { header: t('col.severity'), value: (a) => t(`allergy.${a.severity}`) },
  ];
  if (analysis.allergies.length > 0) section('section.allergies', table(allergies, analysis.allergies));
  return lines.join('\n');
}
