// Pharmacist's checklist for duplicate-medication alerts (重複用藥; research §5(c) and §6
// test cases, SPEC §2). Threshold 10 days (NHI letter 1080035988: > 10 days on hand).
import test from 'ava';
import type { MedicationRecord } from '../../../src/core/domain/types.ts';
import { DEFAULT_EQUIVALENCE_SETS } from '../../../src/core/domain/equivalence.ts';
import { findDuplicates, duplicateAlerts, type DuplicateSettings } from '../../../src/core/domain/duplicates.ts';
import { splitIngredients } from '../../../src/core/domain/ingredients.ts';
import { CLINIC_A, CLINIC_B, CLINIC_C, PHARMACY, drug, medication } from './fixtures.ts';

const SETTINGS: DuplicateSettings = { duplicateThresholdDays: 10, equivalenceSets: DEFAULT_EQUIVALENCE_SETS, shortCourseDays: 3 };

function find(records: MedicationRecord[], today: string, settings: Partial<DuplicateSettings> = {}) {
  return findDuplicates(records, today, { ...SETTINGS, ...settings });
}

// ── research §6 case 1 ────────────────────────────────────────────────────────────
test('case 1: zolpidem from A on 5/1 (28 d) and from B on 5/10 (28 d) → one critical L2, 跨院所, 19 days on hand', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { id: 'zolA', drugCode: 'AC44396100', drugName: 'STILNOX 10MG', visitDate: '2025-05-01', institution: CLINIC_A });
  const b = drug('ZOLPIDEM TARTRATE', 'N05CF02', { id: 'zolB', drugCode: 'AB47851100', drugName: 'ZOLNOX 10MG', visitDate: '2025-05-10', institution: CLINIC_B });
  const alerts = find([a, b], '2025-05-10');
  t.is(alerts.length, 1);
  t.like(alerts[0], {
    level: 'L2', severity: 'critical', crossInstitution: true, overlapDays: 19,
    recordIds: ['zolA', 'zolB'], dates: ['2025-05-01', '2025-05-10'], institutions: ['甲診所', '乙醫院'],
    ingredients: ['ZOLPIDEM'], drugNames: ['STILNOX 10MG', 'ZOLNOX 10MG'],
  });
});

test('case 1 as the pharmacist reads it: zh-TW and English facts name drugs, institutions, dates and days', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { drugName: 'STILNOX 10MG', drugCode: 'AC44396100', visitDate: '2025-05-01', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { drugName: 'ZOLNOX 10MG', drugCode: 'AB47851100', visitDate: '2025-05-10', institution: CLINIC_B });
  const [alert] = duplicateAlerts(find([a, b], '2025-05-12'));
  t.like(alert, { severity: 'critical', key: 'duplicate.L2.cross' });
  t.deepEqual(alert?.facts.drugs, ['STILNOX 10MG (甲診所 2025-05-01)', 'ZOLNOX 10MG (乙醫院 2025-05-10)']);
  t.is(alert?.facts.overlapDays, 19);
});

test('the same drug code twice → L1; same institution → warning, not critical', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-01' });
  const b = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-10' });
  const alerts = find([a, b], '2025-05-10');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L1', severity: 'warning', crossInstitution: false, overlapDays: 19 });
  t.is(duplicateAlerts(alerts)[0]?.key, 'duplicate.L1');
});

test('anticoagulant, insulin and sulfonylurea duplicates across institutions are critical; a statin is a warning', (t) => {
  for (const [name, atc7, severity] of [['WARFARIN', 'B01AA03', 'critical'], ['INSULIN GLARGINE', 'A10AE04', 'critical'], ['GLIMEPIRIDE', 'A10BB12', 'critical'], ['ATORVASTATIN', 'C10AA05', 'warning']] as const) {
    const alerts = find([
      drug(name, atc7, { visitDate: '2025-05-01', institution: CLINIC_A }),
      drug(name, atc7, { visitDate: '2025-05-05', institution: CLINIC_B }),
    ], '2025-05-06');
    t.is(alerts.length, 1, name);
    t.is(alerts[0]?.severity, severity, name);
  }
});

// ── threshold ─────────────────────────────────────────────────────────────────────
test('NHI threshold: exactly 10 days on hand is not a duplicate, 11 days is', (t) => {
  // 28 days from 5/1 run out on 5/29; a new fill on 5/19 leaves 10 days, on 5/18 leaves 11.
  const first = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-01', institution: CLINIC_A });
  const ten = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-19', institution: CLINIC_B, drugCode: 'OTHER00100' });
  const eleven = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-18', institution: CLINIC_B, drugCode: 'OTHER00100' });
  t.deepEqual(find([first, ten], '2025-05-19'), []);
  const alerts = find([first, eleven], '2025-05-19');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L2', overlapDays: 11 });
});

test('the threshold is configurable', (t) => {
  const first = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-01' });
  const next = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-22' });
  t.deepEqual(find([first, next], '2025-05-22'), []);
  t.is(find([first, next], '2025-05-22', { duplicateThresholdDays: 5 }).length, 1);
});

test('early refills carry forward: stockpiled supply counts toward the days on hand', (t) => {
  // 4/1 and 4/10, 28 days each, carried: covered until 5/27. On 5/12 that is 15 days on hand,
  // although each fill alone would have run out (4/29, 5/8).
  const r1 = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-04-01', institution: CLINIC_A });
  const r2 = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-04-10', institution: CLINIC_A });
  const r3 = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-05-12', institution: CLINIC_B, id: 'newest' });
  const alerts = find([r1, r2, r3], '2025-05-12');
  const l1 = alerts.find((a) => a.level === 'L1');
  t.like(l1, { overlapDays: 15 });
  t.true(l1?.recordIds.includes('newest'));
});

test('a group still in use only through carried stock is judged: the latest fill\'s own supply ran out, the carried one has not', (t) => {
  // 4/1 and 4/10 (another clinic), 28 days each: carried, covered until 5/27. On 5/12 the 4/10
  // fill alone ran out on 5/8, yet the group is in use, and on 4/10 the 4/1 supply had 19 days left.
  const r1 = drug('VALSARTAN', 'C09CA03', { id: 'first', visitDate: '2025-04-01', institution: CLINIC_A });
  const r2 = drug('VALSARTAN', 'C09CA03', { id: 'early', visitDate: '2025-04-10', institution: CLINIC_B });
  const alerts = find([r1, r2], '2025-05-12');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L1', overlapDays: 19, recordIds: ['first', 'early'] });
  // Past the carried end (5/27) the group is no longer in use: nothing to say.
  t.deepEqual(find([r1, r2], '2025-05-28'), []);
});

// ── research §6 case 2: combination split ─────────────────────────────────────────
test('case 2: valsartan 80 mg plus Exforge (C09DB01) → L2 on valsartan after the split', (t) => {
  const diovan = drug('VALSARTAN', 'C09CA03', { id: 'diovan', drugName: 'DIOVAN 80MG', visitDate: '2025-05-01', institution: CLINIC_A });
  const exforge = medication({
    id: 'exforge', drugCode: 'BC24357100', drugName: 'EXFORGE 5/80MG', atc7: 'C09DB01', atc5: 'C09DB', isCombination: true,
    ingredients: [{ name: 'AMLODIPINE BESYLATE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }],
    visitDate: '2025-05-08', institution: CLINIC_A,
  });
  const alerts = find([diovan, exforge], '2025-05-08');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L2', severity: 'warning', ingredients: ['VALSARTAN'], recordIds: ['diovan', 'exforge'], overlapDays: 21 });
});

test('case 2 when the mapper left Exforge whole: the combination code is still split', (t) => {
  const diovan = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-05-01' });
  const exforge = medication({ drugCode: 'BC24357100', atc7: 'C09DB01', isCombination: true, ingredients: [{ name: 'EXFORGE', atc7: 'C09DB01' }], visitDate: '2025-05-08' });
  t.like(find([diovan, exforge], '2025-05-08')[0], { level: 'L2', ingredients: ['VALSARTAN'] });
});

test('the same combination twice is one L1 alert, not one per ingredient', (t) => {
  const exforge = { drugCode: 'BC24357100', atc7: 'C09DB01', isCombination: true, ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }] };
  const alerts = find([medication({ ...exforge, visitDate: '2025-05-01' }), medication({ ...exforge, visitDate: '2025-05-08', institution: CLINIC_B })], '2025-05-08');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L1' });
  t.deepEqual([...(alerts[0]?.ingredients ?? [])].sort(), ['AMLODIPINE', 'VALSARTAN']);
});

// ── research §6 case 4: class level ───────────────────────────────────────────────
test('case 4: amlodipine + nifedipine (both C08CA) → L4 warning', (t) => {
  const alerts = find([
    drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-01', institution: CLINIC_A }),
    drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-05-03', institution: CLINIC_B }),
  ], '2025-05-05');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L4', severity: 'warning', classCode: 'C08CA', overlapDays: 24 });
  t.deepEqual(alerts[0]?.ingredients, ['AMLODIPINE', 'NIFEDIPINE']);
});

test('case 4: metformin + glimepiride are different classes → no alert', (t) => {
  t.deepEqual(find([drug('METFORMIN', 'A10BA02', { visitDate: '2025-05-01' }), drug('GLIMEPIRIDE', 'A10BB12', { visitDate: '2025-05-01', institution: CLINIC_B })], '2025-05-05'), []);
});

test('L4 needs both ingredients beyond the threshold: a switch whose old supply has ≤ 10 days left is quiet', (t) => {
  const alerts = find([
    drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-05-01' }),
    drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-05-19', institution: CLINIC_B }),
  ], '2025-05-19');
  t.deepEqual(alerts, []);
});

test('two benzodiazepines in one class → critical L4; a benzodiazepine with a Z-drug → critical L5', (t) => {
  const l4 = find([
    drug('BROTIZOLAM', 'N05CD09', { visitDate: '2025-05-01' }),
    drug('FLUNITRAZEPAM', 'N05CD03', { visitDate: '2025-05-02', institution: CLINIC_B }),
  ], '2025-05-03');
  t.like(l4[0], { level: 'L4', severity: 'critical' });
  const l5 = find([
    drug('BROTIZOLAM', 'N05CD09', { visitDate: '2025-05-01' }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-02', institution: CLINIC_B }),
  ], '2025-05-03');
  t.is(l5.length, 1);
  t.like(l5[0], { level: 'L5', severity: 'critical', classCode: 'gaba-a-hypnotics' });
});

test('clonazepam (RIVOTRIL, filed under antiepileptics) with another benzodiazepine → critical L5; clonazepam from two clinics → critical L1 across institutions', (t) => {
  const l5 = find([
    drug('CLONAZEPAM', 'N03AE01', { visitDate: '2025-10-20' }),
    drug('ALPRAZOLAM', 'N05BA12', { visitDate: '2025-10-22', institution: CLINIC_B }),
  ], '2025-11-01');
  t.is(l5.length, 1);
  t.like(l5[0], { level: 'L5', severity: 'critical', classCode: 'gaba-a-hypnotics' });
  const l2 = find([
    drug('CLONAZEPAM', 'N03AE01', { visitDate: '2025-10-20' }),
    drug('CLONAZEPAM', 'N03AE01', { visitDate: '2025-10-25', institution: CLINIC_B }),
  ], '2025-10-25');
  t.like(l2[0], { level: 'L1', severity: 'critical', crossInstitution: true });
});

test('L4/L5 count an early refill with what is carried: zolpidem 19 days on hand (10 from the newest fill) + diazepam 14 → critical L5, 14 days together', (t) => {
  const zolpidem = (id: string, visitDate: string, days: number) => drug('ZOLPIDEM', 'N05CF02', { id, visitDate, daysSupply: days, quantity: days, unitStrengthMg: 10 });
  // 10/01 28 d runs to 10/28; 10/20 14 d runs on from 10/29 to 11/11: 19 days on 10/24, the newest fill alone 10.
  const records = [zolpidem('z1', '2025-10-01', 28), zolpidem('z2', '2025-10-20', 14), drug('DIAZEPAM', 'N05BA01', { id: 'd', visitDate: '2025-10-10', institution: CLINIC_B })];
  const l5 = find(records, '2025-10-24').filter((a) => a.level === 'L5');
  t.is(l5.length, 1);
  t.like(l5[0], { severity: 'critical', overlapDays: 14, recordIds: ['d', 'z2'] });
  // Without the early refill the newest fill's own 10 days are not more than 10: nothing.
  t.deepEqual(find([zolpidem('z2', '2025-10-20', 14), records[2] as MedicationRecord], '2025-10-24').filter((a) => a.level === 'L5'), []);
});

test('L4 counts the carried supply: amlodipine refilled early (17 days on hand, the newest fill alone 4) with nifedipine (26 days) → L4, 17 days together', (t) => {
  const amlodipine = (id: string, visitDate: string) => drug('AMLODIPINE', 'C08CA01', { id, visitDate, unitStrengthMg: 5 });
  const records = [amlodipine('a1', '2025-09-25'), amlodipine('a2', '2025-10-10'), drug('NIFEDIPINE', 'C08CA05', { id: 'n', visitDate: '2025-10-30', daysSupply: 30, quantity: 30, institution: CLINIC_B })];
  // 9/25 + 28 → 10/23; 10/10 runs on from 10/23 to 11/19: 17 days left on 11/03 (its own 4).
  const l4 = find(records, '2025-11-03').filter((a) => a.level === 'L4');
  t.is(l4.length, 1);
  t.like(l4[0], { severity: 'warning', overlapDays: 17 });
});

test('two products of one class on one slip are a therapeutic duplication: one visit does not excuse L4/L5', (t) => {
  const visit = { visitDate: '2025-05-01', institution: CLINIC_A, visitSeqNo: '0012' };
  const benzodiazepines = find([
    drug('ALPRAZOLAM', 'N05BA12', { ...visit, drugCode: 'ALPR000100' }),
    drug('LORAZEPAM', 'N05BA06', { ...visit, drugCode: 'LORA000100' }),
  ], '2025-05-02');
  t.is(benzodiazepines.length, 1);
  t.like(benzodiazepines[0], { level: 'L4', severity: 'critical', crossInstitution: false });
  const hypnotics = find([
    drug('ALPRAZOLAM', 'N05BA12', { ...visit, drugCode: 'ALPR000100' }),
    drug('ZOLPIDEM', 'N05CF02', { ...visit, drugCode: 'ZOLP000100' }),
  ], '2025-05-02');
  t.like(hypnotics[0], { level: 'L5', severity: 'critical' });
  const arbs = find([
    drug('LOSARTAN', 'C09CA01', { ...visit, drugCode: 'LOSA000100' }),
    drug('VALSARTAN', 'C09CA03', { ...visit, drugCode: 'VALS000100' }),
  ], '2025-05-02');
  t.like(arbs[0], { level: 'L4', severity: 'warning' });
  // One combination product, even listed twice, is one supply: its two ingredients never pair.
  const exforge = medication({ drugCode: 'EXFO000100', atc7: 'C09DB01', isCombination: true, ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }], ...visit });
  t.deepEqual(find([exforge, exforge], '2025-05-02').filter((a) => a.level === 'L4' || a.level === 'L5'), []);
});

test('ACEI + ARB → L5 info (dual RAS blockade), also when the ARB sits in a combination', (t) => {
  const alerts = find([
    drug('ENALAPRIL', 'C09AA02', { visitDate: '2025-05-01' }),
    medication({ atc7: 'C09DB01', isCombination: true, ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }], visitDate: '2025-05-02', institution: CLINIC_B }),
  ], '2025-05-03');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L5', severity: 'info', classCode: 'ras-blockers' });
  t.deepEqual(alerts[0]?.ingredients, ['ENALAPRIL', 'VALSARTAN']);
});

test('ACETAMINOPHEN and PARACETAMOL products are one group, and the alert names the ingredient as the cloud wrote it', (t) => {
  const tylenol = drug('ACETAMINOPHEN', 'N02BE01', { drugName: 'TYLENOL 500MG', drugCode: 'TYLE000100', visitDate: '2025-05-01', frequency: 'QID', institution: CLINIC_A });
  const panadol = drug('PARACETAMOL', 'N02BE01', { drugName: 'PANADOL 500MG', drugCode: 'PANA000100', visitDate: '2025-05-10', frequency: 'QID', institution: CLINIC_B });
  const alerts = find([tylenol, panadol], '2025-05-10');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L2', group: 'PARACETAMOL|oral', overlapDays: 19 });
  t.deepEqual(alerts[0]?.ingredients, ['ACETAMINOPHEN']);
});

// ── systemic NSAIDs (L5 set 'nsaids') ──────────────────────────────────────────
const ORTHO_VISIT = { visitDate: '2025-10-20', institution: CLINIC_A, visitSeqNo: '0301', daysSupply: 28 };

test('two systemic NSAIDs of different classes from two clinics → L5 warning naming the NSAID set', (t) => {
  const alerts = find([
    drug('DICLOFENAC', 'M01AB05', { ...ORTHO_VISIT, drugCode: 'DICL000100' }),
    drug('CELECOXIB', 'M01AH01', { visitDate: '2025-10-21', institution: CLINIC_B, drugCode: 'CELE000100' }),
  ], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L5', severity: 'warning', classCode: 'nsaids', className: { 'zh-TW': '非類固醇消炎止痛藥 NSAIDs', en: 'NSAIDs' } });
  t.deepEqual(alerts[0]?.ingredients, ['DICLOFENAC', 'CELECOXIB']);
});

test('five NSAID classes from four clinics (diclofenac, celecoxib, ibuprofen, mefenamic acid, meloxicam) → one L5 card', (t) => {
  const alerts = find([
    drug('DICLOFENAC', 'M01AB05', { ...ORTHO_VISIT, drugCode: 'DICL000100' }),
    drug('CELECOXIB', 'M01AH01', { ...ORTHO_VISIT, drugCode: 'CELE000100' }),
    drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-21', institution: CLINIC_B }),
    drug('MEFENAMIC ACID', 'M01AG01', { visitDate: '2025-10-21', institution: CLINIC_C }),
    drug('MELOXICAM', 'M01AC06', { visitDate: '2025-10-22', institution: PHARMACY }),
  ], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L5', severity: 'warning', classCode: 'nsaids', crossInstitution: true });
  t.deepEqual(alerts[0]?.ingredients, ['DICLOFENAC', 'CELECOXIB', 'IBUPROFEN', 'MEFENAMIC ACID', 'MELOXICAM']);
});

test('NSAIDs alert whenever two are in use today: a 7-day diclofenac and a 7-day celecoxib course (5 and 6 days left) → L5 in use', (t) => {
  const alerts = find([
    drug('DICLOFENAC', 'M01AB05', { visitDate: '2025-10-20', daysSupply: 7, quantity: 21, frequency: 'TID', institution: CLINIC_A, drugCode: 'DICL000100' }),
    drug('CELECOXIB', 'M01AH01', { visitDate: '2025-10-21', daysSupply: 7, quantity: 14, frequency: 'BID', institution: CLINIC_B, drugCode: 'CELE000100' }),
  ], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L5', severity: 'warning', classCode: 'nsaids', thresholdDays: 0, overlapDays: 5 });
  const [text] = duplicateAlerts(alerts, 10);
  t.is(text?.key, 'duplicate.L5.in-use');
  t.false(/超過 0 天/.test(JSON.stringify(text)));
  // Other sets and L4 keep the 10-day threshold: short amlodipine + nifedipine, or brotizolam + zolpidem, say nothing.
  t.deepEqual(find([
    drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-10-20', daysSupply: 7, quantity: 7 }),
    drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-10-21', daysSupply: 7, quantity: 7, institution: CLINIC_B }),
    drug('BROTIZOLAM', 'N05CD09', { visitDate: '2025-10-20', daysSupply: 7, quantity: 7 }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-10-21', daysSupply: 7, quantity: 7, institution: CLINIC_B }),
  ], '2025-10-22'), []);
});

test('ibuprofen + naproxen (both M01AE propionic acids) → L4 warning, not a second L5 card', (t) => {
  const alerts = find([
    drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-20', institution: CLINIC_A }),
    drug('NAPROXEN', 'M01AE02', { visitDate: '2025-10-21', institution: CLINIC_B }),
  ], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L4', severity: 'warning', classCode: 'M01AE' });
});

test('two NSAIDs of one class alert when both are in use too: 7-day ibuprofen + 7-day naproxen → L4 in use; M01AX keeps the 10 days', (t) => {
  const alerts = find([
    drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-20', daysSupply: 7, quantity: 21, frequency: 'TID', institution: CLINIC_A }),
    drug('NAPROXEN', 'M01AE02', { visitDate: '2025-10-21', daysSupply: 7, quantity: 14, frequency: 'BID', institution: CLINIC_B }),
  ], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L4', severity: 'warning', classCode: 'M01AE', thresholdDays: 0 });
  t.is(duplicateAlerts(alerts, 10)[0]?.key, 'duplicate.L4.in-use');
  // M01AX holds glucosamine as well as nabumetone: its class is not lowered by the NSAID set.
  t.deepEqual(find([
    drug('GLUCOSAMINE', 'M01AX05', { visitDate: '2025-10-20', daysSupply: 7, quantity: 7 }),
    drug('DIACEREIN', 'M01AX21', { visitDate: '2025-10-21', daysSupply: 7, quantity: 7, institution: CLINIC_B }),
  ], '2025-10-22'), []);
});

test('a topical NSAID (M02AA) or glucosamine (M01AX05) with an oral NSAID is no L5 duplication', (t) => {
  const gel = drug('DICLOFENAC', 'M02AA15', { visitDate: '2025-10-20', institution: CLINIC_A, dosageForm: 'topical', drugCode: 'GEL0000100' });
  const glucosamine = drug('GLUCOSAMINE', 'M01AX05', { visitDate: '2025-10-20', institution: CLINIC_C });
  const celecoxib = drug('CELECOXIB', 'M01AH01', { visitDate: '2025-10-21', institution: CLINIC_B });
  t.deepEqual(find([gel, celecoxib], '2025-10-22'), []);
  t.deepEqual(find([glucosamine, celecoxib], '2025-10-22'), []);
});

test('an NSAID combination is split: diclofenac + misoprostol with celecoxib → L5 about DICLOFENAC and CELECOXIB', (t) => {
  const arthrotec = medication({
    drugCode: 'ARTH000100', drugName: 'ARTHROTEC 50', atc7: 'M01AB55', atc5: 'M01AB', isCombination: true,
    ingredients: splitIngredients('DICLOFENAC SODIUM；MISOPROSTOL', 'M01AB55'),
    visitDate: '2025-10-20', institution: CLINIC_A,
  });
  const alerts = find([arthrotec, drug('CELECOXIB', 'M01AH01', { visitDate: '2025-10-21', institution: CLINIC_B })], '2025-10-22');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L5', classCode: 'nsaids' });
  t.deepEqual(alerts[0]?.ingredients, ['DICLOFENAC', 'CELECOXIB']);
});

test('no equivalence sets configured → no L5', (t) => {
  t.deepEqual(find([
    drug('BROTIZOLAM', 'N05CD09', { visitDate: '2025-05-01' }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-02', institution: CLINIC_B }),
  ], '2025-05-03', { equivalenceSets: [] }), []);
});

// ── L3 ────────────────────────────────────────────────────────────────────────────
test('eye drops and tablets of the same ingredient → L3 info', (t) => {
  const alerts = find([
    drug('LEVOFLOXACIN', 'J01MA12', { visitDate: '2025-05-01', daysSupply: 7, quantity: 7 }),
    drug('LEVOFLOXACIN', 'S01AE05', { visitDate: '2025-05-02', dosageForm: 'eye', frequency: 'QID', daysSupply: 14, quantity: 1, institution: CLINIC_B }),
  ], '2025-05-03');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L3', severity: 'info', group: 'LEVOFLOXACIN', overlapDays: 5 });
});

// ── one alert per group ───────────────────────────────────────────────────────────
test('three records of one group make one alert naming all three', (t) => {
  const alerts = find([
    drug('ZOLPIDEM', 'N05CF02', { id: 'z1', visitDate: '2025-05-01', institution: CLINIC_A }),
    drug('ZOLPIDEM', 'N05CF02', { id: 'z2', visitDate: '2025-05-05', institution: CLINIC_B }),
    drug('ZOLPIDEM', 'N05CF02', { id: 'z3', visitDate: '2025-05-09', institution: CLINIC_C }),
  ], '2025-05-09');
  t.is(alerts.length, 1);
  t.deepEqual(alerts[0]?.recordIds, ['z1', 'z2', 'z3']);
  t.deepEqual(alerts[0]?.institutions, ['甲診所', '乙醫院', '丙診所']);
});

// ── chains and suppression ────────────────────────────────────────────────────────
test('fills of one chronic-refill chain never pair, even when collected early', (t) => {
  // Prescribed by A on 1/1 (28 d × 3); fill 2 and 3 at a pharmacy keep the original visit date.
  const chain = { visitDate: '2025-01-01', drugCode: 'BC22922100' };
  const fill1 = drug('VALSARTAN', 'C09CA03', { ...chain, institution: CLINIC_A, visitSeqNo: '0123' });
  const fill2 = drug('VALSARTAN', 'C09CA03', { ...chain, institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id, refillDate: '2025-01-15', visitSeqNo: 'IC02' });
  const fill3 = drug('VALSARTAN', 'C09CA03', { ...chain, institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id, refillDate: '2025-02-01', visitSeqNo: 'IC03' });
  t.deepEqual(find([fill1, fill2, fill3], '2025-02-01'), []);
});

test('a chain whose pickups do not name the original prescriber (no chr_hosp_id) still never pairs', (t) => {
  // Glimepiride 28 d × 3 from A on 1/1; fills 2 and 3 at two pharmacies, each on its first allowed day.
  const chain = { visitDate: '2025-01-01', drugCode: 'GLIM000100' };
  const fill1 = drug('GLIMEPIRIDE', 'A10BB12', { ...chain, institution: CLINIC_A, visitSeqNo: '0123' });
  const fill2 = drug('GLIMEPIRIDE', 'A10BB12', { ...chain, institution: PHARMACY, refillDate: '2025-01-19', visitSeqNo: 'IC02' });
  const fill3 = drug('GLIMEPIRIDE', 'A10BB12', { ...chain, institution: CLINIC_C, refillDate: '2025-02-06', visitSeqNo: 'IC03' });
  t.deepEqual(find([fill1, fill2, fill3], '2025-02-06'), []);
  // A pickup of another drug code with the same 就醫日期 is not that chain: it pairs.
  const other = drug('GLIMEPIRIDE', 'A10BB12', { id: 'other', visitDate: '2025-01-01', drugCode: 'GLIM000200', institution: CLINIC_C, refillDate: '2025-01-20', visitSeqNo: 'IC02' });
  const alerts = find([fill1, fill2, other], '2025-01-20');
  t.is(alerts[0]?.level, 'L2');
  t.true(alerts[0]?.recordIds.includes('other'));
});

test('a pickup without chr_hosp_id is its slip\'s first fill\'s prescriber: the hospital\'s renewal is the same institution, not a critical 跨院所', (t) => {
  // Reviewer's case: warfarin from 甲診所 on 6/9 (28 d × 3); fills 2 and 3 at 丁藥局 name no
  // 慢箋原處方機構, as the cloud's samples do; 甲診所 renews on 8/20 with 12 days still on hand.
  const chain = { visitDate: '2025-06-09', drugCode: 'COUM000100' };
  const fill1 = drug('WARFARIN', 'B01AA03', { ...chain, id: 'f1', institution: CLINIC_A, visitSeqNo: '0123' });
  const fill2 = drug('WARFARIN', 'B01AA03', { ...chain, id: 'f2', institution: PHARMACY, refillDate: '2025-07-05', visitSeqNo: 'IC02' });
  const fill3 = drug('WARFARIN', 'B01AA03', { ...chain, id: 'f3', institution: PHARMACY, refillDate: '2025-08-02', visitSeqNo: 'IC03' });
  const renewal = drug('WARFARIN', 'B01AA03', { id: 'new', visitDate: '2025-08-20', drugCode: 'COUM000100', institution: CLINIC_A, visitSeqNo: '0456' });
  const alerts = find([fill1, fill2, fill3, renewal], '2025-09-01');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L1', crossInstitution: false, institutionIds: [CLINIC_A.id] });
  const [message] = duplicateAlerts(alerts);
  t.deepEqual(message?.facts.drugs, ['WARFARIN TABLETS (甲診所→丁藥局 2025-08-02)', 'WARFARIN TABLETS (甲診所 2025-08-20)']);
  // Without the first fill in the history the pickups' prescriber is not known: the pharmacy's slip, as before.
  const early = { ...renewal, visitDate: '2025-08-15' };
  t.like(find([fill2, fill3, early], '2025-09-01')[0], { crossInstitution: true });
  t.like(find([fill1, fill2, fill3, early], '2025-09-01')[0], { crossInstitution: false });
});

test('a chronic refill collected at a pharmacy is named by its prescriber in an L4 alert, as 跨院所 counts it, and by where it was collected', (t) => {
  // Amlodipine prescribed by 甲診所 (fill 1 there), fill 2 collected at 丁藥局; nifedipine from 乙醫院.
  const first = drug('AMLODIPINE', 'C08CA01', { drugCode: 'NORV000100', visitDate: '2025-09-26', institution: CLINIC_A, visitSeqNo: '0031' });
  const pickup = drug('AMLODIPINE', 'C08CA01', {
    drugCode: 'NORV000100', visitDate: '2025-09-26', refillDate: '2025-10-20', institution: PHARMACY,
    chronicOriginInstitutionId: CLINIC_A.id, visitSeqNo: 'IC02',
  });
  const nifedipine = drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-10-28', institution: CLINIC_B });
  const alerts = find([first, pickup, nifedipine], '2025-11-03');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L4', crossInstitution: true, institutions: ['甲診所', '乙醫院'], institutionIds: [CLINIC_A.id, CLINIC_B.id] });
  const [message] = duplicateAlerts(alerts);
  // The pickup day is the pharmacy's, not a visit to 甲診所: the text names both.
  t.deepEqual(message?.facts.drugs, ['AMLODIPINE TABLETS (甲診所→丁藥局 2025-10-20)', 'NIFEDIPINE TABLETS (乙醫院 2025-10-28)']);
});

test('a refill whose prescriber has no other record in the history is named by its 醫事機構代碼', (t) => {
  const pickup = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-09-26', refillDate: '2025-10-20', institution: PHARMACY, chronicOriginInstitutionId: '0401180014', visitSeqNo: 'IC02' });
  const nifedipine = drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-10-28', institution: CLINIC_B });
  t.like(find([pickup, nifedipine], '2025-11-03')[0], { level: 'L4', institutions: ['0401180014', '乙醫院'] });
});

test('a chain does pair with another prescriber\'s supply', (t) => {
  const fill1 = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-01-01', institution: CLINIC_A });
  const fill2 = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-01-01', institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id, refillDate: '2025-01-25', visitSeqNo: 'IC02' });
  const other = drug('VALSARTAN', 'C09CA03', { visitDate: '2025-02-01', institution: CLINIC_B, drugCode: 'OTHER00100' });
  // The chain carries: fill 1 covers to 1/29, fill 2 (collected 1/25) then to 2/26 → 25 days on 2/1.
  const alerts = find([fill1, fill2, other], '2025-02-01');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L2', crossInstitution: true, overlapDays: 25 });
});

test('an on-time refill after a duplicate does not hide it: the double supply is still in hand', (t) => {
  // A's chronic prescription (28 d) from 1/1; B adds 28 days on 1/10 (19 days still on hand);
  // A's 2nd fill on 1/29 is on time for its own chain. On 2/1 the patient holds both supplies.
  const fill1 = drug('AMLODIPINE', 'C08CA01', { id: 'fill1', visitDate: '2025-01-01', institution: CLINIC_A });
  const other = drug('AMLODIPINE', 'C08CA01', { id: 'other', visitDate: '2025-01-10', institution: CLINIC_B, drugCode: 'OTHER00100' });
  const fill2 = drug('AMLODIPINE', 'C08CA01', { id: 'fill2', visitDate: '2025-01-01', institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id, refillDate: '2025-01-29', visitSeqNo: 'IC02' });
  const alerts = find([fill1, other, fill2], '2025-02-01');
  t.is(alerts.length, 1);
  t.like(alerts[0], { level: 'L2', overlapDays: 19 });
  t.deepEqual(alerts[0]?.recordIds, ['fill1', 'other']);
});

test('two strengths from one visit (same institution, day and 就醫序號) are one regimen, not a duplicate', (t) => {
  const visit = { visitDate: '2025-05-01', institution: CLINIC_A, visitSeqNo: '0456' };
  t.deepEqual(find([
    drug('WARFARIN', 'B01AA03', { ...visit, drugCode: 'WARF5MG100' }),
    drug('WARFARIN', 'B01AA03', { ...visit, drugCode: 'WARF1MG100' }),
  ], '2025-05-02'), []);
});

test('R003 (regimen change) on the newest record suppresses the alert', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-01', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-10', institution: CLINIC_B });
  t.is(find([a, b], '2025-05-10').length, 1);
  t.deepEqual(find([a, { ...b, exceptionCode: 'R003' }], '2025-05-10'), []);
});

test('a ≤ 3-day newest record raises nothing, PRN or not; a 4-day one does', (t) => {
  const a = drug('TRAMADOL', 'N02AX02', { visitDate: '2025-05-01', institution: CLINIC_A });
  t.deepEqual(find([a, drug('TRAMADOL', 'N02AX02', { visitDate: '2025-05-05', daysSupply: 3, quantity: 9, institution: CLINIC_B })], '2025-05-05'), []);
  t.deepEqual(find([a, drug('TRAMADOL', 'N02AX02', { visitDate: '2025-05-05', frequency: 'Q6HPRN', daysSupply: 3, quantity: 12, institution: CLINIC_B })], '2025-05-05'), []);
  t.is(find([a, drug('TRAMADOL', 'N02AX02', { visitDate: '2025-05-05', daysSupply: 4, quantity: 12, institution: CLINIC_B })], '2025-05-05').length, 1);
});

// Research §5(c)4 suppresses a PRN record only as a short course (N ≤ 3); NHI's > 10-day rule
// counts 給藥日數 whatever the frequency. Zolpidem HS PRN and warfarin 依醫囑 are everyday slips.
test('PRN and as-ordered supplies count by their days supplied: zolpidem HSPRN from two clinics is a critical L2', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { id: 'a', visitDate: '2025-05-01', frequency: 'HSPRN', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { id: 'b', drugCode: 'AB47851100', visitDate: '2025-05-09', frequency: 'HSPRN', institution: CLINIC_B });
  t.like(find([a, b], '2025-05-10')[0], { level: 'L2', severity: 'critical', crossInstitution: true, overlapDays: 20, recordIds: ['a', 'b'] });
  const w1 = drug('WARFARIN', 'B01AA03', { id: 'w1', visitDate: '2025-05-01', frequency: 'ASORDER', institution: CLINIC_A });
  const w2 = drug('WARFARIN', 'B01AA03', { id: 'w2', drugCode: 'WARF1MG100', visitDate: '2025-05-09', frequency: 'ASORDER', institution: CLINIC_B });
  t.like(find([w1, w2], '2025-05-10')[0], { level: 'L2', severity: 'critical', overlapDays: 20, recordIds: ['w1', 'w2'] });
});

test('a PRN and a scheduled supply of one drug pair either way round', (t) => {
  const hs = drug('ZOLPIDEM', 'N05CF02', { id: 'hs', visitDate: '2025-05-01', frequency: 'HS', institution: CLINIC_A });
  const prn = drug('ZOLPIDEM', 'N05CF02', { id: 'prn', drugCode: 'AB47851100', visitDate: '2025-05-09', frequency: 'HSPRN', institution: CLINIC_B });
  t.like(find([hs, prn], '2025-05-10')[0], { level: 'L2', severity: 'critical', overlapDays: 20, recordIds: ['hs', 'prn'] });
  const prnFirst = { ...prn, visitDate: '2025-05-01' };
  const hsLater = { ...hs, visitDate: '2025-05-09' };
  t.like(find([prnFirst, hsLater], '2025-05-10')[0], { level: 'L2', severity: 'critical', overlapDays: 20, recordIds: ['prn', 'hs'] });
});

test('two controlled hypnotics both HSPRN are a critical L5; a PRN benzodiazepine beside a scheduled one a critical L4', (t) => {
  const zolpidem = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-01', frequency: 'HSPRN', institution: CLINIC_A });
  const alprazolam = drug('ALPRAZOLAM', 'N05BA12', { visitDate: '2025-05-05', frequency: 'HSPRN', institution: CLINIC_B });
  t.like(find([zolpidem, alprazolam], '2025-05-06')[0], { level: 'L5', severity: 'critical' });
  const lorazepam = drug('LORAZEPAM', 'N05BA06', { visitDate: '2025-05-05', frequency: 'BID', institution: CLINIC_B });
  t.like(find([{ ...alprazolam, visitDate: '2025-05-01' }, lorazepam], '2025-05-06')[0], { level: 'L4', severity: 'critical' });
});

test('a short course after a real duplicate neither raises nor hides it; a 28-day PRN pickup joins it', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { id: 'a', visitDate: '2025-05-01', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { id: 'b', visitDate: '2025-05-10', institution: CLINIC_B });
  const short = drug('ZOLPIDEM', 'N05CF02', { id: 'short', visitDate: '2025-05-13', daysSupply: 2, quantity: 2, institution: CLINIC_C });
  const shortPrn = drug('ZOLPIDEM', 'N05CF02', { id: 'shortPrn', visitDate: '2025-05-12', frequency: 'HSPRN', daysSupply: 3, quantity: 3, institution: CLINIC_C });
  const alerts = find([a, b, shortPrn, short], '2025-05-13');
  t.is(alerts.length, 1);
  t.deepEqual(alerts[0]?.recordIds, ['a', 'b']);
  const prn = drug('ZOLPIDEM', 'N05CF02', { id: 'prn', visitDate: '2025-05-12', frequency: 'HSPRN', institution: CLINIC_C });
  t.deepEqual(find([a, b, prn, short], '2025-05-13')[0]?.recordIds, ['a', 'b', 'prn']);
});

test('one substance under two salt names, or under its product name, is one ingredient: a critical L2, not an L4', (t) => {
  const clathrate = drug('WARFARIN SODIUM CLATHRATE', 'B01AA03', { id: 'c', drugCode: 'COUMADIN01', visitDate: '2025-05-01', institution: CLINIC_A });
  const sodium = drug('WARFARIN SODIUM', 'B01AA03', { id: 's', drugCode: 'ORFARIN001', visitDate: '2025-05-09', institution: CLINIC_B });
  t.like(find([clathrate, sodium], '2025-05-10')[0], { level: 'L2', severity: 'critical', overlapDays: 20 });
  const unnamed = drug('ATORVA F C TABLETS 20MG', 'C10AA05', { id: 'u', drugCode: 'ATORVA0020', visitDate: '2025-05-01', institution: CLINIC_A });
  const lipitor = drug('ATORVASTATIN CALCIUM', 'C10AA05', { id: 'l', drugCode: 'LIPITOR020', visitDate: '2025-05-09', institution: CLINIC_B });
  t.like(find([unnamed, lipitor], '2025-05-10')[0], { level: 'L2', severity: 'warning', overlapDays: 20 });
});

// The docs checker's case: nifedipine dated 8 days after today beside amlodipine's 31 days
// left. They are taken together from the nifedipine's start, 23 days, not 28.
test('L3–L5 overlap counts from the later start when a supply starts after today', (t) => {
  const amlodipine = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-10-20', institution: CLINIC_A });
  const nifedipine = drug('NIFEDIPINE', 'C08CA05', { visitDate: '2025-10-28', institution: CLINIC_B });
  t.like(find([amlodipine, nifedipine], '2025-10-20')[0], { level: 'L4', overlapDays: 20 });
  // Both started: from today, the shorter of the two.
  t.like(find([amlodipine, nifedipine], '2025-10-30')[0], { level: 'L4', overlapDays: 18 });
  const tablets = drug('DICLOFENAC', 'M01AB05', { visitDate: '2025-10-20', institution: CLINIC_A });
  const gel = drug('DICLOFENAC', 'M02AA15', { visitDate: '2025-10-25', dosageForm: 'topical', drugCode: 'VOLTGEL001', institution: CLINIC_B });
  t.like(find([tablets, gel], '2025-10-20')[0], { level: 'L3', overlapDays: 23 });
});

/** Every order of a list (a handful of records). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** What an alert says, whatever order the records came in: the same records, days and level. */
function meaning(alerts: ReturnType<typeof find>): string[] {
  return alerts.map((a) => `${a.level} ${a.severity} ${a.overlapDays} ${[...a.recordIds].sort().join(',')}`).sort();
}

// The metamorphic tester's case: prescription A's fill 3 and prescription B's fill 2 picked up
// on one day. Which of the two came last in the cloud's list decided whether A's fill 2 counted.
test('two refill pickups of one ingredient on one day give the same alert in any input order', (t) => {
  const pickup = (id: string, origin: string, visitDate: string, refillDate: string, visitSeqNo: string) =>
    drug('AMLODIPINE', 'C08CA01', { id, visitDate, refillDate, visitSeqNo, daysSupply: 10, quantity: 10, institution: PHARMACY, chronicOriginInstitutionId: origin });
  const records = [
    pickup('a2', CLINIC_A.id, '2025-08-20', '2025-09-01', 'IC02'),
    pickup('a3', CLINIC_A.id, '2025-08-20', '2025-09-08', 'IC03'),
    pickup('b2', CLINIC_B.id, '2025-08-25', '2025-09-08', 'IC02'),
  ];
  const expected = ['L1 warning 13 a2,a3,b2'];
  for (const order of permutations(records)) t.deepEqual(meaning(find(order, '2025-09-15')), expected, order.map((r) => r.id).join(' '));
});

test('three same-day dispensings of one drug give one alert naming all three in any input order', (t) => {
  const day = (id: string, institution: typeof CLINIC_A, visitSeqNo: string) => drug('ZOLPIDEM', 'N05CF02', { id, visitDate: '2025-05-10', visitSeqNo, institution });
  const records = [day('x', CLINIC_A, '0001'), day('y', CLINIC_B, '0002'), day('z', CLINIC_C, '0003')];
  const seen = new Set(permutations(records).map((order) => meaning(find(order, '2025-05-11')).join(' | ')));
  t.deepEqual([...seen], ['L1 critical 56 x,y,z']);
});

// The second metamorphic run's cases: an R-code on one of the newest day's records, and a
// short PRN course on the newest day, changed the answer by the rows' order or by being there.
test('an exception code on any record of the newest day silences an L5 in every row order', (t) => {
  const lorazepam = drug('LORAZEPAM', 'N05BA06', { id: 'lz', visitDate: '2025-10-10', institution: CLINIC_B, exceptionCode: 'R003' });
  const clonazepam = drug('CLONAZEPAM', 'N03AE01', { id: 'cz', visitDate: '2025-10-10', institution: CLINIC_A });
  const older = drug('CLONAZEPAM', 'N03AE01', { id: 'old', visitDate: '2025-09-20', institution: CLINIC_A });
  const seen = new Set(permutations([lorazepam, clonazepam, older]).map((order) => meaning(find(order, '2025-10-19')).join(' | ')));
  t.deepEqual([...seen], ['']);
});

test('a short PRN course on the newest day neither joins the pair nor makes it 跨院所', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { id: 'a', visitDate: '2025-07-20', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { id: 'b', visitDate: '2025-07-28', institution: CLINIC_A });
  const before = find([a, b], '2025-08-08');
  t.like(before[0], { level: 'L1', severity: 'warning', crossInstitution: false, overlapDays: 20 });
  const shortPrn = drug('ZOLPIDEM', 'N05CF02', { id: 'prn', drugCode: 'AB47851100', visitDate: '2025-07-28', frequency: 'QIDPRN', daysSupply: 2, quantity: 8, institution: CLINIC_B });
  for (const order of permutations([a, b, shortPrn])) t.deepEqual(meaning(find(order, '2025-08-08')), meaning(before), order.map((r) => r.id).join(' '));
});

// The metamorphic re-run's case: NORVASC QD 30 days and an amlodipine PRN 14 days on one day
// from two clinics. When the PRN ran out, the alert's days on hand changed after the fact.
test('what one day\'s dispensing had on hand does not change as its shorter supply runs out', (t) => {
  const qd = drug('AMLODIPINE', 'C08CA01', { id: 'qd', drugCode: 'NORVASC005', visitDate: '2025-02-03', daysSupply: 30, quantity: 30, institution: CLINIC_A });
  const prn = drug('AMLODIPINE', 'C08CA01', { id: 'prn', drugCode: 'AMLO000500', visitDate: '2025-02-03', frequency: 'PRN', daysSupply: 14, quantity: 14, institution: CLINIC_B });
  const before = meaning(find([qd, prn], '2025-02-16'));
  t.is(before.length, 1);
  t.deepEqual(meaning(find([qd, prn], '2025-02-17')), before);
  t.deepEqual(meaning(find([qd, prn], '2025-03-04')), before);
  t.deepEqual(find([qd, prn], '2025-03-05'), [], 'both run out: history');
});

test('a duplicate whose supplies have all run out by today is history, not an alert', (t) => {
  const a = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-01-01', institution: CLINIC_A });
  const b = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-01-10', institution: CLINIC_B });
  t.deepEqual(find([a, b], '2025-03-01'), []);
});

test('nothing to compare → no alerts', (t) => {
  t.deepEqual(find([], '2025-05-01'), []);
  t.deepEqual(find([drug('ZOLPIDEM', 'N05CF02')], '2025-05-01'), []);
});

test('bad data never crashes the check: no days, NaN, negative, unreadable dates, no ingredients, no codes', (t) => {
  const good = drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-01', institution: CLINIC_A });
  const bad: MedicationRecord[] = [
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-02', daysSupply: Number.NaN }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-02', daysSupply: -5 }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-02', daysSupply: 0 }),
    drug('ZOLPIDEM', 'N05CF02', { visitDate: 'not a date' }),
    drug('ZOLPIDEM', null, { visitDate: '2025-05-02', atc5: null }),
    medication({ visitDate: '2025-05-02', ingredients: [] }),
    medication({ visitDate: '2025-05-02', ingredients: [{ name: '', atc7: null }], atc7: null, atc5: null }),
  ];
  let alerts: ReturnType<typeof find> = [];
  t.notThrows(() => {
    alerts = find([good, ...bad, drug('ZOLPIDEM', 'N05CF02', { visitDate: '2025-05-10', institution: CLINIC_B })], '2025-05-10');
  });
  t.true(alerts.some((a) => a.level === 'L1' || a.level === 'L2'), 'the real duplicate is still found');
  t.false(alerts.some((a) => a.dates.includes('not a date')), 'an unreadable date is left out, not guessed');
});

test('one prescriber raising the daily dose mid-supply: the L2 says the dose changed and that a dose adjustment is declared with R003', (t) => {
  const five = drug('AMLODIPINE', 'C08CA01', { drugCode: 'NORV000100', visitDate: '2025-10-01', institution: CLINIC_A, quantity: 28, unitStrengthMg: 5 });
  const ten = drug('AMLODIPINE', 'C08CA01', { drugCode: 'AMLO001000', visitDate: '2025-10-15', institution: CLINIC_A, quantity: 28, unitStrengthMg: 10 });
  const [alert] = find([five, ten], '2025-10-20');
  t.like(alert, { level: 'L2', crossInstitution: false, doseChanged: true });
  const [message] = duplicateAlerts([alert as NonNullable<typeof alert>]);
  t.is(message?.facts.doseHintZh, '；每日劑量已變更，若為醫師調整劑量應申報 R003');
  // The same dose again, or the new dose from another institution: no such hint.
  const sameDose = drug('AMLODIPINE', 'C08CA01', { drugCode: 'AMLO000500', visitDate: '2025-10-15', institution: CLINIC_A, quantity: 28, unitStrengthMg: 5 });
  t.like(find([five, sameDose], '2025-10-20')[0], { doseChanged: false });
  t.like(find([five, { ...ten, institution: CLINIC_B }], '2025-10-20')[0], { crossInstitution: true, doseChanged: false });
});

// The row-order fuzz's case: two supplies on one day, the prescriber's own and another
// clinic's; the hint compared the newer record with whichever of them sorted last.
test('the dose-change hint reads the prescriber\'s own last day, whichever of that day\'s rows the cloud lists first', (t) => {
  const own = drug('ATORVASTATIN', 'C10AA05', { id: 'own', drugCode: 'LIPI002000', visitDate: '2025-10-01', institution: CLINIC_A, quantity: 28, unitStrengthMg: 20 });
  const other = drug('ATORVASTATIN', 'C10AA05', { id: 'other', drugCode: 'LIPI002000', visitDate: '2025-10-01', institution: CLINIC_B, quantity: 28, unitStrengthMg: 20 });
  const raised = drug('ATORVASTATIN', 'C10AA05', { id: 'raised', drugCode: 'LIPI004000', visitDate: '2025-10-15', institution: CLINIC_A, quantity: 28, unitStrengthMg: 40 });
  for (const rows of [[own, other, raised], [other, own, raised], [raised, other, own]]) {
    t.like(find(rows, '2025-10-20')[0], { level: 'L2', doseChanged: true }, rows.map((r) => r.id).join());
  }
  // 20 mg + 10 mg from one prescriber on one day are taken together, 30 mg a day: 1½ tablets
  // of 20 mg later is the same dose, whichever row is listed first.
  const ten = { ...own, id: 'ten', drugCode: 'LIPI001000', unitStrengthMg: 10 };
  const same = { ...raised, id: 'same', drugCode: 'LIPI002000', quantity: 42, unitStrengthMg: 20 };
  for (const rows of [[own, ten, same], [ten, own, same]]) t.like(find(rows, '2025-10-20')[0], { doseChanged: false }, rows.map((r) => r.id).join());
});

// The review's cases: the duplicate walk read what to drop from the older prescriptions alone,
// so it could contradict the group's own walk.
test('the duplicate check drops what the group\'s walk drops: an R003 on the newer slip\'s first fill, a prescriber\'s day split in two visits', (t) => {
  const zolpidem = (id: string, mg: number, overrides: Partial<MedicationRecord>) =>
    drug('ZOLPIDEM', 'N05CF02', { id, drugCode: `Z${mg}`, unitStrengthMg: mg, frequency: 'HS', daysSupply: 28, quantity: 28, ...overrides });
  // B's 60 days, then A's slip with R003 on fill 1: its fill 2 is no duplicate of B's dropped supply.
  const fromB = zolpidem('b0', 10, { institution: CLINIC_B, visitDate: '2025-01-01', daysSupply: 60, quantity: 60, visitSeqNo: '0001' });
  const fill1 = zolpidem('a1', 10, { institution: CLINIC_A, visitDate: '2025-01-11', visitSeqNo: '0002', exceptionCode: 'R003' });
  const fill2 = zolpidem('a2', 10, { institution: PHARMACY, visitDate: '2025-01-11', refillDate: '2025-02-08', chronicOriginInstitutionId: CLINIC_A.id, visitSeqNo: 'IC02' });
  t.deepEqual(find([fromB, fill1, fill2], '2025-02-10').filter((a) => a.level === 'L1' || a.level === 'L2'), []);
  // A gives 10 mg + 5 mg in two visits of one day, twice: 15 mg a day both times, no dose change.
  const day1 = [zolpidem('c1', 10, { institution: CLINIC_A, visitDate: '2025-01-01', visitSeqNo: '0001' }), zolpidem('c2', 5, { institution: CLINIC_A, visitDate: '2025-01-01', visitSeqNo: '0002' })];
  const day2 = [zolpidem('c3', 10, { institution: CLINIC_A, visitDate: '2025-01-21', visitSeqNo: '0003' }), zolpidem('c4', 5, { institution: CLINIC_A, visitDate: '2025-01-21', daysSupply: 7, quantity: 7, visitSeqNo: '0004' })];
  t.like(find([...day1, ...day2], '2025-01-22')[0], { level: 'L2', overlapDays: 15, doseChanged: false });
});

// Reviewer's cases: two ICS/LABA inhalers from two clinics were silent, their parts unknown to the
// ingredient table; a rescue SABA beside a maintenance LABA on one slip was a false L4.
test('inhalers: SERETIDE + SYMBICORT from two clinics are two class duplicates; a PRN SABA beside a LABA is none; two LABAs are', (t) => {
  const inhaler = (drugName: string, atc7: string, text: string, overrides: Partial<MedicationRecord>): MedicationRecord => medication({
    drugName, drugCode: drugName.slice(0, 8).replace(/ /g, 'X'), atc7, atc5: atc7.slice(0, 5), isCombination: text.includes(';'),
    ingredients: splitIngredients(text, atc7), dosageForm: 'inhalation', frequency: 'BID', daysSupply: 30, quantity: 1, ...overrides,
  });
  const seretide = inhaler('SERETIDE ACCUHALER', 'R03AK06', 'SALMETEROL XINAFOATE;FLUTICASONE PROPIONATE', { visitDate: '2025-08-15', institution: CLINIC_A });
  const symbicort = inhaler('SYMBICORT TURBUHALER', 'R03AK07', 'BUDESONIDE;FORMOTEROL FUMARATE DIHYDRATE', { visitDate: '2025-08-25', institution: CLINIC_B });
  const alerts = find([seretide, symbicort], '2025-09-01');
  // One alert for the pair of inhalers, naming both classes they duplicate (two LABAs, two ICSs).
  t.deepEqual(alerts.map((d) => [d.level, d.group, d.crossInstitution]), [['L4', 'R03AC LABA+R03BA', true]]);
  t.deepEqual(alerts[0]?.ingredients.slice().sort(), ['BUDESONIDE', 'FLUTICASONE PROPIONATE', 'FORMOTEROL', 'SALMETEROL']);
  const onbrez = inhaler('ONBREZ BREEZHALER', 'R03AC18', 'INDACATEROL', { visitDate: '2025-08-20', institution: CLINIC_A, frequency: 'QD', visitSeqNo: '0201' });
  const ventolin = inhaler('VENTOLIN EVOHALER', 'R03AC02', 'SALBUTAMOL', { visitDate: '2025-08-20', institution: CLINIC_A, frequency: 'PRN', visitSeqNo: '0201' });
  t.deepEqual(find([onbrez, ventolin], '2025-09-01'), []);
  const striverdi = inhaler('STRIVERDI RESPIMAT', 'R03AC19', 'OLODATEROL', { visitDate: '2025-08-25', institution: CLINIC_B, frequency: 'QD' });
  t.like(find([onbrez, striverdi], '2025-09-01')[0], { level: 'L4', crossInstitution: true });
});

// Reviewer's case: 乙 zolpidem 8/1, the psychiatrist 甲 8/5 (a critical L2 then), 甲 again 8/30. The
// 27 days on hand at 8/30 are there because 乙's supply pushed 甲's back: 乙 stays named.
test('a second clinic whose supply piled the stock up stays named at the first clinic\'s next visit: still a critical 跨院所 L2', (t) => {
  const zol = (id: string, visitDate: string, institution: typeof CLINIC_A, drugCode: string) => drug('ZOLPIDEM', 'N05CF02', { id, visitDate, institution, drugCode });
  const b = zol('b', '2025-08-01', CLINIC_B, 'ZOLNOX0100');
  const a1 = zol('a1', '2025-08-05', CLINIC_A, 'STILNOX100');
  const a2 = zol('a2', '2025-08-30', CLINIC_A, 'STILNOX100');
  const [alert, ...rest] = find([b, a1, a2], '2025-09-01');
  t.deepEqual(rest, []);
  t.like(alert, { level: 'L2', severity: 'critical', crossInstitution: true, overlapDays: 27 });
  t.deepEqual(alert?.recordIds, ['b', 'a1', 'a2']);
  // A clinic switch with a day's overlap is no pile: the new clinic's own early refill is its own L1.
  const old = zol('old', '2025-07-09', CLINIC_B, 'ZOLNOX0100');
  const first = zol('first', '2025-08-05', CLINIC_A, 'STILNOX100');
  const early = zol('early', '2025-08-20', CLINIC_A, 'STILNOX100');
  t.like(find([old, first, early], '2025-09-01')[0], { level: 'L1', crossInstitution: false, recordIds: ['first', 'early'] });
});
