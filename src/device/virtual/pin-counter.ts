// A card-side PIN: the tries counter lives as long as the card model instance (it is
// non-volatile on a real card, so power cycles and re-insertion keep it), while the
// "verified" flag is volatile and cleared by power-off and reset (research §3, §6).
import type { CommandApdu } from '../cards/apdu.ts';
import { PIN_MAX_TRIES, PIN_REFERENCE } from '../cards/profile.ts';

export class PinCounter {
  private triesLeft: number;
  private verified = false;

  constructor(private readonly pin: string | null, options: { maxTries?: number; blocked?: boolean } = {}) {
    this.triesLeft = options.blocked ? 0 : (options.maxTries ?? PIN_MAX_TRIES);
  }

  get isSet(): boolean {
    return this.pin !== null;
  }

  get isVerified(): boolean {
    return this.verified;
  }

  /** Access to PIN-protected data: open when the card has no PIN (consent is verbal then). */
  get allowsAccess(): boolean {
    return this.pin === null || this.verified;
  }

  /** VERIFY without data: 9000 verified, 63Cx tries left, 6983 blocked, 6A88 no PIN. */
  status(): number {
    if (this.pin === null) return 0x6a88;
    if (this.triesLeft === 0) return 0x6983;
    if (this.verified) return 0x9000;
    return 0x63c0 | this.triesLeft;
  }

  /** VERIFY with data; a wrong PIN costs one try, the right one restores all of them. */
  verify(candidate: Uint8Array): number {
    if (this.pin === null) return 0x6a88;
    if (this.triesLeft === 0) return 0x6983;
    const given = String.fromCharCode(...candidate);
    if (given === this.pin) {
      this.verified = true;
      this.triesLeft = PIN_MAX_TRIES;
      return 0x9000;
    }
    this.verified = false;
    this.triesLeft -= 1;
    return this.triesLeft === 0 ? 0x6983 : 0x63c0 | this.triesLeft;
  }

  /** The VERIFY command (00 20 00 PIN_REFERENCE): with data it tries the PIN, without it asks the status. */
  answerVerify(command: CommandApdu): number {
    if (command.p1 !== 0x00 || command.p2 !== PIN_REFERENCE) return 0x6a86;
    return command.data ? this.verify(command.data) : this.status();
  }

  clearVolatile(): void {
    this.verified = false;
  }
}
