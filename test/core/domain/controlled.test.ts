// Pharmacist's checklist: which classes make a duplicate critical (research §5(c)5) and
// which are counted for the controlled-drug care list (§5(e)1).
import test from 'ava';
import {
  isAnticoagulant,
  isControlledHypnotic,
  isControlledHypnoticOrOpioid,
  isHighRiskDuplicateClass,
  isInsulinOrSulfonylurea,
} from '../../../src/core/domain/controlled.ts';
import { DEFAULT_EQUIVALENCE_SETS, equivalenceSetsOf } from '../../../src/core/domain/equivalence.ts';

test('benzodiazepines and Z-drugs are controlled hypnotics; opioids and stimulants are controlled but not hypnotics', (t) => {
  for (const code of ['N05CF02', 'N05CD09', 'N05BA12']) t.true(isControlledHypnotic(code), code);
  for (const code of ['N02AX02', 'N02AB03', 'N06BA04']) {
    t.false(isControlledHypnotic(code), code);
    t.true(isControlledHypnoticOrOpioid(code), code);
  }
  t.false(isControlledHypnoticOrOpioid('N05CH02'), 'ramelteon is not controlled');
});

test('warfarin, dabigatran and rivaroxaban are anticoagulants; aspirin and clopidogrel are not', (t) => {
  for (const code of ['B01AA03', 'B01AE07', 'B01AF01']) t.true(isAnticoagulant(code), code);
  for (const code of ['B01AC06', 'B01AC04']) t.false(isAnticoagulant(code), code);
});

test('insulin and sulfonylureas are high risk; metformin is not', (t) => {
  t.true(isInsulinOrSulfonylurea('A10AE04'));
  t.true(isInsulinOrSulfonylurea('A10BB12'));
  t.false(isInsulinOrSulfonylurea('A10BA02'));
  t.true(isHighRiskDuplicateClass('a10bb12'), 'lower case from a careless source still matches');
  t.false(isHighRiskDuplicateClass('C09CA03'));
  t.false(isHighRiskDuplicateClass(null));
  t.false(isHighRiskDuplicateClass(''));
});

test('equivalence sets: benzodiazepines with Z-drugs; ACEI with ARB and their combinations', (t) => {
  t.deepEqual(equivalenceSetsOf(['N05CD09'], DEFAULT_EQUIVALENCE_SETS), ['gaba-a-hypnotics']);
  t.deepEqual(equivalenceSetsOf(['N05CF02'], DEFAULT_EQUIVALENCE_SETS), ['gaba-a-hypnotics']);
  t.deepEqual(equivalenceSetsOf(['C09AA02'], DEFAULT_EQUIVALENCE_SETS), ['ras-blockers']);
  t.deepEqual(equivalenceSetsOf([null, 'C09DB01'], DEFAULT_EQUIVALENCE_SETS), ['ras-blockers']);
  t.deepEqual(equivalenceSetsOf(['C08CA01'], DEFAULT_EQUIVALENCE_SETS), []);
});
