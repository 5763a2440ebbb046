// Duplicate check on large synthetic histories (SPEC §4: the whole analysis of 10,000 records
// well under 20 ms). Prints wall and CPU medians of repeated runs for worst-case shapes: 10,000
// records packed into 6 months (200 ingredients, 20 institutions: every group overlaps), the
// same with 30% combinations, one ingredient only (the largest possible group), and a typical
// patient. Synthetic data only; see scripts/bench/analysis.bench.ts for spread-out histories.
import { performance } from 'node:perf_hooks';
import type { MedicationRecord } from '../../src/core/domain/types.ts';
import { addDays } from '../../src/core/domain/dates.ts';
import { DEFAULT_EQUIVALENCE_SETS } from '../../src/core/domain/equivalence.ts';
import { findDuplicates } from '../../src/core/domain/duplicates.ts';
import { INGREDIENT_ATC7 } from '../../src/core/domain/ingredient-table.ts';

const SETTINGS = { duplicateThresholdDays: 10, shortCourseDays: 3, equivalenceSets: DEFAULT_EQUIVALENCE_SETS };
const TODAY = '2025-07-01';

/** Deterministic LCG so every run measures the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function history(count: number, ingredientCount: number, combinations: boolean): MedicationRecord[] {
  const next = random(42);
  const names = Object.keys(INGREDIENT_ATC7).slice(0, ingredientCount);
  const records: MedicationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[Math.floor(next() * names.length)] as string;
    const atc7 = INGREDIENT_ATC7[name] as string;
    const combo = combinations && next() < 0.3;
    const days = [3, 7, 14, 28, 30][Math.floor(next() * 5)] as number;
    const institution = Math.floor(next() * 20);
    records.push({
      id: `r${i}`, drugCode: `${name.slice(0, 4)}${Math.floor(next() * 3)}`, drugName: `${name} TAB`,
      ingredients: combo ? [{ name, atc7 }, { name: 'AMLODIPINE', atc7: 'C08CA01' }] : [{ name, atc7 }],
      atc7: combo ? 'C10BX03' : atc7, atc5: atc7.slice(0, 5), atc5Name: null, atc3Name: null, isCombination: combo,
      dosageForm: next() < 0.05 ? 'eye' : 'oral', visitDate: addDays('2025-01-01', Math.floor(next() * 182)), refillDate: null, inpatientEndDate: null,
      daysSupply: days, quantity: days, frequency: next() < 0.05 ? 'PRN' : 'QD',
      institution: { id: `35000000${String(institution).padStart(2, '0')}`, name: `院所${institution}`, visitKind: 'outpatient' },
      chronicOriginInstitutionId: null, visitSeqNo: String(i % 10000).padStart(4, '0'), diagnosis: null, cloudLeftoverDays: null,
      cloudElderlyMark: false, exceptionCode: null, unitStrengthMg: null,
    });
  }
  return records;
}

function measure(label: string, records: MedicationRecord[]): void {
  for (let i = 0; i < 5; i++) findDuplicates(records, TODAY, SETTINGS); // warm-up (JIT)
  const times: number[] = [];
  const cpu: number[] = [];
  let alerts = 0;
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    alerts = findDuplicates(records, TODAY, SETTINGS).length;
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  // CPU time is shown beside wall time: on a shared machine the wall clock includes waiting for a core.
  console.log(
    `${label.padEnd(52)} ${String(records.length).padStart(6)} records  wall median ${median(times).toFixed(2)} ms  cpu median ${median(cpu).toFixed(2)} ms  alerts ${alerts}`,
  );
}

export default async function bench(): Promise<void> {
  measure('findDuplicates, dense 6 months', history(10_000, 200, false));
  measure('findDuplicates, dense 6 months, 30% combinations', history(10_000, 200, true));
  measure('findDuplicates, one ingredient (largest group)', history(10_000, 1, false));
  measure('findDuplicates, typical patient', history(60, 200, true));
}
