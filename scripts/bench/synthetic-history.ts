// Seeded synthetic medication histories for benchmarks: a realistic mix of ~60 NHI-style
// products (real ATC codes and ingredient names, fabricated drug codes), several
// institutions, chronic-refill chains (visit + IC02 + IC03 pickups), PRN and eye drops,
// combinations, and controlled hypnotics with care-list dispensings. Same seed → same history.
import type { CareListDispensing, ChronicPrescription, DosageForm, Institution, IsoDate, MedicationRecord, PatientHistory } from '../../src/core/domain/types.ts';
import { addDays } from '../../src/core/domain/dates.ts';

/** The synthetic patient's national ID: its check digit fails, so it can be no one's. */
export const SYNTHETIC_NATIONAL_ID = 'A100000000';

/** mulberry32: small, fast and good enough to pick synthetic drugs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Product {
  name: string;
  ingredients: [string, string][];
  atc7: string;
  form: DosageForm;
  mg: number | null;
  frequency: string;
  chronic: boolean;
}

const p = (name: string, ingredients: [string, string][], atc7: string, mg: number | null, frequency = 'QD', chronic = true, form: DosageForm = 'oral'): Product => ({
  name, ingredients, atc7, form, mg, frequency, chronic,
});
const one = (ingredient: string, atc7: string): [string, string][] => [[ingredient, atc7]];

export const PRODUCTS: Product[] = [
  p('NORVASC TABLETS 5MG', one('AMLODIPINE', 'C08CA01'), 'C08CA01', 5),
  p('ADALAT OROS TABLETS 30MG', one('NIFEDIPINE', 'C08CA05'), 'C08CA05', 30),
  p('DIOVAN F.C. TABLETS 80MG', one('VALSARTAN', 'C09CA03'), 'C09CA03', 80),
  p('COZAAR F.C. TABLETS 50MG', one('LOSARTAN', 'C09CA01'), 'C09CA01', 50),
  p('MICARDIS TABLETS 40MG', one('TELMISARTAN', 'C09CA07'), 'C09CA07', 40),
  p('EXFORGE F.C. TABLETS 5/80MG', [['AMLODIPINE', 'C08CA01'], ['VALSARTAN', 'C09CA03']], 'C09DB01', null),
  p('CO-DIOVAN F.C. TABLETS 80/12.5MG', [['VALSARTAN', 'C09CA03'], ['HYDROCHLOROTHIAZIDE', 'C03AA03']], 'C09DA03', null),
  p('TRITACE TABLETS 5MG', one('RAMIPRIL', 'C09AA05'), 'C09AA05', 5),
  p('CONCOR TABLETS 5MG', one('BISOPROLOL', 'C07AB07'), 'C07AB07', 5),
  p('TENORMIN TABLETS 50MG', one('ATENOLOL', 'C07AB03'), 'C07AB03', 50),
  p('FURIDE TABLETS 40MG', one('FUROSEMIDE', 'C03CA01'), 'C03CA01', 40),
  p('ALDACTONE TABLETS 25MG', one('SPIRONOLACTONE', 'C03DA01'), 'C03DA01', 25),
  p('LIPITOR F.C. TABLETS 20MG', one('ATORVASTATIN', 'C10AA05'), 'C10AA05', 20),
  p('CRESTOR F.C. TABLETS 10MG', one('ROSUVASTATIN', 'C10AA07'), 'C10AA07', 10),
  p('ZOCOR TABLETS 20MG', one('SIMVASTATIN', 'C10AA01'), 'C10AA01', 20),
  p('VYTORIN TABLETS 10/20MG', [['EZETIMIBE', 'C10AX09'], ['SIMVASTATIN', 'C10AA01']], 'C10BA02', null),
  p('GLUCOPHAGE TABLETS 500MG', one('METFORMIN', 'A10BA02'), 'A10BA02', 500, 'BID'),
  p('AMARYL TABLETS 2MG', one('GLIMEPIRIDE', 'A10BB12'), 'A10BB12', 2),
  p('DIAMICRON MR TABLETS 30MG', one('GLICLAZIDE', 'A10BB09'), 'A10BB09', 30),
  p('JANUVIA F.C. TABLETS 100MG', one('SITAGLIPTIN', 'A10BH01'), 'A10BH01', 100),
  p('JANUMET F.C. TABLETS 50/500MG', [['SITAGLIPTIN', 'A10BH01'], ['METFORMIN', 'A10BA02']], 'A10BD07', null, 'BID'),
  p('FORXIGA F.C. TABLETS 10MG', one('DAPAGLIFLOZIN', 'A10BK01'), 'A10BK01', 10),
  p('LANTUS SOLOSTAR INJECTION 100U/ML', one('INSULIN GLARGINE', 'A10AE04'), 'A10AE04', null, 'QD', true, 'injection'),
  p('PLAVIX F.C. TABLETS 75MG', one('CLOPIDOGREL', 'B01AC04'), 'B01AC04', 75),
  p('ASPIRIN PROTECT TABLETS 100MG', one('ACETYLSALICYLIC ACID', 'B01AC06'), 'B01AC06', 100),
  p('XARELTO F.C. TABLETS 15MG', one('RIVAROXABAN', 'B01AF01'), 'B01AF01', 15),
  p('COUMADIN TABLETS 5MG', one('WARFARIN', 'B01AA03'), 'B01AA03', 5),
  p('ELIQUIS F.C. TABLETS 5MG', one('APIXABAN', 'B01AF02'), 'B01AF02', 5, 'BID'),
  p('NEXIUM TABLETS 40MG', one('ESOMEPRAZOLE', 'A02BC05'), 'A02BC05', 40),
  p('TAKEPRON OD TABLETS 30MG', one('LANSOPRAZOLE', 'A02BC03'), 'A02BC03', 30, 'QDAC'),
  p('PARIET TABLETS 20MG', one('RABEPRAZOLE', 'A02BC04'), 'A02BC04', 20),
  p('MOSAPRIDE TABLETS 5MG', one('MOSAPRIDE', 'A03FA09'), 'A03FA09', 5, 'TID', false),
  p('PRIMPERAN TABLETS 5MG', one('METOCLOPRAMIDE', 'A03FA01'), 'A03FA01', 5, 'TID', false),
  p('STILNOX F.C. TABLETS 10MG', one('ZOLPIDEM', 'N05CF02'), 'N05CF02', 10, 'HS'),
  p('IMOVANE TABLETS 7.5MG', one('ZOPICLONE', 'N05CF01'), 'N05CF01', 7.5, 'HS'),
  p('XANAX TABLETS 0.25MG', one('ALPRAZOLAM', 'N05BA12'), 'N05BA12', 0.25, 'BID'),
  p('ATIVAN TABLETS 0.5MG', one('LORAZEPAM', 'N05BA06'), 'N05BA06', 0.5, 'BID'),
  p('LENDORMIN TABLETS 0.25MG', one('BROTIZOLAM', 'N05CD09'), 'N05CD09', 0.25, 'HS'),
  p('EUROD TABLETS 2MG', one('ESTAZOLAM', 'N05CD04'), 'N05CD04', 2, 'HS'),
  p('LEXAPRO F.C. TABLETS 10MG', one('ESCITALOPRAM', 'N06AB10'), 'N06AB10', 10),
  p('ZOLOFT TABLETS 50MG', one('SERTRALINE', 'N06AB06'), 'N06AB06', 50),
  p('SEROQUEL F.C. TABLETS 25MG', one('QUETIAPINE', 'N05AH04'), 'N05AH04', 25, 'HS'),
  p('ULTRACET F.C. TABLETS 37.5/325MG', [['TRAMADOL', 'N02AX02'], ['PARACETAMOL', 'N02BE01']], 'N02AJ13', null, 'TID', false),
  p('PANADOL TABLETS 500MG', one('PARACETAMOL', 'N02BE01'), 'N02BE01', 500, 'Q6HPRN', false),
  p('CELEBREX CAPSULES 200MG', one('CELECOXIB', 'M01AH01'), 'M01AH01', 200, 'BID', false),
  p('VOLTAREN TABLETS 25MG', one('DICLOFENAC', 'M01AB05'), 'M01AB05', 25, 'TID', false),
  p('MOBIC TABLETS 7.5MG', one('MELOXICAM', 'M01AC06'), 'M01AC06', 7.5, 'QD', false),
  p('VOLTAREN EMULGEL 1%', one('DICLOFENAC', 'M01AB05'), 'M02AA15', null, 'BID', false, 'topical'),
  p('ZYLORIC TABLETS 100MG', one('ALLOPURINOL', 'M04AA01'), 'M04AA01', 100),
  p('FEBURIC F.C. TABLETS 80MG', one('FEBUXOSTAT', 'M04AA03'), 'M04AA03', 80),
  p('HARNALIDGE OCAS TABLETS 0.4MG', one('TAMSULOSIN', 'G04CA02'), 'G04CA02', 0.4),
  p('AVODART CAPSULES 0.5MG', one('DUTASTERIDE', 'G04CB02'), 'G04CB02', 0.5),
  p('ELTROXIN TABLETS 0.1MG', one('LEVOTHYROXINE', 'H03AA01'), 'H03AA01', 0.1),
  p('SINGULAIR F.C. TABLETS 10MG', one('MONTELUKAST', 'R03DC03'), 'R03DC03', 10, 'HS'),
  p('SERETIDE EVOHALER 25/125MCG', [['SALMETEROL', 'R03AC12'], ['FLUTICASONE', 'R03BA05']], 'R03AK06', null, 'BID', true, 'inhalation'),
  p('CHLORPHENIRAMINE TABLETS 4MG', one('CHLORPHENAMINE', 'R06AB04'), 'R06AB04', 4, 'TID', false),
  p('ZYRTEC F.C. TABLETS 10MG', one('CETIRIZINE', 'R06AE07'), 'R06AE07', 10, 'QD', false),
  p('AUGMENTIN TABLETS 625MG', [['AMOXICILLIN', 'J01CR02'], ['CLAVULANIC ACID', 'J01CR02']], 'J01CR02', null, 'TID', false),
  p('XALATAN EYE DROPS 0.005%', one('LATANOPROST', 'S01EE01'), 'S01EE01', null, 'HS', true, 'eye'),
  p('LIPITOR F.C. TABLETS 40MG', one('ATORVASTATIN', 'C10AA05'), 'C10AA05', 40),
];

const INSTITUTIONS: Institution[] = [
  { id: '9900000001', name: '示範醫學中心', visitKind: 'outpatient' },
  { id: '9900000002', name: '示範區域醫院', visitKind: 'outpatient' },
  { id: '9900000003', name: '示範內科診所', visitKind: 'outpatient' },
  { id: '9900000004', name: '示範家醫科診所', visitKind: 'outpatient' },
  { id: '9900000005', name: '示範身心科診所', visitKind: 'outpatient' },
  { id: '9900000006', name: '示範急診', visitKind: 'emergency' },
  { id: '9900000007', name: '示範社區藥局', visitKind: 'pharmacy' },
  { id: '9900000008', name: '示範連鎖藥局', visitKind: 'pharmacy' },
];

export interface SyntheticOptions {
  records: number;
  today: IsoDate;
  /** Days of history the records spread over. */
  spanDays: number;
  seed?: number;
}

/** A history of about `records` medication rows ending at `today`. */
export function syntheticHistory({ records: target, today, spanDays, seed = 20251103 }: SyntheticOptions): PatientHistory {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = addDays(today, -spanDays);
  const medications: MedicationRecord[] = [];
  // Prescriptions and care-list rows are made after the records, each list in one run, as the
  // mappers make them from their own responses: made in between, the prescriptions lay scattered
  // over a 100,000-record heap, and the refill pass paid for that layout, not for its work.
  const chains: ChainDraft[] = [];
  const dispensed: MedicationRecord[] = [];
  let seq = 0;

  const row = (product: Product, institution: Institution, visitDate: IsoDate, days: number, refillDate: IsoDate | null, seqNo: string, origin: string | null): MedicationRecord => {
    const drugCode = `BC99${String(PRODUCTS.indexOf(product)).padStart(4, '0')}00`;
    const perDay = product.frequency.startsWith('BID') ? 2 : product.frequency.startsWith('TID') ? 3 : 1;
    const record: MedicationRecord = {
      id: `${visitDate}|${institution.id}|${drugCode}|${medications.length}`,
      drugCode,
      drugName: product.name,
      ingredients: product.ingredients.map(([name, atc7]) => ({ name, atc7 })),
      atc7: product.atc7,
      atc5: product.atc7.slice(0, 5),
      atc5Name: null,
      atc3Name: null,
      isCombination: product.ingredients.length > 1,
      dosageForm: product.form,
      visitDate,
      refillDate,
      inpatientEndDate: null,
      daysSupply: days,
      quantity: days * perDay,
      frequency: product.frequency,
      institution,
      chronicOriginInstitutionId: origin,
      visitSeqNo: seqNo,
      diagnosis: null,
      cloudLeftoverDays: null,
      cloudElderlyMark: false,
      exceptionCode: null,
      unitStrengthMg: product.mg,
    };
    medications.push(record);
    if (product.atc7.startsWith('N05C') || product.atc7.startsWith('N05BA')) dispensed.push(record);
    return record;
  };

  while (medications.length < target) {
    const product = pick(PRODUCTS);
    const prescriber = pick(INSTITUTIONS.slice(0, 6));
    const visit = addDays(start, Math.floor(random() * spanDays));
    seq += 1;
    const seqNo = String(seq % 10000).padStart(4, '0');
    if (product.chronic && random() < 0.6) {
      // A chronic refill chain: fill 1 at the visit, IC02/IC03 at a pharmacy, each picked up
      // between 10 days early and 5 days late.
      const days = 28;
      const fillDates = [visit];
      row(product, prescriber, visit, days, null, seqNo, null);
      for (let k = 2; k <= 3 && medications.length < target; k += 1) {
        const previous = fillDates[fillDates.length - 1] as IsoDate;
        const pickup = addDays(previous, days - 10 + Math.floor(random() * 16));
        if (pickup > today) break;
        fillDates.push(pickup);
        row(product, pick(INSTITUTIONS.slice(6)), visit, days, pickup, `IC0${k}`, prescriber.id);
      }
      chains.push({ product, prescriber, seqNo, visit, days, fillDates });
    } else {
      row(product, prescriber, visit, product.chronic ? 28 : pick([3, 5, 7, 14]), null, seqNo, null);
    }
  }
  return {
    // A1 + 8 digits with a deliberately wrong check digit, as in examples/: no real person's ID.
    patient: { nationalId: SYNTHETIC_NATIONAL_ID, name: '合成病人', birthDate: '1947-05-20', sex: 'M' },
    medications,
    chronic: chains.map(prescriptionOf),
    cloudLeftover: [],
    careList: dispensed.map(careListRowOf),
    careListSummary: [],
    allergies: [],
    summary: [],
  };
}

/** A chronic refill chain as the loop drew it: the prescription is made from it afterwards. */
interface ChainDraft {
  product: Product;
  prescriber: Institution;
  seqNo: string;
  visit: IsoDate;
  days: number;
  fillDates: IsoDate[];
}

function prescriptionOf({ product, prescriber, seqNo, visit, days, fillDates }: ChainDraft): ChronicPrescription {
  return {
    id: `${prescriber.id}|${seqNo}|${visit}|${product.name}`,
    prescriptionDate: visit,
    institution: prescriber,
    drugCode: `BC99${String(PRODUCTS.indexOf(product)).padStart(4, '0')}00`,
    drugName: product.name,
    daysPerFill: days,
    fills: 3,
    fillDates: [...fillDates],
    cloudExpired: null,
    diagnosis: null,
  };
}

/** The care list's row (imue0009s02) of a controlled hypnotic's record. */
function careListRowOf(record: MedicationRecord): CareListDispensing {
  const product = PRODUCTS.find((candidate) => candidate.name === record.drugName) as Product;
  return {
    date: record.refillDate ?? record.visitDate,
    ingredient: product.ingredients[0]?.[0] ?? product.name,
    ingredientCode: `28${record.drugCode.slice(4, 12)}`,
    institution: record.institution,
    totalMg: (product.mg ?? 0) * record.quantity,
    cloudTotalDdd: null,
    memo: null,
  };
}

/** The record as the cloud's imue0008s02 row (for timing the schema + mapper). */
export function toMedicloudRow(record: MedicationRecord, index: number): Record<string, unknown> {
  const kind = { outpatient: '門診', emergency: '急診', inpatient: '住診', pharmacy: '藥局' }[record.institution.visitKind];
  return {
    hosp: `${record.institution.name};${kind};${record.institution.id}`,
    hosp_id: record.institution.id,
    icd_code: null,
    icd_cname: null,
    drug_code: record.drugCode,
    drug_ename: record.drugName,
    drug_ing_name: record.ingredients.map((i) => i.name).join('；'),
    drug_atc7_code: record.atc7,
    drug_atc5_code: record.atc5,
    drug_multi_mark: record.isCombination ? 'Y' : null,
    drug_65_mark: null,
    drug_date: record.visitDate.replaceAll('-', '/'),
    cure_e_date: record.refillDate === null ? null : `${record.refillDate}T00:00:00`,
    drug_fre: record.frequency,
    qty: String(record.quantity),
    day: record.daysSupply,
    drug_left: null,
    func_seq_no: record.visitSeqNo,
    chr_hosp_id: record.chronicOriginInstitutionId,
    r: index + 1,
  };
}
