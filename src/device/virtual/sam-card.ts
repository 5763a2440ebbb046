// Virtual SAM card (安全模組卡) in yaoli's profile: institution code + SAM id, and signing
// without a PIN (the hardware SAM sits in the reader all day). Its ATR is the generic
// "TEST SAM Card" of smartcard_list.txt: NHI's SAM ATR is not public, so it is identified
// by answering SELECT of the yaoli SAM AID.
import type { KeyObject } from 'node:crypto';
import type { CommandApdu } from '../cards/apdu.ts';
import { INS, SAM_AID } from '../cards/profile.ts';
import { encodeSamRecord } from '../cards/sam.ts';
import { CardModel, sw } from './card-model.ts';
import { computeSignature, readKeyCardFile } from './signing-key.ts';

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
    switch (command.ins) {
      case INS.readBinary:
        return readKeyCardFile(command, this.holder, this.spec.publicKeyDer);
      case INS.pso:
        // No PIN: the SAM signs for the institution whenever it is selected.
        return computeSignature(command, this.spec.privateKey, true);
      default:
        return sw(0x6d00);
    }
  }
}
