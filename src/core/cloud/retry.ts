// Bounded retries with jitter. Only idempotent reads are retried by default: a GET for a
// patient's records returns the same data twice, while a login POST may not be repeatable —
// it is resent only when the connection was refused, i.e. the server never saw it.
import { CloudError } from './errors.ts';

export interface RetryPolicy {
  /** Extra attempts after the first (0 = never retry). */
  retries: number;
  /** Delay before the first retry; doubles each time, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 150, maxDelayMs: 1500 };

/**
 * "Equal jitter": half the exponential delay fixed, half random, so a crowd of kiosks that
 * lost the network together does not come back in lock-step. `random` is in [0, 1).
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

export interface RetryHooks {
  random: () => number;
  /** Whether this failure may be retried (idempotency is the caller's decision). */
  retryable: (error: CloudError) => boolean;
  onRetry?: (error: CloudError, attempt: number, delayMs: number) => void;
  signal?: AbortSignal | undefined;
}

export async function withRetries<T>(policy: RetryPolicy, hooks: RetryHooks, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof CloudError) || n >= policy.retries || !hooks.retryable(error) || hooks.signal?.aborted) throw error;
      const delay = retryDelay(policy, n, hooks.random);
      hooks.onRetry?.(error, n + 1, delay);
      await pause(delay, hooks.signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    // An abort ends the wait early; the next attempt then fails fast with `aborted`.
    signal?.addEventListener('abort', done, { once: true });
  });
}
