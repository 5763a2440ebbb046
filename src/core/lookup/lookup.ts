// Cache-first patient look-up (SPEC §3.2): what the cache holds is on screen at once with its
// "data as of" time, the cloud is asked in the background, and fresh data replaces it when it
// arrives. When the cloud cannot be reached the cached data stays, marked offline. Every
// look-up, whatever its end, leaves one audit row.
//
// `today` is the Taipei calendar day the analysis runs against: cached data from last week is
// analysed as of today (leftover days shrink, refill windows open), because the domain takes
// the day as a parameter and never reads a clock (ARCHITECTURE, "Dates").
import { analyzeHistory, type Analysis } from '../domain/analysis.ts';
import type { AnalysisSettings } from '../domain/settings.ts';
import type { IsoDate, Patient, PatientHistory } from '../domain/types.ts';
import { CloudError, leadingFailure, type CloudClient, type EndpointParts, type LoginCredentials, type ProgressEvent } from '../cloud/index.ts';
import type { EndpointId } from '../medicloud/index.ts';
import { historyFromParts, oldest, partsFromSnapshots, type StoredSnapshot } from './history.ts';
import { auditLookup, type LookupAudit } from './audit.ts';
import { checkCareListStep, type CareListAnswer, type CareListChecker } from './care-list-check.ts';
import { CARE_LIST_STEP, LOGIN_STEP } from './step-names.ts';
import type { CareListStatus } from '../session/types.ts';

export type ConsentKind = 'pin' | 'verbal' | 'emergency' | 'none';

/** The parts of F's cache a look-up needs (src/core/cache satisfies it). */
export interface LookupCache {
  getSnapshots(nationalId: string): StoredSnapshot[];
  putSnapshots(nationalId: string, snapshots: readonly StoredSnapshot[]): void;
  audit: LookupAudit;
}

export interface ShownData {
  history: PatientHistory;
  /** Analysis as of `today`; null when not asked for (prefetch) or when it failed (see warnings). */
  analysis: Analysis | null;
  /** Oldest fetch time among the parts shown ("data as of"). */
  fetchedAt: Date;
  /** Endpoints whose data is not in `history` (never cached and not fetched). */
  missing: EndpointId[];
  /** The care-list Web API's answer in this look-up; null when not asked (cache, prefetch, no API). */
  careList?: CareListStatus | null;
}

export type LookupEvent =
  | ({ type: 'cached' } & ShownData)
  | { type: 'progress'; endpoint: string; state: ProgressEvent['state']; ms?: number; error?: CloudError }
  | ({ type: 'fresh' } & ShownData)
  | ({ type: 'offline'; error: CloudError } & Partial<ShownData>)
  | { type: 'failed'; error: CloudError };

export type LookupOutcome = 'fresh' | 'cached' | 'offline' | 'failed' | 'superseded';

export interface LookupResult {
  outcome: LookupOutcome;
  error: CloudError | null;
  /** ms per step: `cache`, LOGIN_STEP, each endpoint id, CARE_LIST_STEP, `total`. */
  latencies: Record<string, number>;
  /** Cache or audit trouble that did not stop the look-up (disk full…), for the status bar. */
  warnings: Error[];
}

export interface LookupOptions {
  /** As read from the NHI card. */
  patient: Patient;
  cache: LookupCache;
  /** With `checkCareList` (the real client has it), a counter look-up asks the care-list Web API too. */
  client: Pick<CloudClient, 'login' | 'fetchAll'> & Partial<Pick<CloudClient, 'checkCareList'>>;
  /** How to log in for this patient (three cards). */
  credentials: LoginCredentials;
  today: IsoDate;
  /** False once the counter moved on to another patient: nothing more is emitted. */
  isCurrent: () => boolean;
  onEvent: (event: LookupEvent) => void;
  staff: { staffId: string; role?: string | null };
  consent: ConsentKind;
  /** Audit action; `prefetch` for 批次下載. */
  action?: 'lookup' | 'prefetch';
  /** Cached data younger than this, complete for every endpoint, is not fetched again. 0 = always refresh. */
  maxCacheAgeMs?: number;
  /** Skip the analysis (prefetch only stores). */
  analyze?: boolean;
  settings?: AnalysisSettings;
  signal?: AbortSignal;
  clock?: () => Date;
}

/** Kinds that mean "the cloud is not answering properly right now": keep showing the cache. */
const UNAVAILABLE = new Set<CloudError['kind']>(['network', 'timeout', 'server', 'malformed']);

export async function lookupPatient(options: LookupOptions): Promise<LookupResult> {
  const started = performance.now();
  const clock = options.clock ?? (() => new Date());
  const { patient, cache, isCurrent } = options;
  const latencies: Record<string, number> = {};
  const warnings: Error[] = [];
  const emit = (event: LookupEvent): void => {
    if (isCurrent()) options.onEvent(event);
  };
  const shown = (parts: EndpointParts, dates: Iterable<Date | undefined>, missing: EndpointId[], careList: CareListAnswer | null = null): ShownData => {
    const history = historyFromParts(patient, parts);
    let analysis: Analysis | null = null;
    if (options.analyze !== false) {
      try {
        analysis = analyzeHistory(history, options.today, options.settings);
      } catch (error) {
        // The records still go on screen; the alerts panel says analysis is unavailable.
        warnings.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return { history, analysis, fetchedAt: oldest(dates) ?? clock(), missing, careList: careList?.status ?? null };
  };
  const finish = (outcome: LookupOutcome, error: CloudError | null): LookupResult => {
    latencies.total = Math.round(performance.now() - started);
    const warning = auditLookup(cache.audit, { options, outcome, error, latencies });
    if (warning) warnings.push(warning);
    return { outcome, error, latencies, warnings };
  };

  // 1. The cache, at once.
  let cached = partsFromSnapshots([]);
  try {
    cached = partsFromSnapshots(cache.getSnapshots(patient.nationalId));
  } catch (error) {
    warnings.push(error as Error);
  }
  latencies.cache = Math.round(performance.now() - started);
  const hasCache = Object.keys(cached.fetchedAt).length > 0;
  if (hasCache) emit({ type: 'cached', ...shown(cached.parts, Object.values(cached.fetchedAt), cached.missing) });
  if (!isCurrent()) return finish('superseded', null);

  const maxAge = options.maxCacheAgeMs ?? 0;
  const asOf = oldest(Object.values(cached.fetchedAt));
  if (maxAge > 0 && cached.missing.length === 0 && asOf && clock().getTime() - asOf.getTime() < maxAge) return finish('cached', null);

  // 2. The cloud, in the background.
  const onProgress = (event: ProgressEvent): void => emit({ type: 'progress', ...event });
  let failure: CloudError | null = null;
  let fresh: Awaited<ReturnType<CloudClient['fetchAll']>> | null = null;
  let careList: CareListAnswer | null = null;
  // Only at the counter: a prefetch stores data for later and shows no badge.
  const checker: CareListChecker | null =
    (options.action ?? 'lookup') === 'lookup' && typeof options.client.checkCareList === 'function' ? options.client.checkCareList.bind(options.client) : null;
  const loginStarted = performance.now();
  onProgress({ endpoint: LOGIN_STEP, state: 'pending' });
  try {
    const session = await options.client.login(options.credentials, { signal: options.signal });
    const loginMs = Math.round(performance.now() - loginStarted);
    latencies[LOGIN_STEP] = loginMs;
    onProgress({ endpoint: LOGIN_STEP, state: 'done', ms: loginMs });
    if (!isCurrent()) return finish('superseded', null);
    // After the login, so a refused staff member (403) is not asked about twice; beside the endpoints.
    const asking = checker ? checkCareListStep(checker, options.credentials, onProgress, options.signal) : null;
    fresh = await options.client.fetchAll(session, { onProgress, signal: options.signal, isCurrent });
    Object.assign(latencies, fresh.latencies);
    careList = asking ? await asking : null;
    if (careList) latencies[CARE_LIST_STEP] = careList.ms;
    failure = leadingFailure(fresh.failures);
  } catch (error) {
    const loginMs = Math.round(performance.now() - loginStarted);
    latencies[LOGIN_STEP] = loginMs;
    failure = error instanceof CloudError ? error : new CloudError({ kind: 'network', endpoint: LOGIN_STEP, detail: 'unexpected', cause: error });
    onProgress({ endpoint: LOGIN_STEP, state: 'failed', ms: loginMs, error: failure });
  }
  // A late answer for a patient who has left the counter is dropped: not shown, not stored.
  if (!isCurrent() || fresh?.stale) return finish('superseded', null);

  // 3. Store what arrived (one transaction), then show it.
  if (fresh && fresh.snapshots.length > 0) {
    try {
      cache.putSnapshots(patient.nationalId, fresh.snapshots);
    } catch (error) {
      warnings.push(error as Error);
    }
  }
  if (fresh && failure === null) {
    emit({ type: 'fresh', ...shown(fresh.parts, fresh.snapshots.map((s) => s.fetchedAt), [], careList) });
    return finish('fresh', null);
  }
  const error = failure as CloudError;
  // Fresh parts where they arrived, cached parts where they did not.
  const parts: EndpointParts = { ...cached.parts, ...(fresh?.parts ?? {}) };
  const dates = new Map<string, Date | undefined>(Object.entries(cached.fetchedAt));
  for (const snapshot of fresh?.snapshots ?? []) dates.set(snapshot.endpoint, snapshot.fetchedAt);
  const missing = cached.missing.filter((id) => !(fresh?.parts && id in fresh.parts));
  const anyData = Object.keys(parts).length > 0;
  if (UNAVAILABLE.has(error.kind) && anyData) {
    emit({ type: 'offline', error, ...shown(parts, dates.values(), missing, careList) });
    return finish('offline', error);
  }
  emit({ type: 'failed', error });
  return finish('failed', error);
}
