// The records table shares one frozen leftover and one frozen per-dose object between rows
// that give the same answer (row-answers.ts), and each shared answer is still the one
// recordLeftover and perDose give for that row.
import test from 'ava';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { recordLeftover } from '../../../src/core/domain/leftover.ts';
import { perDose } from '../../../src/core/domain/dose.ts';
import type { PatientHistory, MedicationRecord } from '../../../src/core/domain/types.ts';
import { medication } from './fixtures.ts';

const TODAY = '2025-05-10';

function history(medications: MedicationRecord[]): PatientHistory {
  return { patient: null, medications, chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
}

test('rows with the same answer share one frozen object; every answer equals recordLeftover and perDose', (t) => {
  const records = [
    medication({ visitDate: '2025-05-01' }), // 28 days from 05-01: 19 left
    medication({ visitDate: '2025-05-01', drugCode: 'OTHER' }), // the same answer, another drug
    medication({ visitDate: '2025-05-02' }), // 20 left
    medication({ visitDate: '2025-05-20' }), // dated after today: the whole supply
    medication({ visitDate: '2025-05-01', frequency: 'PRN', quantity: 10 }), // 無法試算, 總量 10
    medication({ visitDate: '2025-05-03', frequency: 'PRN', quantity: 10 }),
    medication({ visitDate: '2025-05-01', quantity: Number.NaN }), // an unreadable quantity: 總量 NaN, shared as well
    medication({ visitDate: '2025-05-02', quantity: Number.NaN }),
    medication({ visitDate: '2025-05-01', frequency: 'PRN', quantity: 1500.5 }), // a quantity past the small list
    medication({ visitDate: '2025-05-04', frequency: 'PRN', quantity: 1500.5 }),
  ];
  const rows = new Map(analyzeHistory(history(records), TODAY).records.map((row) => [row.record, row]));
  const row = (i: number) => rows.get(records[i] as MedicationRecord)!;
  for (const record of records) {
    const r = rows.get(record)!;
    t.deepEqual(r.leftover, recordLeftover(record, TODAY));
    t.deepEqual(r.dose, perDose(record));
    t.true(Object.isFrozen(r.leftover) && Object.isFrozen(r.dose));
  }
  t.is(row(0).leftover, row(1).leftover);
  t.is(row(0).dose, row(1).dose);
  t.not(row(0).leftover, row(2).leftover);
  t.is(row(2).leftover.days, 20);
  t.deepEqual(row(3).leftover, { days: 28, notComputable: null, future: true });
  t.is(row(4).leftover, row(5).leftover);
  t.is(row(4).dose, row(5).dose);
  t.is(row(6).dose, row(7).dose);
  t.is(row(8).dose, row(9).dose);
  t.deepEqual(row(8).dose, { kind: 'total', total: 1500.5 });
  t.throws(() => {
    (row(0).leftover as { days: number | null }).days = 99;
  });
  t.is(row(1).leftover.days, 19);
});
