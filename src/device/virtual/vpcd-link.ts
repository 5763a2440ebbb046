// A virtual card plugged into real pcscd through vsmartcard-vpcd. vpcd listens on
// 127.0.0.1:35963 (reader "Virtual PCD 00 00") and :35964 ("Virtual PCD 00 01"); the card
// dials in. Framing (vsmartcard api.txt, vpcd.c): every message both ways is a 2-byte
// big-endian length + payload. vpcd always speaks first. A 1-byte payload is a control
// message: 00 power off, 01 power on, 02 reset (no answer), 04 get ATR (answer the ATR);
// anything longer is a C-APDU answered with the R-APDU. Closing the socket = card removed.
// pcscd polls Get ATR ~2.3 times a second and powers an idle card off after ~0.5 s (research §3).
import { Socket, connect } from 'node:net';
import type { VirtualCard } from './card-model.ts';

export const VPCD_BASE_PORT = 0x8c7b; // 35963, /etc/reader.conf.d/vpcd DEVICENAME /dev/null:0x8C7B

const CTRL_OFF = 0x00;
const CTRL_ON = 0x01;
const CTRL_RESET = 0x02;
const CTRL_ATR = 0x04;

export function vpcdPort(slot: number): number {
  return VPCD_BASE_PORT + slot;
}

export function vpcdReaderName(slot: number): string {
  return `Virtual PCD 00 ${String(slot).padStart(2, '0')}`;
}

export type VpcdLinkState = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface VpcdLinkOptions {
  card: VirtualCard;
  slot?: number;
  host?: string;
  port?: number;
  /** Re-dial after pcscd restarts (a real card stays in its reader). Default false. */
  reconnect?: boolean;
  retryMs?: number;
  onState?: (state: VpcdLinkState, detail?: string) => void;
}

/** Splits a byte stream into vpcd messages; keeps the partial tail for the next chunk. */
export class VpcdFrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: Buffer[] = [];
    while (this.buffer.length >= 2) {
      const length = this.buffer.readUInt16BE(0);
      if (this.buffer.length < 2 + length) break;
      messages.push(this.buffer.subarray(2, 2 + length));
      this.buffer = this.buffer.subarray(2 + length);
    }
    return messages;
  }
}

export function vpcdFrame(payload: Uint8Array): Buffer {
  if (payload.length > 0xffff) throw new RangeError('vpcd message longer than 65535 bytes');
  const frame = Buffer.alloc(2 + payload.length);
  frame.writeUInt16BE(payload.length, 0);
  frame.set(payload, 2);
  return frame;
}

/** The card's side of one vpcd message; null = no answer (power control). */
export function answerVpcd(card: VirtualCard, message: Uint8Array): Uint8Array | null {
  if (message.length === 1) {
    switch (message[0]) {
      case CTRL_OFF:
        card.powerOff();
        return null;
      case CTRL_ON:
        card.powerOn();
        return null;
      case CTRL_RESET:
        card.reset();
        return null;
      case CTRL_ATR:
        return card.atr;
      default:
        return null; // unknown control byte: vpcd expects no answer for controls
    }
  }
  return card.transmit(message);
}

export class VpcdLink {
  private socket: Socket | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly host: string;
  private readonly port: number;

  constructor(private readonly options: VpcdLinkOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? vpcdPort(options.slot ?? 0);
  }

  get reader(): string {
    return vpcdReaderName(this.port - VPCD_BASE_PORT);
  }

  /** Resolves once connected to vpcd; rejects on the first failure unless `reconnect` is set. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const attempt = (): void => {
        if (this.closed) return;
        this.options.onState?.('connecting');
        const socket = connect({ host: this.host, port: this.port });
        socket.setNoDelay(true);
        const frames = new VpcdFrameReader();
        socket.on('connect', () => {
          this.socket = socket;
          this.options.onState?.('connected');
          if (!settled) {
            settled = true;
            resolve();
          }
        });
        socket.on('data', (chunk: Buffer) => {
          for (const message of frames.push(chunk)) {
            const answer = answerVpcd(this.options.card, message);
            // An empty answer is a mute card: vpcd waits, and the host's transmit timeout fires.
            if (answer && answer.length > 0) socket.write(vpcdFrame(answer));
          }
        });
        socket.on('error', (error: NodeJS.ErrnoException) => {
          if (!settled && !this.options.reconnect) {
            settled = true;
            reject(error);
          }
          this.options.onState?.('disconnected', error.code ?? error.message);
        });
        socket.on('close', () => {
          // vpcd dropping us is a card pulled by the reader; pcscd restarting is the usual cause.
          this.options.card.powerOff();
          if (this.socket === socket) this.socket = null;
          if (this.closed) return;
          if (this.options.reconnect) this.retry = setTimeout(attempt, this.options.retryMs ?? 250);
        });
      };
      attempt();
    });
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  /** Removes the card: closes the socket and waits until it is closed. */
  close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = null;
    this.options.onState?.('closed');
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      socket.destroy();
    });
  }
}
