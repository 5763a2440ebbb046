// The bookkeeping both hubs share: the reader table, listeners, and events emitted only on a
// real change (a duplicate "card present" poll from pcscd must not re-insert a card).
import type { CardPresence, CardSession, ConnectOptions, HubBackend, HubEvent, HubListener, HubStatus, ReaderHub, ReaderState } from './types.ts';

export class HubCore {
  private readonly listeners = new Set<HubListener>();
  private readonly table = new Map<string, CardPresence | null>();
  private current: HubStatus;

  constructor(readonly backend: HubBackend, initial: { ok: boolean; message: string }) {
    this.current = { type: 'status', backend, ...initial };
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HubEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not stop the reader loop or the other listeners.
      }
    }
  }

  readers(): ReaderState[] {
    return [...this.table].map(([reader, card]) => ({ reader, card }));
  }

  has(reader: string): boolean {
    return this.table.has(reader);
  }

  card(reader: string): CardPresence | null {
    return this.table.get(reader) ?? null;
  }

  addReader(reader: string): void {
    if (this.table.has(reader)) return;
    this.table.set(reader, null);
    this.emit({ type: 'reader-added', reader });
  }

  removeReader(reader: string): void {
    if (!this.table.has(reader)) return;
    this.cardRemoved(reader);
    this.table.delete(reader);
    this.emit({ type: 'reader-removed', reader });
  }

  removeAllReaders(): void {
    for (const reader of [...this.table.keys()]) this.removeReader(reader);
  }

  cardInserted(reader: string, card: CardPresence): void {
    if (!this.table.has(reader)) this.addReader(reader);
    if (this.table.get(reader)) this.cardRemoved(reader);
    this.table.set(reader, card);
    this.emit({ type: 'card-inserted', reader, ...card });
  }

  cardRemoved(reader: string): void {
    if (!this.table.get(reader)) return;
    this.table.set(reader, null);
    this.emit({ type: 'card-removed', reader });
  }

  status(): HubStatus {
    return this.current;
  }

  setStatus(next: Omit<HubStatus, 'type' | 'backend'>): void {
    const changed = next.ok !== this.current.ok || next.message !== this.current.message;
    this.current = { type: 'status', backend: this.backend, ...next };
    if (changed) this.emit(this.current);
  }
}

/**
 * A ReaderHub whose listeners, reader table and status are its HubCore, so the PC/SC and the
 * virtual hub answer subscribe/readers/status the same way; each adds how it connects and closes.
 */
export abstract class CoreBackedHub implements ReaderHub {
  abstract readonly backend: HubBackend;

  protected constructor(protected readonly core: HubCore) {}

  subscribe(listener: HubListener): () => void {
    return this.core.subscribe(listener);
  }

  readers(): ReaderState[] {
    return this.core.readers();
  }

  status(): HubStatus {
    return this.core.status();
  }

  abstract connect(reader: string, options?: ConnectOptions): Promise<CardSession>;
  abstract close(): Promise<void>;
}
