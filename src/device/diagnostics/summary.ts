// Counting checks and turning a report into the command's exit code: 0 when nothing FAILed
// (WARN and SKIP are allowed: a missing cache that will be created is not a broken set-up),
// 1 when anything FAILed.
import type { DiagnosticCheck, DiagnosticReport, DiagnosticSummary } from './types.ts';

export function summarize(checks: readonly DiagnosticCheck[]): DiagnosticSummary {
  const summary: DiagnosticSummary = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) {
    if (check.status === 'PASS') summary.pass += 1;
    else if (check.status === 'WARN') summary.warn += 1;
    else if (check.status === 'FAIL') summary.fail += 1;
    else summary.skip += 1;
  }
  return summary;
}

export function exitCodeOf(report: Pick<DiagnosticReport, 'checks'>): 0 | 1 {
  return report.checks.some((c) => c.status === 'FAIL') ? 1 : 0;
}
