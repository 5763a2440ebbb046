// Virtual SAM card (安全模組卡) in yaoli's profile: institution code + SAM id, and signing
// without a PIN (the hardware SAM sits in the reader all day). Its ATR is the generic
// "TEST SAM Card" of smartcard_list.txt: NHI's SAM ATR is not public, so it is identified
// by answering SELECT of the yaoli SAM AID.
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { CommandApdu } from '../cards/apdu.ts';
import { INS, PSO_CDS_P1, PSO_CDS_P2, SAM_AID, SFI, readBinaryP1 } from '../cards/profile.ts';
import { encodeSamRecord } from '../cards/sam.ts';
import { CardModel, readBinarySlice, sw } from './card-model.ts';

export const SAM_CARD_ATR = '3B 79 18 00 00 80 63 55 50 01 83 07 90 00';

export interface SamCardSpec {
  label: string;
  hospId: string;
  samId: string;
  privateKey: KeyObject;
  publicKeyDer: Uint8Array;
}

export class VirtualSamCard extends CardModel {
  readonly kind = 'sam' as const;
  private readonly holder: Uint8Array;

  constructor(private readonly spec: SamCardSpec) {
    super(spec.label, SAM_CARD_ATR, [{ aid: SAM_AID }]);
    this.holder = encodeSamRecord(spec.hospId, spec.samId);
  }

  protected process(command: CommandApdu): Uint8Array {
    if (this.selected === null) return sw(0x6985);
    switch (command.ins) {
      case INS.readBinary:
        if (command.p1 === readBinaryP1(SFI.holder)) return readBinarySlice(this.holder, command);
        if (command.p1 === readBinaryP1(SFI.publicKey)) return readBinarySlice(this.spec.publicKeyDer, command);
        return sw(0x6a82);
      case INS.pso:
        if (command.p1 !== PSO_CDS_P1 || command.p2 !== PSO_CDS_P2) return sw(0x6a86);
        if (!command.data) return sw(0x6700);
        return sw(0x9000, cryptoSign('sha256', command.data, this.spec.privateKey));
      default:
        return sw(0x6d00);
    }
  }
}
