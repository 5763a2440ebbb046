// Waiting on the kiosk's session store in the world-level tests: resolves when the state meets
// a condition (checked on every change, never by polling), and names where it stood if it never does.
import type { SessionStore } from '../../src/core/session/index.ts';

export function until(store: SessionStore, condition: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const timer = setTimeout(() => {
      stop();
      const state = store.getState();
      reject(new Error(`${what} not reached; at ${state.phase.name} (${state.notice?.key ?? 'no notice'})`));
    }, timeoutMs);
    const stop = store.subscribe(() => {
      if (!condition()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
