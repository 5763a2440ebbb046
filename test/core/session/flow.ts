// Builders for session tests: deck cards as profiles, and a runner that feeds events in
// order and keeps every effect, so a test reads like the counter's sequence of actions.
import { demoDeck, findPatient, findStaff } from '../../../src/demo/deck.ts';
import { initialSession, sessionReducer } from '../../../src/core/session/index.ts';
import type { AuditEntry, PatientCardProfile, PatientData, SessionEffect, SessionEvent, SessionState, StaffProfile } from '../../../src/core/session/index.ts';
import type { Alert } from '../../../src/core/domain/types.ts';

export const deck = demoDeck();
export const STAFF_READER = 'Reader 0';
export const PATIENT_READER = 'Reader 1';

export function staffProfile(deckId: string, pinTriesLeft = 3): StaffProfile {
  const staff = findStaff(deck, deckId);
  if (!staff) throw new Error(`no staff ${deckId}`);
  return { staffId: staff.staffId, name: staff.name, role: staff.role, admin: staff.admin, pinTriesLeft };
}

export function staffPin(deckId: string): string {
  return findStaff(deck, deckId)?.pin ?? '';
}

export function patientProfile(deckId: string): PatientCardProfile {
  const patient = findPatient(deck, deckId);
  if (!patient) throw new Error(`no patient ${deckId}`);
  return {
    nationalId: patient.nationalId,
    name: patient.name,
    birthDate: patient.birthDate,
    sex: patient.sex,
    cardNumber: patient.cardNumber,
    // A locked PIN is a PIN that exists: the card refuses consent by PIN and by voice.
    pinSet: patient.pin !== null || patient.pinBlocked,
    pinTriesLeft: patient.pinBlocked ? 0 : 3,
    pinBlocked: patient.pinBlocked,
  };
}

export function patientData(alerts: Alert[] = [], empty = false, fetchedAt = 0): PatientData {
  const history = { patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
  return {
    history,
    analysis: { today: '2026-11-23', patient: null, age: null, records: [], groups: [], refills: [], duplicates: [], careList: [], elderly: [], allergies: [], summary: [], alerts, empty },
    fetchedAt,
    source: 'cloud',
  };
}

export interface Run {
  state: SessionState;
  effects: SessionEffect[];
  audits: AuditEntry[];
}

export function run(state: SessionState, events: SessionEvent[]): Run {
  let current = state;
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const result = sessionReducer(current, event);
    current = result.state;
    effects.push(...result.effects);
  }
  const audits = effects.flatMap((e) => (e.type === 'audit' ? [e.entry] : []));
  return { state: current, effects, audits };
}

export function nonAudit(effects: SessionEffect[]): SessionEffect[] {
  return effects.filter((e) => e.type !== 'audit');
}

/** Staff S01 (or another) inserted and logged in, at t = 1000 ms. */
export function loggedIn(deckId = 'S01'): SessionState {
  return run(initialSession(), [
    { type: 'card-inserted', at: 1000, reader: STAFF_READER, kind: 'staff' },
    { type: 'staff-profile-read', at: 1010, reader: STAFF_READER, profile: staffProfile(deckId) },
    { type: 'staff-pin-entered', at: 1020, pin: staffPin(deckId) },
    { type: 'pin-result', at: 1030, who: 'staff', ok: true, triesLeft: 3, blocked: false },
  ]).state;
}

/** Logged in, patient card in, consent screen shown. */
export function atConsent(patientId: string, staffId = 'S01'): SessionState {
  return run(loggedIn(staffId), [
    { type: 'card-inserted', at: 2000, reader: PATIENT_READER, kind: 'patient' },
    { type: 'patient-profile-read', at: 2010, reader: PATIENT_READER, profile: patientProfile(patientId) },
  ]).state;
}

/** Verbal consent given: loading, lookup 1 started at t = 2020. */
export function loading(patientId = 'P001', staffId = 'S01'): SessionState {
  return run(atConsent(patientId, staffId), [{ type: 'verbal-consent', at: 2020 }]).state;
}

/** Whether anything identifying the deck patient (ID or name) is still in the state. */
export function mentions(state: SessionState, patientId: string): boolean {
  const patient = findPatient(deck, patientId);
  const text = JSON.stringify(state);
  return !!patient && (text.includes(patient.nationalId) || text.includes(patient.name));
}
