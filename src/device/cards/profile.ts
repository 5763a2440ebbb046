// The card profile in bytes: every AID, file and instruction yaoli sends or its virtual
// cards answer. docs/card-profile.md is the prose version of this file; keep them in step.
//
// The patient card's public basic data is NHI's real interface (SPEC §2; research §1.1).
// Everything else (PIN status, allergies, long-term prescriptions, the staff card and the
// SAM card) is yaoli's own documented profile: the real secured areas are only reachable
// through NHI's control software, so these commands sit behind the same functions a real
// backend would implement.

/** NHI card application: D1 58 00 00 01, nine 00, 11 00 (16 bytes). */
export const NHI_AID = Uint8Array.from([0xd1, 0x58, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x11, 0x00]);
/** The 15-byte form of the same AID some readers send as a case-4 SELECT (windperson variant). */
export const NHI_AID_SHORT = NHI_AID.slice(0, 15);

/** 00 A4 04 00 10 <AID16>: the form in SPEC §2 / TWNHI (no Le). */
export const SELECT_NHI = Uint8Array.from([0x00, 0xa4, 0x04, 0x00, 0x10, ...NHI_AID]);
/** 00 A4 04 00 0F <AID15> 00: ISO case 4 with Le; the last two bytes on the wire are again 11 00. */
export const SELECT_NHI_CASE4 = Uint8Array.from([0x00, 0xa4, 0x04, 0x00, 0x0f, ...NHI_AID_SHORT, 0x00]);
/** 00 CA 11 00 02 00 00: GET DATA of the 57-byte basic data. */
export const READ_BASIC = Uint8Array.from([0x00, 0xca, 0x11, 0x00, 0x02, 0x00, 0x00]);

/** yaoli staff-card application: F0 + ASCII "YAOLIHPC" (F0: proprietary AID range, ISO 7816-5). */
export const STAFF_AID = Uint8Array.from([0xf0, 0x59, 0x41, 0x4f, 0x4c, 0x49, 0x48, 0x50, 0x43]);
/** yaoli SAM-card application: F0 + ASCII "YAOLISAM". */
export const SAM_AID = Uint8Array.from([0xf0, 0x59, 0x41, 0x4f, 0x4c, 0x49, 0x53, 0x41, 0x4d]);

export const INS = {
  select: 0xa4,
  getData: 0xca,
  verify: 0x20,
  readBinary: 0xb0,
  readRecord: 0xb2,
  pso: 0x2a,
} as const;

/** VERIFY P2: specific (b8 = 1) reference data 1 = the card holder's PIN, on both cards. */
export const PIN_REFERENCE = 0x81;

/** Short EF identifiers (READ RECORD P2 = SFI << 3 | 4; READ BINARY P1 = 0x80 | SFI). */
export const SFI = {
  /** Patient card: allergy records (過敏藥物), 63 bytes each. */
  allergies: 1,
  /** Patient card: long-term prescription records (長期處方箋), 60 bytes each. */
  longTermPrescriptions: 2,
  /** Staff / SAM card: the holder record. */
  holder: 1,
  /** Staff / SAM card: SubjectPublicKeyInfo DER of the signing key. */
  publicKey: 2,
} as const;

/** PSO: COMPUTE DIGITAL SIGNATURE (ISO 7816-8): P1 9E = return a signature, P2 9A = data to sign. */
export const PSO_CDS_P1 = 0x9e;
export const PSO_CDS_P2 = 0x9a;

/** Patient PIN length (NHI card PIN: 6-8 digits, csHis 9041 hint); staff PIN the same. */
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 8;
/** Wrong tries before lock-out (our profile; no public source gives the real limit). */
export const PIN_MAX_TRIES = 3;

export function readRecordP2(sfi: number): number {
  return (sfi << 3) | 0x04;
}

export function readBinaryP1(sfi: number): number {
  return 0x80 | sfi;
}

export function selectByAid(aid: Uint8Array): Uint8Array {
  return Uint8Array.from([0x00, INS.select, 0x04, 0x00, aid.length, ...aid]);
}
