// "What is on this card" in one call, for `yaoli card read`, the doctor report and the bench:
// the public profile of whichever kind of card the session holds. No PIN is needed for any
// of it (the patient's basic data is public; the staff holder record is readable).
import type { IsoDate, Sex } from '../../core/domain/types.ts';
import type { CardSession } from '../types.ts';
import { readPatientProfile } from './patient-card.ts';
import { openSamCard } from './sam.ts';
import { readStaffProfile, type StaffRole } from './staff-card.ts';

export type CardSummary =
  | { reader: string; atr: string; kind: 'patient'; cardNumber: string; name: string; nationalId: string; birthDate: IsoDate; sex: Sex; issueDate: IsoDate }
  | { reader: string; atr: string; kind: 'staff'; staffId: string; name: string; role: StaffRole }
  | { reader: string; atr: string; kind: 'sam'; hospId: string; samId: string }
  | { reader: string; atr: string; kind: 'unknown'; description?: string };

export async function readCardSummary(session: CardSession, description?: string): Promise<CardSummary> {
  const { reader, atr } = session;
  switch (session.kind) {
    case 'patient': {
      const p = await readPatientProfile(session);
      return { reader, atr, kind: 'patient', cardNumber: p.cardNumber, name: p.name, nationalId: p.nationalId, birthDate: p.birthDate, sex: p.sex, issueDate: p.issueDate };
    }
    case 'staff': {
      const s = await readStaffProfile(session);
      return { reader, atr, kind: 'staff', staffId: s.staffId, name: s.name, role: s.role };
    }
    case 'sam': {
      const sam = await openSamCard(session);
      return { reader, atr, kind: 'sam', hospId: sam.hospId, samId: sam.samId };
    }
    default:
      return description === undefined ? { reader, atr, kind: 'unknown' } : { reader, atr, kind: 'unknown', description };
  }
}
