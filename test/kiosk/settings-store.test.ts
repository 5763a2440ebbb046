// The kiosk's settings reach the analysis: the refill window and the year's holiday rule.
import test from 'ava';
import { analysisSettings } from '../../src/kiosk/settings-store.ts';
import { DEFAULT_KIOSK_SETTINGS } from '../../src/core/session/index.ts';
import { refillStatus, type JudgedPrescription } from '../../src/core/domain/refill.ts';

const prescription: JudgedPrescription = {
  id: 'rx', prescriptionDate: '2027-01-18', institution: { id: '0000000001', name: '甲', visitKind: 'outpatient' }, drugCode: 'AC00000100',
  drugName: 'TEST 10MG', daysPerFill: 28, fills: 3, fillDates: ['2027-01-18'], cloudExpired: null,
} as JudgedPrescription;

test('no holiday set: the refill window alone', (t) => {
  const settings = analysisSettings({ ...DEFAULT_KIOSK_SETTINGS, refillWindowDays: 7 });
  t.deepEqual(settings.refill, { windowDays: 7, holidayWindows: [] });
});

test('the holiday set on the Settings screen moves the first day of the next fill', (t) => {
  // Supply 1/18 + 28 covers through 2/14, inside the holiday 2/5-2/14.
  const refillHoliday = { from: '2027-02-05', to: '2027-02-14', windowDays: 14 };
  const settings = analysisSettings({ ...DEFAULT_KIOSK_SETTINGS, refillHoliday });
  t.deepEqual(settings.refill.holidayWindows, [refillHoliday]);
  t.is(refillStatus(prescription, '2027-02-01', settings.refill).nextFrom, '2027-02-01');
  t.is(refillStatus(prescription, '2027-02-01', analysisSettings(DEFAULT_KIOSK_SETTINGS).refill).nextFrom, '2027-02-05');
});
