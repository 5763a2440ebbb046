// A synthetic patient history (no real data) analysed by the real domain code, a session
// store moved into the patient view, and the App rendered around it.
import type { ReactElement } from 'react';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { ENDPOINT_IDS } from '../../src/core/medicloud/index.ts';
import type { ChronicPrescription, Institution, MedicationRecord, PatientHistory } from '../../src/core/domain/types.ts';
import { createSessionStore, initialSession, type PatientData, type SessionEffect, type SessionStore } from '../../src/core/session/index.ts';
import { App } from '../../src/ui/app.tsx';
import type { DemoTray, Diagnostics } from '../../src/ui/ports.ts';
import { ThemeContext, makeTheme } from '../../src/ui/theme.ts';

export const TODAY = '2026-11-23';
export const HOME: Institution = { id: '5912345678', name: '本藥局', visitKind: 'pharmacy' };
export const CLINIC: Institution = { id: '3532052586', name: '仁愛診所', visitKind: 'outpatient' };
export const HOSPITAL: Institution = { id: '1140030012', name: '台北榮民總醫院', visitKind: 'outpatient' };

let counter = 0;
export function record(overrides: Partial<MedicationRecord> = {}): MedicationRecord {
  counter += 1;
  return {
    id: `r${counter}`,
    drugCode: 'AC00000100',
    drugName: 'NORVASC TABLETS 5MG',
    ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }],
    atc7: 'C08CA01',
    atc5: 'C08CA',
    atc5Name: 'Dihydropyridine derivatives',
    atc3Name: '鈣離子通道阻斷劑(Calcium channel blockers)',
    isCombination: false,
    dosageForm: 'oral',
    visitDate: '2026-11-10',
    refillDate: null,
    inpatientEndDate: null,
    daysSupply: 28,
    quantity: 28,
    frequency: 'QD',
    institution: CLINIC,
    chronicOriginInstitutionId: null,
    visitSeqNo: '0001',
    diagnosis: { code: 'I10', name: '本態性高血壓' },
    cloudLeftoverDays: null,
    cloudElderlyMark: false,
    exceptionCode: null,
    unitStrengthMg: 5,
    ...overrides,
  };
}

export function chronic(overrides: Partial<ChronicPrescription> = {}): ChronicPrescription {
  return {
    id: 'rx1',
    prescriptionDate: '2026-10-01',
    institution: HOSPITAL,
    drugCode: 'AC00000100',
    drugName: 'NORVASC TABLETS 5MG',
    daysPerFill: 28,
    fills: 3,
    fillDates: ['2026-10-01', '2026-10-29'],
    cloudExpired: null,
    diagnosis: null,
    ...overrides,
  };
}

/** A patient with a cross-institution duplicate (same ingredient, overlapping supply). */
export function duplicateHistory(): PatientHistory {
  return {
    patient: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M' },
    medications: [
      record({ visitDate: '2026-11-10', institution: CLINIC }),
      record({ visitDate: '2026-11-15', institution: HOSPITAL, drugCode: 'AC00000200', drugName: 'AMLODIPINE 5MG 永信' }),
      record({ visitDate: '2026-09-01', institution: HOME, drugCode: 'AC00000300', drugName: 'METFORMIN 500MG', ingredients: [{ name: 'METFORMIN', atc7: 'A10BA02' }], atc7: 'A10BA02', atc5: 'A10BA', atc3Name: '降血糖藥(Blood glucose lowering drugs)', frequency: 'BID', daysSupply: 30 }),
    ],
    chronic: [chronic()],
    cloudLeftover: [],
    careList: [],
    careListSummary: [],
    allergies: [{ date: '2020-01-02', drugNames: ['PENICILLIN'], symptoms: ['皮疹'], severity: 'moderate', dataType: null, dataSource: '病人自述', institutionName: null, geneticTest: null }],
    summary: [],
  };
}

/** Many rows, for virtualization and sorting: one per day going back. */
export function bigHistory(rows: number): PatientHistory {
  const medications: MedicationRecord[] = [];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2026, 10, 20) - i * 86_400_000).toISOString().slice(0, 10);
    medications.push(record({ id: `big${i}`, visitDate: day, drugName: `藥品第${i}號 TABLET ${i}MG`, daysSupply: 1 + (i % 30), drugCode: `AC${String(i).padStart(8, '0')}` }));
  }
  return { patient: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M' }, medications, chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
}

export function patientData(history: PatientHistory, source: 'cloud' | 'cache' = 'cloud'): PatientData {
  return { history, analysis: analyzeHistory(history, TODAY), fetchedAt: Date.UTC(2026, 10, 23, 2, 5), source };
}

export interface Harness {
  store: SessionStore;
  effects: SessionEffect[];
}

export function makeStore(): Harness {
  const effects: SessionEffect[] = [];
  let now = Date.UTC(2026, 10, 23, 2, 0);
  const store = createSessionStore(initialSession(), { clock: () => (now += 10), onEffect: (effect) => effects.push(effect) });
  return { store, effects };
}

/** Drive the store to a logged-in staff (S01-like profile, admin) without devices. */
export function logIn(store: SessionStore, admin = true): void {
  store.send({ type: 'card-inserted', reader: 'R0', kind: 'staff' });
  store.send({ type: 'staff-profile-read', reader: 'R0', profile: { staffId: 'B223456780', name: '陳藥師', role: 'pharmacist', admin, pinTriesLeft: 3 } });
  store.send({ type: 'staff-pin-entered', pin: '123456' });
  store.send({ type: 'pin-result', who: 'staff', ok: true, triesLeft: 3, blocked: false });
}

/** `data`: what the look-up brings (default: the history analysed, as fetched from the cloud). */
export function openPatient(store: SessionStore, history: PatientHistory, data: PatientData = patientData(history)): void {
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  const p = history.patient;
  store.send({
    type: 'patient-profile-read',
    reader: 'R1',
    profile: { nationalId: p?.nationalId ?? 'A123456789', name: p?.name ?? '', birthDate: p?.birthDate ?? '1950-01-01', sex: p?.sex ?? 'M', cardNumber: '000012345678', pinSet: false, pinTriesLeft: 3, pinBlocked: false },
  });
  store.send({ type: 'verbal-consent' });
  const lookupId = store.getState().nextLookupId - 1;
  store.send({ type: 'lookup-fresh', lookupId, data });
}

export function app(store: SessionStore, options: { tray?: DemoTray; diagnostics?: Diagnostics; onQuit?: () => void; ascii?: boolean } = {}): ReactElement {
  return (
    <ThemeContext.Provider value={makeTheme({ noColor: true, ascii: options.ascii ?? false })}>
      <App store={store} today={() => TODAY} homeInstitutionId={HOME.id} tray={options.tray ?? null} diagnostics={options.diagnostics ?? null} onQuit={options.onQuit ?? (() => undefined)} endpoints={ENDPOINT_IDS} />
    </ThemeContext.Provider>
  );
}
