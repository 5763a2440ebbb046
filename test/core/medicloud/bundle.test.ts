import test from 'ava';
import { MedicloudShapeError, mapBundle } from '../../../src/core/medicloud/index.ts';
import { chronicRow, medicationRow, medications } from './fixtures.ts';

test('a bundle maps every part; absent parts are empty', (t) => {
  const history = mapBundle({
    patient: { id: 'a123456789', name: '測試病人', birthDate: '0370115', sex: 'F' },
    medications: medications([medicationRow()]),
    chronic: { chrDataN: [chronicRow({ chr_num: 2 })], chrDataY: [] },
  });
  t.deepEqual(history.patient, { nationalId: 'A123456789', name: '測試病人', birthDate: '1948-01-15', sex: 'F' });
  t.is(history.medications.length, 1);
  t.is(history.chronic.length, 1);
  t.deepEqual([history.cloudLeftover, history.careList, history.careListSummary, history.allergies], [[], [], [], []]);
});

test('an empty bundle is an empty history without a patient', (t) => {
  t.deepEqual(mapBundle({}), { patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [] });
});

test('a bad part names its endpoint; a bad patient never echoes the identity', (t) => {
  const medicationError = t.throws(() => mapBundle({ medications: medications([medicationRow({ drug_date: 'yesterday' })]) }), { instanceOf: MedicloudShapeError });
  t.is(medicationError?.message, 'imue0008s02 robject[0].drug_date: not a date "yesterday"');
  const patientError = t.throws(() => mapBundle({ patient: { id: 'A123456789', name: '王小明', birthDate: '1948-02-30', sex: 'F' } }), { instanceOf: MedicloudShapeError });
  t.is(patientError?.message, 'patient birthDate: not a date');
  t.false(patientError?.message.includes('1948'));
  t.like(t.throws(() => mapBundle([]), { instanceOf: MedicloudShapeError })?.details, { endpoint: 'bundle', problem: 'not-an-object' });
});
