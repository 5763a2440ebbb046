// One typed error for every way a MediCloud call can fail, so the kiosk can say what went
// wrong and what to do next, the audit can record the kind, and the retry policy can tell a
// passing network fault from an answer that will not change on a second try.
import type { Lang } from '../../i18n/index.ts';
import { cloudMessage, type CloudMessageKey } from './messages.ts';

export type CloudErrorKind =
  | 'network'
  | 'timeout'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'server'
  | 'rejected'
  | 'schema'
  | 'malformed'
  | 'aborted';

export interface CloudErrorInit {
  kind: CloudErrorKind;
  /** Endpoint id (`imue0008s02`, `login`, `care-list`…) the error belongs to. */
  endpoint: string;
  status?: number | null;
  /** Low-level code (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT…) for technicians; no patient data. */
  code?: string | null;
  /** Short technical detail safe to log (no national IDs, names or drugs). */
  detail?: string;
  /** For schema errors: the field path C's validator named, e.g. `robject[3].drug_date`. */
  field?: string | null;
  /** Timeout in ms that was exceeded. */
  ms?: number | null;
  /** The request provably never reached the server (connection refused): safe to resend a POST. */
  notSent?: boolean;
  cause?: unknown;
}

/** NHI control-software codes staff recognise (research device §1.6). */
const NHI_CODES: Partial<Record<CloudErrorKind, number>> = {
  network: 4061,
  timeout: 9003,
  server: 9004,
  forbidden: 9100,
};

export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly endpoint: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly detail: string;
  readonly field: string | null;
  readonly ms: number | null;
  readonly notSent: boolean;
  readonly nhiCode: number | null;
  readonly messageKey: CloudMessageKey;

  constructor(init: CloudErrorInit) {
    const messageKey: CloudMessageKey = `cloud.${init.kind}`;
    super(cloudMessage(messageKey, 'en', factsOf(init)), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'CloudError';
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.detail = init.detail ?? '';
    this.field = init.field ?? null;
    this.ms = init.ms ?? null;
    this.notSent = init.notSent ?? false;
    this.nhiCode = NHI_CODES[init.kind] ?? null;
    this.messageKey = messageKey;
  }

  /** The message for the screen, in one language. */
  messageIn(lang: Lang): string {
    return cloudMessage(this.messageKey, lang, factsOf(this));
  }

  /** Worth another try on an idempotent request: the next answer may differ. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }

  /** The cloud could not be reached at all: show cached data with an offline banner. */
  get offline(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

function factsOf(init: { endpoint: string; status?: number | null; detail?: string; ms?: number | null }) {
  return {
    endpoint: init.endpoint,
    status: init.status ?? '',
    detail: init.detail ?? '',
    ms: init.ms ?? '',
  };
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError;
}

/** HTTP status → kind. 401 covers both a bad card signature and an expired token. */
export function kindForStatus(status: number): CloudErrorKind | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500 || status === 429 || status === 408) return 'server';
  return 'rejected';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function codeOf(error: unknown): string | null {
  let current: unknown = error;
  // undici wraps the socket error; the errno code may sit one or two causes down.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * A thrown transport error → CloudError. `phase` says whether headers had arrived: a socket
 * that dies while the body streams in leaves a truncated answer (malformed), not a dead network.
 */
export function cloudErrorFromTransport(
  error: unknown,
  context: { endpoint: string; phase: 'connect' | 'body'; headersTimeoutMs: number; bodyTimeoutMs: number; aborted: boolean },
): CloudError {
  if (error instanceof CloudError) return error;
  const code = codeOf(error);
  const { endpoint } = context;
  if (context.aborted || code === 'UND_ERR_ABORTED' || (error instanceof Error && error.name === 'AbortError')) {
    return new CloudError({ kind: 'aborted', endpoint, code, cause: error });
  }
  if (code !== null && TIMEOUT_CODES.has(code)) {
    const ms = code === 'UND_ERR_BODY_TIMEOUT' ? context.bodyTimeoutMs : context.headersTimeoutMs;
    return new CloudError({ kind: 'timeout', endpoint, code, ms, cause: error });
  }
  if (context.phase === 'body' && (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'ECONNRESET')) {
    return new CloudError({ kind: 'malformed', endpoint, code, detail: 'truncated', cause: error });
  }
  if (code !== null && NETWORK_CODES.has(code)) {
    return new CloudError({ kind: 'network', endpoint, code, detail: code, notSent: code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN', cause: error });
  }
  return new CloudError({ kind: 'network', endpoint, code, detail: code ?? 'unknown', cause: error });
}
