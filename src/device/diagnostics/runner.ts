// Runs the probes: independent ones at the same time, each under its own timeout and all under
// one overall deadline, a probe whose prerequisite failed is skipped with the reason, and the
// checks come back in the probes' order however they finished. The kiosk's diagnostics screen
// and `yaoli doctor` call the same functions.
import type { Bilingual } from '../../i18n/index.ts';
import type { ReaderHub } from '../types.ts';
import { bi, errorText, runnerMessages } from './messages.ts';
import { defaultProbes } from './probes/index.ts';
import { resolveSetup } from './setup.ts';
import { summarize } from './summary.ts';
import { raceTimeout, realTimers } from './timeout.ts';
import type { DiagnosticCheck, DiagnosticReport, DiagnosticSetup, Probe, ProbeContext, ProbeOutcome, Timers } from './types.ts';

export const DIAGNOSTICS_VERSION = '0.1.0';
export const DEFAULT_PROBE_TIMEOUT_MS = 4000;
export const DEFAULT_DEADLINE_MS = 10_000;
const HUB_CLOSE_MS = 1000;

export interface DiagnosticOptions {
  /** Where to look; anything left out gets the default (see resolveSetup). */
  setup?: Partial<DiagnosticSetup>;
  /** The probes to run, in report order (default: defaultProbes()). */
  probes?: readonly Probe[];
  /** The kiosk passes its own hub; otherwise a PC/SC hub is opened for the run and closed after. */
  hub?: ReaderHub;
  /** Opens the hub when none is passed (tests inject one). */
  openHub?: () => Promise<ReaderHub>;
  clock?: () => Date;
  now?: () => number;
  timers?: Timers;
  probeTimeoutMs?: number;
  deadlineMs?: number;
  /** Cancels the run (the kiosk leaves its diagnostics screen). */
  signal?: AbortSignal;
  version?: string;
}

export interface StreamOptions extends DiagnosticOptions {
  /** Called once per check as soon as it is known (completion order). */
  onCheck?: (check: DiagnosticCheck) => void;
}

function check(probe: Probe, outcome: ProbeOutcome, ms: number): DiagnosticCheck {
  const result: DiagnosticCheck = {
    id: probe.id,
    title: probe.title,
    status: outcome.status,
    detail: outcome.detail,
    hint: outcome.hint ?? runnerMessages.none,
    ms: Math.max(0, Math.round(ms)),
  };
  if (outcome.nhiCode !== undefined) result.nhiCode = outcome.nhiCode;
  if (outcome.data !== undefined) result.data = outcome.data;
  return result;
}

/** Refuses probe lists that could wait on themselves or on a probe that is not in the list. */
function validate(probes: readonly Probe[]): void {
  const seen = new Set<string>();
  for (const probe of probes) {
    if (seen.has(probe.id)) throw new TypeError(`duplicate probe id ${probe.id}`);
    for (const dependency of probe.dependsOn ?? []) {
      if (!seen.has(dependency)) throw new TypeError(`probe ${probe.id} depends on ${dependency}, which must come earlier in the list`);
    }
    seen.add(probe.id);
  }
}

class HubSource {
  private opened: Promise<ReaderHub> | null = null;
  constructor(private readonly given: ReaderHub | undefined, private readonly open: () => Promise<ReaderHub>) {}
  get(): Promise<ReaderHub> {
    if (this.given) return Promise.resolve(this.given);
    this.opened ??= this.open();
    return this.opened;
  }
  async close(): Promise<void> {
    if (!this.opened) return;
    const hub = await this.opened.catch(() => null);
    await hub?.close();
  }
}

async function openPcscHub(setup: DiagnosticSetup): Promise<ReaderHub> {
  const { PcscReaderHub } = await import('../pcsc/hub.ts');
  return PcscReaderHub.start({ smartcardList: setup.smartcardList, reprobeMs: 60_000 });
}

/** Runs every probe and returns the whole report; see streamDiagnostics for live updates. */
export function runDiagnostics(options: DiagnosticOptions = {}): Promise<DiagnosticReport> {
  return streamDiagnostics(options);
}

export async function streamDiagnostics(options: StreamOptions = {}): Promise<DiagnosticReport> {
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? (() => performance.now());
  const timers = options.timers ?? realTimers;
  const setup = resolveSetup(options.setup);
  const probes = options.probes ?? defaultProbes();
  validate(probes);
  const probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const deadlineAt = now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const at = clock().toISOString();
  const hubs = new HubSource(options.hub, options.openHub ?? (() => openPcscHub(setup)));
  const results = new Map<string, Promise<DiagnosticCheck>>();

  const runOne = async (probe: Probe): Promise<DiagnosticCheck> => {
    const dependencies = await Promise.all((probe.dependsOn ?? []).map((id) => results.get(id) as Promise<DiagnosticCheck>));
    const finished = new Map(dependencies.map((d) => [d.id, d]));
    const blocker = dependencies.find((d) => d.status === 'FAIL' || d.status === 'SKIP');
    if (blocker) {
      // A skipped prerequisite already says why (e.g. no cloud URL configured): repeat that.
      const detail = blocker.status === 'SKIP' ? blocker.detail : needs(blocker.title);
      return check(probe, { status: 'SKIP', detail }, 0);
    }
    if (options.signal?.aborted) return check(probe, { status: 'SKIP', detail: runnerMessages.cancelled }, 0);
    const start = now();
    const remaining = deadlineAt - start;
    if (remaining <= 0) return check(probe, { status: 'FAIL', detail: runnerMessages.deadline, hint: runnerMessages['timed-out-hint'] }, 0);
    const limit = Math.min(probe.timeoutMs ?? probeTimeoutMs, remaining);
    const controller = new AbortController();
    const onCancel = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onCancel, { once: true });
    const context: ProbeContext = {
      setup,
      signal: controller.signal,
      clock,
      now,
      dependency: (id) => finished.get(id),
      hub: () => hubs.get(),
    };
    const raced = await raceTimeout(() => probe.run(context), limit, timers, controller);
    options.signal?.removeEventListener('abort', onCancel);
    const ms = now() - start;
    if (raced.done === 'timeout') {
      const outcome: ProbeOutcome = { status: 'FAIL', detail: bi(runnerMessages['timed-out'], { ms: Math.round(limit) }), hint: runnerMessages['timed-out-hint'] };
      if (probe.timeoutNhiCode !== undefined) outcome.nhiCode = probe.timeoutNhiCode;
      return check(probe, outcome, ms);
    }
    if (raced.done === false) {
      if (options.signal?.aborted) return check(probe, { status: 'SKIP', detail: runnerMessages.cancelled }, ms);
      return check(probe, { status: 'FAIL', detail: bi(runnerMessages.crashed, { detail: errorText(raced.error) }), hint: runnerMessages['crashed-hint'] }, ms);
    }
    return check(probe, raced.value, ms);
  };

  for (const probe of probes) {
    const promise = runOne(probe).then((result) => {
      try {
        options.onCheck?.(result);
      } catch {
        // A screen's rendering bug must not stop the diagnostics.
      }
      return result;
    });
    results.set(probe.id, promise);
  }
  let checks: DiagnosticCheck[];
  try {
    checks = await Promise.all(probes.map((p) => results.get(p.id) as Promise<DiagnosticCheck>));
  } finally {
    // Bounded too: a hub whose opening never finished must not hold the report back.
    await raceTimeout(() => hubs.close(), HUB_CLOSE_MS, timers, new AbortController());
  }
  return { version: options.version ?? DIAGNOSTICS_VERSION, at, checks, summary: summarize(checks) };
}

function needs(title: Bilingual): Bilingual {
  return { 'zh-TW': bi(runnerMessages['needs-failed'], { title: title['zh-TW'] })['zh-TW'], en: bi(runnerMessages['needs-failed'], { title: title.en }).en };
}
