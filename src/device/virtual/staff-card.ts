// Virtual healthcare professional card (醫事人員卡) in yaoli's profile, with the TW HPC ATR
// from smartcard_list.txt. Signs with the deck's key so the simulator accepts its signatures.
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { CommandApdu } from '../cards/apdu.ts';
import { STAFF_CARD_ATRS } from '../cards/identify.ts';
import { INS, PIN_REFERENCE, PSO_CDS_P1, PSO_CDS_P2, SFI, STAFF_AID, readBinaryP1 } from '../cards/profile.ts';
import { encodeStaffRecord, type StaffProfile } from '../cards/staff-card.ts';
import { CardModel, readBinarySlice, sw } from './card-model.ts';
import { PinCounter } from './pin-counter.ts';

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
    super(spec.label, spec.atr ?? STAFF_CARD_ATRS[0], [{ aid: STAFF_AID }]);
    this.holder = encodeStaffRecord(spec.profile);
    this.pin = new PinCounter(spec.pin);
  }

  protected override clearVolatile(): void {
    super.clearVolatile();
    this.pin.clearVolatile();
  }

  protected process(command: CommandApdu): Uint8Array {
    if (this.selected === null) return sw(0x6985);
    switch (command.ins) {
      case INS.readBinary:
        if (command.p1 === readBinaryP1(SFI.holder)) return readBinarySlice(this.holder, command);
        if (command.p1 === readBinaryP1(SFI.publicKey)) return readBinarySlice(this.spec.publicKeyDer, command);
        return sw(0x6a82);
      case INS.verify:
        if (command.p1 !== 0x00 || command.p2 !== PIN_REFERENCE) return sw(0x6a86);
        return sw(command.data ? this.pin.verify(command.data) : this.pin.status());
      case INS.pso:
        if (command.p1 !== PSO_CDS_P1 || command.p2 !== PSO_CDS_P2) return sw(0x6a86);
        if (!command.data) return sw(0x6700);
        // The signing key is usable only after the holder's PIN (NHI 4042 otherwise).
        if (!this.pin.isVerified) return sw(0x6982);
        return sw(0x9000, cryptoSign('sha256', command.data, this.spec.privateKey));
      default:
        return sw(0x6d00);
    }
  }
}
