// One row of the records table: the mapped record itself, not a copy, with its leftover and
// per-dose. A 10,000-record history builds 10,000 of these per analysis; copying the record's
// 23 fields into each row was the largest single cost of analyzeHistory and, at 100,000
// records, 20 MB of objects that outlived the young generation (scripts/bench/analysis.bench.ts).
import type { MedicationRecord } from './types.ts';
import type { RecordLeftover } from './leftover.ts';
import type { PerDose } from './dose.ts';

export interface AnalyzedRecord {
  readonly record: MedicationRecord;
  readonly leftover: RecordLeftover;
  readonly dose: PerDose;
}

export function analyzedRecord(record: MedicationRecord, leftover: RecordLeftover, dose: PerDose): AnalyzedRecord {
  return { record, leftover, dose };
}
