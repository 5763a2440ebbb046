// Virtual healthcare professional card (醫事人員卡) in yaoli's profile, with the TW HPC ATR
// from smartcard_list.txt. Signs with the deck's key so the simulator accepts its signatures.
import type { KeyObject } from 'node:crypto';
import type { CommandApdu } from '../cards/apdu.ts';
import { STAFF_CARD_ATRS } from '../cards/identify.ts';
import { INS, STAFF_AID } from '../cards/profile.ts';
import { encodeStaffRecord, type StaffProfile } from '../cards/staff-card.ts';
import { CardModel, sw } from './card-model.ts';
import { PinCounter } from './pin-counter.ts';
import { computeSignature, readKeyCardFile } from './signing-key.ts';

export interface StaffCardSpec {
  label: string;
  profile: StaffProfile;
  pin: string;
  privateKey: KeyObject;
  publicKeyDer: Uint8Array;
  atr?: string;
}

export class VirtualStaffCard extends CardModel {
  readonly kind = 'staff' as const;
  readonly pin: PinCounter;
  private readonly holder: Uint8Array;

  constructor(private readonly spec: StaffCardSpec) {
    const pin = new PinCounter(spec.pin);
    super(spec.label, spec.atr ?? STAFF_CARD_ATRS[0], [{ aid: STAFF_AID }], pin);
    this.pin = pin;
    this.holder = encodeStaffRecord(spec.profile);
  }

  protected process(command: CommandApdu): Uint8Array {
    switch (command.ins) {
      case INS.readBinary:
        return readKeyCardFile(command, this.holder, this.spec.publicKeyDer);
      case INS.verify:
        return sw(this.pin.answerVerify(command));
      case INS.pso:
        // The signing key is usable only after the holder's PIN (NHI 4042 otherwise).
        return computeSignature(command, this.spec.privateKey, this.pin.isVerified);
      default:
        return sw(0x6d00);
    }
  }
}
