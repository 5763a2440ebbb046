// The reports overlay (機構管理者 only): which period is shown, asking the kiosk for its figures
// (`load-report`, answered by `report-loaded`) and the CSV export (`export-report`, answered by
// `report-exported` or `report-export-failed`). A period is one Taipei day, one ISO week or one
// calendar month; ← → move it by its own length.
import { addDays, addMonths, taipeiDateOf } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import { lastMonth, mondayOf } from '../report/period.ts';
import type { Granularity } from '../report/types.ts';
import { notice, unchanged, type Step } from './state.ts';
import type { ReportsView, SessionEffect, SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

/** The trend rows each span is drawn with: a month by week fits the screen, a week by day. */
const BUCKET: Record<Granularity, Granularity> = { day: 'day', week: 'day', month: 'week' };

/** The period of this span that holds `day`. */
export function periodOf(span: Granularity, day: IsoDate): { from: IsoDate; to: IsoDate } {
  if (span === 'day') return { from: day, to: day };
  if (span === 'week') {
    const monday = mondayOf(day);
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = `${day.slice(0, 7)}-01`;
  return { from: first, to: addDays(addMonths(first, 1), -1) };
}

function movedBy(view: ReportsView, by: -1 | 1): { from: IsoDate; to: IsoDate } {
  if (view.span === 'day') return periodOf('day', addDays(view.from, by));
  if (view.span === 'week') return periodOf('week', addDays(view.from, 7 * by));
  return periodOf('month', addMonths(view.from, by));
}

function load(view: ReportsView): SessionEffect {
  return { type: 'load-report', from: view.from, to: view.to, by: BUCKET[view.span] };
}

/** Opening the overlay: last month (上個月), as `yaoli report` without dates. */
export function openReports(state: SessionState, event: Ev<'open-overlay'>): Step {
  const today = event.today ?? taipeiDateOf(new Date(event.at));
  const view: ReportsView = { ...lastMonth(today), span: 'month', loading: true, report: null, error: null, exported: null };
  return { state: { ...state, overlay: 'reports', reports: view }, effects: [load(view)], audit: { action: 'open-reports', outcome: 'ok' } };
}

export function reportPeriod(state: SessionState, event: Ev<'report-period'>): Step {
  const view = state.reports;
  if (state.overlay !== 'reports' || !view) return unchanged(state);
  const span = event.span ?? view.span;
  const period = event.move ? movedBy(view, event.move) : span === view.span ? { from: view.from, to: view.to } : periodOf(span, view.to);
  if (period.from === view.from && period.to === view.to && span === view.span) return unchanged(state);
  const next: ReportsView = { ...view, ...period, span, loading: true, error: null, exported: null };
  return { state: { ...state, reports: next }, effects: [load(next)] };
}

/** Figures for a period no longer shown (keys were faster than the cache) are dropped. */
export function reportLoaded(state: SessionState, event: Ev<'report-loaded'>): Step {
  const view = state.reports;
  if (!view || view.from !== event.from || view.to !== event.to) return unchanged(state);
  return unchanged({ ...state, reports: { ...view, loading: false, report: event.report, error: null } });
}

export function reportFailed(state: SessionState, event: Ev<'report-failed'>): Step {
  const view = state.reports;
  if (!view) return unchanged(state);
  return { state: { ...state, reports: { ...view, loading: false, error: event.kind } }, effects: [], audit: { action: 'report-failed', outcome: event.kind } };
}

/**
 * No audit row for the key itself: the back office writes the export's one `admin.export` row,
 * with the period and how it ended. Only a refusal (no export follows) is on record here.
 */
export function reportExport(state: SessionState, event: Ev<'report-export'>): Step {
  const view = state.reports;
  const staff = state.staff;
  if (!staff?.profile.admin) return { state: { ...state, notice: notice('error.not-admin', 'not-admin') }, effects: [], audit: { action: 'report-export', outcome: 'not-admin' } };
  if (state.overlay !== 'reports' || !view || !view.report) return unchanged(state);
  const actor = { staffId: staff.profile.staffId, role: staff.profile.role };
  const by = BUCKET[view.span];
  // While another period loads, the previous period's figures stay on screen: not these.
  const shown = view.report;
  const report = !view.loading && shown.from === view.from && shown.to === view.to && shown.by === by ? shown : null;
  return {
    state: { ...state, reports: { ...view, exported: null, error: null } },
    effects: [{ type: 'export-report', from: view.from, to: view.to, by, lang: event.lang, actor, report }],
  };
}

export function reportExported(state: SessionState, event: Ev<'report-exported'>): Step {
  const view = state.reports;
  if (!view) return unchanged(state);
  return unchanged({ ...state, reports: { ...view, exported: { dir: event.dir, files: event.files } } });
}

/** The failed export's row is the back office's `admin.export`; a load still running keeps loading. */
export function reportExportFailed(state: SessionState, event: Ev<'report-export-failed'>): Step {
  const view = state.reports;
  if (!view) return unchanged(state);
  return unchanged({ ...state, reports: { ...view, error: event.kind } });
}
