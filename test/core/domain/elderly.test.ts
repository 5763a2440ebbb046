// Checklist for 高齡者宜注意用藥: age on the query day, the Beers 2019 rows, combinations,
// dose and duration conditions, and the cloud's own drug_65_mark.
import test from 'ava';
import { elderlyCautions, patientAge } from '../../../src/core/domain/elderly.ts';
import { BEERS_2019_EXAMPLES } from '../../../src/core/domain/elderly-rules.ts';
import { INGREDIENT_ATC7 } from '../../../src/core/domain/ingredient-table.ts';
import type { MedicationRecord, Patient } from '../../../src/core/domain/types.ts';
import { HOSPITAL_B, record } from './record-builder.ts';

const patient = (birthDate: string): Patient => ({ nationalId: 'A100000001', name: '測試', birthDate, sex: 'F' });
const TODAY = '2025-10-28';
const zolpidem = record({ drugCode: 'ZOLPI', drugName: 'STILNOX 10MG', ingredients: [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }], atc7: 'N05CF02', visitDate: '2025-10-20' });

test('the rule table is versioned data with its source', (t) => {
  t.is(BEERS_2019_EXAMPLES.id, 'beers-2019-examples');
  t.truthy(BEERS_2019_EXAMPLES.version);
  t.regex(BEERS_2019_EXAMPLES.source, /Beers/);
  const ids = BEERS_2019_EXAMPLES.rules.map((r) => r.id);
  t.is(new Set(ids).size, ids.length);
  for (const rule of BEERS_2019_EXAMPLES.rules) for (const code of rule.atc7) t.regex(code, /^[A-Z]\d{2}[A-Z]{2}\d{2}$/, rule.id);
});

test('Beers names benzodiazepines and Z-drugs as classes: every one of the ingredient table is in its row (etizolam, zaleplon)', (t) => {
  const row = (id: string) => BEERS_2019_EXAMPLES.rules.find((r) => r.id === id)?.atc7 ?? [];
  for (const [name, atc7] of Object.entries(INGREDIENT_ATC7)) {
    if (atc7.startsWith('N05CF')) t.true(row('z-drug').includes(atc7), `${name} ${atc7}`);
    if (!/^(N05BA|N05CD)/.test(atc7) && atc7 !== 'N03AE01') continue;
    // The benzodiazepine row holds its classes whole: each one of the table is cautioned by name alone.
    const drug = record({ drugCode: `BZD-${name}`, drugName: `${name} TABLETS`, ingredients: [{ name, atc7: null }], atc7: null, visitDate: '2025-10-20' });
    t.like(elderlyCautions(patient('1945-01-01'), [drug], TODAY)[0], { ruleId: 'benzodiazepine', tier: 'avoid' }, `${name} ${atc7}`);
  }
  const etizolam = record({ drugCode: 'DEPAS', drugName: 'DEPAS 0.5MG', ingredients: [{ name: 'ETIZOLAM', atc7: 'N05BA19' }], atc7: 'N05BA19', visitDate: '2025-10-20' });
  t.like(elderlyCautions(patient('1945-01-01'), [etizolam], TODAY)[0], { ruleId: 'benzodiazepine', tier: 'avoid', active: true });
});

// Reviewer's case: RIZE (clotiazepam), VICTAN (ethyl loflazepate) and temazepam, a code the
// ingredient table does not list, had no caution; LIBRAX (clidinium + chlordiazepoxide) none either.
test('benzodiazepines outside the research\'s examples are cautioned: by their class code, and LIBRAX as a benzodiazepine and an antispasmodic', (t) => {
  const rize = record({ drugCode: 'RIZE', drugName: 'RIZE TABLETS 5MG', ingredients: [{ name: 'CLOTIAZEPAM', atc7: null }], atc7: 'N05BA21', visitDate: '2025-10-20' });
  const victan = record({ drugCode: 'VICTAN', drugName: 'VICTAN TABLETS 2MG', ingredients: [{ name: 'ETHYL LOFLAZEPATE', atc7: null }], atc7: null, visitDate: '2025-10-20' });
  const temazepam = record({ drugCode: 'TEMAZ', drugName: 'TEMAZEPAM CAPSULES 10MG', ingredients: [{ name: 'TEMAZEPAM', atc7: null }], atc7: 'N05CD07', visitDate: '2025-10-20' });
  for (const drug of [rize, victan, temazepam]) {
    t.like(elderlyCautions(patient('1945-01-01'), [drug], TODAY)[0], { ruleId: 'benzodiazepine', tier: 'avoid', active: true }, drug.drugName);
  }
  const librax = record({
    drugCode: 'LIBRAX', drugName: 'LIBRAX CAPSULES', isCombination: true, unitStrengthMg: null, atc7: 'A03CA02',
    ingredients: [{ name: 'CHLORDIAZEPOXIDE', atc7: null }, { name: 'CLIDINIUM BROMIDE', atc7: null }], visitDate: '2025-10-20',
  });
  const rules = elderlyCautions(patient('1945-01-01'), [librax], TODAY).map((c) => c.ruleId).sort();
  t.deepEqual(rules, ['anticholinergic-antiparkinson-antispasmodic', 'benzodiazepine']);
});

test('amiodarone and the central alpha agonists, both "avoid as first line" in Beers, are the same tier', (t) => {
  const tier = (id: string) => BEERS_2019_EXAMPLES.rules.find((r) => r.id === id)?.tier;
  t.is(tier('amiodarone-first-line'), 'avoid');
  t.is(tier('amiodarone-first-line'), tier('central-alpha-agonist'));
});

test('65 on the query day: zolpidem is a Z-drug to avoid; 64 the day before gets nothing', (t) => {
  const [caution] = elderlyCautions(patient('1960-10-28'), [zolpidem], TODAY);
  t.is(caution?.ruleId, 'z-drug');
  t.is(caution?.tier, 'avoid');
  t.true(caution?.active);
  t.deepEqual(caution?.recordIds, [zolpidem.id]);
  t.deepEqual(caution?.ruleSet?.id, 'beers-2019-examples');
  t.deepEqual(elderlyCautions(patient('1960-10-29'), [zolpidem], TODAY), []);
});

test('a birth date after today or 130+ years back is no age: no rule caution, as for an unknown age', (t) => {
  t.is(patientAge(patient('2099-01-01'), TODAY), null);
  t.is(patientAge(patient('0001-01-01'), TODAY), null);
  t.is(patientAge(patient('1895-10-28'), TODAY), 130);
  t.is(patientAge(patient('2025-10-28'), TODAY), 0);
  t.deepEqual(elderlyCautions(patient('0001-01-01'), [zolpidem], TODAY), []);
});

test('the elderly age comes from settings', (t) => {
  t.is(elderlyCautions(patient('1960-10-29'), [zolpidem], TODAY, { elderlyAge: 60 }).length, 1);
});

test('a combination matches through its ingredients (cold tablet with chlorphenamine)', (t) => {
  const cold = record({ drugCode: 'COLD1', drugName: 'COLD TABLET', isCombination: true, atc7: 'R05X', unitStrengthMg: null,
    ingredients: [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }, { name: 'CHLORPHENIRAMINE', atc7: 'R06AB04' }], visitDate: '2025-10-25', daysSupply: 3, quantity: 9, frequency: 'TID' });
  const [caution] = elderlyCautions(patient('1950-01-01'), [cold], TODAY);
  t.is(caution?.ruleId, 'antihistamine-first-gen');
  t.deepEqual(caution?.atc7, ['R06AB04']);
});

test('dose conditions: digoxin 0.125 mg/day passes, 0.25 mg/day is flagged, unknown strength is flagged', (t) => {
  const digoxin = (unitStrengthMg: number | null, quantity: number) => record({ drugCode: 'DIGO', drugName: 'DIGOXIN', ingredients: [{ name: 'DIGOXIN', atc7: 'C01AA05' }], atc7: 'C01AA05', unitStrengthMg, quantity });
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [digoxin(0.25, 14)], TODAY), []);
  t.is(elderlyCautions(patient('1950-01-01'), [digoxin(0.25, 28)], TODAY)[0]?.dailyMg, 0.25);
  t.is(elderlyCautions(patient('1950-01-01'), [digoxin(null, 28)], TODAY)[0]?.ruleId, 'digoxin-over-0.125mg');
});

test('a dose condition reads the prescriber\'s whole day: digoxin 0.125 mg + 0.0625 mg from one clinic is 0.1875 mg a day', (t) => {
  const digoxin = (unitStrengthMg: number, overrides: Partial<MedicationRecord> = {}) =>
    record({ drugCode: `DIGO${unitStrengthMg}`, drugName: `DIGOXIN ${unitStrengthMg}MG`, ingredients: [{ name: 'DIGOXIN', atc7: 'C01AA05' }], atc7: 'C01AA05', unitStrengthMg, quantity: 28, ...overrides });
  const together = [digoxin(0.125), digoxin(0.0625)];
  const [caution] = elderlyCautions(patient('1950-01-01'), together, TODAY);
  t.like(caution, { ruleId: 'digoxin-over-0.125mg', dailyMg: 0.1875 });
  t.is(caution?.recordIds.length, 2);
  // The same two strengths from two clinics, or on two days, are not one dose: each is 0.125 mg or less.
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [digoxin(0.125), digoxin(0.0625, { institution: HOSPITAL_B })], TODAY), []);
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [digoxin(0.125), digoxin(0.0625, { visitDate: '2025-10-10' })], TODAY), []);
  // Spare tablets are no higher dose: 30 of 0.125 mg for 28 days is 0.125 mg a day, as the leftover walk reads it.
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [digoxin(0.125, { quantity: 30 })], TODAY), []);
  // Whatever order the cloud lists them in.
  t.like(elderlyCautions(patient('1950-01-01'), [...together].reverse(), TODAY)[0], { ruleId: 'digoxin-over-0.125mg', dailyMg: 0.1875 });
});

test('extended-release nifedipine is not the immediate-release caution', (t) => {
  const nifedipine = (drugName: string) => record({ drugName, ingredients: [{ name: 'NIFEDIPINE', atc7: 'C08CA05' }], atc7: 'C08CA05' });
  for (const name of [
    'ADALAT OROS 30MG', 'Adalat Retard 20mg', 'NIFEDIPINE ER 30MG', 'CORACTEN SR', 'NIFEDIPINE XL30', 'ADALAT CC', '冠達悅歐樂 緩釋錠',
    // Dotted abbreviations and spelled-out words, as NHI names write them.
    'NIFELAT S.R. F.C. TABLETS 20MG', 'NIFEDIPINE EXTENDED-RELEASE TABLETS 30MG', 'NIFEDIPINE SUSTAINED-RELEASE TABLETS 20MG', 'NIFEDIPINE M.R. 30MG',
  ]) {
    t.deepEqual(elderlyCautions(patient('1950-01-01'), [nifedipine(name)], TODAY), [], name);
  }
  // Immediate-release capsules, whose names hold the letters of an abbreviation inside a word.
  for (const name of ['NIFEDIPINE 5MG CAP', 'ADALAT CAPSULES 5MG', 'NIFELAT 10MG', 'CORDIPIN 10MG', 'NIFEDIPINE F.C. TABLETS 10MG']) {
    t.is(elderlyCautions(patient('1950-01-01'), [nifedipine(name)], TODAY)[0]?.ruleId, 'nifedipine-immediate-release', name);
  }
});

test('short-acting dipyridamole is flagged; the extended-release combination with aspirin is not (Beers 2019)', (t) => {
  const ingredients = [{ name: 'DIPYRIDAMOLE', atc7: 'B01AC07' }, { name: 'ACETYLSALICYLIC ACID', atc7: 'B01AC06' }];
  const aggrenox = record({ drugName: 'AGGRENOX SUSTAINED RELEASE CAPSULES', ingredients, atc7: 'B01AC30' });
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [aggrenox], TODAY), []);
  const persantin = record({ drugName: 'PERSANTIN 25MG S.C. TABLETS', ingredients: [{ name: 'DIPYRIDAMOLE', atc7: 'B01AC07' }], atc7: 'B01AC07' });
  t.is(elderlyCautions(patient('1950-01-01'), [persantin], TODAY)[0]?.ruleId, 'dipyridamole-ticlopidine');
});

test('every benzodiazepine is the class Beers names, not only the research\'s examples: clonazepam, nitrazepam, oxazepam', (t) => {
  for (const [name, atc7] of [['CLONAZEPAM', 'N03AE01'], ['NITRAZEPAM', 'N05CD02'], ['OXAZEPAM', 'N05BA04'], ['NIMETAZEPAM', 'N05CD15']] as const) {
    const rivotril = record({ drugName: `${name} 0.5MG`, ingredients: [{ name, atc7 }], atc7 });
    t.is(elderlyCautions(patient('1950-01-01'), [rivotril], TODAY)[0]?.ruleId, 'benzodiazepine', name);
  }
});

test('PPI only beyond 8 weeks supplied', (t) => {
  const ppi = (visitDate: string) => record({ drugName: 'TAKEPRON OD 30MG', ingredients: [{ name: 'LANSOPRAZOLE', atc7: 'A02BC03' }], atc7: 'A02BC03', visitDate });
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [ppi('2025-10-01')], TODAY), []);
  const long = elderlyCautions(patient('1950-01-01'), [ppi('2025-08-01'), ppi('2025-08-29'), ppi('2025-09-26')], TODAY);
  t.is(long[0]?.ruleId, 'ppi-over-8-weeks');
  t.is(long[0]?.recordIds.length, 3);
  t.is(long[0]?.lastDate, '2025-09-26');
});

// The metamorphic tester's cases: a record from years ago changed what a current caution said.
test('PPI weeks are counted over the last 90 days (the cloud window): a fill three years ago adds none', (t) => {
  const ppi = (visitDate: string, daysSupply = 28) => record({ drugName: 'LOSEC 20MG', ingredients: [{ name: 'OMEPRAZOLE', atc7: 'A02BC01' }], atc7: 'A02BC01', visitDate, daysSupply });
  const current = [ppi('2025-09-26'), ppi('2025-10-24')];
  t.deepEqual(elderlyCautions(patient('1950-01-01'), current, TODAY), []);
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [ppi('2022-11-01', 7), ...current], TODAY), []);
  t.is(elderlyCautions(patient('1950-01-01'), [ppi('2025-08-29'), ...current], TODAY)[0]?.ruleId, 'ppi-over-8-weeks');
});

test('a caution in use names only the records in use: lorazepam three years ago is not listed beside today\'s alprazolam', (t) => {
  const xanax = record({ id: 'xanax', drugCode: 'XANAX', drugName: 'XANAX 0.5MG', ingredients: [{ name: 'ALPRAZOLAM', atc7: 'N05BA12' }], atc7: 'N05BA12', visitDate: '2025-10-20' });
  const ativan = record({ id: 'ativan', drugCode: 'ATIVAN', drugName: 'ATIVAN 0.5MG', ingredients: [{ name: 'LORAZEPAM', atc7: 'N05BA06' }], atc7: 'N05BA06', visitDate: '2022-11-01', daysSupply: 7 });
  const [caution] = elderlyCautions(patient('1950-01-01'), [ativan, xanax], TODAY);
  t.like(caution, { ruleId: 'benzodiazepine', active: true });
  t.deepEqual([caution?.drugNames, caution?.drugCodes, caution?.ingredients, caution?.recordIds], [['XANAX 0.5MG'], ['XANAX'], ['ALPRAZOLAM'], ['xanax']]);
  // With nothing in use the caution is history and names every record it matched.
  const [past] = elderlyCautions(patient('1950-01-01'), [ativan, { ...xanax, visitDate: '2025-01-02' }], TODAY);
  t.is(past?.active, false);
  t.deepEqual(past?.recordIds, ['xanax', 'ativan']);
});

test('another product of the same ingredient years ago is not named, though the ingredient is still carried today', (t) => {
  const zolnox = record({ id: 'now', drugCode: 'ZOLNOX', drugName: 'ZOLNOX 10MG', ingredients: [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }], atc7: 'N05CF02', visitDate: '2025-10-20' });
  const stilnox = record({ id: 'past', drugCode: 'STILNOX', drugName: 'STILNOX 10MG', ingredients: [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }], atc7: 'N05CF02', visitDate: '2022-10-28' });
  const [caution] = elderlyCautions(patient('1950-01-01'), [stilnox, zolnox], TODAY);
  t.true(caution?.active);
  t.deepEqual([caution?.drugNames, caution?.recordIds], [['ZOLNOX 10MG'], ['now']]);
});

test('the non-COX-selective NSAIDs Beers lists are covered: mefenamic acid (PONSTAN), naproxen, ketoprofen, piroxicam, etodolac', (t) => {
  const nsaid = (name: string, atc7: string) => record({ drugName: `${name} 250MG`, ingredients: [{ name, atc7 }], atc7, visitDate: '2025-10-24', daysSupply: 7 });
  for (const [name, atc7] of [['MEFENAMIC ACID', 'M01AG01'], ['NAPROXEN', 'M01AE02'], ['KETOPROFEN', 'M01AE03'], ['PIROXICAM', 'M01AC01'], ['ETODOLAC', 'M01AB08'], ['ACECLOFENAC', 'M01AB16']] as const) {
    t.is(elderlyCautions(patient('1950-01-01'), [nsaid(name, atc7)], TODAY)[0]?.ruleId, 'nsaid-chronic', name);
  }
  // Indomethacin (the cloud's spelling) is Beers' own 'avoid' row; celecoxib and topical diclofenac are not flagged.
  t.like(elderlyCautions(patient('1950-01-01'), [nsaid('INDOMETHACIN', 'M01AB01')], TODAY)[0], { ruleId: 'indometacin-ketorolac', tier: 'avoid' });
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [nsaid('CELECOXIB', 'M01AH01'), nsaid('DICLOFENAC', 'M02AA15')], TODAY), []);
});

test('7 days of ibuprofen: the caution says to avoid long-term use without calling this course long-term', (t) => {
  const ibuprofen = record({ drugName: 'IBUPROFEN TABLETS 400MG', ingredients: [{ name: 'IBUPROFEN', atc7: 'M01AE01' }], atc7: 'M01AE01', visitDate: '2025-10-24', daysSupply: 7, quantity: 21, frequency: 'TID' });
  const [caution] = elderlyCautions(patient('1950-01-01'), [ibuprofen], TODAY);
  t.is(caution?.ruleId, 'nsaid-chronic');
  t.notRegex(caution?.category?.['zh-TW'] ?? '', /長期/);
  t.notRegex(caution?.category?.en ?? '', /chronic|long/i);
  t.deepEqual(caution?.condition, { 'zh-TW': '避免長期使用', en: 'avoid chronic use' });
});

test('aspirin as an analgesic above 325 mg a day is flagged; 100 mg a day is not', (t) => {
  const aspirin = (unitStrengthMg: number, quantity: number) => record({ drugName: `ASPIRIN ${unitStrengthMg}MG`, ingredients: [{ name: 'ACETYLSALICYLIC ACID', atc7: 'N02BA01' }], atc7: 'N02BA01', unitStrengthMg, quantity, visitDate: '2025-10-24' });
  t.is(elderlyCautions(patient('1950-01-01'), [aspirin(500, 84)], TODAY)[0]?.ruleId, 'aspirin-over-325mg');
  t.deepEqual(elderlyCautions(patient('1950-01-01'), [aspirin(100, 28)], TODAY), []);
});

test("the cloud's drug_65_mark is honoured even without a matching rule, and when the age is unknown", (t) => {
  // Baclofen: no row of the rule table names it.
  const marked = record({ drugCode: 'BACL', drugName: 'BACLOFEN', ingredients: [{ name: 'BACLOFEN', atc7: 'M03BX01' }], atc7: 'M03BX01', cloudElderlyMark: true });
  const [caution] = elderlyCautions(patient('1950-01-01'), [marked], TODAY);
  t.is(caution?.ruleId, null);
  t.true(caution?.cloudMarked);
  t.is(elderlyCautions(null, [marked, zolpidem], TODAY).length, 1);
  t.deepEqual(elderlyCautions(patient('1990-01-01'), [marked], TODAY), []);
  const both = elderlyCautions(patient('1950-01-01'), [{ ...zolpidem, cloudElderlyMark: true }], TODAY);
  t.is(both.length, 1);
  t.true(both[0]?.cloudMarked);
});

test('finished supplies are listed as inactive after the active ones', (t) => {
  const old = record({ ...zolpidem, id: 'old', drugCode: 'ALPRA', drugName: 'XANAX', ingredients: [{ name: 'ALPRAZOLAM', atc7: 'N05BA12' }], atc7: 'N05BA12', visitDate: '2025-08-01' });
  const list = elderlyCautions(patient('1950-01-01'), [old, zolpidem], TODAY);
  t.deepEqual(list.map((c) => [c.ruleId, c.active]), [['z-drug', true], ['benzodiazepine', false]]);
});

test('a drug still carried from an early refill is active although its newest fill alone has run out', (t) => {
  const fill = (id: string, visitDate: string) => record({ ...zolpidem, id, visitDate, daysSupply: 14, quantity: 14 });
  // 10/01 and 10/05, 14 days each: carried to 10/28, the newest fill alone to 10/18.
  const [caution] = elderlyCautions(patient('1950-01-01'), [fill('a', '2025-10-01'), fill('b', '2025-10-05')], '2025-10-25');
  t.like(caution, { ruleId: 'z-drug', active: true });
  const [later] = elderlyCautions(patient('1950-01-01'), [fill('a', '2025-10-01'), fill('b', '2025-10-05')], '2025-10-29');
  t.like(later, { ruleId: 'z-drug', active: false });
});

test('one caution over several products: records latest first, names and codes in that order, a row listed twice once', (t) => {
  const benzo = (id: string, drugCode: string, drugName: string, name: string, atc7: string, visitDate: string, cloudElderlyMark = false) =>
    record({ id, drugCode, drugName, ingredients: [{ name, atc7 }], atc7, visitDate, cloudElderlyMark });
  // 9/10 for 28 days runs into the next fill: its supply is still carried today.
  const xanax = benzo('x1', 'ALPRA', 'XANAX 0.25MG', 'ALPRAZOLAM', 'N05BA12', '2025-09-10');
  const ativan = benzo('a1', 'LORA', 'ATIVAN 0.5MG', 'LORAZEPAM', 'N05BA06', '2025-10-01', true);
  const xanaxNew = benzo('x2', 'ALPRA', 'XANAX TABLETS 0.25MG', 'ALPRAZOLAM', 'N05BA12', '2025-10-20');
  const xanaxSameDay = benzo('x3', 'ALPRA', 'XANAX 0.25MG', 'ALPRAZOLAM', 'N05BA12', '2025-10-01');
  const [caution, ...rest] = elderlyCautions(patient('1950-01-01'), [xanax, ativan, xanaxNew, xanaxSameDay, ativan], TODAY);
  t.deepEqual(rest, []);
  t.is(caution?.ruleId, 'benzodiazepine');
  // Equal starts keep the given order; the repeated ATIVAN row counts once, at its last position.
  t.deepEqual(caution?.recordIds, ['x2', 'x3', 'a1', 'x1']);
  t.deepEqual(caution?.drugNames, ['XANAX TABLETS 0.25MG', 'XANAX 0.25MG', 'ATIVAN 0.5MG']);
  t.deepEqual(caution?.drugCodes, ['ALPRA', 'LORA']);
  t.deepEqual(caution?.ingredients, ['ALPRAZOLAM', 'LORAZEPAM']);
  t.deepEqual(caution?.atc7, ['N05BA12', 'N05BA06']);
  t.is(caution?.lastDate, '2025-10-20');
  t.true(caution?.cloudMarked);
});

// Reviewer's case: the clinic halves digoxin on 8/25 (0.25 mg → 0.125 mg); on 8/31 the old
// supply is no longer the patient's dose, though the digoxin group still carries the new one.
test('a dose the prescriber has since lowered is not the dose in use: digoxin 0.25 mg then 0.125 mg raises no dose caution', (t) => {
  const digoxin = (id: string, visitDate: string, mg: number) => record({
    id, drugCode: `LANOXIN${mg}`, drugName: `LANOXIN TABLETS ${mg}MG`, ingredients: [{ name: 'DIGOXIN', atc7: 'C01AA05' }], atc7: 'C01AA05', unitStrengthMg: mg, visitDate,
  });
  const lowered = [digoxin('old', '2025-08-01', 0.25), digoxin('new', '2025-08-25', 0.125)];
  t.deepEqual(elderlyCautions(patient('1945-01-01'), lowered, '2025-08-31').filter((c) => c.active), []);
  // Raised instead, the new dose is the one cited.
  const raised = [digoxin('old', '2025-08-01', 0.125), digoxin('new', '2025-08-25', 0.25)];
  t.like(elderlyCautions(patient('1945-01-01'), raised, '2025-08-31')[0], { ruleId: 'digoxin-over-0.125mg', active: true, dailyMg: 0.25, recordIds: ['new'] });
});

test('Beers\' own lists beyond the research\'s examples are flagged: paroxetine, clomipramine, dexchlorpheniramine, meclizine, orphenadrine, cyclobenzaprine, phenobarbital, prazosin', (t) => {
  const cases: [string, string, string][] = [
    ['PAROXETINE', 'N06AB05', 'paroxetine'], ['CLOMIPRAMINE', 'N06AA04', 'tca-tertiary'], ['DEXCHLORPHENIRAMINE', 'R06AB02', 'antihistamine-first-gen'],
    ['MECLIZINE', 'R06AE05', 'antihistamine-first-gen'], ['ORPHENADRINE', 'M03BC01', 'muscle-relaxant'], ['CYCLOBENZAPRINE', 'M03BX08', 'muscle-relaxant'],
    ['PHENOBARBITAL', 'N03AA02', 'barbiturate'], ['PRAZOSIN', 'C02CA01', 'alpha1-blocker'],
  ];
  for (const [name, atc7, ruleId] of cases) {
    const [caution] = elderlyCautions(patient('1947-01-01'), [record({ drugName: `${name} TABLETS`, ingredients: [{ name, atc7 }], atc7, visitDate: '2025-10-20' })], TODAY);
    t.like(caution, { ruleId, tier: 'avoid', active: true }, name);
  }
});

test('dexlansoprazole is a PPI: 84 days in the last 90 are over 8 weeks', (t) => {
  const dexilant = (visitDate: string) => record({ drugName: 'DEXILANT 60MG', ingredients: [{ name: 'DEXLANSOPRAZOLE', atc7: 'A02BC06' }], atc7: 'A02BC06', visitDate });
  t.is(elderlyCautions(patient('1947-01-01'), [dexilant('2025-08-01'), dexilant('2025-08-29'), dexilant('2025-09-26')], TODAY)[0]?.ruleId, 'ppi-over-8-weeks');
});

test('an alpha-1 blocker prescribed for BPH is not called an antihypertensive to avoid; for hypertension it is', (t) => {
  const hytrin = (code: string) => record({ drugName: 'HYTRIN 2MG', ingredients: [{ name: 'TERAZOSIN', atc7: 'G04CA03' }], atc7: 'G04CA03', visitDate: '2025-10-20', diagnosis: { code, name: '' } });
  t.deepEqual(elderlyCautions(patient('1947-01-01'), [hytrin('N400')], TODAY), []);
  t.deepEqual(elderlyCautions(patient('1947-01-01'), [hytrin('600')], TODAY), []);
  t.is(elderlyCautions(patient('1947-01-01'), [hytrin('I10')], TODAY)[0]?.ruleId, 'alpha1-blocker');
});

test('an old alpha-1 blocker fill for hypertension is not in use through the carried supply of today\'s fill for BPH', (t) => {
  const doxazosin = (visitDate: string, code: string) => record({ drugCode: 'DOXA', drugName: 'DOXABEN 2MG', ingredients: [{ name: 'DOXAZOSIN', atc7: 'C02CA04' }], atc7: 'C02CA04', visitDate, diagnosis: { code, name: '' } });
  const [caution] = elderlyCautions(patient('1947-01-01'), [doxazosin('2025-09-01', 'I10'), doxazosin('2025-10-25', 'N400')], TODAY);
  t.like(caution, { ruleId: 'alpha1-blocker', active: false });
  // Its own supply still running, it is in use.
  t.like(elderlyCautions(patient('1947-01-01'), [doxazosin('2025-10-10', 'I10'), doxazosin('2025-10-25', 'N400')], TODAY)[0], { active: true });
});

test('a combination naming one of the added Beers drugs is matched by the name alone (dexchlorpheniramine in a cold tablet)', (t) => {
  const cold = record({ drugCode: 'COLD2', drugName: 'COLD CAPSULE', isCombination: true, atc7: 'R05X', unitStrengthMg: null,
    ingredients: [{ name: 'ACETAMINOPHEN', atc7: null }, { name: 'DEXCHLORPHENIRAMINE MALEATE', atc7: null }], visitDate: '2025-10-25', daysSupply: 3, quantity: 9, frequency: 'TID' });
  t.is(elderlyCautions(patient('1950-01-01'), [cold], TODAY)[0]?.ruleId, 'antihistamine-first-gen');
});

// The review's case: two rows of one unreadable day never settled which is newer, so the dose
// the caution cited was the first row's.
test('the dose a caution cites does not depend on the rows\' order, on an unreadable day too', (t) => {
  for (const visitDate of ['2025-10-20', '2025-1x-01']) {
    const ten = { ...zolpidem, id: 'ten', visitDate, quantity: 28 };
    const five = { ...zolpidem, id: 'five', visitDate, quantity: 14 };
    const cited = [[ten, five], [five, ten]].map((rows) => elderlyCautions(patient('1945-01-01'), rows, TODAY)[0]?.dailyMg);
    t.deepEqual(cited, [cited[0], cited[0]], visitDate);
    t.not(cited[0], undefined);
  }
});
