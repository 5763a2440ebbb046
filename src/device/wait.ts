// Event-driven waiting on a hub: resolves on the first event the predicate accepts, or fails
// after `timeoutMs`. The CLI uses it to let readers appear; tests and the bench use it instead
// of sleeps.
import type { HubEvent, ReaderHub } from './types.ts';

export class HubWaitTimeout extends Error {
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`waited ${timeoutMs} ms for ${what}`);
    this.name = 'HubWaitTimeout';
  }
}

export function waitForEvent<E extends HubEvent>(
  hub: Pick<ReaderHub, 'subscribe'>,
  accept: (event: HubEvent) => event is E,
  options: { timeoutMs: number; what?: string; signal?: AbortSignal },
): Promise<E>;
export function waitForEvent(
  hub: Pick<ReaderHub, 'subscribe'>,
  accept: (event: HubEvent) => boolean,
  options: { timeoutMs: number; what?: string; signal?: AbortSignal },
): Promise<HubEvent>;
export function waitForEvent(
  hub: Pick<ReaderHub, 'subscribe'>,
  accept: (event: HubEvent) => boolean,
  options: { timeoutMs: number; what?: string; signal?: AbortSignal },
): Promise<HubEvent> {
  return new Promise((resolve, reject) => {
    const finish = (action: () => void): void => {
      clearTimeout(timer);
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => finish(() => reject(options.signal?.reason ?? new Error('aborted')));
    const unsubscribe = hub.subscribe((event) => {
      if (accept(event)) finish(() => resolve(event));
    });
    const timer = setTimeout(() => finish(() => reject(new HubWaitTimeout(options.what ?? 'a hub event', options.timeoutMs))), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves with the card in `reader` now or as soon as one is inserted there. */
export async function waitForCard(hub: ReaderHub, reader: string, timeoutMs: number): Promise<HubEvent & { type: 'card-inserted' }> {
  // Checking the snapshot and subscribing happen in one synchronous step, so no event slips between.
  const present = hub.readers().find((r) => r.reader === reader)?.card;
  if (present) return { type: 'card-inserted', reader, ...present };
  return waitForEvent(hub, (e): e is HubEvent & { type: 'card-inserted' } => e.type === 'card-inserted' && e.reader === reader, {
    timeoutMs,
    what: `a card in ${reader}`,
  });
}
