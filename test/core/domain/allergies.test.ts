// The allergy alerts: a negative genetic test (HLA-B 1502, listed among allergies by the cloud)
// says the patient is not at risk and is never announced as an allergy.
import test from 'ava';
import { allergyAlerts, geneticTestResult } from '../../../src/core/domain/allergies.ts';
import type { AllergyRecord } from '../../../src/core/domain/types.ts';

const row = (drugNames: string[], geneticTest: string | null = null): AllergyRecord => ({
  date: '2020-01-01', drugNames, symptoms: [], severity: geneticTest === null ? 'severe' : 'other',
  dataType: null, dataSource: null, institutionName: null, geneticTest,
});

test('the cloud\'s genetic-test texts read as negative or positive; anything else is no result', (t) => {
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '0-Negative')), 'negative');
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '陰性')), 'negative');
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '1-Positive')), 'positive');
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], ' positive ')), 'positive');
  t.is(geneticTestResult(row(['PENICILLIN'])), null);
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '9-未知')), null);
  // Contradictions and codes that are not 0 or 1 stay allergies (the safe reading).
  for (const odd of ['0-Positive', '1-Negative', '01', '10', 'negative/positive']) t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], odd)), null, odd);
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '0')), 'negative');
  t.is(geneticTestResult(row(['HLA-B 1502 基因檢測'], '1')), 'positive');
});

test('a negative HLA-B 1502 test is an info line, not part of the allergy warning', (t) => {
  const alerts = allergyAlerts([row(['PENICILLIN']), row(['HLA-B 1502 基因檢測'], '0-Negative')]);
  t.deepEqual(alerts.map((a) => [a.severity, a.key]), [['warning', 'allergy.on-record'], ['info', 'allergy.genetic-negative']]);
  t.deepEqual(alerts[0]?.facts.drugNames, ['PENICILLIN']);
  t.deepEqual(alerts[1]?.facts.tests, ['HLA-B 1502 基因檢測']);
});

test('only a negative test: no allergy warning at all; a positive test is warned about', (t) => {
  t.deepEqual(allergyAlerts([row(['HLA-B 1502 基因檢測'], '0-Negative')]).map((a) => a.key), ['allergy.genetic-negative']);
  const positive = allergyAlerts([row(['HLA-B 1502 基因檢測'], '1-Positive')]);
  t.deepEqual(positive.map((a) => [a.severity, a.key]), [['warning', 'allergy.on-record']]);
  t.deepEqual(allergyAlerts([]), []);
});
