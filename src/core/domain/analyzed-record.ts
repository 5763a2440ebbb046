// One row of the records table: the mapped record with its leftover and per-dose. Built for
// every record of every analysis, so the usual row (exactly MedicationRecord's own fields, in
// the mapper's order) is copied by one fixed-shape literal: the object spread it replaces was
// the largest single cost of analyzeHistory at 10,000 records (scripts/bench/analysis.bench.ts).
// Any other row (extra or missing fields, symbol keys) is still copied by the spread, so
// every row has exactly the record's own fields after `leftover` and `dose`.
import type { MedicationRecord } from './types.ts';
import type { RecordLeftover } from './leftover.ts';
import type { PerDose } from './dose.ts';

export type AnalyzedRecord = MedicationRecord & { leftover: RecordLeftover; dose: PerDose };

/** MedicationRecord's fields in declaration order (types.ts), which is the mapper's order. */
const RECORD_FIELDS: readonly string[] = [
  'id', 'drugCode', 'drugName', 'ingredients', 'atc7', 'atc5', 'atc5Name', 'atc3Name', 'isCombination', 'dosageForm',
  'visitDate', 'refillDate', 'daysSupply', 'quantity', 'frequency', 'institution', 'chronicOriginInstitutionId',
  'visitSeqNo', 'diagnosis', 'cloudLeftoverDays', 'cloudElderlyMark', 'exceptionCode', 'unitStrengthMg',
];

/** Own fields exactly RECORD_FIELDS in order, a plain object, no symbol keys (for-in allocates no key list). */
function hasRecordFieldsOnly(record: MedicationRecord): boolean {
  if (Object.getPrototypeOf(record) !== Object.prototype) return false;
  let i = 0;
  for (const key in record) {
    if (key !== RECORD_FIELDS[i]) return false;
    i++;
  }
  return i === RECORD_FIELDS.length && Object.getOwnPropertySymbols(record).length === 0;
}

export function analyzedRecord(r: MedicationRecord, leftover: RecordLeftover, dose: PerDose): AnalyzedRecord {
  // New fields first, then the record's: adding fields after a 25-field copy made slow-mode
  // objects (10× slower to build and sort).
  if (!hasRecordFieldsOnly(r)) return { leftover, dose, ...r };
  return {
    leftover, dose, id: r.id, drugCode: r.drugCode, drugName: r.drugName, ingredients: r.ingredients, atc7: r.atc7, atc5: r.atc5,
    atc5Name: r.atc5Name, atc3Name: r.atc3Name, isCombination: r.isCombination, dosageForm: r.dosageForm, visitDate: r.visitDate,
    refillDate: r.refillDate, daysSupply: r.daysSupply, quantity: r.quantity, frequency: r.frequency, institution: r.institution,
    chronicOriginInstitutionId: r.chronicOriginInstitutionId, visitSeqNo: r.visitSeqNo, diagnosis: r.diagnosis,
    cloudLeftoverDays: r.cloudLeftoverDays, cloudElderlyMark: r.cloudElderlyMark, exceptionCode: r.exceptionCode,
    unitStrengthMg: r.unitStrengthMg,
  };
}
