// All of one patient's endpoints at once, each with its own progress line, and the guard
// against showing the wrong patient: a fetch remembers whom it was started for, and an
// answer that arrives after the counter moved on (card swapped, 「換卡」) is dropped unseen.
import { ENDPOINT_IDS, type EndpointId, type EndpointResult } from '../medicloud/index.ts';
import type { CloudClient, RequestOptions } from './client.ts';
import { CloudError } from './errors.ts';
import type { CloudSession } from './session.ts';
import type { Timeouts } from './http.ts';

export type EndpointState = 'pending' | 'done' | 'failed' | 'retrying';

export interface ProgressEvent {
  /** Endpoint id (`imue0008s02`…) or `login`. */
  endpoint: string;
  state: EndpointState;
  /** Elapsed since this endpoint started, on done/failed. */
  ms?: number;
  error?: CloudError;
}

/** Raw answer of one endpoint as the cache stores it (F's Snapshot shape). */
export interface CloudSnapshot {
  endpoint: EndpointId;
  payload: unknown;
  fetchedAt: Date;
}

export type EndpointParts = { [E in EndpointId]?: EndpointResult<E> };

export interface FetchAllOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal | undefined;
  /** False once the kiosk has moved on from this fetch's patient: late answers are dropped. */
  isCurrent?: () => boolean;
  /** Which endpoints (all six by default). */
  endpoints?: readonly EndpointId[];
  /** Limits for these requests instead of the client's. */
  timeouts?: Partial<Timeouts>;
}

export interface FetchAllResult {
  /** The patient this fetch was started for (the token's UserID). */
  patientId: string;
  /** The kiosk moved on before the fetch ended: nothing below may be shown. */
  stale: boolean;
  snapshots: CloudSnapshot[];
  /** Mapped, validated data of the endpoints that succeeded. */
  parts: EndpointParts;
  failures: { endpoint: EndpointId; error: CloudError }[];
  /** Milliseconds per endpoint, success or failure (for the audit and `yaoli report`). */
  latencies: Partial<Record<EndpointId, number>>;
}

export async function fetchAllEndpoints(
  client: CloudClient,
  session: CloudSession,
  options: FetchAllOptions,
  clock: () => Date,
): Promise<FetchAllResult> {
  const isCurrent = options.isCurrent ?? (() => true);
  const endpoints = options.endpoints ?? ENDPOINT_IDS;
  const result: FetchAllResult = { patientId: session.patientId, stale: false, snapshots: [], parts: {}, failures: [], latencies: {} };
  const emit = (event: ProgressEvent): void => {
    // Progress of a superseded patient must not reach the screen either.
    if (isCurrent()) options.onProgress?.(event);
  };

  await Promise.all(
    endpoints.map(async (id) => {
      const started = performance.now();
      emit({ endpoint: id, state: 'pending' });
      const requestOptions: RequestOptions = {
        signal: options.signal,
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
        onRetry: (error) => emit({ endpoint: id, state: 'retrying', error }),
      };
      try {
        const answer = await client.fetchEndpoint(session, id, requestOptions);
        const ms = Math.round(performance.now() - started);
        result.latencies[id] = ms;
        if (!isCurrent()) {
          client.stats.droppedStale++;
          return;
        }
        result.snapshots.push({ endpoint: id, payload: answer.payload, fetchedAt: clock() });
        (result.parts as Record<string, unknown>)[id] = answer.value;
        emit({ endpoint: id, state: 'done', ms });
      } catch (error) {
        const ms = Math.round(performance.now() - started);
        result.latencies[id] = ms;
        const cloudError = error instanceof CloudError ? error : new CloudError({ kind: 'network', endpoint: id, detail: 'unexpected', cause: error });
        result.failures.push({ endpoint: id, error: cloudError });
        emit({ endpoint: id, state: 'failed', ms, error: cloudError });
      }
    }),
  );

  if (!isCurrent()) {
    return { ...result, stale: true, snapshots: [], parts: {} };
  }
  // Keep the endpoint order stable for the cache and for tests.
  result.snapshots.sort((a, b) => endpoints.indexOf(a.endpoint) - endpoints.indexOf(b.endpoint));
  result.failures.sort((a, b) => endpoints.indexOf(a.endpoint) - endpoints.indexOf(b.endpoint));
  return result;
}

/** The failure that best explains a partial fetch: auth/permission first, then the rest. */
export function leadingFailure(failures: readonly { error: CloudError }[]): CloudError | null {
  const rank: Record<CloudError['kind'], number> = {
    auth: 0,
    forbidden: 1,
    'not-found': 2,
    schema: 3,
    rejected: 4,
    malformed: 5,
    server: 6,
    timeout: 7,
    network: 8,
    aborted: 9,
  };
  let best: CloudError | null = null;
  for (const { error } of failures) if (best === null || rank[error.kind] < rank[best.kind]) best = error;
  return best;
}
