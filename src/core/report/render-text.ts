// The report for people: one section per figure, CJK-aligned tables (src/text/table.ts),
// a sparkline and bars for the trend. Masked IDs only; emergency reasons are shown because
// reviewing them is what the owner reads this section for.
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { displayWidth, renderTable, truncateToWidth, type Column } from '../../text/table.ts';
import { FLOW_EMERGENCY_REFUSED } from './actions.ts';
import { bar, sparkline } from './charts.ts';
import { ms, periodLabel, roleLabel } from './labels.ts';
import { dayIn, dayTimeIn } from '../../i18n/dates.ts';
import { reportMessages as m, type ReportMessageKey } from './messages.ts';
import { percent } from './stats.ts';
import type { EmergencyFigure, FailureFigure, LatencyFigure, PeriodFigure, Report, StaffFigure } from './types.ts';
import type { VisitProblem } from './visits.ts';

export interface TextOptions {
  lang: Lang;
  ascii?: boolean;
  /** Visit-list lines that were skipped, to list under the coverage figure. */
  visitProblems?: readonly VisitProblem[];
}

/** The CLI's narrowest terminal (SPEC: 80x24); bars shrink so a table's lines fit it. */
const SCREEN_WIDTH = 80;
const BAR_WIDTH = { min: 6, max: 20 };

/** Renders `columns` plus a trend bar column sized to what is left of an 80-column line. */
function withTrend<Row>(columns: Column<Row>[], rows: readonly Row[], header: string, value: (row: Row) => number, ascii?: boolean): string[] {
  const plain = renderTable(columns, rows);
  const used = Math.max(0, ...plain.map(displayWidth));
  const room = SCREEN_WIDTH - 2 /* indent */ - used - 2 /* gap */;
  // No room for a useful bar: the section's sparkline still shows the trend.
  if (room < BAR_WIDTH.min) return plain;
  const width = Math.min(BAR_WIDTH.max, room);
  const max = Math.max(0, ...rows.map(value));
  return renderTable([...columns, { header, value: (row: Row) => bar(value(row), max, width, ascii) }], rows);
}

export function renderReportText(report: Report, options: TextOptions): string[] {
  const { lang } = options;
  const t = (key: ReportMessageKey, facts?: Record<string, string | number>): string => translate(m, key, lang, facts);
  const out: string[] = [];
  const section = (key: ReportMessageKey, extra = ''): void => {
    out.push('', `■ ${t(key)}${extra ? `  ${extra}` : ''}`);
  };
  const none = (): void => void out.push(`  ${t('none')}`);
  const indent = (lines: string[]): void => void out.push(...lines.map((line) => `  ${line}`));

  out.push(t('title', { from: dayIn(report.from, lang), to: dayIn(report.to, lang), by: t(`by.${report.by}`) }));
  out.push(t('summary', { lookups: report.lookups, patients: report.patients, prefetches: report.prefetches, rows: report.rows }));

  section('section.periods', sparkline(report.periods.map((p) => p.lookups), options.ascii));
  const withVisits = report.coverage !== null;
  const periodColumns: Column<PeriodFigure>[] = [
    { header: t('col.period'), value: (p) => periodLabel(report.by === 'month' ? p.label : p.from, report.by, lang) },
    { header: t('col.lookups'), value: (p) => String(p.lookups), align: 'right' },
    { header: t('col.patients'), value: (p) => String(p.patients), align: 'right' },
    { header: t('col.emergency'), value: (p) => String(p.emergency), align: 'right' },
    { header: t('col.failed'), value: (p) => String(p.failed), align: 'right' },
    ...(withVisits
      ? ([
          { header: t('col.seen'), value: (p) => String(p.patientsSeen ?? 0), align: 'right' },
          { header: t('col.looked-up'), value: (p) => String(p.patientsLookedUp ?? 0), align: 'right' },
          { header: t('col.rate'), value: (p) => percent(p.patientsSeen ? (p.patientsLookedUp ?? 0) / p.patientsSeen : null), align: 'right' },
        ] satisfies Column<PeriodFigure>[])
      : []),
  ];
  indent(withTrend(periodColumns, report.periods, t('col.trend'), (p) => p.lookups, options.ascii));

  section('section.latency');
  if (report.latency.length === 0) none();
  else {
    const latencyColumns: Column<LatencyFigure>[] = [
      { header: t('col.endpoint'), value: (l) => l.endpoint },
      { header: t('col.count'), value: (l) => String(l.count), align: 'right' },
      { header: t('col.median'), value: (l) => ms(l.median), align: 'right' },
      { header: t('col.p90'), value: (l) => ms(l.p90), align: 'right' },
      { header: t('col.p99'), value: (l) => ms(l.p99), align: 'right' },
      { header: t('col.max'), value: (l) => ms(l.max), align: 'right' },
    ];
    indent(renderTable(latencyColumns, report.latency));
  }

  section('section.cache');
  const hit = report.cacheHit;
  out.push(`  ${t('cache.line', { hits: hit.hits, lookups: hit.lookups, share: percent(hit.share), basis: t(`cache.basis.${hit.basis}`) })}`);

  section('section.staff');
  if (report.staff.length === 0) none();
  else {
    const staffColumns: Column<StaffFigure>[] = [
      { header: t('col.staff'), value: (s) => s.staff },
      { header: t('col.role'), value: (s) => roleLabel(s.role, lang) },
      { header: t('col.lookups'), value: (s) => String(s.lookups), align: 'right' },
      { header: t('col.patients'), value: (s) => String(s.patients), align: 'right' },
      { header: t('col.emergency'), value: (s) => String(s.emergency), align: 'right' },
      { header: t('col.care-list-opens'), value: (s) => String(s.careListOpens), align: 'right' },
    ];
    indent(withTrend(staffColumns, report.staff, t('col.trend'), (s) => s.lookups, options.ascii));
  }

  section('section.coverage');
  const coverage = report.coverage;
  if (coverage === null) out.push(`  ${t('coverage.none')}`);
  else {
    const verdict = coverage.meetsThreshold === null ? '' : t(coverage.meetsThreshold ? 'coverage.meets' : 'coverage.below');
    out.push(`  ${t('coverage.line', { seen: coverage.patientsSeen, lookedUp: coverage.patientsLookedUp, rate: percent(coverage.rate), threshold: percent(coverage.threshold), verdict }).trimEnd()}`);
  }
  if (options.visitProblems && options.visitProblems.length > 0) {
    const lines = options.visitProblems.slice(0, 10).map((p) => `${p.line} ${t(`visit.${p.kind}`)}`);
    out.push(`  ${t('visits.problems', { count: options.visitProblems.length, lines: lines.join(lang === 'zh-TW' ? '、' : '; ') })}`);
  }

  section('section.care-list');
  const rate = report.careList.rate;
  const facts = { ...rate, prescribed: rate.openedAndPrescribed + rate.prescribedNotOpened, rate: percent(rate.rate) };
  out.push(`  ${t('care.numerator', facts)}`);
  if (report.careList.prescribingKnown) {
    out.push(`  ${t('care.denominator', facts)}`, `  ${t('care.rate', facts)}`);
  } else out.push(`  ${t('care.unknown')}`);
  out.push(`  ${t('care.units', { source: t(`care.source.${report.careList.visitSource}`) })}`);

  section('section.consent');
  const consentTotal = report.lookups;
  for (const kind of ['pin', 'verbal', 'emergency', 'none'] as const) {
    const n = report.consent[kind];
    out.push(`  ${t(`consent.${kind}`)}: ${n} (${percent(consentTotal === 0 ? null : n / consentTotal)})`);
  }

  section('section.emergency', t('emergency.count', { count: report.emergencyLookups }));
  if (report.emergency.length === 0) none();
  else {
    const emergencyColumns: Column<EmergencyFigure>[] = [
      { header: t('col.time'), value: (e) => dayTimeIn(e.at, lang) },
      { header: t('col.staff'), value: (e) => e.staff ?? '—' },
      { header: t('col.patient'), value: (e) => e.patient ?? '—' },
      {
        header: t('col.outcome'),
        value: (e) => (e.action === FLOW_EMERGENCY_REFUSED ? t('emergency.refused', { kind: e.outcome.replace(/^emergency-/, '') }) : t('emergency.lookup')),
      },
    ];
    // Each reason on its own line under its row, so a long one fits an 80-column terminal
    // (cut with … only past the line; CSV and JSON carry it whole).
    const [header, rule, ...body] = renderTable(emergencyColumns, report.emergency);
    out.push(`  ${header ?? ''}`, `  ${rule ?? ''}`);
    for (const [i, line] of body.entries()) {
      const reason = report.emergency[i]?.reason;
      out.push(`  ${line}`);
      if (reason) out.push(truncateToWidth(`      ${t('emergency.reason', { reason: reason.replace(/\s+/g, ' ') })}`, SCREEN_WIDTH));
    }
  }

  section('section.failures');
  if (report.failures.length === 0) none();
  else {
    const failureColumns: Column<FailureFigure>[] = [
      { header: t('col.kind'), value: (f) => f.kind },
      { header: t('col.failed'), value: (f) => String(f.failed), align: 'right' },
      { header: t('col.offline'), value: (f) => String(f.offline), align: 'right' },
    ];
    indent(renderTable(failureColumns, report.failures));
  }

  if (report.admin.length > 0) {
    section('section.admin');
    indent(renderTable([{ header: t('col.action'), value: (a: { action: string }) => a.action }, { header: t('col.count'), value: (a: { count: number }) => String(a.count), align: 'right' }], report.admin));
  }
  return out;
}
