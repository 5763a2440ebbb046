// The device layer's shared vocabulary: what a reader hub tells the kiosk and what a card
// operation needs. Two hubs implement it (PC/SC in ./pcsc, in-process virtual in ./virtual),
// so the kiosk and `yaoli doctor` never know which one they hold.
import type { CardError } from './cards/errors.ts';

export type CardKind = 'patient' | 'staff' | 'sam' | 'unknown';
export type HubBackend = 'pcsc' | 'virtual';

/** One exchange with a card: command APDU bytes in, response bytes (data + SW1 SW2) out. */
export interface CardChannel {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

export interface CardPresence {
  /** ATR as upper-case hex with spaces, e.g. '3B FF 18 00 …'. */
  atr: string;
  kind: CardKind;
  /** What the card is: our own name for known kinds, else smartcard_list.txt's description. */
  name?: string;
}

export interface ReaderState {
  reader: string;
  card: CardPresence | null;
}

export type HubEvent =
  | { type: 'reader-added'; reader: string }
  | { type: 'reader-removed'; reader: string }
  | ({ type: 'card-inserted'; reader: string } & CardPresence)
  | { type: 'card-removed'; reader: string }
  | HubStatus;

export interface HubStatus {
  type: 'status';
  backend: HubBackend;
  /** false while the backend cannot see readers (pcscd down, pcsclite missing). */
  ok: boolean;
  /** Both languages, ready for a status bar or the doctor report. */
  message: string;
  error?: CardError;
}

export type HubListener = (event: HubEvent) => void;

/** An open connection to the card in one reader; keep it while a PIN must stay verified. */
export interface CardSession extends CardChannel {
  readonly reader: string;
  readonly atr: string;
  readonly kind: CardKind;
  /** Leaves the card powered (SCARD_LEAVE_CARD), so its state survives for the next session. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Per-transmit timeout; a card or reader that does not answer becomes error 4000. */
  timeoutMs?: number;
}

export interface ReaderHub {
  readonly backend: HubBackend;
  /** Every event from now on; returns the unsubscribe function. */
  subscribe(listener: HubListener): () => void;
  /** Snapshot of readers and the cards in them (for listeners that arrive late). */
  readers(): ReaderState[];
  status(): HubStatus;
  connect(reader: string, options?: ConnectOptions): Promise<CardSession>;
  close(): Promise<void>;
}
