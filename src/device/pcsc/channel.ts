// CardSession over a pcsclite reader. pcsclite keeps one card handle per reader object, so
// sessions on the same reader share it (reference-counted) and their transmits run one at a
// time. Shared mode lets `yaoli doctor` or pcsc_scan look while the kiosk holds the card;
// LEAVE_CARD keeps the card powered, so a verified PIN survives until the card is pulled.
import { CardError, missingCardCode } from '../cards/errors.ts';
import type { CardKind, CardSession } from '../types.ts';
import { PCSC_ERRORS, pcscErrorCode, type PcscReader } from './binding.ts';

/** A short APDU answer is at most 256 + 2 bytes; room for readers that return more. */
const RESPONSE_BUFFER = 4096;
/** pcscd polls vpcd/readers for presence every ~0.4 s; two polls are enough to hear of a removal. */
const GONE_GRACE_MS = 1000;

export class ReaderConnection {
  private protocol: number | null = null;
  private connecting: Promise<number> | null = null;
  private users = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the card was pulled: every session opened before is dead. */
  private generation = 0;
  private readonly goneWaiters = new Set<() => void>();

  constructor(private readonly reader: PcscReader) {}

  async open(kind: CardKind, atr: string, timeoutMs: number): Promise<CardSession> {
    if (this.protocol === null) {
      // Two sessions opening at once share one SCardConnect.
      this.connecting ??= this.connect(timeoutMs).finally(() => {
        this.connecting = null;
      });
      this.protocol = await this.connecting;
    }
    this.users += 1;
    const generation = this.generation;
    let open = true;
    const reader = this.reader.name;
    return {
      reader,
      atr,
      kind,
      transmit: (apdu) => {
        if (!open) return Promise.reject(new CardError('transmit-failed', { detail: 'session closed' }));
        if (generation !== this.generation) return Promise.reject(new CardError('card-removed', { reader }, { nhiCode: missingCardCode(kind) }));
        return this.enqueue(() => this.transmit(apdu, kind, timeoutMs));
      },
      close: async () => {
        if (!open) return;
        open = false;
        if (generation === this.generation) await this.release();
      },
    };
  }

  /** The card left the reader (or pcscd went away): invalidate sessions and drop the handle. */
  cardGone(): void {
    this.generation += 1;
    for (const wake of [...this.goneWaiters]) wake();
    this.users = 0;
    if (this.protocol !== null) {
      this.protocol = null;
      this.reader.disconnect(this.reader.SCARD_LEAVE_CARD, () => undefined);
    }
  }

  private async release(): Promise<void> {
    this.users -= 1;
    if (this.users > 0 || this.protocol === null) return;
    this.protocol = null;
    await new Promise<void>((resolve) => this.reader.disconnect(this.reader.SCARD_LEAVE_CARD, () => resolve()));
  }

  private connect(timeoutMs: number): Promise<number> {
    const attempt = new Promise<number>((resolve, reject) => {
      const options = { share_mode: this.reader.SCARD_SHARE_SHARED, protocol: this.reader.SCARD_PROTOCOL_T0 | this.reader.SCARD_PROTOCOL_T1 };
      this.reader.connect(options, (error, protocol) => {
        if (error) reject(mapPcscError(error, this.reader.name, 'unknown'));
        // pcsclite answers an already-connected reader without a protocol; T=1 is what vpcd and NHI cards use.
        else resolve(protocol ?? this.reader.SCARD_PROTOCOL_T1);
      });
    });
    return withTimeout(attempt, timeoutMs);
  }

  private transmit(apdu: Uint8Array, kind: CardKind, timeoutMs: number): Promise<Uint8Array> {
    const protocol = this.protocol;
    if (protocol === null) return Promise.reject(new CardError('card-removed', { reader: this.reader.name }, { nhiCode: missingCardCode(kind) }));
    const generation = this.generation;
    const exchange = new Promise<Uint8Array>((resolve, reject) => {
      this.reader.transmit(Buffer.from(apdu), RESPONSE_BUFFER, protocol, (error, response) => {
        if (error) reject(mapPcscError(error, this.reader.name, kind));
        else resolve(new Uint8Array(response));
      });
    });
    return withTimeout(exchange, timeoutMs).then(async (response) => {
      // vpcd (and some readers) hand back an empty answer when the card is pulled mid-command;
      // pcscd reports the removal a poll later (~0.4 s). Wait for that before calling it garbled.
      if (response.length < 2 && (await this.goneWithin(generation, GONE_GRACE_MS))) {
        throw new CardError('card-removed', { reader: this.reader.name }, { nhiCode: missingCardCode(kind) });
      }
      return response;
    });
  }

  /** True when the card is reported gone (now or within `ms`); event-driven, no polling. */
  private goneWithin(generation: number, ms: number): Promise<boolean> {
    if (generation !== this.generation) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.goneWaiters.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.goneWaiters.delete(wake);
        resolve(false);
      }, ms);
      this.goneWaiters.add(wake);
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Every transmit is bounded: a reader that never answers becomes NHI 4000, not a hung kiosk. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CardError('reader-timeout', { ms: timeoutMs })), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export function mapPcscError(error: unknown, reader: string, kind: CardKind): CardError {
  const code = pcscErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case PCSC_ERRORS.removedCard:
    case PCSC_ERRORS.noSmartcard:
    case PCSC_ERRORS.resetCard:
    case PCSC_ERRORS.unpoweredCard:
    case PCSC_ERRORS.readerUnavailable:
      return new CardError('card-removed', { reader }, { cause: error, nhiCode: missingCardCode(kind) });
    case PCSC_ERRORS.unknownReader:
      return new CardError('no-reader', { reader }, { cause: error });
    case PCSC_ERRORS.noService:
    case PCSC_ERRORS.serviceStopped:
    case PCSC_ERRORS.commError:
      return new CardError('no-pcsc', { detail }, { cause: error });
    case PCSC_ERRORS.timeout:
      return new CardError('reader-timeout', { ms: '?' }, { cause: error });
    default:
      return new CardError('transmit-failed', { detail }, { cause: error });
  }
}
