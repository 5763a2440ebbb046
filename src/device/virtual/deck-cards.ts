// Virtual cards for the demo deck's people (src/demo/deck.ts): `P001`…`P240` patient cards,
// `S01`…`S08` staff cards and `SAM` for the home pharmacy. Keys come from demoKeyPair, so a
// signature from one of these cards verifies at the simulator.
import { addDays } from '../../core/domain/dates.ts';
import { DEFAULT_DEMO_SEED, demoDeck, findPatient, findStaff, type DemoDeck, type DemoPatient } from '../../demo/deck.ts';
import { demoKeyPair } from '../../demo/keys.ts';
import type { AllergyRecord, LongTermPrescription } from '../cards/records.ts';
import type { VirtualCard } from './card-model.ts';
import { VirtualPatientCard } from './patient-card.ts';
import { VirtualSamCard } from './sam-card.ts';
import { VirtualStaffCard } from './staff-card.ts';

export const SAM_DECK_ID = 'SAM';

const decks = new Map<number, DemoDeck>();

export function deckFor(seed: number): DemoDeck {
  let deck = decks.get(seed);
  if (!deck) {
    deck = demoDeck(seed);
    decks.set(seed, deck);
  }
  return deck;
}

/**
 * Card-side records for the scripted stories: an allergy written by another institution on
 * the cross-duplicates patient, long-term orders for the chronic elderly. Dates hang off
 * the card's issue date so they stay stable for a seed.
 */
function cardRecords(deck: DemoDeck, patient: DemoPatient): { allergies: AllergyRecord[]; longTerm: LongTermPrescription[] } {
  const other = deck.institutions.find((i) => i.kind !== 'pharmacy') ?? deck.home;
  const allergies: AllergyRecord[] =
    patient.story === 'cross-duplicates' || patient.story === 'combination'
      ? [{ institutionId: other.id, recordedDate: addDays(patient.issueDate, 30), recordedTime: '10:15:00', drugName: 'PENICILLIN G 青黴素' }]
      : [];
  const longTerm: LongTermPrescription[] =
    patient.story === 'chronic-elderly'
      ? [
          { prescribedDate: addDays(patient.issueDate, 60), prescribedTime: '09:30:00', institutionId: other.id, drugCode: 'AC45856100', frequency: 'QD', daysSupply: 28, quantity: 28 },
          { prescribedDate: addDays(patient.issueDate, 60), prescribedTime: '09:30:00', institutionId: other.id, drugCode: 'AC39541100', frequency: 'BID', daysSupply: 28, quantity: 56 },
        ]
      : [];
  return { allergies, longTerm };
}

export function createPatientCard(deck: DemoDeck, patient: DemoPatient): VirtualPatientCard {
  const { allergies, longTerm } = cardRecords(deck, patient);
  return new VirtualPatientCard({
    label: patient.deckId,
    basic: {
      cardNumber: patient.cardNumber,
      name: patient.name,
      nationalId: patient.nationalId,
      birthDate: patient.birthDate,
      sex: patient.sex,
      issueDate: patient.issueDate,
    },
    pin: patient.pin ?? (patient.pinBlocked ? '000000' : null),
    pinBlocked: patient.pinBlocked,
    allergies,
    longTermPrescriptions: longTerm,
  });
}

/** A fresh card model for a deck handle (P001, S01, SAM); undefined for an unknown handle. */
export function createDeckCard(deckId: string, seed: number = DEFAULT_DEMO_SEED): VirtualCard | undefined {
  const deck = deckFor(seed);
  const id = deckId.toUpperCase();
  if (id === SAM_DECK_ID) {
    const keys = demoKeyPair(seed, `sam:${deck.samId}`);
    return new VirtualSamCard({ label: SAM_DECK_ID, hospId: deck.home.id, samId: deck.samId, privateKey: keys.privateKey, publicKeyDer: keys.publicKeyDer });
  }
  const patient = findPatient(deck, id);
  if (patient) return createPatientCard(deck, patient);
  const staff = findStaff(deck, id);
  if (staff) {
    const keys = demoKeyPair(seed, `staff:${staff.deckId}`);
    return new VirtualStaffCard({
      label: staff.deckId,
      profile: { staffId: staff.staffId, name: staff.name, role: staff.role },
      pin: staff.pin,
      privateKey: keys.privateKey,
      publicKeyDer: keys.publicKeyDer,
    });
  }
  return undefined;
}
