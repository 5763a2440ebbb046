// The allergy list's alerts. imue0040s02 also carries genetic tests as rows (';;HLA-B 1502
// 基因檢測' with genetic_test '0-Negative', research anchors 1(b)): a negative result says the
// patient is NOT at risk, so it must not be announced as an allergy.
import type { AllergyRecord, Alert } from './types.ts';
import { geneticTestNames } from './messages.ts';

export type GeneticTestResult = keyof typeof geneticTestNames;

/** A slot that names a gene test (HLA-B 1502 基因檢測), not a drug. */
const GENE_TEST_NAME = /HLA|基因|GENE/i;

/**
 * The row's genetic-test result ('0-Negative', '1-Positive', 陰性, 陽性, or the code alone);
 * null when it is no test, unreadable or contradicts itself ('0-Positive'), or when the row
 * names no gene test (a PENICILLIN row with a stray '0-Negative' is not hidden as a negative
 * test): such a row stays an allergy, the safe reading.
 */
export function geneticTestResult(record: AllergyRecord): GeneticTestResult | null {
  if (!record.drugNames.some((name) => GENE_TEST_NAME.test(name))) return null;
  const text = record.geneticTest?.normalize('NFKC').trim().toUpperCase() ?? '';
  const negativeWord = text.includes('NEG') || text.includes('陰性');
  const positiveWord = text.includes('POS') || text.includes('陽性');
  const code = /^([01])(?![0-9])/.exec(text)?.[1];
  const byWord = negativeWord === positiveWord ? null : negativeWord ? 'negative' : 'positive';
  const byCode = code === undefined ? null : code === '0' ? 'negative' : 'positive';
  if (byWord !== null && byCode !== null && byWord !== byCode) return null;
  return byWord ?? byCode;
}

/**
 * A warning naming every allergy on record (a positive genetic test among them: a risk to
 * check before dispensing), and an info line for the negative tests.
 */
export function allergyAlerts(allergies: readonly AllergyRecord[]): Alert[] {
  const onRecord = new Set<string>();
  const negative = new Set<string>();
  for (const record of allergies) {
    const names = geneticTestResult(record) === 'negative' ? negative : onRecord;
    for (const name of record.drugNames) names.add(name);
  }
  const alerts: Alert[] = [];
  if (onRecord.size > 0) alerts.push({ severity: 'warning', key: 'allergy.on-record', facts: { drugNames: [...onRecord] } });
  if (negative.size > 0) alerts.push({ severity: 'info', key: 'allergy.genetic-negative', facts: { tests: [...negative] } });
  return alerts;
}

/** What the kiosk's 過敏 tab and `yaoli analyze` show under 症狀: a genetic test's result first, then the symptoms. */
export function allergyFindings(record: AllergyRecord, lang: 'zh-TW' | 'en'): string[] {
  const result = geneticTestResult(record);
  return result === null ? record.symptoms : [geneticTestNames[result][lang], ...record.symptoms];
}
