// Pharmacist's checklist for the care-list open rate (開啟率), reproducing NHIA's example:
// 150 opened (120 prescribed + 30 not), 21 prescribed but not opened, 9 neither → 150/171 = 87.7 %.
import test from 'ava';
import { formatOpenRate, openRate, type CareListOpenEvent } from '../../../src/core/domain/open-rate.ts';

function visits(count: number, prefix: string, opened: boolean, prescribed: boolean): CareListOpenEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    staffId: 'DR-1', patientKey: `${prefix}-${i}`, visitId: 'v1', opened, prescribedFiveClasses: prescribed,
  }));
}

test('NHIA example: 150 / (120 + 21 + 30) = 87.7 %', (t) => {
  const events = [
    ...visits(120, 'op', true, true),
    ...visits(30, 'on', true, false),
    ...visits(21, 'np', false, true),
    ...visits(9, 'nn', false, false),
  ];
  const result = openRate(events);
  t.like(result, { opened: 150, openedAndPrescribed: 120, openedNotPrescribed: 30, prescribedNotOpened: 21, neither: 9, denominator: 171 });
  t.is(formatOpenRate(result), '87.7 %');
});

test('one doctor opening the same patient three times in one visit counts once', (t) => {
  const once: CareListOpenEvent = { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: true };
  t.like(openRate([once, once, once]), { opened: 1, denominator: 1, rate: 1 });
});

test('two doctors opening the same patient in one visit count separately, both at a prescribing visit', (t) => {
  const result = openRate([
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: true },
    { staffId: 'DR-2', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: false },
  ]);
  t.like(result, { opened: 2, openedAndPrescribed: 2, openedNotPrescribed: 0, denominator: 2, rate: 1 });
});

test('the doctor prescribes, the pharmacist opens: one opened-and-prescribed visit, not half of two', (t) => {
  const result = openRate([
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: false, prescribedFiveClasses: true },
    { staffId: 'PH-1', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: false },
  ]);
  t.like(result, { opened: 1, openedAndPrescribed: 1, prescribedNotOpened: 0, openedNotPrescribed: 0, denominator: 1, rate: 1 });
});

test('a visit listed without its staff and opened by a named doctor is one visit (NHIA example through the visit list)', (t) => {
  const listed = (count: number, prefix: string, prescribed: boolean): CareListOpenEvent[] =>
    Array.from({ length: count }, (_, i) => ({ staffId: '', patientKey: `${prefix}-${i}`, visitId: 'v1', opened: false, prescribedFiveClasses: prescribed }));
  const events = [
    ...listed(120, 'op', true), ...visits(120, 'op', true, false),
    ...listed(30, 'on', false), ...visits(30, 'on', true, false),
    ...listed(21, 'np', true),
    ...listed(9, 'nn', false),
  ];
  const result = openRate(events);
  t.like(result, { opened: 150, openedAndPrescribed: 120, openedNotPrescribed: 30, prescribedNotOpened: 21, neither: 9, denominator: 171 });
  t.is(formatOpenRate(result), '87.7 %');
});

test('the same doctor at a later visit counts again', (t) => {
  const result = openRate([
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: false },
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v2', opened: false, prescribedFiveClasses: true },
  ]);
  t.like(result, { opened: 1, prescribedNotOpened: 1, denominator: 2, rate: 0.5 });
});

test('opening and prescribing recorded as separate events of one visit make one opened-and-prescribed visit', (t) => {
  const result = openRate([
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: true, prescribedFiveClasses: false },
    { staffId: 'DR-1', patientKey: 'p', visitId: 'v1', opened: false, prescribedFiveClasses: true },
  ]);
  t.like(result, { openedAndPrescribed: 1, openedNotPrescribed: 0, prescribedNotOpened: 0, denominator: 1 });
});

test('nothing to rate: no denominator, no rate', (t) => {
  t.like(openRate([]), { opened: 0, denominator: 0, rate: null });
  t.is(formatOpenRate(openRate(visits(3, 'nn', false, false))), '—');
});
