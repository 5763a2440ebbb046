// Virtual NHI patient card: the real basic-data interface (both SELECT forms seen in the
// wild, GET DATA 00 CA 11 00) plus yaoli's profile for PIN and records.
import type { CommandApdu } from '../cards/apdu.ts';
import { PATIENT_CARD_ATRS } from '../cards/identify.ts';
import { encodePatientBasic, type PatientBasicData } from '../cards/patient-basic.ts';
import { INS, NHI_AID, NHI_AID_SHORT, SFI } from '../cards/profile.ts';
import { encodeAllergy, encodeLongTermPrescription, type AllergyRecord, type LongTermPrescription } from '../cards/records.ts';
import { CardModel, sameBytes, sw } from './card-model.ts';
import { PinCounter } from './pin-counter.ts';

export interface PatientCardSpec {
  label: string;
  basic: PatientBasicData;
  pin: string | null;
  pinBlocked?: boolean;
  allergies?: AllergyRecord[];
  longTermPrescriptions?: LongTermPrescription[];
  /** Default: the THCC10TECOGDHN2 NHI ATR from smartcard_list.txt. */
  atr?: string;
}

export class VirtualPatientCard extends CardModel {
  readonly kind = 'patient' as const;
  readonly pin: PinCounter;
  private readonly basic: Uint8Array;
  private readonly files: Map<number, Uint8Array[]>;

  constructor(spec: PatientCardSpec) {
    const pin = new PinCounter(spec.pin, { blocked: spec.pinBlocked ?? false });
    super(spec.label, spec.atr ?? PATIENT_CARD_ATRS[0], [{ aid: NHI_AID, matchesPrefix: NHI_AID_SHORT.length }], pin);
    this.pin = pin;
    this.basic = encodePatientBasic(spec.basic);
    this.files = new Map([
      [SFI.allergies, (spec.allergies ?? []).map(encodeAllergy)],
      [SFI.longTermPrescriptions, (spec.longTermPrescriptions ?? []).map(encodeLongTermPrescription)],
    ]);
  }

  protected process(command: CommandApdu): Uint8Array {
    switch (command.ins) {
      case INS.getData:
        // 00 CA 11 00 02 00 00: the 57-byte basic data, readable without PIN or SAM.
        if (command.p1 !== 0x11 || command.p2 !== 0x00) return sw(0x6a86);
        if (!command.data || !sameBytes(command.data, Uint8Array.from([0, 0]))) return sw(0x6a80);
        return sw(0x9000, this.basic);
      case INS.verify:
        return sw(this.pin.answerVerify(command));
      case INS.readRecord:
        return this.readRecord(command);
      default:
        return sw(0x6d00);
    }
  }

  private readRecord(command: CommandApdu): Uint8Array {
    if ((command.p2 & 0x07) !== 0x04) return sw(0x6a86);
    const records = this.files.get(command.p2 >> 3);
    if (!records) return sw(0x6a82);
    if (!this.pin.allowsAccess) return sw(0x6982);
    const record = records[command.p1 - 1];
    return record ? sw(0x9000, record) : sw(0x6a83);
  }
}
