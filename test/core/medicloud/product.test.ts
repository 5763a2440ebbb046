import test from 'ava';
import { dosageFormOf, parseYearMonth, unitStrengthMg } from '../../../src/core/medicloud/index.ts';
import type { DosageForm } from '../../../src/core/domain/types.ts';

test('dosage form is read from the product name, specific routes first', (t) => {
  const cases: [string, DosageForm][] = [
    ['NORVASC TABLETS 5MG', 'oral'],
    ['STILNOX F.C. TABLETS 10MG', 'oral'],
    ['TAKEPRON OD 30MG TABLETS', 'oral'],
    ['XALATAN EYE DROPS 0.005%', 'eye'],
    ['TOBRADEX OPHTHALMIC OINTMENT', 'eye'],
    ['NASONEX AQUEOUS NASAL SPRAY', 'nasal'],
    ['LANTUS SOLOSTAR INJECTION 100U/ML', 'injection'],
    ['VOLTAREN EMULGEL 1%', 'topical'],
    ['BETAMETHASONE CREAM 0.05%', 'topical'],
    ['DUROGESIC D-TRANS PATCH 12MCG/H', 'transdermal'],
    ['SERETIDE EVOHALER 25/125MCG', 'inhalation'],
    ['NITROSTAT SUBLINGUAL TABLETS 0.6MG', 'sublingual'],
    ['DULCOLAX SUPPOSITORIES 10MG', 'rectal'],
    ['脈優錠 5毫克', 'oral'],
  ];
  for (const [name, form] of cases) t.is(dosageFormOf(name), form, name);
  t.is(dosageFormOf('MYSTERY PRODUCT'), 'other');
  t.is(dosageFormOf('MYSTERY PRODUCT', 'TIDPC PO'), 'oral', 'an oral 用法 decides when the name has no form word');
  t.is(dosageFormOf('MYSTERY PRODUCT', 'tid pc'), 'oral', 'spaced and lower case, as clinics write it');
  t.is(dosageFormOf('MYSTERY PRODUCT', 'BID AC'), 'oral');
  t.is(dosageFormOf('MYSTERY PRODUCT', 'QD'), 'other');
});

test('unit strength in mg: 40MG, 0.25 MG, 1 G, 500MCG; none for combinations, concentrations, percentages', (t) => {
  t.is(unitStrengthMg('FURIDE TABLETS 40MG "STANDARD" (FUROSEMIDE)'), 40);
  t.is(unitStrengthMg('HALCION TABLETS 0.25 MG'), 0.25);
  t.is(unitStrengthMg('CEFAZOLIN 1 G INJ'), 1000);
  t.is(unitStrengthMg('CYANOCOBALAMIN 500MCG TAB'), 0.5);
  t.is(unitStrengthMg('EXFORGE F.C. TABLETS 5/80MG'), null);
  t.is(unitStrengthMg('ULTRACET 37.5MG/325MG'), null);
  t.is(unitStrengthMg('MORPHINE ORAL SOLUTION 2MG/ML'), null);
  t.is(unitStrengthMg('VOLTAREN EMULGEL 1%'), null);
  t.is(unitStrengthMg('NO STRENGTH HERE'), null);
});

test('care-list months: ROC and Gregorian forms → YYYY-MM', (t) => {
  t.is(parseYearMonth('114/03'), '2025-03');
  t.is(parseYearMonth('11403'), '2025-03');
  t.is(parseYearMonth('202503'), '2025-03');
  t.is(parseYearMonth('2025-03'), '2025-03');
  t.is(parseYearMonth('114/13'), null);
  t.is(parseYearMonth('March'), null);
});

// The fuzzer's hangs: both scans backtracked in the square of a long run (50,000 digits: 7 s).
test('a name that is a long run of digits or of spaces has no strength, and the scan does not backtrack through it', (t) => {
  t.is(unitStrengthMg('1'.repeat(200_000)), null);
  t.is(unitStrengthMg(`${'1 '.repeat(100_000)}X`), null);
  t.is(unitStrengthMg(`${'5MG '.repeat(50_000)}`), 5);
  t.is(unitStrengthMg(`${'5MG /'.repeat(50_000)}`), null);
  t.is(unitStrengthMg('STILNOX 1.5 MG'), 1.5);
  t.is(unitStrengthMg('XANAX 0.25MG'), 0.25);
});
