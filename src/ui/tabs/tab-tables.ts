// Each tab as one table description: its rows, columns, row identity, colour and detail
// fields. The patient view treats all six alike (scroll, sort, filter, detail).
import { translate, type Lang } from '../../i18n/index.ts';
import { careListCaveat } from '../../core/session/care-list.ts';
import { sessionMessages } from '../../core/session/messages.ts';
import type { PatientData, TabId } from '../../core/session/types.ts';
import type { AnalyzedRecord } from '../../core/domain/analysis.ts';
import { DDD_TABLE_VERSION } from '../../core/domain/ddd.ts';
import { tr } from '../i18n/index.ts';
import type { Token } from '../theme.ts';
import type { Column } from '../table/columns.ts';
import { dayIn } from '../../i18n/dates.ts';
import { allergyColumns, controlledColumns, leftoverColumns, leftoverRowKey, leftoverRows, refillColumns } from './other-columns.ts';
import { leftoverText, recordColumns, recordSource } from './records-columns.ts';
import { summaryLines, type SummaryLine } from './summary-lines.ts';

export interface TabTable<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  header: boolean;
  sortable: boolean;
  rowKey(row: Row, index: number): string;
  rowColor?(row: Row): Token | undefined;
  detail(row: Row): [string, string][];
  /** A line under the table (e.g. the DDD reference). */
  footnote?: string;
}

export type AnyTabTable = TabTable<unknown>;

function erase<Row>(table: TabTable<Row>): AnyTabTable {
  return table as unknown as AnyTabTable;
}

function cellsDetail<Row>(columns: readonly Column<Row>[], lang: Lang) {
  return (row: Row): [string, string][] => columns.map((c) => [tr(lang, c.title), c.text(row)]);
}

function recordDetail(lang: Lang, homeInstitutionId: string | null) {
  const sourceKey = { home: 'source.home', other: 'source.other', pharmacy: 'source.pharmacy' } as const;
  return (row: AnalyzedRecord): [string, string][] => {
    const r = row.record;
    const dose = row.dose.kind === 'dose' ? String(row.dose.amount) : `${tr(lang, 'col.quantity')} ${row.dose.total}`;
    const fields: [string, string][] = [
      [tr(lang, 'col.drug'), r.drugName],
      [tr(lang, 'col.code'), r.drugCode],
      [tr(lang, 'col.ingredient'), r.ingredients.map((i) => (i.atc7 ? `${i.name} (${i.atc7})` : i.name)).join(' + ')],
      [tr(lang, 'col.atc5'), [r.atc5, r.atc5Name].filter(Boolean).join(' ')],
      [tr(lang, 'col.atc3'), r.atc3Name ?? ''],
      [tr(lang, 'col.date'), dayIn(r.visitDate, lang)],
      [tr(lang, 'col.visit-kind'), tr(lang, `visit.${r.institution.visitKind}`)],
      [tr(lang, 'col.institution'), `${r.institution.name} (${tr(lang, sourceKey[recordSource(row, homeInstitutionId)])})`],
      [tr(lang, 'col.days'), `${r.daysSupply}  ${tr(lang, 'col.quantity')} ${r.quantity}  ${tr(lang, 'col.frequency')} ${r.frequency ?? '-'}  ${tr(lang, 'col.dose')} ${dose}`],
      [tr(lang, 'col.leftover'), `${leftoverText(row, lang)}  (${tr(lang, 'col.cloud')} ${r.cloudLeftoverDays ?? '-'})`],
    ];
    if (r.refillDate) fields.push([tr(lang, 'col.refill-date'), dayIn(r.refillDate, lang)]);
    // NHI's 慢連箋領藥日 column holds this on an inpatient row: the order's last day on the ward.
    if (r.inpatientEndDate) fields.push([tr(lang, 'col.inpatient-end'), dayIn(r.inpatientEndDate, lang)]);
    if (r.exceptionCode) fields.push([tr(lang, 'col.exception'), r.exceptionCode]);
    // 主診斷 is shown for reference only (summary caveat): it is the visit's, not the drug's.
    if (r.diagnosis) fields.push([tr(lang, 'col.diagnosis'), `${r.diagnosis.code} ${r.diagnosis.name}`]);
    return fields;
  };
}

/** What the summary should say about how this look-up's data were gathered. */
function lookupCaveats(data: PatientData, lang: Lang): string[] {
  const failure = careListCaveat(data);
  return failure === null ? [] : [translate(sessionMessages, 'caveat.care-list-api', lang, { kind: failure })];
}

const SEVERITY_TOKEN: Record<string, Token> = { critical: 'status.critical', warning: 'status.warning', info: 'status.info' };

export function tabTable(tab: TabId, data: PatientData, lang: Lang, homeInstitutionId: string | null): AnyTabTable {
  const { analysis, history } = data;
  switch (tab) {
    case 'summary': {
      const columns: Column<SummaryLine>[] = [{ id: 'text', title: 'tab.summary', width: 10, flex: 1, text: (l) => l.text }];
      return erase<SummaryLine>({
        rows: summaryLines(analysis, lang, lookupCaveats(data, lang)),
        columns,
        header: false,
        sortable: false,
        rowKey: (l) => l.id,
        rowColor: (l) => (l.heading ? 'text.accent' : l.severity ? SEVERITY_TOKEN[l.severity] : undefined),
        detail: (l) => [[tr(lang, 'tab.summary'), l.text]],
      });
    }
    case 'records': {
      const columns = recordColumns(lang, homeInstitutionId);
      return erase<AnalyzedRecord>({ rows: analysis.records, columns, header: true, sortable: true, rowKey: (r) => r.record.id, detail: recordDetail(lang, homeInstitutionId) });
    }
    case 'leftover': {
      const columns = leftoverColumns(lang);
      return erase({ rows: leftoverRows(analysis.groups, history.cloudLeftover, analysis.today), columns, header: true, sortable: true, rowKey: leftoverRowKey, detail: cellsDetail(columns, lang) });
    }
    case 'refills': {
      const columns = refillColumns(lang, analysis.today);
      return erase({ rows: analysis.refills, columns, header: true, sortable: true, rowKey: (r) => r.prescriptionId, detail: cellsDetail(columns, lang) });
    }
    case 'controlled': {
      const columns = controlledColumns(lang);
      return erase({
        rows: analysis.careList,
        columns,
        header: true,
        sortable: true,
        rowKey: (r) => `${r.ingredientCode}|${r.month}`,
        detail: cellsDetail(columns, lang),
        footnote: `${tr(lang, 'care.reference')} · ${DDD_TABLE_VERSION}`,
      });
    }
    case 'allergies': {
      const columns = allergyColumns(lang);
      return erase({ rows: analysis.allergies, columns, header: true, sortable: true, rowKey: (_r, i) => String(i), detail: cellsDetail(columns, lang) });
    }
  }
}
