// 批次下載: fetch a list of patients into the cache ahead of time (e.g. tomorrow's chronic
// refills), a few at a time so the counter's own look-ups and the cloud are not swamped.
// Each patient is an ordinary audited look-up with action `prefetch`; done patients are
// recorded in the progress file as they finish, so a rerun resumes.
import type { CloudClient, CloudErrorKind, LoginCredentials } from '../cloud/index.ts';
import type { IsoDate, Patient } from '../domain/types.ts';
import { lookupPatient, type ConsentKind, type LookupCache, type LookupResult } from './lookup.ts';
import type { ListEntry } from './patient-list.ts';
import type { ProgressFile } from './progress-file.ts';

/** Login refusals that concern the staff card, not the patient. */
const STOPPERS = new Set<CloudErrorKind>(['auth', 'forbidden']);

export type BatchOutcome = 'fetched' | 'cached' | 'failed' | 'skipped';

export interface BatchItem {
  entry: ListEntry;
  outcome: BatchOutcome;
  /** Why it failed (CloudError kind), for the summary. */
  reason: CloudErrorKind | null;
  ms: number;
}

export interface BatchSummary {
  total: number;
  fetched: number;
  cached: number;
  failed: number;
  /** Done in an earlier, interrupted run. */
  skipped: number;
  /** Stopped before every entry ran. */
  aborted: boolean;
  /** The batch stopped itself: the staff login is refused for everyone (auth/forbidden). */
  stoppedBy: CloudErrorKind | null;
  failures: { line: number; reason: CloudErrorKind | null }[];
  elapsedMs: number;
}

export interface PrefetchOptions {
  entries: readonly ListEntry[];
  concurrency: number;
  cache: LookupCache;
  client: Pick<CloudClient, 'login' | 'fetchAll'>;
  /** Login for one listed patient (the staff card and SAM sign each one). */
  credentialsFor: (entry: ListEntry) => LoginCredentials | Promise<LoginCredentials>;
  staff: { staffId: string; role?: string | null };
  today: IsoDate;
  consent?: ConsentKind;
  /** Skip patients whose whole cache is younger than this (0 = always fetch). */
  maxCacheAgeMs?: number;
  progress?: ProgressFile;
  signal?: AbortSignal;
  onItem?: (item: BatchItem, summary: BatchSummary) => void;
  clock?: () => Date;
}

/** The list gives ID and birth date only; sex follows from the ID's second digit (1/8 男, 2/9 女). */
export function patientFromEntry(entry: ListEntry): Patient {
  const digit = entry.nationalId[1];
  return { nationalId: entry.nationalId, name: '', birthDate: entry.birthDate, sex: digit === '2' || digit === '9' ? 'F' : 'M' };
}

function outcomeOf(result: LookupResult): BatchOutcome {
  if (result.outcome === 'fresh') return 'fetched';
  if (result.outcome === 'cached') return 'cached';
  return 'failed';
}

export async function prefetchList(options: PrefetchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const summary: BatchSummary = { total: options.entries.length, fetched: 0, cached: 0, failed: 0, skipped: 0, aborted: false, stoppedBy: null, failures: [], elapsedMs: 0 };
  // A refused staff login (not authorized, bad card) would fail every patient alike: stop.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const queue = [...options.entries];
  const record = (item: BatchItem): void => {
    summary[item.outcome]++;
    if (item.outcome === 'failed') summary.failures.push({ line: item.entry.line, reason: item.reason });
    else if (item.outcome !== 'skipped') options.progress?.markDone(item.entry, item.outcome);
    options.onItem?.(item, summary);
  };

  async function worker(): Promise<void> {
    for (;;) {
      if (signal.aborted) return;
      const entry = queue.shift();
      if (!entry) return;
      if (options.progress?.isDone(entry)) {
        record({ entry, outcome: 'skipped', reason: null, ms: 0 });
        continue;
      }
      const itemStarted = performance.now();
      let result: LookupResult;
      try {
        result = await lookupPatient({
          patient: patientFromEntry(entry),
          cache: options.cache,
          client: options.client,
          credentials: await options.credentialsFor(entry),
          today: options.today,
          isCurrent: () => true,
          onEvent: () => {},
          staff: options.staff,
          consent: options.consent ?? 'none',
          action: 'prefetch',
          maxCacheAgeMs: options.maxCacheAgeMs ?? 0,
          analyze: false,
          signal,
          ...(options.clock ? { clock: options.clock } : {}),
        });
      } catch (error) {
        // A signer that fails (card pulled) is one failed patient, not a crashed batch.
        result = { outcome: 'failed', error: null, latencies: {}, warnings: [error as Error] };
      }
      // An entry cut short by the abort is neither done nor a real failure: the rerun does it.
      if (signal.aborted && result.error?.kind === 'aborted') return;
      record({ entry, outcome: outcomeOf(result), reason: result.error?.kind ?? null, ms: Math.round(performance.now() - itemStarted) });
      if (result.error && STOPPERS.has(result.error.kind) && result.error.endpoint === 'login' && summary.stoppedBy === null) {
        summary.stoppedBy = result.error.kind;
        stop.abort();
      }
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency, options.entries.length || 1));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  summary.aborted = signal.aborted && summary.fetched + summary.cached + summary.failed + summary.skipped < summary.total;
  return { ...summary, elapsedMs: Math.round(performance.now() - started) };
}
