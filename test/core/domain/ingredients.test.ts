// Pharmacist's checklist: "same ingredient" means the same substance, whatever the salt,
// brand or combination it comes in (NHI 同成分; research §3.1 combination codes).
import test from 'ava';
import {
  atc7ForIngredientName,
  comparableIngredients,
  ingredientIdentity,
  normalIngredientName,
  splitIngredients,
} from '../../../src/core/domain/ingredients.ts';

test('salts and hydrates do not change the ingredient', (t) => {
  t.is(normalIngredientName('Amlodipine Besylate'), 'AMLODIPINE');
  t.is(normalIngredientName('ATORVASTATIN CALCIUM TRIHYDRATE'), 'ATORVASTATIN');
  t.is(normalIngredientName('Olmesartan medoxomil'), 'OLMESARTAN');
  t.is(normalIngredientName('LOSARTAN POTASSIUM'), 'LOSARTAN');
  // The gel and the plaster: oral diclofenac + topical is L3 only when they reduce to one name.
  t.is(normalIngredientName('DICLOFENAC DIETHYLAMMONIUM/DIETHYLAMINE'), 'DICLOFENAC');
  t.is(normalIngredientName('DICLOFENAC EPOLAMINE'), 'DICLOFENAC');
});

test('the care list writes zolpidem with its salts in parentheses', (t) => {
  t.is(normalIngredientName('ZOLPIDEM (TARTRATE+HEMITARTRATE)'), 'ZOLPIDEM');
  t.is(atc7ForIngredientName('ZOLPIDEM (TARTRATE+HEMITARTRATE)'), 'N05CF02');
  t.is(atc7ForIngredientName('BROTIZOLAM'), 'N05CD09');
});

test('a salt that is the whole substance is kept (potassium chloride is not "chloride")', (t) => {
  t.is(normalIngredientName('POTASSIUM CHLORIDE'), 'POTASSIUM CHLORIDE');
  t.is(normalIngredientName('ISOSORBIDE MONONITRATE'), 'ISOSORBIDE MONONITRATE');
});

test('common US names map to the WHO name', (t) => {
  t.is(normalIngredientName('Aspirin'), 'ACETYLSALICYLIC ACID');
  t.is(normalIngredientName('Acetaminophen'), 'PARACETAMOL');
  t.is(normalIngredientName('Glyburide'), 'GLIBENCLAMIDE');
});

test('the cloud\'s ACETAMINOPHEN is shown as written and matched as PARACETAMOL', (t) => {
  t.deepEqual(splitIngredients('ACETAMINOPHEN', 'N02BE01'), [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }]);
  t.deepEqual(splitIngredients('ACETAMINOPHEN', null), [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }]);
  t.deepEqual(splitIngredients('TRAMADOL HCL；ACETAMINOPHEN', 'N02AJ13'), [
    { name: 'TRAMADOL', atc7: 'N02AX02' },
    { name: 'ACETAMINOPHEN', atc7: 'N02BE01' },
  ]);
  t.is(ingredientIdentity({ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }), ingredientIdentity({ name: 'PARACETAMOL', atc7: 'N02BE01' }));
  // One substance written twice in one text is one ingredient, under its first spelling.
  t.deepEqual(splitIngredients('ACETAMINOPHEN；PARACETAMOL；CAFFEINE', null).map((i) => i.name), ['ACETAMINOPHEN', 'CAFFEINE']);
});

test('Exforge (C09DB01) splits into valsartan and amlodipine with their own ATC7', (t) => {
  t.deepEqual(splitIngredients('AMLODIPINE BESYLATE；VALSARTAN', 'C09DB01'), [
    { name: 'AMLODIPINE', atc7: 'C08CA01' },
    { name: 'VALSARTAN', atc7: 'C09CA03' },
  ]);
});

test('every NHI separator splits a combination', (t) => {
  for (const text of ['TRAMADOL;PARACETAMOL', 'TRAMADOL + PARACETAMOL', 'TRAMADOL/PARACETAMOL', 'TRAMADOL & ACETAMINOPHEN']) {
    t.deepEqual(
      splitIngredients(text, 'N02AJ13').map((i) => i.atc7),
      ['N02AX02', 'N02BE01'],
      text,
    );
  }
});

test('a combination code with no readable text falls back to the component table', (t) => {
  t.deepEqual(splitIngredients('', 'A10BD07'), [
    { name: 'METFORMIN', atc7: 'A10BA02' },
    { name: 'SITAGLIPTIN', atc7: 'A10BH01' },
  ]);
});

test('a single ingredient keeps the product ATC7 the cloud sent', (t) => {
  t.deepEqual(splitIngredients('Valsartan', 'C09CA03'), [{ name: 'VALSARTAN', atc7: 'C09CA03' }]);
  t.deepEqual(splitIngredients('NEWDRUGAMIDE', 'X99XX99'), [{ name: 'NEWDRUGAMIDE', atc7: 'X99XX99' }]);
});

test('an unknown combination looks each name up, null when unknown', (t) => {
  t.deepEqual(splitIngredients('LOSARTAN；NEWDRUGAMIDE', 'C09DX99'), [
    { name: 'LOSARTAN', atc7: 'C09CA01' },
    { name: 'NEWDRUGAMIDE', atc7: null },
  ]);
});

test('never empty: unreadable text keeps one ingredient with the product code', (t) => {
  t.deepEqual(splitIngredients('  ', 'C09CA03'), [{ name: '', atc7: 'C09CA03' }]);
  t.is(ingredientIdentity({ name: '', atc7: 'C09CA03' }), 'C09CA03');
});

test('one substance has one identity across routes (levofloxacin oral and eye drops)', (t) => {
  t.is(ingredientIdentity({ name: 'Levofloxacin hemihydrate', atc7: 'J01MA12' }), ingredientIdentity({ name: 'LEVOFLOXACIN', atc7: 'S01AE05' }));
});

test('a combination the mapper left whole is split for comparison', (t) => {
  const whole = comparableIngredients({ ingredients: [{ name: 'EXFORGE', atc7: 'C09DB01' }], atc7: 'C09DB01' });
  t.deepEqual(whole.map((i) => i.atc7), ['C09CA03', 'C08CA01']);
  const tagged = comparableIngredients({
    ingredients: [{ name: 'VALSARTAN', atc7: 'C09DB01' }, { name: 'AMLODIPINE', atc7: 'C09DB01' }],
    atc7: 'C09DB01',
  });
  t.deepEqual(tagged.map((i) => i.atc7), ['C09CA03', 'C08CA01']);
});

test('a garbled product code that names an object property is no combination', (t) => {
  for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const ingredients = [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }];
    t.is(comparableIngredients({ ingredients, atc7: code }), ingredients, code);
  }
});

// The pharmacist reviewer's cases: one substance written with a salt the table did not know
// was another ingredient (L4 instead of L2, two leftover groups instead of one).
test('salt words the cloud writes are stripped: clathrate, pentahydrate, hydrogen sulfate, bisulfate, hyclate', (t) => {
  const cases: [string, string][] = [
    ['WARFARIN SODIUM CLATHRATE', 'WARFARIN'],
    ['MORPHINE SULFATE PENTAHYDRATE', 'MORPHINE'],
    ['CLOPIDOGREL HYDROGEN SULFATE', 'CLOPIDOGREL'],
    ['CLOPIDOGREL BISULFATE', 'CLOPIDOGREL'],
    ['DOXYCYCLINE HYCLATE', 'DOXYCYCLINE'],
    // Only from the end, and never the whole name.
    ['HYDROGEN PEROXIDE', 'HYDROGEN PEROXIDE'],
    ['ISOSORBIDE DINITRATE', 'ISOSORBIDE DINITRATE'],
  ];
  for (const [written, name] of cases) t.is(normalIngredientName(written), name, written);
});

test('a name the table does not know is its code\'s substance when the table has one: the product name in place of a missing ingredient', (t) => {
  t.is(ingredientIdentity({ name: 'ATORVA F C TABLETS 20MG', atc7: 'C10AA05' }), 'ATORVASTATIN');
  t.is(ingredientIdentity({ name: 'ATORVASTATIN CALCIUM TRIHYDRATE', atc7: 'C10AA05' }), 'ATORVASTATIN');
  // A known name keeps its own identity whatever the code (levofloxacin eye drops are S01AE05).
  t.is(ingredientIdentity({ name: 'LEVOFLOXACIN', atc7: 'S01AE05' }), 'LEVOFLOXACIN');
  // An unknown name with an unknown code stays the name; 'constructor' is no table entry.
  t.is(ingredientIdentity({ name: 'NEWDRUGUMAB', atc7: 'L01XC99' }), 'NEWDRUGUMAB');
  t.is(ingredientIdentity({ name: 'constructor', atc7: null }), 'CONSTRUCTOR');
});

test('the US names of two Beers antihistamines are one ingredient with their WHO names (an alias, not a second table entry)', (t) => {
  t.is(normalIngredientName('MECLIZINE HYDROCHLORIDE'), 'MECLOZINE');
  t.is(normalIngredientName('PYRILAMINE MALEATE'), 'MEPYRAMINE');
  t.is(atc7ForIngredientName('MECLIZINE'), 'R06AE05');
  t.is(ingredientIdentity({ name: 'MECLIZINE', atc7: null }), ingredientIdentity({ name: 'MECLOZINE', atc7: 'R06AE05' }));
});
