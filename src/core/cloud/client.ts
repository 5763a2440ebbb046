// The MediCloud client: three-card login, then every data endpoint of one patient in
// parallel. The only module that owns a network connection pool (one undici Agent per
// client, closed by close()). Time and randomness are injected so tests are deterministic.
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Agent } from 'undici';
import { z } from 'zod';
import type { EndpointId, EndpointResult } from '../medicloud/index.ts';
import { CloudError } from './errors.ts';
import { fetchAllEndpoints, type FetchAllOptions, type FetchAllResult } from './fetch-all.ts';
import { createAgent, DEFAULT_TIMEOUTS, exchange, type Timeouts } from './http.ts';
import { apiUrl, dataHeaders, endpointUrl, jsonHeaders, LOGIN_PATH, originUrl } from './requests.ts';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry.ts';
import { sessionExpired, sessionFromToken, type CloudSession } from './session.ts';
import { buildLoginBody, type LoginCredentials, type RandomBytes } from './signing.ts';
import { validateEndpoint, validateWith, type Validated } from './validate.ts';
import { webApis, type WebApis } from './web-api.ts';

export interface CloudClientOptions {
  /** Origin of MediCloud or the simulator, e.g. `http://127.0.0.1:8787`; APIs live under /imu/api/. */
  baseUrl: string;
  timeouts?: Partial<Timeouts>;
  retries?: Partial<RetryPolicy>;
  /** Uniform [0,1) source for retry jitter. */
  random?: () => number;
  /** Random bytes for the login challenge (crypto.randomBytes by default). */
  randomBytes?: RandomBytes;
  clock?: () => Date;
  /** Pooled connections to the origin (6 endpoints run in parallel). */
  connections?: number;
}

export interface ClientStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** Responses that arrived after the kiosk moved on to another patient and were discarded. */
  droppedStale: number;
  /** The server's last HTTP `Date` header, for the clock-skew check of `yaoli doctor`. */
  lastServerDate: string | null;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Called before each retry of this request. */
  onRetry?: (error: CloudError, attempt: number) => void;
  /** This request's own limits (e.g. a longer body deadline for a large history). */
  timeouts?: Partial<Timeouts>;
}

export interface CloudClient extends WebApis {
  readonly baseUrl: string;
  readonly stats: ClientStats;
  login(credentials: LoginCredentials, options?: RequestOptions): Promise<CloudSession>;
  fetchEndpoint<E extends EndpointId>(session: CloudSession, id: E, options?: RequestOptions): Promise<Validated<EndpointResult<E>>>;
  fetchAll(session: CloudSession, options?: FetchAllOptions): Promise<FetchAllResult>;
  close(): Promise<void>;
}

const tokenSchema = z.object({ token: z.string().min(1) });

export function createCloudClient(options: CloudClientOptions): CloudClient {
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retries };
  const random = options.random ?? Math.random;
  const randomBytes = options.randomBytes ?? ((count: number) => new Uint8Array(cryptoRandomBytes(count)));
  const clock = options.clock ?? (() => new Date());
  const agent: Agent = createAgent(timeouts, options.connections ?? 8);
  const stats: ClientStats = { requests: 0, retries: 0, droppedStale: 0, lastServerDate: null };
  let closing: Promise<void> | null = null;
  const baseUrl = options.baseUrl;

  /** One request with the retry policy; `idempotent` decides what may be resent. */
  async function call<T>(
    endpoint: string,
    idempotent: boolean,
    request: () => { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
    read: (text: string) => T,
    extra: RequestOptions,
  ): Promise<T> {
    return withRetries(
      policy,
      {
        random,
        signal: extra.signal,
        // GETs: any passing trouble, a cut-off body included. POSTs: only a refused
        // connection, which proves the server never saw the request.
        retryable: (error) => (idempotent ? error.transient || error.kind === 'malformed' : error.notSent),
        onRetry: (error, attempt) => {
          stats.retries++;
          extra.onRetry?.(error, attempt);
        },
      },
      async () => {
        stats.requests++;
        const answer = await exchange(agent, { ...timeouts, ...extra.timeouts }, { endpoint, ...request(), signal: extra.signal });
        if (answer.date) stats.lastServerDate = answer.date;
        return read(answer.text);
      },
    );
  }

  const client: CloudClient = {
    baseUrl,
    stats,
    async login(credentials, extra = {}) {
      const body = JSON.stringify(await buildLoginBody(credentials, randomBytes));
      const token = await call(
        'login',
        false,
        () => ({ url: apiUrl(baseUrl, LOGIN_PATH), method: 'POST', headers: jsonHeaders(), body }),
        (text) => validateWith('login', tokenSchema, text).value.token,
        extra,
      );
      return sessionFromToken(token);
    },
    async fetchEndpoint(session, id, extra = {}) {
      if (sessionExpired(session, clock())) throw new CloudError({ kind: 'auth', endpoint: id, detail: 'token expired' });
      return call(id, true, () => ({ url: endpointUrl(baseUrl, id, clock()), method: 'GET', headers: dataHeaders(session.token) }), (text) => validateEndpoint(id, text), extra);
    },
    fetchAll(session, fetchOptions = {}) {
      return fetchAllEndpoints(client, session, fetchOptions, clock);
    },
    ...webApis({
      randomBytes,
      post: (endpoint, path, payload, read, extra) =>
        call(endpoint, false, () => ({ url: originUrl(baseUrl, path), method: 'POST', headers: jsonHeaders(), body: JSON.stringify(payload) }), read, extra ?? {}),
    }),
    close() {
      closing ??= agent.close();
      return closing;
    },
  };
  return client;
}
