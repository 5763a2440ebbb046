// The diagnostics' public face: `yaoli doctor` and the kiosk's diagnostics screen use this.
export { runDiagnostics, streamDiagnostics, DEFAULT_DEADLINE_MS, DEFAULT_PROBE_TIMEOUT_MS, DIAGNOSTICS_VERSION } from './runner.ts';
export type { DiagnosticOptions, StreamOptions } from './runner.ts';
export { defaultProbes, DEFAULT_PROBE_IDS } from './probes/index.ts';
export type { ProbeListOptions } from './probes/index.ts';
export { resolveSetup, NO_CLOUD_REASON } from './setup.ts';
export { summarize, exitCodeOf } from './summary.ts';
export { renderCheck, renderReport, renderSummary, textStyle } from './render-text.ts';
export type { TextStyle } from './render-text.ts';
export { reportJson } from './render-json.ts';
export type {
  CheckStatus,
  DiagnosticCheck,
  DiagnosticReport,
  DiagnosticSetup,
  DiagnosticSummary,
  Probe,
  ProbeContext,
  ProbeOutcome,
  Timers,
} from './types.ts';
