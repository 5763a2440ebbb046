// The report as CSV, one table per figure. `yaoli report --format csv` writes them all to
// stdout, each after a `# <name>` line and a blank line between; `--out DIR` writes one file
// per figure (<name>.csv, UTF-8 with BOM so Excel shows the Chinese headers). Dates are ISO,
// times ISO instants, rates ratios 0–1 with four decimals: values for a spreadsheet to format.
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { toCsv } from './csv.ts';
import { reportMessages as m, type ReportMessageKey } from './messages.ts';
import type { Report } from './types.ts';

export interface CsvTable {
  name: string;
  rows: (string | number | null)[][];
}

const ratio = (value: number | null): string => (value === null ? '' : value.toFixed(4));

export function reportTables(report: Report, lang: Lang): CsvTable[] {
  const h = (key: ReportMessageKey): string => translate(m, key, lang);
  const withVisits = report.coverage !== null;
  return [
    {
      name: 'periods',
      rows: [
        ['from', 'to', h('col.lookups'), h('col.patients'), h('col.emergency'), h('col.failed'), ...(withVisits ? [h('col.seen'), h('col.looked-up'), h('col.rate')] : [])],
        ...report.periods.map((p) => [
          p.from, p.to, p.lookups, p.patients, p.emergency, p.failed,
          ...(withVisits ? [p.patientsSeen, p.patientsLookedUp, ratio(p.patientsSeen ? (p.patientsLookedUp ?? 0) / p.patientsSeen : null)] : []),
        ]),
      ],
    },
    {
      name: 'latency',
      rows: [
        [h('col.endpoint'), h('col.count'), h('col.median'), h('col.p90'), h('col.p99'), h('col.max')],
        ...report.latency.map((l) => [l.endpoint, l.count, l.median, l.p90, l.p99, l.max]),
      ],
    },
    {
      name: 'cache_hits',
      rows: [['basis', 'hits', h('col.lookups'), h('col.rate')], [report.cacheHit.basis, report.cacheHit.hits, report.cacheHit.lookups, ratio(report.cacheHit.share)]],
    },
    {
      name: 'staff',
      rows: [
        [h('col.staff'), h('col.role'), h('col.lookups'), h('col.patients'), h('col.emergency'), h('col.care-list-opens')],
        ...report.staff.map((s) => [s.staff, s.role, s.lookups, s.patients, s.emergency, s.careListOpens]),
      ],
    },
    {
      name: 'coverage',
      rows: [
        ['visits', h('col.seen'), h('col.looked-up'), h('col.rate'), 'threshold', 'meets_threshold'],
        ...(report.coverage
          ? [[report.coverage.visits, report.coverage.patientsSeen, report.coverage.patientsLookedUp, ratio(report.coverage.rate), ratio(report.coverage.threshold), report.coverage.meetsThreshold === null ? '' : report.coverage.meetsThreshold ? 'Y' : 'N']]
          : []),
      ],
    },
    {
      name: 'care_list_open_rate',
      rows: [
        [h('col.figure'), h('col.value')],
        ['opened', report.careList.rate.opened],
        ['opened_and_prescribed', report.careList.rate.openedAndPrescribed],
        ['opened_not_prescribed', report.careList.rate.openedNotPrescribed],
        ['prescribed_not_opened', report.careList.rate.prescribedNotOpened],
        ['denominator', report.careList.prescribingKnown ? report.careList.rate.denominator : ''],
        ['rate', ratio(report.careList.rate.rate)],
        ['visit_source', report.careList.visitSource],
      ],
    },
    {
      name: 'consent',
      rows: [[h('col.kind'), h('col.count')], ...(['pin', 'verbal', 'emergency', 'none'] as const).map((kind) => [kind, report.consent[kind]])],
    },
    {
      name: 'emergency',
      rows: [
        [h('col.time'), h('col.staff'), h('col.patient'), h('col.action'), h('col.outcome'), h('col.reason')],
        ...report.emergency.map((e) => [e.at.toISOString(), e.staff, e.patient, e.action, e.outcome, e.reason]),
      ],
    },
    {
      name: 'failures',
      rows: [[h('col.kind'), h('col.failed'), h('col.offline')], ...report.failures.map((f) => [f.kind, f.failed, f.offline])],
    },
    {
      name: 'admin',
      rows: [[h('col.action'), h('col.count')], ...report.admin.map((a) => [a.action, a.count])],
    },
  ];
}

/** Every table in one stream: `# name`, the table, a blank line. */
export function renderReportCsv(report: Report, lang: Lang): string {
  return reportTables(report, lang)
    .map((table) => `# ${table.name}\r\n${toCsv(table.rows)}`)
    .join('\r\n');
}
