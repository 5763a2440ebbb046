// A virtual card: an ATR and a synchronous APDU processor with power states, shared by the
// in-process hub and the vpcd link. Subclasses answer their own applications; this class
// handles SELECT by AID (and 6985 for any other command before one), power-off/reset (which
// clear the selection and the volatile PIN state) and test hooks that make the next answer garbled.
import { decodeCommand, encodeResponse, fromHex, type CommandApdu } from '../cards/apdu.ts';
import { INS } from '../cards/profile.ts';
import type { CardKind } from '../types.ts';
import type { PinCounter } from './pin-counter.ts';

export interface VirtualCard {
  readonly kind: CardKind;
  /** Deck handle ('P001', 'S01', 'SAM') shown in the kiosk's demo tray. */
  readonly label: string;
  readonly atr: Uint8Array;
  powerOn(): void;
  powerOff(): void;
  reset(): void;
  /** Command bytes in, response bytes (data + SW) out. */
  transmit(apdu: Uint8Array): Uint8Array;
  /** Test hook: the next answers are these bytes verbatim (short or garbled responses; empty = mute). */
  answerNextWith(...responses: Uint8Array[]): void;
}

export type Applet = { aid: Uint8Array; matchesPrefix?: number };

export function sw(code: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeResponse(data, code);
}

/** READ BINARY with P2 = offset and Le (00 = up to 256), the way ISO 7816-4 slices an EF. */
export function readBinarySlice(file: Uint8Array, command: CommandApdu): Uint8Array {
  const offset = command.p2;
  if (offset > file.length) return sw(0x6b00);
  const le = command.le ?? 256;
  return sw(0x9000, file.slice(offset, offset + le));
}

export abstract class CardModel implements VirtualCard {
  abstract readonly kind: CardKind;
  readonly atr: Uint8Array;
  protected selected: number | null = null;
  private powered = false;
  private readonly scripted: Uint8Array[] = [];

  /** `pinState`: the card's PIN, whose "verified" flag power-off and reset clear with the selection. */
  constructor(readonly label: string, atrHex: string, private readonly applets: Applet[], private readonly pinState: PinCounter | null = null) {
    const atr = fromHex(atrHex);
    if (!atr) throw new RangeError(`bad ATR hex: ${atrHex}`);
    this.atr = atr;
  }

  powerOn(): void {
    if (!this.powered) this.clearVolatile();
    this.powered = true;
  }

  powerOff(): void {
    this.powered = false;
    this.clearVolatile();
  }

  reset(): void {
    this.powered = true;
    this.clearVolatile();
  }

  answerNextWith(...responses: Uint8Array[]): void {
    this.scripted.push(...responses);
  }

  transmit(apdu: Uint8Array): Uint8Array {
    const scripted = this.scripted.shift();
    if (scripted) return scripted;
    // pcscd powers the card before any exchange; a command to an unpowered card is a driver bug.
    if (!this.powered) this.powerOn();
    const command = decodeCommand(apdu);
    if (!command) return sw(0x6700);
    if (command.cla !== 0x00) return sw(0x6e00);
    if (command.ins === INS.select) return this.select(command);
    // Every other command works on an application: none selected is 6985 (conditions of use).
    if (this.selected === null) return sw(0x6985);
    return this.process(command);
  }

  private clearVolatile(): void {
    this.selected = null;
    this.pinState?.clearVolatile();
  }

  /** SELECT by DF name (P1 04); an applet with `matchesPrefix` also answers its AID's first n bytes. */
  private select(command: CommandApdu): Uint8Array {
    if (command.p1 !== 0x04) return sw(0x6a86);
    const name = command.data ?? new Uint8Array(0);
    const index = this.applets.findIndex((applet) => {
      const wanted = applet.aid;
      if (sameBytes(name, wanted)) return true;
      const prefix = applet.matchesPrefix;
      return prefix !== undefined && name.length === prefix && sameBytes(name, wanted.subarray(0, prefix));
    });
    if (index === -1) return sw(0x6a82);
    this.selected = index;
    return sw(0x9000);
  }

  /** Any command but SELECT, once an applet is selected. */
  protected abstract process(command: CommandApdu): Uint8Array;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
