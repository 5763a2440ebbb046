// The slice of node `pcsclite` (santigimeno, 1.0.1) that yaoli uses, typed here so the rest
// of the module does not depend on the package's own typings being installed. It is an
// optional dependency: loaded with a dynamic import, and its absence is a status, not a crash.
import type { EventEmitter } from 'node:events';

export interface PcscReader extends EventEmitter {
  name: string;
  state: number;
  connected: boolean;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_LEAVE_CARD: number;
  SCARD_STATE_EMPTY: number;
  SCARD_STATE_PRESENT: number;
  SCARD_STATE_MUTE: number;
  connect(options: { share_mode: number; protocol: number }, cb: (err: unknown, protocol: number) => void): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: (err: unknown, response: Buffer) => void): void;
  close(): void;
}

export interface PcscContext extends EventEmitter {
  readers: Record<string, PcscReader>;
  close(): void;
}

export type PcscFactory = () => PcscContext;

export type PcscLoad = { ok: true; create: PcscFactory } | { ok: false; reason: string };

let cached: Promise<PcscLoad> | null = null;

/** Loads pcsclite once; `{ ok: false }` when it is not installed or its native build is missing. */
export function loadPcsclite(): Promise<PcscLoad> {
  cached ??= (async (): Promise<PcscLoad> => {
    try {
      const module = (await import('pcsclite')) as unknown as { default?: PcscFactory } & PcscFactory;
      const create = typeof module.default === 'function' ? module.default : (module as PcscFactory);
      if (typeof create !== 'function') return { ok: false, reason: 'pcsclite has no factory export' };
      return { ok: true, create };
    } catch (error) {
      return { ok: false, reason: `pcsclite not available: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
  })();
  return cached;
}

/** pcsc-lite puts an event counter in the upper 16 bits of `state` (research §4): mask it. */
export const STATE_FLAGS_MASK = 0xffff;

/** PC/SC error codes seen through pcsclite's messages, e.g. "... (0x80100069)". */
export function pcscErrorCode(error: unknown): number | null {
  const text = error instanceof Error ? error.message : String(error);
  const match = /\(0x([0-9a-fA-F]{8})\)/.exec(text);
  return match ? parseInt(match[1] as string, 16) : null;
}

export const PCSC_ERRORS = {
  noService: 0x8010001d, // SCARD_E_NO_SERVICE
  serviceStopped: 0x8010001e, // SCARD_E_SERVICE_STOPPED
  commError: 0x80100013, // SCARD_F_COMM_ERROR ("RPC transport error")
  noSmartcard: 0x8010000c, // SCARD_E_NO_SMARTCARD
  readerUnavailable: 0x80100017, // SCARD_E_READER_UNAVAILABLE
  unknownReader: 0x80100009, // SCARD_E_UNKNOWN_READER
  removedCard: 0x80100069, // SCARD_W_REMOVED_CARD
  resetCard: 0x80100068, // SCARD_W_RESET_CARD
  unresponsiveCard: 0x80100066, // SCARD_W_UNRESPONSIVE_CARD
  unpoweredCard: 0x80100067, // SCARD_W_UNPOWERED_CARD
  timeout: 0x8010000a, // SCARD_E_TIMEOUT
} as const;
