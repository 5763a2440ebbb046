// Beers 2019 drug–drug interactions: both drugs in use today, a patient of 65 or more.
import test from 'ava';
import { interactionAlerts } from '../../../src/core/domain/elderly-interactions.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { translate } from '../../../src/i18n/index.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import type { MedicationRecord, PatientHistory } from '../../../src/core/domain/types.ts';
import { CLINIC_A, CLINIC_B, drug } from './fixtures.ts';

const TODAY = '2025-10-20';
const warfarin = drug('WARFARIN', 'B01AA03', { visitDate: '2025-10-06', institution: CLINIC_A });
const ibuprofen = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-17', daysSupply: 7, institution: CLINIC_B });

function alertsOf(records: MedicationRecord[], age: number | null) {
  return interactionAlerts(PreparedHistory.of(records, TODAY), age, 65);
}

test('an 80-year-old on warfarin and ibuprofen, both in use: one warning naming both records and the bleeding risk', (t) => {
  const [alert, ...rest] = alertsOf([warfarin, ibuprofen], 80);
  t.deepEqual(rest, []);
  t.like(alert, { severity: 'warning', key: 'elderly.interaction', facts: { ruleId: 'warfarin-nsaid', age: 80 } });
  t.deepEqual(alert?.facts.drugs, [`WARFARIN TABLETS (${CLINIC_A.name} 2025-10-06)`, `IBUPROFEN TABLETS (${CLINIC_B.name} 2025-10-17)`]);
  t.is(
    translate(alertMessages, 'elderly.interaction', 'zh-TW', alert?.facts),
    `80 歲：warfarin 與 NSAID 併用（WARFARIN TABLETS (${CLINIC_A.name} 114/10/06)、IBUPROFEN TABLETS (${CLINIC_B.name} 114/10/17)）：出血風險增加，高齡者宜避免（Beers 2019 藥物交互作用）`,
  );
});

test('younger than 65, an unknown age, or the NSAID course already over: nothing', (t) => {
  t.deepEqual(alertsOf([warfarin, ibuprofen], 64), []);
  t.deepEqual(alertsOf([warfarin, ibuprofen], null), []);
  const over = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-01', daysSupply: 7 });
  t.deepEqual(alertsOf([warfarin, over], 80), []);
});

test('opioid with a benzodiazepine; clarithromycin with warfarin, but not azithromycin', (t) => {
  const tramadol = drug('TRAMADOL', 'N02AX02', { visitDate: '2025-10-15' });
  const lorazepam = drug('LORAZEPAM', 'N05BA06', { visitDate: '2025-10-15' });
  t.deepEqual(alertsOf([tramadol, lorazepam], 70).map((a) => a.facts.ruleId), ['opioid-benzodiazepine']);
  const clarithromycin = drug('CLARITHROMYCIN', 'J01FA09', { visitDate: '2025-10-18', daysSupply: 7 });
  const azithromycin = drug('AZITHROMYCIN', 'J01FA10', { visitDate: '2025-10-18', daysSupply: 3 });
  t.deepEqual(alertsOf([warfarin, clarithromycin], 70).map((a) => a.facts.ruleId), ['warfarin-macrolide']);
  t.deepEqual(alertsOf([warfarin, azithromycin], 70), []);
});

// Reviewer's cases: clonazepam is a benzodiazepine WHO files with the antiepileptics, codeine an
// opioid filed as an antitussive; glucosamine sits in M01AX beside two real NSAIDs.
test('clonazepam and codeine count as a benzodiazepine and an opioid; glucosamine is no NSAID', (t) => {
  const tramadol = drug('TRAMADOL', 'N02AX02', { visitDate: '2025-10-15' });
  const clonazepam = drug('CLONAZEPAM', 'N03AE01', { visitDate: '2025-10-15' });
  const codeine = drug('CODEINE', 'R05DA04', { visitDate: '2025-10-17', daysSupply: 7 });
  const alprazolam = drug('ALPRAZOLAM', 'N05BA12', { visitDate: '2025-10-15' });
  t.deepEqual(alertsOf([tramadol, clonazepam], 75).map((a) => a.facts.ruleId), ['opioid-benzodiazepine']);
  t.deepEqual(alertsOf([codeine, alprazolam], 75).map((a) => a.facts.ruleId), ['opioid-benzodiazepine']);
  const glucosamine = drug('GLUCOSAMINE', 'M01AX05', { visitDate: '2025-10-10' });
  const prednisolone = drug('PREDNISOLONE', 'H02AB06', { visitDate: '2025-10-10' });
  t.deepEqual(alertsOf([warfarin, glucosamine], 75), []);
  t.deepEqual(alertsOf([prednisolone, glucosamine], 75), []);
  const nabumetone = drug('NABUMETONE', 'M01AX01', { visitDate: '2025-10-17', daysSupply: 7 });
  t.deepEqual(alertsOf([warfarin, nabumetone], 75).map((a) => a.facts.ruleId), ['warfarin-nsaid']);
});

test('the analysis lists the interaction among its alerts for an elderly patient', (t) => {
  const history: PatientHistory = {
    patient: { nationalId: 'A100000001', name: '測試', birthDate: '1945-01-01', sex: 'F' },
    medications: [warfarin, ibuprofen], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [],
  };
  t.true(analyzeHistory(history, TODAY).alerts.some((a) => a.key === 'elderly.interaction'));
});

test('three CNS-active drugs in use together (zolpidem, sertraline, tramadol) are one warning; two are not; lithium does not count as an antipsychotic', (t) => {
  const zolpidem = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-10-10' });
  const sertraline = drug('SERTRALINE', 'N06AB06', { visitDate: '2025-10-12' });
  const tramadol = drug('TRAMADOL', 'N02AX02', { visitDate: '2025-10-15', daysSupply: 7 });
  const [alert, ...rest] = alertsOf([zolpidem, sertraline, tramadol], 78);
  t.deepEqual(rest, []);
  t.like(alert, { severity: 'warning', key: 'elderly.cns-active', facts: { count: 3 } });
  t.deepEqual((alert?.facts.drugs as string[]).map((text) => text.split(' ')[0]), ['TRAMADOL', 'SERTRALINE', 'ZOLPIDEM']);
  t.deepEqual(alertsOf([zolpidem, sertraline], 78), []);
  const lithium = drug('LITHIUM', 'N05AN01', { visitDate: '2025-10-12' });
  t.deepEqual(alertsOf([zolpidem, sertraline, lithium], 78), []);
  // One drug twice (two brands of zolpidem) is one drug.
  const stilnox = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-10-16', drugCode: 'STILNOX100' });
  t.deepEqual(alertsOf([zolpidem, stilnox, sertraline], 78), []);
});
