// What each deck story puts in a patient's history (src/demo/deck.ts PatientStory). Every
// story builds its teaching case by construction (e.g. cross-duplicates always has L1–L5),
// then seeded variation on top so 240 patients do not look alike.
import { ageOn } from '../../core/domain/dates.ts';
import type { PatientStory } from '../../demo/deck.ts';
import type { HistoryBuilder } from './builder.ts';
import { addAllergies } from './allergies.ts';

type Story = (b: HistoryBuilder) => void;

const STORIES: Record<PatientStory, Story> = {
  'no-data': () => {},
  general,
  'chronic-elderly': chronicElderly,
  'hypnotic-care-list': hypnoticCareList,
  'cross-duplicates': crossDuplicates,
  combination,
  'refill-early': refillEarly,
  'refill-expired': refillExpired,
  'prn-topical': prnTopical,
};

export function tellStory(b: HistoryBuilder): void {
  STORIES[b.patient.story](b);
  if (b.patient.story !== 'no-data') addAllergies(b);
}

/** Short acute visits at clinics: a cold, a stomach ache, a sore back. */
function acuteVisits(b: HistoryBuilder, count: number, elderly: boolean): void {
  const episodes: string[][] = [
    ['MEDICON', 'MUCOSOLVAN', 'PANADOL'],
    [elderly ? 'CHLORPHENIRAMINE' : 'ZYRTEC', 'MEDICON'],
    ['PRIMPERAN', 'MAGNESIUM OXIDE'],
    ['SOLAXIN', 'VOLTAREN TABLETS'],
    ['AUGMENTIN', 'PANADOL'],
    ['CELEBREX'],
  ];
  for (let i = 0; i < count; i++) {
    b.visit(b.random.pick(episodes), { ago: b.random.int(2, 85), days: b.random.pick([3, 3, 5, 7]), at: b.any('clinic') });
  }
}

function general(b: HistoryBuilder): void {
  acuteVisits(b, b.random.int(1, 3), false);
  if (b.random.chance(0.15)) {
    b.visit(['PANADOL', 'PRIMPERAN'], { ago: b.random.int(5, 80), days: 3, at: b.any('hospital'), visitType: '急診', dx: 'dyspepsia' });
  }
  if (b.random.chance(0.4)) {
    const items = b.random.pick([['CONCOR'], ['LIPITOR'], ['MICARDIS', 'CRESTOR'], ['EUTHYROX']]);
    b.chain(items, { at: b.any('clinic'), pharmacies: [b.deck.home, b.any('pharmacy')], firstAgo: b.random.int(90, 150) });
  }
}

/** Chronic refills at a hospital, picked up at pharmacies, with Beers drugs (drug_65_mark). */
function chronicElderly(b: HistoryBuilder): void {
  const headline = b.patient.deckId === 'P001';
  const hospital = headline ? b.place('台大醫院') : b.any(b.random.chance(0.5) ? 'medical-center' : 'hospital');
  const beers = headline ? 'AMARYL' : b.random.pick(['AMARYL', 'MOBIC', 'DITROPAN', 'LANOXIN', 'CARDURA', 'NEXIUM']);
  const base = headline ? ['NORVASC', 'GLUCOPHAGE', 'LIPITOR', 'BOKEY'] : b.random.pick([
    ['NORVASC', 'LIPITOR'], ['COZAAR', 'GLUCOPHAGE', 'ZOCOR'], ['DIOVAN', 'BOKEY'], ['CONCOR', 'PLAVIX', 'CRESTOR'],
  ]);
  b.chain([...base, beers], { at: hospital, pharmacies: [b.deck.home, b.any('pharmacy')], firstAgo: headline ? 170 : b.random.int(120, 180) });
  if (headline || b.random.chance(0.5)) {
    // A cold treated at a clinic with a first-generation antihistamine: the Beers case.
    b.visit(['CHLORPHENIRAMINE', 'MEDICON'], { ago: headline ? 6 : b.random.int(3, 40), days: 5, at: b.place('和平家醫科診所') });
  }
  if (headline || b.random.chance(0.3)) {
    b.dispense(headline ? 'ATARAX' : b.random.pick(['ATARAX', 'PRIMPERAN', 'SOLAXIN']), { ago: headline ? 20 : b.random.int(10, 60), days: 7, at: b.any('clinic') });
  }
  if (headline || b.random.chance(0.4)) {
    b.egfr = { value: headline ? 34 : b.random.int(22, 58), date: b.day(headline ? 40 : b.random.int(20, 150)) };
  }
  if (!headline && b.random.chance(0.25)) {
    // A pneumonia admission: inpatient orders carry the discharge day in cure_e_date.
    b.visit(['AUGMENTIN', 'MUCOSOLVAN'], { ago: b.random.int(30, 120), days: 5, at: hospital, visitType: '住診', stay: b.random.int(3, 9), dx: 'bronchitis' });
  }
  acuteVisits(b, b.random.int(0, 1), true);
}

/**
 * Zolpidem from one clinic and brotizolam from another, overlapping (the care list's
 * 跨院 case), plus alprazolam from a hospital: benzodiazepine + Z-drug (L5).
 */
function hypnoticCareList(b: HistoryBuilder): void {
  const psych = b.place('心安身心科診所');
  const family = b.place('安捷幸福診所');
  const hospital = b.place('榮總');
  for (let ago = b.random.int(160, 175); ago >= 8; ago -= b.random.int(26, 30)) {
    // 1.5 tablets at bedtime × 28 days = 42 tablets = 420 mg = 42 DDD (the reference's numbers).
    b.dispense('STILNOX', { ago, days: 28, dose: 1.5, at: psych });
  }
  for (let ago = b.random.int(100, 130); ago >= 2; ago -= b.random.int(25, 35)) {
    b.dispense('LENDORMIN', { ago, days: 28, at: family });
  }
  b.dispense('XANAX', { ago: b.random.int(5, 15), days: 28, at: hospital });
  if (b.random.chance(0.5)) b.chain(['NORVASC'], { at: hospital, pharmacies: [b.deck.home], firstAgo: b.random.int(100, 160) });
}

/** L1 same code at two institutions, L2 same ingredient+form, L3 oral + eye/topical, L4 class, L5 sets. */
function crossDuplicates(b: HistoryBuilder): void {
  const ntuh = b.place('台大醫院');
  const mackay = b.place('馬偕醫院');
  const clinic = b.place('健安內科診所');
  const eye = b.place('光明眼科診所');
  // L1: the same NHI code from two hospitals, both still running.
  b.dispense('CRESTOR', { ago: 20, days: 28, at: ntuh });
  b.dispense('CRESTOR', { ago: 9, days: 28, at: mackay });
  // L2: metformin, different products, same ingredient and form.
  b.dispense('GLUCOPHAGE', { ago: 15, days: 28, at: ntuh });
  b.dispense('METFORMIN', { ago: 6, days: 28, at: clinic });
  // L3: oral levofloxacin + levofloxacin eye drops; oral + topical diclofenac.
  b.dispense('CRAVIT F.C.', { ago: 4, days: 7, at: clinic, dx: 'uti' });
  b.dispense('CRAVIT OPHTHALMIC', { ago: 3, days: 14, at: eye });
  b.dispense('VOLTAREN TABLETS', { ago: 5, days: 14, at: mackay });
  b.dispense('VOLTAREN EMULGEL', { ago: 5, days: 14, at: clinic });
  // L4: amlodipine + nifedipine (both C08CA); two ARBs (losartan + valsartan).
  b.dispense('NORVASC', { ago: 12, days: 28, at: ntuh });
  b.dispense('ADALAT OROS', { ago: 7, days: 28, at: clinic });
  b.dispense('COZAAR', { ago: 14, days: 28, at: mackay });
  b.dispense('DIOVAN', { ago: 8, days: 28, at: clinic });
  // L5: benzodiazepine + Z-drug; ACEI + ARB.
  b.dispense('XANAX', { ago: 10, days: 28, at: mackay });
  b.dispense('STILNOX', { ago: 6, days: 28, at: b.place('心安身心科診所') });
  b.dispense('RENITEC', { ago: 11, days: 28, at: b.place('仁愛醫院') });
  if (b.patient.deckId !== 'P003') acuteVisits(b, b.random.int(0, 2), false);
}

/** Combination products whose ingredients duplicate a single-ingredient product. */
function combination(b: HistoryBuilder): void {
  const ntuh = b.place('台大醫院');
  const clinic = b.place('健安內科診所');
  b.chain(['DIOVAN', 'JANUMET'], { at: ntuh, pharmacies: [b.deck.home], firstAgo: b.random.int(100, 150) });
  b.dispense('EXFORGE', { ago: 9, days: 28, at: clinic }); // valsartan again, inside C09DB01
  b.dispense('GLUCOPHAGE', { ago: 12, days: 28, at: clinic }); // metformin again, inside A10BD07
  b.dispense('ULTRACET', { ago: 4, days: 7, at: b.place('仁愛醫院') }); // tramadol + acetaminophen
  b.dispense('PANADOL', { ago: 3, days: 5, at: b.place('和平家醫科診所') });
}

/** A previous refill picked up too early (> 10 days before supply ends), and today is too early again. */
function refillEarly(b: HistoryBuilder): void {
  const hospital = b.patient.deckId === 'P005' ? b.place('馬偕醫院') : b.any('hospital');
  const items = b.random.pick([['COZAAR', 'LIPITOR'], ['NORVASC', 'GLUCOPHAGE'], ['CONCOR', 'CRESTOR']]);
  // Older prescriptions: fill 2 taken 14 days before the supply ended (outside the 10-day window).
  b.chain(items, {
    at: hospital, pharmacies: [b.deck.home, b.any('pharmacy')], firstAgo: 180, stopAgo: 12,
    early: (fill, prescription) => (fill === 2 && prescription === 1 ? 14 : b.random.int(2, 6)),
  });
  // The current prescription's fill 1 was 12 days ago: fill 2 opens on day 28 − 10 = 18.
  b.prescribe(items, { at: hospital, ago: 12, daysPerFill: 28, fills: 3 });
}

/** One prescription ran past its validity with a fill never taken; another runs on time. */
function refillExpired(b: HistoryBuilder): void {
  const hospital = b.patient.deckId === 'P006' ? b.place('榮總') : b.any('medical-center');
  const expired = b.prescribe(['TRITACE', 'ZYLORIC'], { at: hospital, ago: 100, daysPerFill: 28, fills: 3 });
  b.pickup(expired, 2, 100 - 25, b.deck.home); // validity: day 100 … 100 − 83 = 17 days ago
  b.chain(['LIPITOR'], { at: b.any('clinic'), pharmacies: [b.deck.home], firstAgo: b.random.int(60, 90) });
}

/** As-needed, eye drops, creams, an inhaler; one clinic sends no 用法 (drug_fre null). */
function prnTopical(b: HistoryBuilder): void {
  const child = ageOn(b.patient.birthDate, b.today) < 18;
  const eye = b.place('光明眼科診所');
  const ent = b.place('明德耳鼻喉科診所');
  b.dispense(child ? 'ACETAMINOPHEN SYRUP' : 'PANADOL', { ago: b.random.int(5, 20), days: 3, at: ent, fre: 'PRN', quantity: child ? 1 : 10 });
  b.dispense('VENTOLIN', { ago: b.random.int(10, 40), days: 30, at: ent });
  b.dispense('CRAVIT OPHTHALMIC', { ago: b.random.int(3, 12), days: 7, at: eye, fre: null });
  b.dispense('PATANOL', { ago: b.random.int(20, 60), days: 14, at: eye, fre: null });
  b.dispense('BETAMETHASONE', { ago: b.random.int(5, 30), days: 14, at: b.place('和平家醫科診所'), fre: 'ASORDER' });
  b.dispense('BACTROBAN', { ago: b.random.int(30, 80), days: 7, at: b.place('和平家醫科診所') });
  if (!child) b.dispense('XALATAN', { ago: b.random.int(5, 25), days: 30, at: eye });
  b.dispense('ZYRTEC', { ago: b.random.int(3, 30), days: 7, at: ent, fre: 'HSPRN' });
}
