// Every probe races a timer so one stuck part (a reader that never answers, a DNS server that
// drops packets, a half-open TCP connection) cannot stop the whole report. The timer is always
// cleared, so a finished run leaves nothing behind that keeps the process alive.
import type { Timers } from './types.ts';

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type Raced<T> = { done: true; value: T } | { done: false; error: unknown } | { done: 'timeout' };

/** Settles with the work's value or error, or 'timeout' after `ms` (and aborts `controller`). */
export function raceTimeout<T>(work: () => Promise<T>, ms: number, timers: Timers, controller: AbortController): Promise<Raced<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Raced<T>): void => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(handle);
      resolve(result);
    };
    const handle = timers.setTimeout(() => {
      finish({ done: 'timeout' });
      controller.abort(new Error(`timed out after ${ms} ms`));
    }, Math.max(0, ms));
    let promise: Promise<T>;
    try {
      promise = work();
    } catch (error) {
      finish({ done: false, error });
      return;
    }
    promise.then(
      (value) => finish({ done: true, value }),
      (error: unknown) => finish({ done: false, error }),
    );
  });
}
