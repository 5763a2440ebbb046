// Faults for tests and training: make an endpoint slow, fail, hang, lie or cut off, so the
// client's timeouts, retries, schema checks and offline banner can be exercised against a
// real socket. Faults stack; each request takes the first one that matches its endpoint.
import { ALL_ENDPOINT_IDS, type EndpointId } from './endpoints.ts';

export interface FaultSpec {
  /** An endpoint id, or '*' (the default) for every endpoint. */
  endpoint?: EndpointId | '*';
  /** Delay before the answer (combines with the other faults). */
  latencyMs?: number;
  /** Answer with this HTTP status (e.g. 500, 503) and a `{rtnCode, message}` body. */
  status?: number;
  /** Never answer; the socket stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** 200 with JSON that parses but has the wrong shape. */
  malformed?: boolean;
  /** 200 with the real body cut in half (a JSON syntax error for the client). */
  truncated?: boolean;
  /** Data endpoints: 401 as if the token had expired; login: a token that is already expired. */
  expiredToken?: boolean;
  /** How many requests it applies to; unlimited when absent. */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  endpoint: EndpointId | '*';
  /** Requests left; null = unlimited. */
  remaining: number | null;
}

export class FaultSpecError extends Error {
  readonly kind = 'fault-spec';
}

export interface FaultRegistry {
  add(spec: FaultSpec): ActiveFault;
  clear(): void;
  list(): ActiveFault[];
  /** Takes (and counts down) the first fault matching this request's endpoint. */
  take(endpoint: EndpointId): ActiveFault | undefined;
}

export function createFaultRegistry(): FaultRegistry {
  let faults: ActiveFault[] = [];
  let nextId = 1;
  return {
    add(spec) {
      const fault: ActiveFault = { ...validate(spec), id: nextId++, endpoint: spec.endpoint ?? '*', remaining: spec.times ?? null };
      faults.push(fault);
      return { ...fault };
    },
    clear() {
      faults = [];
    },
    list: () => faults.map((f) => ({ ...f })),
    take(endpoint) {
      const fault = faults.find((f) => f.endpoint === '*' || f.endpoint === endpoint);
      if (!fault) return undefined;
      if (fault.remaining !== null) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      }
      return { ...fault };
    },
  };
}

const FLAGS = ['hang', 'malformed', 'truncated', 'expiredToken'] as const;

/** Rejects nonsense early so a typo in a training script is an error, not a silent no-op. */
function validate(spec: unknown): FaultSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new FaultSpecError('故障設定必須是 JSON 物件 / fault must be a JSON object');
  const s = spec as Record<string, unknown>;
  const known = new Set(['endpoint', 'latencyMs', 'status', 'times', ...FLAGS]);
  for (const key of Object.keys(s)) {
    if (!known.has(key)) throw new FaultSpecError(`未知的故障欄位 unknown fault field: ${key}`);
  }
  if (s.endpoint !== undefined && s.endpoint !== '*' && !ALL_ENDPOINT_IDS.includes(s.endpoint as EndpointId)) {
    throw new FaultSpecError(`未知的端點 unknown endpoint: ${String(s.endpoint)}`);
  }
  if (s.latencyMs !== undefined && !(Number.isInteger(s.latencyMs) && (s.latencyMs as number) >= 0)) {
    throw new FaultSpecError('latencyMs 必須是非負整數 / latencyMs must be a non-negative integer');
  }
  if (s.status !== undefined && !(Number.isInteger(s.status) && (s.status as number) >= 400 && (s.status as number) <= 599)) {
    throw new FaultSpecError('status 必須是 400–599 / status must be 400–599');
  }
  if (s.times !== undefined && !(Number.isInteger(s.times) && (s.times as number) >= 1)) {
    throw new FaultSpecError('times 必須是正整數 / times must be a positive integer');
  }
  for (const flag of FLAGS) {
    if (s[flag] !== undefined && typeof s[flag] !== 'boolean') throw new FaultSpecError(`${flag} 必須是 true/false / ${flag} must be a boolean`);
  }
  const effects = ['latencyMs', 'status', ...FLAGS].filter((key) => s[key] !== undefined && s[key] !== false);
  if (effects.length === 0) throw new FaultSpecError('故障沒有任何效果 / the fault has no effect');
  return s as FaultSpec;
}
