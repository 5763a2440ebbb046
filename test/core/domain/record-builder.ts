// Synthetic medication rows for the domain tests (no real patient data).
import type { Institution, MedicationRecord } from '../../../src/core/domain/types.ts';
import { fillsKnown, type JudgedPrescription } from '../../../src/core/domain/refill.ts';
import type { ChronicPrescription } from '../../../src/core/domain/types.ts';

export const CLINIC_A: Institution = { id: '3532052586', name: '甲診所', visitKind: 'outpatient' };
export const HOSPITAL_B: Institution = { id: '1140030012', name: '乙醫院', visitKind: 'outpatient' };
export const PHARMACY_C: Institution = { id: '5901010010', name: '丙藥局', visitKind: 'pharmacy' };

let counter = 0;

export function record(overrides: Partial<MedicationRecord> = {}): MedicationRecord {
  counter += 1;
  const base: MedicationRecord = {
    id: `r${counter}`,
    drugCode: 'AC00000100',
    drugName: 'TEST TABLET 10MG',
    ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }],
    atc7: 'C08CA01',
    atc5: 'C08CA',
    atc5Name: 'Dihydropyridine derivatives',
    atc3Name: '鈣離子通道阻斷劑(Calcium channel blockers)',
    isCombination: false,
    dosageForm: 'oral',
    visitDate: '2025-10-24',
    refillDate: null,
    inpatientEndDate: null,
    daysSupply: 28,
    quantity: 28,
    frequency: 'QD',
    institution: CLINIC_A,
    chronicOriginInstitutionId: null,
    visitSeqNo: '0001',
    diagnosis: null,
    cloudLeftoverDays: null,
    cloudElderlyMark: false,
    exceptionCode: null,
    unitStrengthMg: 5,
  };
  return { ...base, ...overrides };
}

/** A mapped prescription whose fills the test expects known (a failure names it otherwise). */
export function judged(p: ChronicPrescription | undefined): JudgedPrescription {
  if (p === undefined || !fillsKnown(p)) throw new Error(`expected a prescription with its number of fills: ${p?.id}`);
  return p;
}

export function chronic(overrides: Partial<JudgedPrescription> = {}): JudgedPrescription {
  return {
    id: 'rx1',
    prescriptionDate: '2025-01-01',
    institution: HOSPITAL_B,
    drugCode: 'AC00000100',
    drugName: 'TEST TABLET 10MG',
    daysPerFill: 28,
    fills: 3,
    fillDates: ['2025-01-01'],
    cloudExpired: null,
    diagnosis: null,
    ...overrides,
  };
}
