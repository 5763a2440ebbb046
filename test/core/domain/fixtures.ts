// Synthetic medication records for domain tests. Every field has a plain default (an oral
// tablet, QD, 28 days, one ingredient) so each test states only what matters to it.
import type { Institution, MedicationRecord } from '../../../src/core/domain/types.ts';

let counter = 0;

export function institution(id: string, name: string, visitKind: Institution['visitKind'] = 'outpatient'): Institution {
  return { id, name, visitKind };
}

export const CLINIC_A = institution('3501200001', '甲診所');
export const CLINIC_B = institution('3501200002', '乙醫院');
export const CLINIC_C = institution('3501200003', '丙診所');
export const PHARMACY = institution('5901200001', '丁藥局', 'pharmacy');

/**
 * One 西醫用藥 row. `ingredients` defaults to one ingredient named after the drug with the
 * record's ATC7; `atc5` defaults to the ATC7's first 5 characters.
 */
export function medication(overrides: Partial<MedicationRecord> = {}): MedicationRecord {
  counter += 1;
  const atc7 = overrides.atc7 === undefined ? 'C09CA03' : overrides.atc7;
  const drugName = overrides.drugName ?? 'DIOVAN F.C. TABLETS 80MG';
  const base: MedicationRecord = {
    id: `rec-${counter}`,
    drugCode: 'BC22922100',
    drugName,
    ingredients: [{ name: 'VALSARTAN', atc7 }],
    atc7,
    atc5: atc7 === null ? null : atc7.slice(0, 5),
    atc5Name: null,
    atc3Name: null,
    isCombination: false,
    dosageForm: 'oral',
    visitDate: '2025-05-01',
    refillDate: null,
    inpatientEndDate: null,
    daysSupply: 28,
    quantity: 28,
    frequency: 'QD',
    institution: CLINIC_A,
    chronicOriginInstitutionId: null,
    visitSeqNo: String(1000 + (counter % 9000)).padStart(4, '0'),
    diagnosis: null,
    cloudLeftoverDays: null,
    cloudElderlyMark: false,
    exceptionCode: null,
    unitStrengthMg: null,
  };
  return { ...base, ...overrides };
}

/** A single-ingredient product: `drug('ZOLPIDEM', 'N05CF02', { … })`. */
export function drug(ingredient: string, atc7: string | null, overrides: Partial<MedicationRecord> = {}): MedicationRecord {
  return medication({
    drugName: `${ingredient} TABLETS`,
    drugCode: `DC${ingredient.slice(0, 6).toUpperCase().padEnd(6, 'X')}00`,
    atc7,
    atc5: atc7 === null ? null : atc7.slice(0, 5),
    ingredients: [{ name: ingredient, atc7 }],
    ...overrides,
  });
}
