// Every alert key the duplicate and care-list checks raise has a zh-TW and an English
// template, and the rendered text names the drugs, institutions, dates and days.
import test from 'ava';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import { format } from '../../../src/i18n/index.ts';
import { DEFAULT_EQUIVALENCE_SETS } from '../../../src/core/domain/equivalence.ts';
import { duplicateAlerts, findDuplicates } from '../../../src/core/domain/duplicates.ts';
import { careListAlerts } from '../../../src/core/domain/care-list.ts';
import { CLINIC_A, CLINIC_B, drug } from './fixtures.ts';

const KEYS = [
  'duplicate.L1', 'duplicate.L1.cross', 'duplicate.L2', 'duplicate.L2.cross', 'duplicate.L3', 'duplicate.L4', 'duplicate.L5',
  'duplicate.L1.supplied', 'duplicate.L1.cross.supplied', 'duplicate.L2.supplied', 'duplicate.L2.cross.supplied',
  'careList.overReference', 'careList.withinReference', 'careList.noDdd', 'careList.cloudDdd', 'careList.cloudDdd.over', 'careList.unknownDdd',
];

test('every duplicate and care-list key has both languages', (t) => {
  const catalogue = alertMessages as Record<string, { 'zh-TW': string; en: string } | undefined>;
  for (const key of KEYS) {
    t.truthy(catalogue[key]?.['zh-TW'], key);
    t.truthy(catalogue[key]?.en, key);
  }
});

test('a cross-institution zolpidem duplicate renders fully in zh-TW and English', (t) => {
  const duplicates = findDuplicates([
    drug('ZOLPIDEM', 'N05CF02', { drugName: 'STILNOX 10MG', drugCode: 'AC44396100', visitDate: '2025-05-01', institution: CLINIC_A }),
    drug('ZOLPIDEM', 'N05CF02', { drugName: 'ZOLNOX 10MG', drugCode: 'AB47851100', visitDate: '2025-05-10', institution: CLINIC_B }),
  ], '2025-05-10', { duplicateThresholdDays: 10, shortCourseDays: 3, equivalenceSets: DEFAULT_EQUIVALENCE_SETS });
  const [alert] = duplicateAlerts(duplicates, 10);
  const entry = (alertMessages as Record<string, { 'zh-TW': string; en: string }>)[alert?.key ?? ''];
  t.truthy(entry);
  const zh = format(entry?.['zh-TW'] ?? '', alert?.facts, 'zh-TW');
  const en = format(entry?.en ?? '', alert?.facts, 'en');
  t.is(zh, '跨院所同成分同劑型重複（ZOLPIDEM）：STILNOX 10MG (甲診所 114/05/01)、ZOLNOX 10MG (乙醫院 114/05/10)；114/05/10 領新藥時累計尚餘 19 天（超過 10 天）');
  t.is(en, 'Same ingredient and dosage form from different institutions (ZOLPIDEM): STILNOX 10MG (甲診所 2025-05-01), ZOLNOX 10MG (乙醫院 2025-05-10); accumulated leftover when the new supply was dispensed on 2025-05-10: 19 days (more than 10)');
});

test('after repeated early refills the L1 text calls its days accumulated, not the previous fill\'s own', (t) => {
  // The reviewer's chain (helper-rx d-early-refill-chain): rosuvastatin 28 days every 20 days.
  // 08/10 + 28 − 08/30 leaves 8 days of that fill; carried from 07/01 the group holds 24.
  const fill = (visitDate: string) => drug('ROSUVASTATIN', 'C10AA07', { drugName: 'CRESTOR 10MG', drugCode: 'BC23495100', visitDate, institution: CLINIC_A });
  const duplicates = findDuplicates([fill('2025-07-01'), fill('2025-07-21'), fill('2025-08-10'), fill('2025-08-30')], '2025-09-05',
    { duplicateThresholdDays: 10, shortCourseDays: 3, equivalenceSets: DEFAULT_EQUIVALENCE_SETS });
  const [alert] = duplicateAlerts(duplicates, 10);
  t.is(alert?.key, 'duplicate.L1');
  const entry = alertMessages['duplicate.L1'];
  t.regex(format(entry['zh-TW'], alert?.facts, 'zh-TW'), /；114\/08\/30 領新藥時累計尚餘 24 天（超過 10 天）$/);
  t.regex(format(entry.en, alert?.facts, 'en'), /; accumulated leftover when the new supply was dispensed on 2025-08-30: 24 days \(more than 10\)$/);
});

test('days counted by the days supplied (PRN, eye drops) say so, not 累計, beside a records table that shows 無法試算', (t) => {
  const settings = { duplicateThresholdDays: 10, shortCourseDays: 3, equivalenceSets: DEFAULT_EQUIVALENCE_SETS };
  const prn = (visitDate: string, institution: typeof CLINIC_A) => drug('ZOLPIDEM', 'N05CF02', { drugName: 'STILNOX 10MG', drugCode: 'AC44396100', visitDate, frequency: 'HSPRN', institution });
  const [cross] = duplicateAlerts(findDuplicates([prn('2025-05-01', CLINIC_A), prn('2025-05-09', CLINIC_B)], '2025-05-10', settings), 10);
  t.is(cross?.key, 'duplicate.L1.cross.supplied');
  const entry = alertMessages['duplicate.L1.cross.supplied'];
  t.regex(format(entry['zh-TW'], cross?.facts, 'zh-TW'), /；114\/05\/09 領新藥時依給藥日數尚餘 20 天（超過 10 天）$/);
  t.regex(format(entry.en, cross?.facts, 'en'), /; by the days supplied, 20 days were left when the new supply was dispensed on 2025-05-09 \(more than 10\)$/);
  const eye = (visitDate: string) => drug('LATANOPROST', 'S01EE01', { drugName: 'XALATAN', visitDate, dosageForm: 'eye', frequency: 'HS', daysSupply: 28, quantity: 1, institution: CLINIC_A });
  t.is(duplicateAlerts(findDuplicates([eye('2025-05-01'), eye('2025-05-09')], '2025-05-10', settings), 10)[0]?.key, 'duplicate.L1.supplied');
  const tablet = (visitDate: string, institution: typeof CLINIC_A) => drug('ZOLPIDEM', 'N05CF02', { drugName: 'STILNOX 10MG', drugCode: 'AC44396100', visitDate, institution });
  t.is(duplicateAlerts(findDuplicates([tablet('2025-05-01', CLINIC_A), tablet('2025-05-09', CLINIC_B)], '2025-05-10', settings), 10)[0]?.key, 'duplicate.L1.cross');
});

test('an L5 alert names its equivalence set in the report\'s language only, and counts its overlap from today', (t) => {
  const duplicates = findDuplicates([
    drug('ZOLPIDEM', 'N05CF02', { drugName: 'STILNOX 10MG', drugCode: 'AC44396100', visitDate: '2025-05-01', institution: CLINIC_A }),
    drug('ALPRAZOLAM', 'N05BA12', { drugName: 'XANAX 0.5MG', drugCode: 'AC35745100', visitDate: '2025-05-02', institution: CLINIC_B }),
  ], '2025-05-03', { duplicateThresholdDays: 10, shortCourseDays: 3, equivalenceSets: DEFAULT_EQUIVALENCE_SETS });
  const alert = duplicateAlerts(duplicates, 10).find((a) => a.key === 'duplicate.L5');
  const entry = alertMessages['duplicate.L5'];
  const zh = format(entry['zh-TW'], alert?.facts, 'zh-TW');
  const en = format(entry.en, alert?.facts, 'en');
  t.regex(zh, /^治療等效重複 苯二氮平類與 Z 類安眠藥（/);
  t.regex(zh, /今日起重疊 26 天$/);
  t.notRegex(zh, /benzodiazepines/);
  t.regex(en, /^Therapeutic duplication, benzodiazepines and Z-drugs \(/);
  t.notRegex(en, /苯二氮平/);
});

test('a care-list alert renders without unfilled placeholders', (t) => {
  const [alert] = careListAlerts([{
    date: '2025-10-10', ingredient: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)', ingredientCode: '2824801820+2824801810',
    institution: CLINIC_A, totalMg: 420, cloudTotalDdd: 42, memo: null,
  }], '2025-10-20');
  const entry = (alertMessages as Record<string, { 'zh-TW': string; en: string }>)[alert?.key ?? ''];
  const zh = format(entry?.['zh-TW'] ?? '', alert?.facts, 'zh-TW');
  t.is(zh, '管制藥關懷名單：ZOLPIDEM (TARTRATE+HEMITARTRATE) 近 183 日（114/04/21 至 114/10/20）共 420 mg（42 DDD）；WHO 每半年約當 1825 mg');
  t.notRegex(format(entry?.en ?? '', alert?.facts, 'en'), /\{\w+\}/);
});
