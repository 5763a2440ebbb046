// The report engine's public face: the kiosk's reports screen and `yaoli report` use these.
export { computeReport, COVERAGE_THRESHOLD } from './compute.ts';
export { reportFromCache } from './load.ts';
export type { CacheReport, CacheReportOptions } from './load.ts';
export { lastMonth, resolvePeriod, startOfTaipeiDay, todayInTaipei } from './period.ts';
export type { PeriodProblem } from './period.ts';
export { parseVisits, resolveVisits } from './visits.ts';
export type { ParsedVisit, VisitProblem, VisitProblemKind } from './visits.ts';
export { renderReportText } from './render-text.ts';
export type { TextOptions } from './render-text.ts';
export { renderReportCsv, reportTables } from './render-csv.ts';
export type { CsvTable } from './render-csv.ts';
export { reportMessages } from './messages.ts';
export { writeReportFiles, ReportWriteError } from './write-files.ts';
export { sparkline, bar } from './charts.ts';
export { percent } from './stats.ts';
export * from './actions.ts';
export type * from './types.ts';
