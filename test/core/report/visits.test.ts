// The --visits list: good lines used, bad lines reported by number and kind, never a crash.
import { createHash } from 'node:crypto';
import test from 'ava';
import { parseVisits, resolveVisits } from '../../../src/core/report/index.ts';
import { STAFF_A, syntheticId } from './helpers.ts';

const P1 = syntheticId(1);
const KEY = 'a'.repeat(64);

test('header in any order, ISO and ROC dates, national ID or patient key, staff masked, Y/N flags', (t) => {
  const text = [
    'date,visit_id,patient,staff,five_classes,care_list',
    `2026-10-01,V1,${P1},${STAFF_A},Y,Y`,
    `115/10/02,V2,${KEY},B12****158,n,`,
    `1151003,"V,3",${P1.toLowerCase()},,是,否`,
  ].join('\r\n');
  const { visits, problems } = parseVisits(text);
  t.deepEqual(problems, []);
  t.deepEqual(visits, [
    { line: 2, visitId: 'V1', date: '2026-10-01', patient: { nationalId: P1 }, staff: 'B12****158', careList: true, fiveClasses: true },
    { line: 3, visitId: 'V2', date: '2026-10-02', patient: { key: KEY }, staff: 'B12****158', careList: null, fiveClasses: false },
    { line: 4, visitId: 'V,3', date: '2026-10-03', patient: { nationalId: P1 }, staff: '', careList: false, fiveClasses: true },
  ]);
  const keyOf = (id: string) => createHash('sha256').update(id).digest('hex');
  const resolved = resolveVisits(visits, keyOf);
  t.deepEqual(resolved.map((v) => v.patientKey), [keyOf(P1), KEY, keyOf(P1)]);
  t.false(JSON.stringify(resolved).includes(P1), 'no national ID past resolution');
});

test('without a header the columns are positional; bad lines are skipped with their line numbers', (t) => {
  const text = [
    `V1,2026-10-01,${P1},${STAFF_A}`,
    'V2,2026-10-01',
    `,2026-10-01,${P1},`,
    `V4,2026-02-30,${P1},`,
    'V5,2026-10-01,A123456788,',
    `V6,2026-10-01,${P1},NOT-AN-ID`,
    `V7,2026-10-01,${P1},,maybe`,
    `V8,2026-10-01,${P1},`,
    `"V9,2026-10-01,${P1},`,
  ].join('\n');
  const { visits, problems } = parseVisits(text);
  t.deepEqual(visits.map((v) => v.visitId), ['V1', 'V8']);
  t.deepEqual(problems, [
    { line: 2, kind: 'columns' },
    { line: 3, kind: 'visit-id' },
    { line: 4, kind: 'date' },
    { line: 5, kind: 'patient' },
    { line: 6, kind: 'staff' },
    { line: 7, kind: 'flag' },
    { line: 9, kind: 'quote' },
  ]);
});

test('an empty file is no visits and no problems', (t) => {
  t.deepEqual(parseVisits(''), { visits: [], problems: [] });
  t.deepEqual(parseVisits('visit_id,date,patient,staff\n'), { visits: [], problems: [] });
});
