// The cloud's 門診藥品餘藥日數 beside our groups: one pairing for the kiosk and `yaoli analyze`.
import test from 'ava';
import type { CloudGroupLeftover } from '../../../src/core/domain/types.ts';
import { cloudRowFor, formOfCloudText } from '../../../src/core/domain/cloud-leftover.ts';

function cloudRow(ingredient: string, dosageFormText: string, leftoverDays: number): CloudGroupLeftover {
  return { groupCode: 'C08NIF41212', atc5Name: '', ingredient, dosageFormText, lastDispensed: '2025-11-01', daysSupply: 28, supplyEnd: '2025-11-28', leftoverDays, institutionId: null };
}

test('NHI form texts read as our dosage forms', (t) => {
  t.is(formOfCloudText('一般錠劑膠囊劑'), 'oral');
  t.is(formOfCloudText('緩釋錠劑膠囊劑'), 'oral');
  t.is(formOfCloudText('舌下錠'), 'sublingual');
  t.is(formOfCloudText('眼用製劑'), 'eye');
  t.is(formOfCloudText('注射劑'), 'injection');
  t.is(formOfCloudText('外用軟膏'), 'topical');
  t.is(formOfCloudText(''), null);
});

test('an oral group meeting 一般 and 緩釋 rows shows the larger; another form or ingredient is not paired', (t) => {
  const cloud = [cloudRow('NIFEDIPINE', '一般錠劑膠囊劑', 0), cloudRow('NIFEDIPINE', '緩釋錠劑膠囊劑', 22), cloudRow('TIMOLOL', '眼用製劑', 9)];
  t.is(cloudRowFor({ ingredient: 'NIFEDIPINE', dosageForm: 'oral' }, cloud)?.leftoverDays, 22);
  t.is(cloudRowFor({ ingredient: 'NIFEDIPINE', dosageForm: 'injection' }, cloud), null);
  t.is(cloudRowFor({ ingredient: 'TIMOLOL MALEATE', dosageForm: 'eye' }, cloud)?.leftoverDays, 9);
  t.is(cloudRowFor({ ingredient: 'TIMOLOL', dosageForm: 'oral' }, cloud), null);
  // A form text we cannot read pairs with any form of the ingredient.
  t.is(cloudRowFor({ ingredient: 'AMLODIPINE', dosageForm: 'oral' }, [cloudRow('AMLODIPINE', '', 5)])?.leftoverDays, 5);
});
