// computeReport on hand-built rows: every figure against values worked out by hand.
import test from 'ava';
import { computeReport } from '../../../src/core/report/index.ts';
import type { Visit } from '../../../src/core/report/index.ts';
import { CARE_LIST_STEP, LOGIN_STEP } from '../../../src/core/lookup/step-names.ts';
import { row } from './helpers.ts';

const OCT = { from: '2026-10-01', to: '2026-10-31', by: 'month' as const };

test('a look-up at 23:59:59 Taipei on 10-31 is October; one second later it is November (machine TZ is UTC)', (t) => {
  const rows = [row('2026-10-31T15:59:59.000Z', { patientKey: 'k1' }), row('2026-10-31T16:00:00.000Z', { patientKey: 'k2' })];
  const months = computeReport(rows, { from: '2026-10-01', to: '2026-11-30', by: 'month' });
  t.deepEqual(months.periods.map((p) => [p.label, p.from, p.to, p.lookups, p.patients]), [
    ['2026-10', '2026-10-01', '2026-10-31', 1, 1],
    ['2026-11', '2026-11-01', '2026-11-30', 1, 1],
  ]);
  const days = computeReport(rows, { from: '2026-10-30', to: '2026-11-02', by: 'day' });
  t.deepEqual(days.periods.map((p) => [p.label, p.lookups]), [['2026-10-30', 0], ['2026-10-31', 1], ['2026-11-01', 1], ['2026-11-02', 0]]);
  // Weeks run Monday–Sunday: 10-26 (Mon) … 11-01 (Sun) holds both; the clipped ends keep the period's days.
  const weeks = computeReport(rows, { from: '2026-10-28', to: '2026-11-03', by: 'week' });
  t.deepEqual(weeks.periods.map((p) => [p.label, p.from, p.to, p.lookups]), [['2026-10-26', '2026-10-28', '2026-11-01', 2], ['2026-11-02', '2026-11-02', '2026-11-03', 0]]);
  // Only October asked: the November row is outside and not counted at all.
  const october = computeReport(rows, OCT);
  t.is(october.rows, 1);
  t.is(october.lookups, 1);
});

test('distinct patients per period and overall; a patient on the masked form only counts by that form', (t) => {
  const rows = [
    row('2026-10-01T01:00:00Z', { patientKey: 'k1' }),
    row('2026-10-01T02:00:00Z', { patientKey: 'k1' }),
    row('2026-10-02T01:00:00Z', { patientKey: 'k1' }),
    row('2026-10-02T01:00:00Z', { patientKey: 'k2' }),
    row('2026-10-02T03:00:00Z', { patientKey: null, patientMasked: 'A12****789' }),
  ];
  const report = computeReport(rows, { from: '2026-10-01', to: '2026-10-02', by: 'day' });
  t.deepEqual(report.periods.map((p) => [p.lookups, p.patients]), [[2, 1], [3, 3]]);
  t.is(report.lookups, 5);
  t.is(report.patients, 3);
});

test('response time per endpoint: count, median, nearest-rank p90/p99, max, in look-up order', (t) => {
  const rows = Array.from({ length: 10 }, (_, i) =>
    row(`2026-10-0${1 + (i % 3)}T01:00:00Z`, { latencies: { 'care-list': 40, imue0008s02: (i + 1) * 10, total: 1000 - i, login: 7 } }),
  );
  rows.push(row('2026-10-05T01:00:00Z', { action: 'prefetch', latencies: { imue0008s02: 5000 } }));
  const report = computeReport(rows, OCT);
  t.deepEqual(
    report.latency.map((l) => [l.endpoint, l.count, l.median, l.p90, l.p99, l.max]),
    [
      // 991…1000: p90 is the 9th smallest (999).
      ['total', 10, 995.5, 999, 1000, 1000],
      ['login', 10, 7, 7, 7, 7],
      // 10…100 and the prefetch's 5000: 11 samples, median the 6th (60), p90 rank 10 (100), p99 rank 11.
      ['imue0008s02', 11, 60, 100, 5000, 5000],
      // NHI's care-list Web API after MediCloud's pages (not asked for a prefetch).
      ['care-list', 10, 40, 40, 40, 40],
    ],
  );
  // The names above are the look-up's own, as its audit rows carry them.
  t.deepEqual([LOGIN_STEP, CARE_LIST_STEP], ['login', 'care-list']);
});

test('look-ups per staff member (masked, role), with patients, emergencies and care-list opens', (t) => {
  const rows = [
    row('2026-10-01T01:00:00Z', { staffMasked: 'A12****789', staffRole: 'doctor', patientKey: 'k1' }),
    row('2026-10-01T02:00:00Z', { staffMasked: 'B12****158', patientKey: 'k1' }),
    row('2026-10-01T03:00:00Z', { staffMasked: 'B12****158', patientKey: 'k2', consent: 'emergency' }),
    row('2026-10-01T04:00:00Z', { staffMasked: 'B12****158', patientKey: 'k2' }),
    row('2026-10-01T05:00:00Z', { action: 'care-list-open', staffMasked: 'A12****789', staffRole: null, patientKey: 'k1' }),
    row('2026-10-01T06:00:00Z', { action: 'care-list-open', staffMasked: 'C22****001', staffRole: null, patientKey: 'k1' }),
  ];
  const report = computeReport(rows, OCT);
  t.deepEqual(report.staff, [
    { staff: 'B12****158', role: 'pharmacist', lookups: 3, patients: 2, emergency: 1, careListOpens: 0 },
    { staff: 'A12****789', role: 'doctor', lookups: 1, patients: 1, emergency: 0, careListOpens: 1 },
    { staff: 'C22****001', role: null, lookups: 0, patients: 0, emergency: 0, careListOpens: 1 },
  ]);
});

test('consent kinds from look-up rows; emergency section lists reasons and refusals, not the reasonless look-up row', (t) => {
  const rows = [
    row('2026-10-01T01:00:00Z', { consent: 'pin' }),
    row('2026-10-01T01:00:00Z', { consent: 'verbal' }),
    row('2026-10-01T01:00:00Z', { consent: 'verbal' }),
    row('2026-10-01T02:00:00Z', { consent: 'emergency' }),
    row('2026-10-01T02:00:00Z', { action: 'lookup-start', consent: 'emergency', patientKey: null, outcome: 'started', reason: '病人昏迷，送急診' }),
    row('2026-10-01T03:00:00Z', { action: 'emergency-refused', consent: 'emergency', patientKey: null, outcome: 'emergency-no-reason', reason: null }),
    row('2026-10-01T04:00:00Z', { action: 'lookup-fresh', consent: 'emergency', patientKey: null, outcome: 'fresh' }),
  ];
  const report = computeReport(rows, OCT);
  t.deepEqual(report.consent, { pin: 1, verbal: 2, emergency: 1, none: 0 });
  t.is(report.emergencyLookups, 1);
  t.is(report.lookups, 4, 'flow rows are not look-ups');
  t.deepEqual(
    report.emergency.map((e) => [e.action, e.outcome, e.reason]),
    [['lookup-start', 'started', '病人昏迷，送急診'], ['emergency-refused', 'emergency-no-reason', null]],
  );
  t.is(report.periods[0]?.emergency, 1);
});

test('failures by kind: failed (nothing shown) and offline (cache shown) apart; superseded is no failure', (t) => {
  const rows = [
    row('2026-10-01T01:00:00Z', { outcome: 'failed-timeout' }),
    row('2026-10-01T01:00:00Z', { outcome: 'failed-timeout' }),
    row('2026-10-01T01:00:00Z', { outcome: 'offline-network' }),
    row('2026-10-01T01:00:00Z', { outcome: 'failed-network' }),
    row('2026-10-01T01:00:00Z', { outcome: 'failed-schema' }),
    row('2026-10-01T01:00:00Z', { outcome: 'superseded' }),
    row('2026-10-01T01:00:00Z', { outcome: 'ok' }),
  ];
  const report = computeReport(rows, OCT);
  t.deepEqual(report.failures, [
    { kind: 'network', failed: 1, offline: 1 },
    { kind: 'timeout', failed: 2, offline: 0 },
    { kind: 'schema', failed: 1, offline: 0 },
  ]);
  t.is(report.periods[0]?.failed, 4);
});

test('cache hits: from the look-up outcome without a kiosk, from the kiosk flow rows when present', (t) => {
  const lookups = [row('2026-10-01T01:00:00Z', { outcome: 'cached' }), row('2026-10-01T01:00:00Z'), row('2026-10-01T01:00:00Z'), row('2026-10-01T01:00:00Z', { outcome: 'cached' })];
  t.deepEqual(computeReport(lookups, OCT).cacheHit, { basis: 'lookup', hits: 2, lookups: 4, share: 0.5 });
  const flow = [
    ...lookups,
    ...['lookup-start', 'lookup-start', 'lookup-start', 'lookup-cached'].map((action) => row('2026-10-01T01:00:00Z', { action, patientKey: null })),
  ];
  t.deepEqual(computeReport(flow, OCT).cacheHit, { basis: 'kiosk', hits: 1, lookups: 3, share: 1 / 3 });
});

function visit(visitId: string, date: string, patientKey: string, extra: Partial<Visit> = {}): Visit {
  return { visitId, date, patientKey, staff: 'B12****158', careList: null, fiveClasses: null, ...extra };
}

test('查詢率: patients seen vs looked up (a failed look-up does not count, a prefetch does), threshold 45 %', (t) => {
  const rows = [
    row('2026-10-01T01:00:00Z', { patientKey: 'k1' }),
    row('2026-10-01T01:00:00Z', { patientKey: 'k2', outcome: 'failed-timeout' }),
    row('2026-09-30T01:00:00Z', { action: 'prefetch', patientKey: 'k3' }),
    row('2026-10-02T01:00:00Z', { action: 'prefetch', patientKey: 'k3' }),
  ];
  const visits = [visit('V1', '2026-10-01', 'k1'), visit('V2', '2026-10-01', 'k2'), visit('V3', '2026-10-02', 'k3'), visit('V4', '2026-10-02', 'k4'), visit('V5', '2026-10-03', 'k1'), visit('V0', '2026-09-30', 'k9')];
  const report = computeReport(rows, { from: '2026-10-01', to: '2026-10-03', by: 'day', visits });
  t.deepEqual(report.coverage, { visits: 5, patientsSeen: 4, patientsLookedUp: 2, rate: 0.5, threshold: 0.45, meetsThreshold: true });
  // Per day: 10-01 saw k1,k2 and looked up k1; 10-02 saw k3,k4 and fetched k3; 10-03 saw k1, nothing that day.
  t.deepEqual(report.periods.map((p) => [p.patientsSeen, p.patientsLookedUp]), [[2, 1], [2, 1], [1, 0]]);
  const below = computeReport(rows.slice(0, 2), { ...OCT, visits: visits.slice(0, 4) });
  t.is(below.coverage?.rate, 1 / 4);
  t.false(below.coverage?.meetsThreshold);
  t.is(computeReport(rows, OCT).coverage, null, 'no visit list, no 查詢率');
});

test('開啟率 from the log alone: one per staff per patient-day, different staff apart; no prescribing data → no rate', (t) => {
  const open = (at: string, staffMasked: string, patientKey: string) => row(at, { action: 'care-list-open', staffMasked, patientKey });
  const rows = [
    open('2026-10-01T01:00:00Z', 'B12****158', 'k1'),
    open('2026-10-01T09:00:00Z', 'B12****158', 'k1'), // same staff, same visit day: once
    open('2026-10-01T09:30:00Z', 'A12****789', 'k1'), // another staff member: counted apart
    open('2026-10-02T01:00:00Z', 'B12****158', 'k1'), // next day: another visit
    row('2026-10-03T01:00:00Z', { action: 'care-list-open', outcome: 'failed-timeout', patientKey: 'k2' }), // not a successful open
  ];
  const alone = computeReport(rows, OCT).careList;
  t.is(alone.rate.opened, 3);
  t.is(alone.rate.rate, null);
  t.false(alone.prescribingKnown);
  t.is(alone.visitSource, 'audit');
  const prescribed = computeReport([...rows, row('2026-10-05T01:00:00Z', { action: 'care-list-prescribed', patientKey: 'k3' }), row('2026-10-02T05:00:00Z', { action: 'care-list-prescribed', patientKey: 'k1' })], OCT).careList;
  // Units: (B,k1,10-01) opened; (A,k1,10-01) opened; (B,k1,10-02) opened + prescribed; (B,k3,10-05) prescribed only.
  t.like(prescribed.rate, { opened: 3, openedAndPrescribed: 1, openedNotPrescribed: 2, prescribedNotOpened: 1, denominator: 4, rate: 0.75 });
  t.true(prescribed.prescribingKnown);
});

test('開啟率 with a visit list that leaves the staff column empty: the pharmacist’s opening belongs to the listed visit', (t) => {
  const visits: Visit[] = [
    { visitId: 'V1', date: '2026-10-01', patientKey: 'k1', staff: '', careList: true, fiveClasses: true },
    { visitId: 'V2', date: '2026-10-01', patientKey: 'k2', staff: '', careList: true, fiveClasses: false },
    { visitId: 'V3', date: '2026-10-01', patientKey: 'k3', staff: '', careList: true, fiveClasses: true },
  ];
  const rows = [
    row('2026-10-01T01:00:00Z', { action: 'care-list-open', patientKey: 'k1' }),
    row('2026-10-01T02:00:00Z', { action: 'care-list-open', patientKey: 'k2' }),
  ];
  // V1 opened + prescribed, V2 opened only, V3 prescribed only: 2 / 3, not 2 / 5.
  const { rate } = computeReport(rows, { ...OCT, visits }).careList;
  t.like(rate, { opened: 2, openedAndPrescribed: 1, openedNotPrescribed: 1, prescribedNotOpened: 1, neither: 0, denominator: 3 });
});

// From a review: the visit list said the patient was not on the care list, and the prescribing
// system's row counted in the denominator all the same (1/2 instead of 1/1).
test('開啟率: a care-list-prescribed row for a visit the list marks care_list N is not counted', (t) => {
  const visits: Visit[] = [
    { visitId: 'V1', date: '2026-10-01', patientKey: 'k1', staff: '', careList: true, fiveClasses: null },
    { visitId: 'V2', date: '2026-10-01', patientKey: 'k2', staff: '', careList: false, fiveClasses: null },
  ];
  const rows = [
    row('2026-10-01T01:00:00Z', { action: 'care-list-open', patientKey: 'k1' }),
    row('2026-10-01T02:00:00Z', { action: 'care-list-prescribed', patientKey: 'k1' }),
    row('2026-10-01T03:00:00Z', { action: 'care-list-prescribed', patientKey: 'k2' }),
  ];
  const { rate, prescribingKnown } = computeReport(rows, { ...OCT, visits }).careList;
  t.true(prescribingKnown);
  t.like(rate, { opened: 1, openedAndPrescribed: 1, prescribedNotOpened: 0, denominator: 1, rate: 1 });
});
