// The reports screen's content as display lines, each exactly as wide as the screen: the same
// figures and words as `yaoli report` (src/core/report), laid out with the tables' column code
// (columns.ts: fixed numeric columns, the first column takes what is left; CJK by display width).
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { ms, periodLabel, roleLabel } from '../../core/report/labels.ts';
import { dayIn } from '../../i18n/dates.ts';
import { reportMessages as m, type ReportMessageKey } from '../../core/report/messages.ts';
import { percent } from '../../core/report/stats.ts';
import type { Report } from '../../core/report/types.ts';
import { formatLine } from '../table/columns.ts';
import { fit } from '../text/width.ts';
import { wrapToWidth } from '../../text/wrap.ts';

export interface ReportLine {
  text: string;
  kind: 'title' | 'header' | 'row' | 'note';
}

interface Col {
  title: ReportMessageKey;
  /** 0: takes what the others leave. */
  width: number;
  align?: 'left' | 'right';
}

function table(lang: Lang, width: number, cols: Col[], rows: (string | number)[][]): ReportLine[] {
  const fixed = cols.reduce((sum, c) => sum + c.width + 1, 0);
  const widths = cols.map((c) => (c.width === 0 ? Math.max(6, width - 2 - fixed) : c.width));
  const aligns = cols.map((c) => c.align ?? 'left');
  const line = (cells: (string | number)[]) => `  ${formatLine(cells.map(String), widths, aligns, '…')}`;
  if (rows.length === 0) return [{ text: fit(`  ${translate(m, 'none', lang)}`, width), kind: 'note' }];
  return [
    { text: fit(line(cols.map((c) => translate(m, c.title, lang))), width), kind: 'header' },
    ...rows.map((row) => ({ text: fit(line(row), width), kind: 'row' as const })),
  ];
}

const num = (title: ReportMessageKey, width = 8): Col => ({ title, width, align: 'right' });

export function reportLines(report: Report, lang: Lang, width: number): ReportLine[] {
  const t = (key: ReportMessageKey, facts?: Record<string, string | number>) => translate(m, key, lang, facts);
  const out: ReportLine[] = [];
  const note = (text: string) => out.push(...wrapToWidth(`  ${text}`, width, 2).map((l) => ({ text: fit(l, width), kind: 'note' as const })));
  const section = (key: ReportMessageKey) => out.push({ text: fit(`■ ${t(key)}`, width), kind: 'title' });

  out.push(...wrapToWidth(t('summary', { lookups: report.lookups, patients: report.patients, prefetches: report.prefetches, rows: report.rows }), width).map((l) => ({ text: fit(l, width), kind: 'note' as const })));

  section('section.periods');
  out.push(...table(lang, width, [{ title: 'col.period', width: 0 }, num('col.lookups'), num('col.patients'), num('col.emergency', 6), num('col.failed', 6)],
    report.periods.map((p) => [periodLabel(report.by === 'month' ? p.label : p.from, report.by, lang), p.lookups, p.patients, p.emergency, p.failed])));

  section('section.latency');
  out.push(...table(lang, width, [{ title: 'col.endpoint', width: 0 }, num('col.count', 6), num('col.median'), num('col.p90', 7), num('col.p99', 7), num('col.max', 7)],
    report.latency.map((l) => [l.endpoint, l.count, ms(l.median), ms(l.p90), ms(l.p99), ms(l.max)])));

  section('section.care-list');
  const rate = report.careList.rate;
  note(t('care.numerator', { opened: rate.opened, openedAndPrescribed: rate.openedAndPrescribed, openedNotPrescribed: rate.openedNotPrescribed }));
  if (report.careList.prescribingKnown) {
    const prescribed = rate.openedAndPrescribed + rate.prescribedNotOpened;
    note(t('care.denominator', { prescribed, openedAndPrescribed: rate.openedAndPrescribed, prescribedNotOpened: rate.prescribedNotOpened, openedNotPrescribed: rate.openedNotPrescribed, denominator: rate.denominator }));
    note(t('care.rate', { opened: rate.opened, denominator: rate.denominator, rate: percent(rate.rate) }));
  } else note(t('care.unknown'));
  note(t('care.units', { source: t(`care.source.${report.careList.visitSource}`) }));

  section('section.staff');
  out.push(...table(lang, width, [{ title: 'col.staff', width: 0 }, { title: 'col.role', width: 10 }, num('col.lookups'), num('col.patients', 6), num('col.emergency', 6), num('col.care-list-opens', 12)],
    report.staff.map((s) => [s.staff, roleLabel(s.role, lang), s.lookups, s.patients, s.emergency, s.careListOpens])));

  section('section.cache');
  const hit = report.cacheHit;
  note(t('cache.line', { hits: hit.hits, lookups: hit.lookups, share: percent(hit.share), basis: t(`cache.basis.${hit.basis}`) }));

  section('section.consent');
  out.push(...table(lang, width, [{ title: 'col.kind', width: 0 }, num('col.count')], (['pin', 'verbal', 'emergency', 'none'] as const).map((kind) => [t(`consent.${kind}`), report.consent[kind]])));

  section('section.emergency');
  note(t('emergency.count', { count: report.emergencyLookups }));

  section('section.failures');
  out.push(...table(lang, width, [{ title: 'col.kind', width: 0 }, num('col.failed'), num('col.offline', 18)], report.failures.map((f) => [f.kind, f.failed, f.offline])));

  section('section.admin');
  out.push(...table(lang, width, [{ title: 'col.action', width: 0 }, num('col.count')], report.admin.map((a) => [a.action, a.count])));
  return out;
}

/** The period as the title shows it: ROC days in zh-TW, ISO in English. */
export function periodTitle(from: string, to: string, lang: Lang): { from: string; to: string } {
  return { from: dayIn(from, lang), to: dayIn(to, lang) };
}
