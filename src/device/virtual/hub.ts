// In-process reader hub: virtual readers and cards with no pcscd at all. It is the embedded
// default (training, demo, machines without PC/SC) and the kiosk's demo card tray calls
// insert/remove. It speaks the same ReaderHub interface as the PC/SC hub.
import { CardError, missingCardCode } from '../cards/errors.ts';
import { identifyCard } from '../cards/identify.ts';
import { CoreBackedHub, HubCore } from '../hub-core.ts';
import type { CardSession, ConnectOptions } from '../types.ts';
import type { VirtualCard } from './card-model.ts';
import { createDeckCard } from './deck-cards.ts';

/** Same names as vpcd's readers, so a kiosk configured for one setup works with the other. */
export const VIRTUAL_READERS = ['Virtual PCD 00 00', 'Virtual PCD 00 01'] as const;

export interface VirtualHubOptions {
  readers?: readonly string[];
  /** Why the kiosk runs on virtual readers (pcscd down…), shown in the status message. */
  reason?: string;
  seed?: number;
}

/** The status line, with why the kiosk runs on virtual readers when it was told. */
function usingVirtualReaders(reason: string | undefined): string {
  return reason ? `使用虛擬讀卡機（${reason}） / using virtual card readers (${reason})` : '使用虛擬讀卡機 / using virtual card readers';
}

export class VirtualReaderHub extends CoreBackedHub {
  readonly backend = 'virtual' as const;
  private readonly cards = new Map<string, VirtualCard>();
  /** Bumped on every insert/remove: a session whose generation is stale talks to a pulled card. */
  private readonly generation = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: VirtualHubOptions = {}) {
    super(new HubCore('virtual', { ok: true, message: usingVirtualReaders(options.reason) }));
    for (const reader of options.readers ?? VIRTUAL_READERS) this.core.addReader(reader);
  }

  /** The card model in a reader (tests and the demo tray inspect PIN tries through it). */
  cardIn(reader: string): VirtualCard | undefined {
    return this.cards.get(reader);
  }

  async insert(reader: string, card: VirtualCard): Promise<void> {
    if (!this.core.has(reader)) throw new CardError('no-reader', { reader });
    if (this.cards.has(reader)) this.remove(reader);
    this.cards.set(reader, card);
    this.bump(reader);
    card.powerOn();
    const presence = await identifyCard(card.atr, { transmit: async (apdu) => card.transmit(apdu) });
    // Identification probes may select an application; a fresh reset leaves the card as inserted.
    card.reset();
    if (this.cards.get(reader) === card) this.core.cardInserted(reader, presence);
  }

  /** Inserts a deck card (P001, S01, SAM) built for this hub's seed. */
  async insertDeckCard(reader: string, deckId: string): Promise<VirtualCard> {
    const card = createDeckCard(deckId, this.options.seed);
    if (!card) throw new RangeError(`no such deck card: ${deckId}`);
    await this.insert(reader, card);
    return card;
  }

  remove(reader: string): void {
    const card = this.cards.get(reader);
    if (!card) return;
    card.powerOff();
    this.cards.delete(reader);
    this.bump(reader);
    this.core.cardRemoved(reader);
  }

  // In-process cards answer synchronously, so ConnectOptions.timeoutMs has nothing to bound here.
  async connect(reader: string, _options: ConnectOptions = {}): Promise<CardSession> {
    if (this.closed || !this.core.has(reader)) throw new CardError('no-reader', { reader });
    const card = this.cards.get(reader);
    const presence = this.core.card(reader);
    if (!card || !presence) throw new CardError('no-card', { reader });
    const generation = this.generation.get(reader) ?? 0;
    let open = true;
    const removed = (): CardError => new CardError('card-removed', { reader }, { nhiCode: missingCardCode(presence.kind) });
    return {
      reader,
      atr: presence.atr,
      kind: presence.kind,
      transmit: async (apdu) => {
        if (!open) throw new CardError('transmit-failed', { detail: 'session closed' });
        // A macrotask hop, like a real reader round trip: a removal queued meanwhile wins.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.generation.get(reader) !== generation || this.cards.get(reader) !== card) throw removed();
        return card.transmit(apdu);
      },
      close: async () => {
        open = false;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of [...this.cards.keys()]) this.remove(reader);
  }

  private bump(reader: string): void {
    this.generation.set(reader, (this.generation.get(reader) ?? 0) + 1);
  }
}
