// The report a technician sends back: one JSON object, stable key order, no patient data (the
// probes never read a patient card's contents, only ATRs, and mask nothing because nothing
// personal is in it).
import type { DiagnosticReport } from './types.ts';

export function reportJson(report: DiagnosticReport): string {
  const ordered: DiagnosticReport = {
    version: report.version,
    at: report.at,
    checks: report.checks.map((c) => {
      const check: Record<string, unknown> = { id: c.id, title: c.title, status: c.status, detail: c.detail, hint: c.hint };
      if (c.nhiCode !== undefined) check['nhiCode'] = c.nhiCode;
      check['ms'] = c.ms;
      if (c.data !== undefined) check['data'] = c.data;
      return check as unknown as DiagnosticReport['checks'][number];
    }),
    summary: report.summary,
  };
  return JSON.stringify(ordered, null, 2);
}
