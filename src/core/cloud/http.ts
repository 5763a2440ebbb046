// One HTTP exchange with MediCloud over undici, turned into text or a CloudError. Separate
// limits for the wait until headers and for gaps while the body streams: a hung server and
// a stalled download are both timeouts, a socket dying mid-body is a truncated answer.
import { Agent, request } from 'undici';
import { CloudError, cloudErrorFromTransport, kindForStatus } from './errors.ts';

export interface Timeouts {
  /** TCP connect limit. */
  connectMs: number;
  /** From request sent until the response headers arrive (a hung server). */
  headersMs: number;
  /** From headers until the whole body is in (a stalled download). */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 3000, headersMs: 8000, bodyMs: 8000 };

export interface Exchange {
  endpoint: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
}

export interface Answer {
  status: number;
  text: string;
  /** The server's `Date` header, for clock-skew checks (doctor). */
  date: string | null;
}

export function createAgent(timeouts: Timeouts, connections = 8): Agent {
  return new Agent({
    connections,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs + 1000,
    bodyTimeout: timeouts.bodyMs + 1000,
    keepAliveTimeout: 10_000,
  });
}

/**
 * Sends one request; resolves with a 2xx answer or throws a CloudError. The two deadlines are
 * our own native timers: undici's header/body timeouts tick on a ~1 s wheel, too coarse for a
 * counter that promises an answer (or an offline banner) within a stated time. They stay set
 * as a backstop.
 */
export async function exchange(agent: Agent, timeouts: Timeouts, call: Exchange): Promise<Answer> {
  const context = { endpoint: call.endpoint, headersTimeoutMs: timeouts.headersMs, bodyTimeoutMs: timeouts.bodyMs };
  const deadline = new AbortController();
  const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
  let expired: 'headers' | 'body' | null = null;
  const arm = (phase: 'headers' | 'body', ms: number): NodeJS.Timeout =>
    setTimeout(() => {
      expired = phase;
      deadline.abort();
    }, ms);
  const fail = (error: unknown, phase: 'connect' | 'body'): CloudError => {
    if (expired !== null) {
      const ms = expired === 'headers' ? timeouts.headersMs : timeouts.bodyMs;
      return new CloudError({ kind: 'timeout', endpoint: call.endpoint, code: expired === 'headers' ? 'HEADERS_DEADLINE' : 'BODY_DEADLINE', ms, cause: error });
    }
    return cloudErrorFromTransport(error, { ...context, phase, aborted: call.signal?.aborted ?? false });
  };

  let response: Awaited<ReturnType<typeof request>>;
  let timer = arm('headers', timeouts.headersMs);
  try {
    response = await request(call.url, {
      dispatcher: agent,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      headersTimeout: timeouts.headersMs + BACKSTOP_MS,
      bodyTimeout: timeouts.bodyMs + BACKSTOP_MS,
      signal,
    });
  } catch (error) {
    throw fail(error, 'connect');
  } finally {
    clearTimeout(timer);
  }
  let text: string;
  timer = arm('body', timeouts.bodyMs);
  try {
    text = await response.body.text();
  } catch (error) {
    throw fail(error, 'body');
  } finally {
    clearTimeout(timer);
  }
  const date = headerText(response.headers['date']);
  const kind = kindForStatus(response.statusCode);
  if (kind !== null) {
    throw new CloudError({ kind, endpoint: call.endpoint, status: response.statusCode, detail: refusalDetail(response.statusCode, text) });
  }
  return { status: response.statusCode, text, date };
}

/** undici's own coarse timers fire this much later than ours, only if ours somehow did not. */
const BACKSTOP_MS = 1000;

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/**
 * The server's own reason (`{ rtnCode, message }`) when it sent one. Only these two short
 * fields are kept: error bodies are not supposed to carry patient data, and if one did it
 * would not be copied into a message that may reach a log.
 */
function refusalDetail(status: number, text: string): string {
  try {
    const parsed = JSON.parse(text) as { rtnCode?: unknown; message?: unknown };
    const parts: string[] = [];
    if (typeof parsed.rtnCode === 'string' || typeof parsed.rtnCode === 'number') parts.push(String(parsed.rtnCode));
    if (typeof parsed.message === 'string') parts.push(parsed.message.slice(0, 80));
    if (parts.length > 0) return `HTTP ${status} ${parts.join(' ')}`;
  } catch {
    // Not JSON: the status alone says enough.
  }
  return `HTTP ${status}`;
}
