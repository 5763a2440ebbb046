// The simulator's query log is a bounded ring: the newest entries survive, in arrival order,
// and only masked IDs are ever stored.
import test from 'ava';
import { demoDeck, findPatient } from '../../src/demo/deck.ts';
import { maskNationalId } from '../../src/core/domain/national-id.ts';
import { createQueryLog } from '../../src/sim/query-log.ts';

const patientId = findPatient(demoDeck(), 'P001')?.nationalId ?? 'missing';

const entry = (n: number) => ({
  at: `2026-11-23T01:00:${String(n).padStart(2, '0')}Z`,
  endpoint: 'imue0008s02' as const,
  patientId,
  staffId: null,
  hospId: '3501200000',
  cliDatetime: null,
  status: 200,
});

test('below the limit every entry is kept in order, IDs masked', (t) => {
  const log = createQueryLog(3);
  log.append(entry(1));
  log.append(entry(2));
  t.deepEqual(log.entries().map((e) => e.at.slice(-3)), ['01Z', '02Z']);
  t.is(log.entries()[0]?.patient, maskNationalId(patientId));
  t.not(log.entries()[0]?.patient, patientId);
});

test('past the limit the oldest entries go, the rest stay in arrival order', (t) => {
  const log = createQueryLog(3);
  for (let n = 1; n <= 7; n++) log.append(entry(n));
  t.deepEqual(log.entries().map((e) => e.at.slice(-3)), ['05Z', '06Z', '07Z']);
  log.clear();
  t.deepEqual(log.entries(), []);
  log.append(entry(8));
  t.deepEqual(log.entries().map((e) => e.at.slice(-3)), ['08Z']);
});

test('entries() hands out copies: changing one does not change the log', (t) => {
  const log = createQueryLog(2);
  log.append(entry(1));
  const [first] = log.entries();
  if (first) first.status = 500;
  t.is(log.entries()[0]?.status, 200);
});
