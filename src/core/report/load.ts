// The report straight from a cache: streams the period's audit rows through computeReport on
// the cache file's own read-only cursor (see src/core/cache/audit-query.ts), so a year of
// look-ups never sits in memory as one array. The kiosk's reports screen and `yaoli report`
// both call this with the open cache handle.
import { openAuditReader } from '../cache/audit-query.ts';
import { addDays } from '../domain/dates.ts';
import { computeReport } from './compute.ts';
import { startOfTaipeiDay } from './period.ts';
import type { Report, ReportOptions } from './types.ts';
import { parseVisits, resolveVisits, type VisitProblem } from './visits.ts';

export interface CacheReportOptions extends Omit<ReportOptions, 'visits'> {
  /** The visit list's CSV text (`--visits FILE.csv`), if one was imported. */
  visitsCsv?: string;
}

export interface CacheReport {
  report: Report;
  /** Visit-list lines that were skipped, with their line numbers. */
  visitProblems: VisitProblem[];
}

export function reportFromCache(cache: { path: string; keyFile: string }, options: CacheReportOptions): CacheReport {
  const reader = openAuditReader(cache);
  try {
    let visitProblems: VisitProblem[] = [];
    let visits: ReportOptions['visits'];
    if (options.visitsCsv !== undefined) {
      const parsed = parseVisits(options.visitsCsv);
      visitProblems = parsed.problems;
      visits = resolveVisits(parsed.visits, reader.patientKeyOf);
    }
    const rows = reader.rows({ from: startOfTaipeiDay(options.from), to: startOfTaipeiDay(addDays(options.to, 1)) });
    const { visitsCsv: _csv, ...rest } = options;
    return { report: computeReport(rows, { ...rest, visits }), visitProblems };
  } finally {
    reader.close();
  }
}
