// The data set's realism, by construction: what each story must show, checked through the
// same schemas + mappers and domain rules the kiosk uses.
import test from 'ava';
import { ageOn, isIsoDate } from '../../src/core/domain/dates.ts';
import { findDuplicates } from '../../src/core/domain/duplicates.ts';
import { refillStatus } from '../../src/core/domain/refill.ts';
import { judged } from '../core/domain/record-builder.ts';
import { DEFAULT_SETTINGS } from '../../src/core/domain/settings.ts';
import { parseEndpoint } from '../../src/core/medicloud/index.ts';
import { findPatient } from '../../src/demo/deck.ts';
import { CATALOGUE } from '../../src/sim/data/catalogue.ts';
import { createDataset } from '../../src/sim/data/dataset.ts';
import type { DataEndpointId } from '../../src/sim/endpoints.ts';

const TODAY = '2026-11-23';
const ds = createDataset({ seed: 20261123, today: TODAY });
const patient = (id: string) => findPatient(ds.deck, id)!;
const envelope = (endpoint: DataEndpointId, id: string): unknown => {
  const payload = ds.payload(endpoint, patient(id), TODAY);
  return endpoint === 'imue0008s05' || endpoint === 'imue0009s03' ? payload : { log2time: `${TODAY}T10:00:00`, robject: payload };
};
const medications = (id: string) => parseEndpoint('imue0008s02', envelope('imue0008s02', id));

test('at least 200 patients, a no-data patient, a PIN patient and a blocked card', (t) => {
  t.true(ds.deck.patients.length >= 200);
  t.is(patient('P008').story, 'no-data');
  for (const endpoint of ['imue0008s02', 'imue0120s01', 'imue0009s02', 'imue0040s02', 'imue2000s01'] as const) {
    t.deepEqual(ds.payload(endpoint, patient('P008'), TODAY), [], endpoint);
  }
  t.deepEqual(ds.payload('imue0008s05', patient('P008'), TODAY), { chrDataN: [], chrDataY: [] });
  t.truthy(patient('P002').pin);
  t.true(patient('P009').pinBlocked);
});

test('the catalogue has at least 60 drugs with ATC7 codes, 10-character NHI codes and unique codes', (t) => {
  t.true(CATALOGUE.length >= 60);
  for (const drug of CATALOGUE) {
    t.regex(drug.atc7, /^[A-Z]\d{2}[A-Z]{2}\d{2}$/, drug.name);
    t.regex(drug.code, /^[A-Z0-9]{10}$/, drug.name);
    for (const ingredient of drug.ingredients) t.regex(ingredient.name, /^[A-Z0-9 ().,-]+$/, drug.name);
  }
  t.is(new Set(CATALOGUE.map((d) => d.code)).size, CATALOGUE.length);
});

test('patients over 65 and over 75 exist, and elderly Beers drugs carry drug_65_mark', (t) => {
  const ages = ds.deck.patients.map((p) => ageOn(p.birthDate, TODAY));
  t.true(ages.some((age) => age > 65 && age <= 75));
  t.true(ages.some((age) => age > 75));
  const p001 = medications('P001');
  t.true(ageOn(patient('P001').birthDate, TODAY) >= 65);
  t.true(p001.some((r) => r.cloudElderlyMark && r.drugName.startsWith('AMARYL')));
  t.true(p001.some((r) => r.cloudElderlyMark && r.drugName.startsWith('CHLORPHENIRAMINE')));
  // A young patient on a Beers drug is not marked.
  const young = ds.deck.patients.filter((p) => ageOn(p.birthDate, TODAY) < 65 && p.story !== 'no-data');
  const marked = young.flatMap((p) => medications(p.deckId)).filter((r) => r.cloudElderlyMark);
  t.deepEqual(marked, []);
});

test('P003 has L1, L2, L3, L4 and L5 duplicates by construction', (t) => {
  const alerts = findDuplicates(medications('P003'), TODAY, DEFAULT_SETTINGS);
  const levels = new Set(alerts.map((a) => a.level));
  for (const level of ['L1', 'L2', 'L3', 'L4', 'L5'] as const) t.true(levels.has(level), `${level} in ${[...levels].join(',')}`);
  t.true(alerts.some((a) => a.level === 'L4' && a.ingredients.some((i) => i.includes('NIFEDIPINE'))));
  t.true(alerts.some((a) => a.level === 'L3' && a.ingredients.some((i) => i.includes('LEVOFLOXACIN'))));
});

test('P004 combination products split into ingredients that duplicate single products', (t) => {
  const records = medications('P004');
  const exforge = records.find((r) => r.atc7 === 'C09DB01');
  t.truthy(exforge);
  t.true(exforge!.isCombination);
  t.true(records.some((r) => r.atc7 === 'N02AJ13') && records.some((r) => r.atc7 === 'A10BD07'));
  const alerts = findDuplicates(records, TODAY, DEFAULT_SETTINGS);
  t.true(alerts.some((a) => a.ingredients.some((i) => i.includes('VALSARTAN'))));
  t.true(alerts.some((a) => a.ingredients.some((i) => i.includes('METFORMIN'))));
});

test('P002 is on the care list: zolpidem 420 mg = 42 DDD rows from two clinics, overlapping', (t) => {
  const rows = parseEndpoint('imue0009s02', envelope('imue0009s02', 'P002'));
  const zolpidem = rows.filter((r) => r.ingredientCode === '2824801820+2824801810');
  t.true(zolpidem.length >= 4);
  t.true(zolpidem.every((r) => r.totalMg === 420 && r.cloudTotalDdd === 42));
  t.true(rows.some((r) => r.ingredientCode === '2824202400'));
  t.true(new Set(rows.map((r) => r.institution.id)).size >= 2);
  t.true(ds.careList(patient('P002'), TODAY).isCareList);
  t.false(ds.careList(patient('P001'), TODAY).isCareList);
  const summary = parseEndpoint('imue0009s03', envelope('imue0009s03', 'P002'));
  t.true(summary.some((r) => r.ingredient.startsWith('ZOLPIDEM') && /^\d{4}-\d{2}$/.test(r.month)));
  const alerts = findDuplicates(medications('P002'), TODAY, DEFAULT_SETTINGS);
  t.true(alerts.some((a) => a.level === 'L5'), 'benzodiazepine + Z-drug');
});

test('P005 is too early for the next fill; P006 has an expired prescription in chrDataY', (t) => {
  const early = parseEndpoint('imue0008s05', envelope('imue0008s05', 'P005'));
  const current = early.filter((p) => p.prescriptionDate === '2026-11-11');
  t.true(current.length > 0);
  for (const p of current) t.is(refillStatus(judged(p), TODAY).status, 'too-early');
  const raw = ds.payload('imue0008s05', patient('P006'), TODAY) as { chrDataN: Record<string, unknown>[]; chrDataY: Record<string, unknown>[] };
  t.true(raw.chrDataY.length > 0);
  t.true(raw.chrDataY.every((row) => row.overdue === 'Y'));
  t.deepEqual(new Set(raw.chrDataY.map((row) => row.sort_code)), new Set(['1', '2', '3']));
  const expired = parseEndpoint('imue0008s05', envelope('imue0008s05', 'P006')).filter((p) => p.cloudExpired);
  t.true(expired.length > 0);
  for (const p of expired) t.is(refillStatus(judged(p), TODAY).status, 'expired');
  t.true(raw.chrDataN.length > 0, 'and a valid chain too');
});

test('refill pickups carry the pickup day in cure_e_date and the prescriber in chr_hosp_id', (t) => {
  const refills = medications('P001').filter((r) => r.visitSeqNo === 'IC02' || r.visitSeqNo === 'IC03');
  t.true(refills.length > 0);
  for (const r of refills) {
    t.truthy(r.refillDate);
    t.true(r.refillDate! > r.visitDate);
    t.truthy(r.chronicOriginInstitutionId);
    t.is(r.institution.visitKind, 'pharmacy');
  }
});

test('emergency and inpatient rows exist; inpatient rows carry the discharge day, not a refill day', (t) => {
  const all = ds.deck.patients.filter((p) => p.story === 'chronic-elderly' || p.story === 'general').flatMap((p) => medications(p.deckId));
  t.true(all.some((r) => r.institution.visitKind === 'emergency'));
  const inpatient = all.filter((r) => r.institution.visitKind === 'inpatient');
  t.true(inpatient.length > 0);
  t.true(inpatient.every((r) => r.refillDate === null && r.inpatientEndDate !== null && r.inpatientEndDate > r.visitDate));
  const raw = ds.deck.patients.flatMap((p) => ds.payload('imue0008s02', p, TODAY) as { hosp: string; cure_e_date: string | null }[]);
  t.true(raw.filter((r) => r.hosp.includes(';住診;')).every((r) => r.cure_e_date !== null));
});

test('P007 has PRN, eye drops, creams and rows with no 用法 (drug_fre null)', (t) => {
  const records = medications('P007');
  t.true(records.some((r) => r.frequency === 'PRN'));
  t.true(records.some((r) => r.dosageForm === 'eye'));
  t.true(records.some((r) => r.dosageForm === 'topical'));
  t.true(records.some((r) => r.frequency === null));
});

test('allergies mix real entries with NP / 未過敏 noise that the mapper drops', (t) => {
  const raw = ds.payload('imue0040s02', patient('P001'), TODAY) as { drug_name: string; occur_date: string | null; upload_d: string }[];
  t.true(raw.some((row) => row.drug_name.includes('PENICILLIN')));
  t.true(raw.some((row) => row.drug_name === 'NP'));
  const mapped = parseEndpoint('imue0040s02', envelope('imue0040s02', 'P001'));
  t.deepEqual(mapped.map((a) => a.drugNames.join(',')), ['PENICILLIN']);
  const p003 = ds.payload('imue0040s02', patient('P003'), TODAY) as { drug_name: string }[];
  t.true(p003.some((row) => row.drug_name.includes('磺胺類')) && p003.some((row) => row.drug_name.includes('未過敏')));
});

test('every story appears and every patient with a story has 3–6 months of history', (t) => {
  const stories = new Set(ds.deck.patients.map((p) => p.story));
  t.is(stories.size, 9);
  for (const p of ds.deck.patients) {
    const visits = ds.history(p).visits;
    if (p.story === 'no-data') {
      t.is(visits.length, 0);
      continue;
    }
    t.true(visits.length > 0, p.deckId);
    for (const v of visits) t.true(isIsoDate(v.date) && v.date <= TODAY && v.date >= '2026-05-20', `${p.deckId} ${v.date}`);
  }
});

test('the login Permission nodes are exactly the pages that have rows', (t) => {
  const pages: [string, DataEndpointId][] = [['2.1', 'imue0008s02'], ['2.2', 'imue0009s02'], ['2.4', 'imue0120s01'], ['5.1', 'imue0040s02']];
  for (const p of ds.deck.patients) {
    const nodes = ds.permissionOf(p, TODAY);
    t.true(nodes.includes('1.1'));
    for (const [node, endpoint] of pages) {
      t.is(nodes.includes(node), (ds.payload(endpoint, p, TODAY) as unknown[]).length > 0, `${p.deckId} ${node}`);
    }
    const chronic = ds.payload('imue0008s05', p, TODAY) as { chrDataN: unknown[]; chrDataY: unknown[] };
    t.is(nodes.includes('2.3'), chronic.chrDataN.length + chronic.chrDataY.length > 0, `${p.deckId} 2.3`);
  }
});
