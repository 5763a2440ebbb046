// `yaoli analyze --json`, built in-process from the shipped examples: keys a script reads to
// tell things apart that the readable report tells apart in words.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { mapBundle } from '../../src/core/medicloud/index.ts';
import { analysisJson } from '../../src/commands/analyze/json.ts';

function jsonOf(example: string, today: string, edit: (bundle: any) => void = () => {}) {
  const bundle = JSON.parse(readFileSync(new URL(`../../examples/${example}.json`, import.meta.url), 'utf8'));
  edit(bundle);
  const history = mapBundle(bundle);
  return analysisJson(analyzeHistory(history, today), 'zh-TW', history.cloudLeftover);
}

test('allergies[]: a negative HLA-B 1502 test says geneticTest "negative", a positive one "positive", a real allergy null', (t) => {
  const out = jsonOf('chronic-refill-elderly', '2025-11-03', (bundle) => {
    const penicillin = bundle.allergy.robject.find((row: any) => row.drug_name.includes('PENICILLIN'));
    bundle.allergy.robject.push(
      { ...penicillin, drug_name: ';;HLA-B 1502 基因檢測', genetic_test: '0-Negative', allerg_severity_level: '9-其他', sympton_name: null },
      { ...penicillin, drug_name: ';;HLA-B 5801 基因檢測', genetic_test: '1-Positive', allerg_severity_level: '9-其他', sympton_name: null },
    );
  });
  const byDrug = (name: string) => out.allergies.find((a) => a.drugNames.includes(name));
  t.is(byDrug('PENICILLIN')?.geneticTest, null);
  t.is(byDrug('HLA-B 1502 基因檢測')?.geneticTest, 'negative');
  t.is(byDrug('HLA-B 5801 基因檢測')?.geneticTest, 'positive');
  t.like(out.alerts.find((a) => a.key === 'allergy.genetic-negative'), { severity: 'info' });
});

/** A pneumonia admission at the medical centre: Augmentin ordered on 114/08/10, the stay to 114/08/16. */
function inpatientRow(bundle: any): void {
  const first = bundle.medications.robject[0];
  bundle.medications.robject.push({
    ...first, r: 99, hosp: '示範醫學中心;住診;9900000001', drug_code: 'BC99000900', drug_ename: 'AUGMENTIN TABLETS 625MG', drug_ing_name: 'AMOXICILLIN；CLAVULANIC ACID',
    drug_atc7_code: 'J01CR02', drug_atc5_code: 'J01CR', drug_multi_mark: 'Y', drug_date: '2025/08/10', cure_e_date: '2025-08-16T00:00:00', drug_fre: 'TID', qty: 15, day: 5, func_seq_no: '0007',
  });
}

test('records[]: an inpatient row says visitKind "inpatient" and carries its stay\'s last day, not a pickup day', (t) => {
  const out = jsonOf('chronic-refill-elderly', '2025-11-03', inpatientRow);
  t.like(out.records.find((r) => r.drugCode === 'BC99000900'), { visitKind: 'inpatient', inpatientEndDate: '2025-08-16', refillDate: null, startDate: '2025-08-10' });
  const pickup = out.records.find((r) => r.refillDate !== null);
  t.like(pickup, { visitKind: 'pharmacy', inpatientEndDate: null });
});
