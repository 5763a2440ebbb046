// The kiosk's one running session: holds the state, runs the pure reducer, hands effects
// to the runner and tells subscribers (the screen) that the state changed. No I/O here;
// the clock that stamps events is injected.
import { sessionReducer } from './reducer.ts';
import type { SessionEffect, SessionEvent, SessionState } from './types.ts';

type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;
export type SessionInput = WithoutAt<SessionEvent>;

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Stamp an event with the clock and apply it. */
  send(input: SessionInput): void;
  dispatch(event: SessionEvent): void;
}

export function createSessionStore(initial: SessionState, options: { clock: () => number; onEffect: (effect: SessionEffect, store: SessionStore) => void }): SessionStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: SessionStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(input) {
      store.dispatch({ ...input, at: options.clock() } as SessionEvent);
    },
    dispatch(event) {
      const result = sessionReducer(state, event);
      const changed = result.state !== state;
      state = result.state;
      for (const effect of result.effects) options.onEffect(effect, store);
      // A key press only moves the idle clock, which no screen shows: no re-render for it.
      if (changed && event.type !== 'key-activity') for (const listener of listeners) listener();
    },
  };
  return store;
}
