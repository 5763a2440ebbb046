// The cloud's 門診藥品餘藥日數 beside our groups: one pairing for the kiosk and `yaoli analyze`.
import test from 'ava';
import type { CloudGroupLeftover } from '../../../src/core/domain/types.ts';
import { cloudRowFor, cloudRowsWithoutGroup } from '../../../src/core/domain/cloud-leftover.ts';
import { dosageFormOf } from '../../../src/core/medicloud/dosage-form.ts';

function cloudRow(ingredient: string, dosageFormText: string, leftoverDays: number): CloudGroupLeftover {
  return { groupCode: 'C08NIF41212', atc5Name: '', ingredient, dosageFormText, dosageForm: dosageFormOf(dosageFormText), lastDispensed: '2025-11-01', daysSupply: 28, supplyEnd: '2025-11-28', leftoverDays, institutionId: null };
}

test('an oral group meeting 一般 and 緩釋 rows shows the larger; another form or ingredient is not paired', (t) => {
  const cloud = [cloudRow('NIFEDIPINE', '一般錠劑膠囊劑', 0), cloudRow('NIFEDIPINE', '緩釋錠劑膠囊劑', 22), cloudRow('TIMOLOL', '眼用製劑', 9)];
  t.is(cloudRowFor({ ingredient: 'NIFEDIPINE', dosageForm: 'oral' }, cloud)?.leftoverDays, 22);
  t.is(cloudRowFor({ ingredient: 'NIFEDIPINE', dosageForm: 'injection' }, cloud), null);
  t.is(cloudRowFor({ ingredient: 'TIMOLOL MALEATE', dosageForm: 'eye' }, cloud)?.leftoverDays, 9);
  t.is(cloudRowFor({ ingredient: 'TIMOLOL', dosageForm: 'oral' }, cloud), null);
  // A form text we cannot read pairs with any form of the ingredient.
  t.is(cloudRowFor({ ingredient: 'AMLODIPINE', dosageForm: 'oral' }, [cloudRow('AMLODIPINE', '', 5)])?.leftoverDays, 5);
});

// The pharmacist reviewer's case: the cloud's ROSUVASTATIN row had no group of ours and vanished.
test('the cloud rows no group takes are listed apart: both 一般 and 緩釋 of a grouped ingredient are taken', (t) => {
  const cloud = [cloudRow('NIFEDIPINE', '一般錠劑膠囊劑', 0), cloudRow('NIFEDIPINE', '緩釋錠劑膠囊劑', 22), cloudRow('ROSUVASTATIN', '一般錠劑膠囊劑', 21), cloudRow('TIMOLOL', '眼用製劑', 9)];
  const groups = [{ ingredient: 'NIFEDIPINE', dosageForm: 'oral' as const }, { ingredient: 'TIMOLOL', dosageForm: 'oral' as const }];
  t.deepEqual(cloudRowsWithoutGroup(groups, cloud).map((row) => `${row.ingredient} ${row.dosageFormText}`), ['ROSUVASTATIN 一般錠劑膠囊劑', 'TIMOLOL 眼用製劑']);
  t.deepEqual(cloudRowsWithoutGroup([], []), []);
});
