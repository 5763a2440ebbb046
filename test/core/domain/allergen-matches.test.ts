// An allergen dispensed again after the allergy was recorded is named, by substance, by class
// or by a positive HLA-B gene test; a record before the allergy (maybe its cause) is not.
import test from 'ava';
import { allergenMatchAlerts } from '../../../src/core/domain/allergen-matches.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { translate } from '../../../src/i18n/index.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import type { AllergyRecord, AllergySeverity, MedicationRecord } from '../../../src/core/domain/types.ts';
import { CLINIC_A, CLINIC_B, drug } from './fixtures.ts';

const TODAY = '2025-10-20';

function allergy(drugNames: string[], severity: AllergySeverity = 'severe', date: string | null = '2021-06-01', geneticTest: string | null = null): AllergyRecord {
  return { date, drugNames, symptoms: ['皮疹'], severity, dataType: null, dataSource: null, institutionName: null, geneticTest };
}

function alertsOf(allergies: AllergyRecord[], records: MedicationRecord[]) {
  return allergenMatchAlerts(allergies, PreparedHistory.of(records, TODAY));
}

test('a severe ibuprofen allergy and ibuprofen dispensed after it: one critical alert naming the record', (t) => {
  const ibuprofen = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-20', institution: CLINIC_B });
  const [alert, ...rest] = alertsOf([allergy(['IBUPROFEN'])], [ibuprofen]);
  t.deepEqual(rest, []);
  t.like(alert, { severity: 'critical', key: 'allergy.prescribed', facts: { allergen: 'IBUPROFEN', allergyDate: '2021-06-01', count: 1 } });
  t.deepEqual(alert?.facts.drugs, [`IBUPROFEN TABLETS (${CLINIC_B.name} 2025-10-20)`]);
  t.is(
    translate(alertMessages, 'allergy.prescribed', 'zh-TW', alert?.facts),
    `過敏藥品再開立：病人對 IBUPROFEN 有過敏紀錄（110/06/01），其後仍領有 IBUPROFEN TABLETS (${CLINIC_B.name} 114/10/20)；請與病人及處方醫師確認`,
  );
});

test('a record dispensed before the allergy was recorded is not named (it may be what caused it); a mild allergy is a warning', (t) => {
  const before = drug('IBUPROFEN', 'M01AE01', { visitDate: '2021-05-28' });
  t.deepEqual(alertsOf([allergy(['IBUPROFEN'])], [before]), []);
  const after = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-01' });
  t.like(alertsOf([allergy(['IBUPROFEN'], 'mild')], [before, after])[0], { severity: 'warning', facts: { count: 1 } });
});

test('a class in the allergy text matches by ATC: PENICILLIN takes amoxicillin, not cefalexin; 磺胺 takes co-trimoxazole', (t) => {
  const amoxicillin = drug('AMOXICILLIN', 'J01CA04', { visitDate: '2025-10-10' });
  const cefalexin = drug('CEFALEXIN', 'J01DB01', { visitDate: '2025-10-10' });
  const penicillin = alertsOf([allergy(['PENICILLIN'])], [amoxicillin, cefalexin]);
  t.is(penicillin.length, 1);
  t.deepEqual(penicillin[0]?.facts.drugs, [`AMOXICILLIN TABLETS (${CLINIC_A.name} 2025-10-10)`]);
  const cotrimoxazole = drug('SULFAMETHOXAZOLE', 'J01EE01', { visitDate: '2025-10-10' });
  t.like(alertsOf([allergy(['磺胺類抗生素(Sulfonamides)'])], [cotrimoxazole])[0], { key: 'allergy.prescribed', facts: { allergen: '磺胺類抗生素(Sulfonamides)' } });
});

test('an alias names the same substance (ACETAMINOPHEN is PARACETAMOL); a combination allergy names each substance', (t) => {
  const paracetamol = drug('PARACETAMOL', 'N02BE01', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['ACETAMINOPHEN'])], [paracetamol]).length, 1);
  const amoxicillin = drug('AMOXICILLIN', 'J01CA04', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['AMOXICILLIN/CLAVULANATE'])], [amoxicillin]).length, 1);
  // ASPIRIN by its alias, 阿斯匹靈 by its codes.
  const aspirin = drug('ACETYLSALICYLIC ACID', 'B01AC06', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['ASPIRIN'])], [aspirin]).length, 1);
  t.is(alertsOf([allergy(['阿斯匹靈'])], [aspirin]).length, 1);
});

test('a positive HLA-B 1502 test and carbamazepine: critical; a negative test or no carbamazepine: nothing', (t) => {
  const carbamazepine = drug('CARBAMAZEPINE', 'N03AF01', { visitDate: '2025-10-10' });
  const gene = (result: string) => allergy(['HLA-B 1502 基因檢測'], 'other', '2019-01-01', result);
  t.like(alertsOf([gene('1-Positive')], [carbamazepine])[0], { severity: 'critical', key: 'allergy.gene-prescribed' });
  t.deepEqual(alertsOf([gene('0-Negative')], [carbamazepine]), []);
  t.deepEqual(alertsOf([gene('1-Positive')], [drug('VALPROIC ACID', 'N03AG01', { visitDate: '2025-10-10' })]), []);
});

test('undated allergy: every record counts; more than three records: the newest three named and the count', (t) => {
  const records = ['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01'].map((visitDate) => drug('IBUPROFEN', 'M01AE01', { visitDate }));
  const [alert] = alertsOf([allergy(['IBUPROFEN'], 'moderate', null)], records);
  t.like(alert, { severity: 'critical', key: 'allergy.prescribed.undated', facts: { count: 5, moreEn: ' and 2 more' } });
  t.deepEqual((alert?.facts.drugs as string[]).map((text) => text.slice(-11, -1)), ['2025-10-01', '2025-09-01', '2025-08-01']);
});

test('no allergy, or an allergy to something not in the history: nothing', (t) => {
  const amlodipine = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-10-10' });
  t.deepEqual(alertsOf([], [amlodipine]), []);
  t.deepEqual(alertsOf([allergy(['PENICILLIN']), allergy(['IBUPROFEN'])], [amlodipine]), []);
});

// From a review of allergy matching (session 18): each case read no match, or a false one, before.
test('an allergy written 中文(English) or Brand (INGREDIENT), with a strength or in full-width letters, names its substance', (t) => {
  const ibuprofen = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-10' });
  for (const name of ['布洛芬(IBUPROFEN)', 'BRUFEN (IBUPROFEN)', 'IBUPROFEN 400MG', 'ＩＢＵＰＲＯＦＥＮ']) {
    t.like(alertsOf([allergy([name])], [ibuprofen])[0], { severity: 'critical', key: 'allergy.prescribed', facts: { allergen: name } }, name);
  }
  const panadol = drug('ACETAMINOPHEN', 'N02BE01', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['乙醯胺酚(Acetaminophen)'])], [panadol]).length, 1);
  const amoxicillin = drug('AMOXICILLIN', 'J01CA04', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['AUGMENTIN (AMOXICILLIN/CLAVULANATE)'])], [amoxicillin]).length, 1);
  t.is(alertsOf([allergy(['AMOXICILLIN／CLAVULANATE'])], [amoxicillin]).length, 1);
});

test('one penicillin stands for all: an ampicillin allergy takes amoxicillin, an amoxycillin allergy takes ampicillin/sulbactam', (t) => {
  const amoxicillin = drug('AMOXICILLIN', 'J01CA04', { visitDate: '2025-10-10' });
  const unasyn = drug('AMPICILLIN', 'J01CR01', { visitDate: '2025-10-10', ingredients: [{ name: 'AMPICILLIN', atc7: 'J01CA01' }, { name: 'SULBACTAM', atc7: 'J01CG01' }] });
  t.is(alertsOf([allergy(['AMPICILLIN'])], [amoxicillin]).length, 1);
  t.is(alertsOf([allergy(['AMOXYCILLIN'])], [unasyn]).length, 1);
  // Not a cephalosporin.
  t.deepEqual(alertsOf([allergy(['AMPICILLIN'])], [drug('CEFALEXIN', 'J01DB01', { visitDate: '2025-10-10' })]), []);
});

test('a sulphate salt is no sulfa allergy; trimethoprim alone is no sulfonamide; sulfasalazine is', (t) => {
  const baktar = drug('SULFAMETHOXAZOLE', 'J01EE01', { visitDate: '2025-10-10' });
  t.deepEqual(alertsOf([allergy(['MORPHINE SULPHATE']), allergy(['NEOMYCIN SULPHATE'], 'moderate')], [baktar]), []);
  t.is(alertsOf([allergy(['SULPHA DRUGS'])], [baktar]).length, 1);
  t.deepEqual(alertsOf([allergy(['Sulfa'])], [drug('TRIMETHOPRIM', 'J01EA01', { visitDate: '2025-10-10' })]), []);
  t.is(alertsOf([allergy(['Sulfa'])], [drug('SULFASALAZINE', 'A07EC01', { visitDate: '2025-10-10' })]).length, 1);
});

test('aspirin is an NSAID: an NSAID allergy takes low-dose aspirin and a topical NSAID; ASPIRIN in Latin letters takes N02BA01', (t) => {
  const cardio = drug('ASPIRIN', 'B01AC06', { visitDate: '2025-10-10' });
  const gel = drug('DICLOFENAC', 'M02AA15', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['NSAID'])], [cardio]).length, 1);
  t.is(alertsOf([allergy(['NSAIDs'])], [gel]).length, 1);
  // A product the cloud sends without ingredient text: matched by its ATC code alone.
  const effervescent = drug('ASPIRIN EFFERVESCENT', 'N02BA01', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['ASPIRIN'])], [effervescent]).length, 1);
});

test('HLA-B 15:02 written with a full-width colon, fosphenytoin, and carbamazepine the cloud sends without an ATC code', (t) => {
  const positive = (name: string) => allergy([name], 'other', '2021-06-01', '1-Positive');
  t.is(alertsOf([positive('HLA-B 15：02')], [drug('CARBAMAZEPINE', 'N03AF01', { visitDate: '2025-10-10' })]).length, 1);
  t.is(alertsOf([positive('HLA-B 1502 基因檢測')], [drug('FOSPHENYTOIN', 'N03AB05', { visitDate: '2025-10-10' })]).length, 1);
  t.like(alertsOf([positive('HLA-B 1502 基因檢測')], [drug('CARBAMAZEPINE', null, { visitDate: '2025-10-10' })])[0], { key: 'allergy.gene-prescribed', severity: 'critical' });
});

test('a drug allergy row with a stray negative genetic_test is still an allergy', (t) => {
  const amoxicillin = drug('AMOXICILLIN', 'J01CA04', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['PENICILLIN'], 'severe', '2021-06-01', '0-Negative')], [amoxicillin]).length, 1);
});

test('one allergen written in ASCII and in full-width letters on two rows is one alert', (t) => {
  const ibuprofen = drug('IBUPROFEN', 'M01AE01', { visitDate: '2025-10-10' });
  t.is(alertsOf([allergy(['IBUPROFEN']), allergy(['ＩＢＵＰＲＯＦＥＮ'], 'mild')], [ibuprofen]).length, 1);
});
