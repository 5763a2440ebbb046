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
  /** Longest silence while the body streams in (a stalled download). */
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
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 10_000,
  });
}

/** Sends one request; resolves with a 2xx answer or throws a CloudError. */
export async function exchange(agent: Agent, timeouts: Timeouts, call: Exchange): Promise<Answer> {
  const context = { endpoint: call.endpoint, headersTimeoutMs: timeouts.headersMs, bodyTimeoutMs: timeouts.bodyMs };
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(call.url, {
      dispatcher: agent,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      signal: call.signal ?? null,
    });
  } catch (error) {
    throw cloudErrorFromTransport(error, { ...context, phase: 'connect', aborted: call.signal?.aborted ?? false });
  }
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw cloudErrorFromTransport(error, { ...context, phase: 'body', aborted: call.signal?.aborted ?? false });
  }
  const date = headerText(response.headers['date']);
  const kind = kindForStatus(response.statusCode);
  if (kind !== null) {
    throw new CloudError({ kind, endpoint: call.endpoint, status: response.statusCode, detail: refusalDetail(response.statusCode, text) });
  }
  return { status: response.statusCode, text, date };
}

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
