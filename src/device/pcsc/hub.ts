// PC/SC reader hub over node `pcsclite`. Designed around its known behaviour (research §4):
// the constructor throws while pcscd is down; after pcscd restarts the instance is dead (one
// 'error', then silence) and must be re-created; reader `state` carries an event counter in
// its upper bits; a reader that is unplugged emits 'end'. So the hub owns one instance at a
// time, re-probes every `reprobeMs` while there is none, and rebuilds its reader table from
// the new instance's 'reader' events.
import { CardError } from '../cards/errors.ts';
import { identifyByAtr, identifyCard, normalizeAtr } from '../cards/identify.ts';
import { CoreBackedHub, HubCore } from '../hub-core.ts';
import type { CardSession, ConnectOptions } from '../types.ts';
import { STATE_FLAGS_MASK, loadPcsclite, type PcscContext, type PcscFactory, type PcscReader } from './binding.ts';
import { ReaderConnection } from './channel.ts';

export interface PcscHubOptions {
  /** How often to try pcscd again while it is down. */
  reprobeMs?: number;
  /** Default per-transmit timeout for sessions (NHI 4000 when exceeded). */
  transmitTimeoutMs?: number;
  /** smartcard_list.txt to name unknown cards (default: pcsc-tools' path). */
  smartcardList?: string;
}

/** Quiet time after the last reader event before pcsclite objects are closed (see close()). */
const CLOSE_QUIET_MS = 150;

const OK_MESSAGE = 'PC/SC 服務正常 / PC/SC service running';

interface Tracked {
  reader: PcscReader;
  connection: ReaderConnection;
  /** ATR currently reported present, to tell a new card from pcscd's repeated status. */
  atr: string | null;
  /** Bumped per insert/remove so a slow identification of a pulled card is dropped. */
  generation: number;
}

export class PcscReaderHub extends CoreBackedHub {
  readonly backend = 'pcsc' as const;
  private context: PcscContext | null = null;
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | null = null;
  private lastStatusAt = 0;
  private closed = false;
  private readonly reprobeMs: number;
  private readonly timeoutMs: number;

  private constructor(private readonly create: PcscFactory, private readonly options: PcscHubOptions) {
    super(new HubCore('pcsc', { ok: false, message: 'PC/SC 啟動中 / PC/SC starting' }));
    this.reprobeMs = options.reprobeMs ?? 1000;
    this.timeoutMs = options.transmitTimeoutMs ?? 5000;
  }

  /** Throws CardError('no-pcsc') only when pcsclite itself is missing; pcscd being down is a status. */
  static async start(options: PcscHubOptions = {}): Promise<PcscReaderHub> {
    const loaded = await loadPcsclite();
    if (!loaded.ok) throw new CardError('no-pcsc', { detail: loaded.reason });
    const hub = new PcscReaderHub(loaded.create, options);
    hub.probe();
    return hub;
  }

  async connect(reader: string, options: ConnectOptions = {}): Promise<CardSession> {
    const tracked = this.tracked.get(reader);
    if (this.closed || !tracked) {
      throw this.context ? new CardError('no-reader', { reader }) : new CardError('no-pcsc', { detail: this.core.status().message });
    }
    const presence = this.core.card(reader);
    if (!presence) throw new CardError('no-card', { reader });
    return tracked.connection.open(presence.kind, presence.atr, options.timeoutMs ?? this.timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // pcsclite's close() cancels each status thread and then joins it on the main thread. A
    // thread that has just reported an event may not be back inside SCardGetStatusChange yet;
    // the cancel then misses it and the join blocks until the reader's next event
    // (cardreader.cpp Close/HandlerFunction). Closing after a short quiet spell avoids that.
    for (;;) {
      const wait = this.lastStatusAt + CLOSE_QUIET_MS - Date.now();
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.teardown();
  }

  private probe(): void {
    this.timer = null;
    if (this.closed || this.context) return;
    let context: PcscContext;
    try {
      context = this.create();
    } catch (error) {
      // SCardEstablishContext: "Service not available (0x8010001d)" while pcscd is down.
      const failure = new CardError('no-pcsc', { detail: error instanceof Error ? error.message : String(error) });
      this.core.setStatus({ ok: false, message: failure.bilingual(), error: failure });
      this.schedule();
      return;
    }
    this.context = context;
    context.on('reader', (reader: PcscReader) => this.onReader(context, reader));
    context.on('error', (error: unknown) => this.onContextError(context, error));
    this.core.setStatus({ ok: true, message: OK_MESSAGE });
  }

  private schedule(): void {
    if (!this.closed && !this.timer) this.timer = setTimeout(() => this.probe(), this.reprobeMs);
  }

  private onContextError(context: PcscContext, error: unknown): void {
    if (context !== this.context) return;
    // The monitor thread has stopped for good (pcscd restarted or crashed): start over.
    this.teardown();
    const failure = new CardError('no-pcsc', { detail: error instanceof Error ? error.message : String(error) });
    this.core.setStatus({ ok: false, message: failure.bilingual(), error: failure });
    this.schedule();
  }

  private teardown(): void {
    const context = this.context;
    this.context = null;
    for (const [name, tracked] of this.tracked) {
      tracked.connection.cardGone();
      tracked.reader.removeAllListeners();
      tracked.reader.on('error', () => undefined);
      try {
        tracked.reader.close(); // stops its status thread so the process can exit
      } catch {
        // already closed by pcsclite after its 'end'
      }
      this.tracked.delete(name);
    }
    this.core.removeAllReaders();
    if (context) {
      context.removeAllListeners();
      context.on('error', () => undefined);
      try {
        context.close();
      } catch {
        // Closing a context whose pcscd is gone may fail; the instance is dropped either way.
      }
    }
  }

  private onReader(context: PcscContext, reader: PcscReader): void {
    if (context !== this.context) return;
    this.lastStatusAt = Date.now();
    const tracked: Tracked = { reader, connection: new ReaderConnection(reader), atr: null, generation: 0 };
    this.tracked.set(reader.name, tracked);
    this.core.addReader(reader.name);
    reader.on('error', () => undefined); // followed by 'end' or by the context's 'error'
    reader.on('end', () => {
      if (this.tracked.get(reader.name) !== tracked) return;
      tracked.connection.cardGone();
      this.tracked.delete(reader.name);
      this.core.removeReader(reader.name);
    });
    reader.on('status', (status: { state: number; atr?: Buffer }) => this.onStatus(tracked, status));
  }

  private onStatus(tracked: Tracked, status: { state: number; atr?: Buffer }): void {
    this.lastStatusAt = Date.now();
    const { reader } = tracked;
    const state = status.state & STATE_FLAGS_MASK;
    const present = (state & reader.SCARD_STATE_PRESENT) !== 0 && (state & reader.SCARD_STATE_MUTE) === 0;
    const atr = present && status.atr && status.atr.length > 0 ? normalizeAtr(new Uint8Array(status.atr)) : null;
    if (atr === tracked.atr) return;
    if (tracked.atr !== null) {
      tracked.generation += 1;
      tracked.atr = null;
      tracked.connection.cardGone();
      this.core.cardRemoved(reader.name);
    }
    if (atr === null) return;
    tracked.atr = atr;
    tracked.generation += 1;
    void this.announce(tracked, atr, tracked.generation);
  }

  /** Names the new card (ATR, else a SELECT probe over a short shared connection) and emits it. */
  private async announce(tracked: Tracked, atr: string, generation: number): Promise<void> {
    let presence = identifyByAtr(atr);
    if (!presence) {
      try {
        const probe = await tracked.connection.open('unknown', atr, this.timeoutMs);
        try {
          presence = await identifyCard(atr, probe, this.options.smartcardList);
        } finally {
          await probe.close();
        }
      } catch {
        presence = await identifyCard(atr, undefined, this.options.smartcardList);
      }
    }
    if (tracked.generation !== generation || this.tracked.get(tracked.reader.name) !== tracked) return;
    this.core.cardInserted(tracked.reader.name, presence);
  }
}
