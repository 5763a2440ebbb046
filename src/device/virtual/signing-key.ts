// The key half of yaoli's card profile that the SAM and the staff card share: two EFs read by
// SFI (the holder record and the SubjectPublicKeyInfo DER) and PSO: COMPUTE DIGITAL SIGNATURE.
// The cards differ only in when the key may sign (the SAM at once, the staff card after its PIN).
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { CommandApdu } from '../cards/apdu.ts';
import { PSO_CDS_P1, PSO_CDS_P2, SFI, readBinaryP1 } from '../cards/profile.ts';
import { readBinarySlice, sw } from './card-model.ts';

/** READ BINARY of the holder record or the public key; any other EF is 6A82 (file not found). */
export function readKeyCardFile(command: CommandApdu, holder: Uint8Array, publicKeyDer: Uint8Array): Uint8Array {
  if (command.p1 === readBinaryP1(SFI.holder)) return readBinarySlice(holder, command);
  if (command.p1 === readBinaryP1(SFI.publicKey)) return readBinarySlice(publicKeyDer, command);
  return sw(0x6a82);
}

/**
 * PSO: COMPUTE DIGITAL SIGNATURE over the command data: ECDSA P-256 / SHA-256, DER. A key
 * that is not `unlocked` answers 6982 (security status not satisfied), after the P1/P2 and
 * data checks, as a card checks the command before its security state.
 */
export function computeSignature(command: CommandApdu, privateKey: KeyObject, unlocked: boolean): Uint8Array {
  if (command.p1 !== PSO_CDS_P1 || command.p2 !== PSO_CDS_P2) return sw(0x6a86);
  if (!command.data) return sw(0x6700);
  if (!unlocked) return sw(0x6982);
  return sw(0x9000, cryptoSign('sha256', command.data, privateKey));
}
