// What card is in the reader: first by ATR (the NHI and TW HPC ATRs listed in pcsc-tools'
// smartcard_list.txt, research §1.4), then, for an ATR we do not know, by which application
// answers SELECT (NHI AID, yaoli staff AID, yaoli SAM AID). Anything else is 'unknown' and
// named from smartcard_list.txt when the list is installed.
import type { CardChannel, CardKind, CardPresence } from '../types.ts';
import { fromHex, toHex } from './apdu.ts';
import { exchange } from './exchange.ts';
import { SAM_AID, SELECT_NHI, STAFF_AID, selectByAid } from './profile.ts';
import { describeAtr } from './smartcard-list.ts';

/** "National Health Insurance Card, Taiwan" entries of smartcard_list.txt (2023-01-22). */
export const PATIENT_CARD_ATRS = [
  '3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 48 4E 32 24',
  '3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 49 4E 31 26',
  '3B FC 18 00 00 81 31 FE 45 80 73 C8 21 13 66 02 04 03 55 00 02 D2',
  '3B FD 13 00 00 81 31 FE 45 4A 43 4F 50 32 31 76 32 33 31 47 44 54 E1',
  '3B FD 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 79 7A 52 AA',
  '3B EE 00 00 81 31 FE 45 80 31 80 66 40 90 93 06 0F 17 83 0F 90 00 F3',
] as const;

/** "Taiwanese Health Professional Card (TW HPC)" in smartcard_list.txt. */
export const STAFF_CARD_ATRS = ['3B F9 18 00 00 81 31 FE 45 50 56 5F 4A 32 44 30 38 31 B6'] as const;

export const KIND_NAMES: Record<Exclude<CardKind, 'unknown'>, string> = {
  patient: '健保卡 NHI card',
  staff: '醫事人員卡 healthcare professional card',
  sam: '安全模組卡 SAM card',
};

export function normalizeAtr(atr: Uint8Array | string): string {
  if (typeof atr !== 'string') return toHex(atr);
  const bytes = fromHex(atr);
  return bytes ? toHex(bytes) : atr.toUpperCase().trim();
}

export function identifyByAtr(atr: Uint8Array | string): CardPresence | null {
  const hex = normalizeAtr(atr);
  if ((PATIENT_CARD_ATRS as readonly string[]).includes(hex)) return { atr: hex, kind: 'patient', name: KIND_NAMES.patient };
  if ((STAFF_CARD_ATRS as readonly string[]).includes(hex)) return { atr: hex, kind: 'staff', name: KIND_NAMES.staff };
  return null;
}

async function answers(channel: CardChannel, select: Uint8Array): Promise<boolean> {
  try {
    return (await exchange(channel, select)).sw === 0x9000;
  } catch {
    return false;
  }
}

/** ATR first; with a channel, probe the applications for ATRs we do not know. */
export async function identifyCard(atr: Uint8Array | string, channel?: CardChannel, listPath?: string): Promise<CardPresence> {
  const byAtr = identifyByAtr(atr);
  if (byAtr) return byAtr;
  const hex = normalizeAtr(atr);
  if (channel) {
    const probes: [Exclude<CardKind, 'unknown'>, Uint8Array][] = [
      ['patient', SELECT_NHI],
      ['staff', selectByAid(STAFF_AID)],
      ['sam', selectByAid(SAM_AID)],
    ];
    for (const [kind, select] of probes) {
      if (await answers(channel, select)) return { atr: hex, kind, name: KIND_NAMES[kind] };
    }
  }
  const described = describeAtr(hex, listPath);
  return described === undefined ? { atr: hex, kind: 'unknown' } : { atr: hex, kind: 'unknown', name: described };
}
