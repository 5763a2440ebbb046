// The prepared records as typed-array columns (record-columns.ts), the start order as
// positions (PreparedHistory.startOrder) and the K1 groups as slices of one positions array
// (k1-slots.ts): the facts each pass reads without the record objects.
import test from 'ava';
import type { MedicationRecord } from '../../../src/core/domain/types.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { COMPUTABLE, EXCEPTION, IN_MG, PICKUP, RESET } from '../../../src/core/domain/record-columns.ts';
import { filteredSlices, k1Slots, type K1Slices } from '../../../src/core/domain/k1-slots.ts';
import { CLINIC_A, PHARMACY, drug, medication } from './fixtures.ts';

const TODAY = '2025-05-10';

test('columns: flags, day numbers, daily amount, 就醫序號 and the strings a pass lists', (t) => {
  const records = [
    drug('AMLODIPINE', 'C08CA01', { id: 'mg', unitStrengthMg: 5, quantity: 56, daysSupply: 28, visitSeqNo: '0042', exceptionCode: 'R001' }),
    drug('AMLODIPINE', 'C08CA01', { id: 'prn', frequency: 'PRN', exceptionCode: 'R005', visitSeqNo: '****' }),
    drug('VALSARTAN', 'C09CA03', { id: 'pickup', refillDate: '2025-05-20', visitSeqNo: 'IC02', institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id }),
    drug('VALSARTAN', 'C09CA03', { id: 'bad date', visitDate: '2025-02-30', visitSeqNo: null, quantity: 0 }),
  ];
  const { columns, preparer } = PreparedHistory.of(records, TODAY);
  // A start that is no calendar day is not computable: it cannot be placed in the walk.
  t.deepEqual(Array.from(columns.flags), [COMPUTABLE | EXCEPTION | RESET | IN_MG, EXCEPTION, COMPUTABLE | PICKUP, 0]);
  t.is(columns.reasons[3], 'no-start-date');
  t.is(columns.startDay[0], preparer.dayOf('2025-05-01'));
  t.is(columns.endDay[0], preparer.dayOf('2025-05-29'));
  t.is(columns.startDay[2], preparer.dayOf('2025-05-20'), 'a pickup starts on 慢連箋領藥日');
  t.is(columns.visitDay[2], preparer.dayOf('2025-05-01'), 'and was prescribed on its 就醫日期');
  t.is(columns.visitDay[0], columns.startDay[0]);
  t.true(Number.isNaN(columns.visitDay[3] as number));
  t.is(columns.leftToday[0], 19);
  t.true(Number.isNaN(columns.startDay[3] as number));
  t.is(columns.daily[0], 10, 'mg per day: 2 × 5 mg');
  t.is(columns.daily[1], 1, 'units per day without a strength');
  t.true(Number.isNaN(columns.daily[3] as number), 'no quantity: no daily amount');
  t.deepEqual(Array.from(columns.seq), [42, -1, -1, -1]);
  t.is(columns.drug[0], columns.drug[1], 'one drug code, one number');
  t.not(columns.drug[0], columns.drug[2]);
  t.deepEqual(columns.ids, ['mg', 'prn', 'pickup', 'bad date']);
  t.deepEqual(columns.prescribers, [CLINIC_A.id, CLINIC_A.id, CLINIC_A.id, CLINIC_A.id]);
  t.deepEqual(columns.institutions, [CLINIC_A.name, CLINIC_A.name, PHARMACY.name, CLINIC_A.name]);
});

test('a long history is prepared block by block: each record\'s columns are what it gets prepared alone', (t) => {
  // 1,300 records cross the blocks prepare works in (512); the mix varies by position.
  const kinds = [
    (i: number) => drug('AMLODIPINE', 'C08CA01', { unitStrengthMg: 5, quantity: 2 * (i % 30), daysSupply: i % 30, visitSeqNo: String(i % 10_000).padStart(4, '0') }),
    (i: number) => drug('VALSARTAN', 'C09CA03', { frequency: i % 3 === 0 ? 'PRN' : 'BID', exceptionCode: i % 5 === 0 ? 'R003' : null }),
    (i: number) => drug('ZOLPIDEM', 'N05CF02', { refillDate: '2025-05-20', visitSeqNo: 'IC02', institution: PHARMACY, chronicOriginInstitutionId: CLINIC_A.id, cloudElderlyMark: i % 2 === 0 }),
    () => drug('LATANOPROST', 'S01EE01', { dosageForm: 'eye', visitDate: '2025-02-30' }),
  ];
  const records = Array.from({ length: 1300 }, (_, i) => (kinds[i % kinds.length] as (i: number) => MedicationRecord)(i));
  const { columns, preparer } = PreparedHistory.of(records, TODAY);
  for (const i of [0, 1, 510, 511, 512, 513, 1023, 1024, 1025, 1298, 1299]) {
    const alone = PreparedHistory.of([records[i] as MedicationRecord], TODAY);
    const one = alone.columns;
    const facts = (c: typeof columns, at: number) => [
      c.startDay[at], c.visitDay[at], c.endDay[at], c.order[at], c.leftToday[at], c.daysSupply[at], c.daily[at], c.flags[at], c.seq[at],
      c.reasons[at], c.ids[at], c.names[at], c.institutions[at], c.institutionIds[at], c.prescribers[at], c.visits[at],
    ];
    t.deepEqual(facts(columns, i), facts(one, 0), `record ${i}`);
    t.is(preparer.productFacts(columns.product[i] as number).drugCode, alone.preparer.productFacts(one.product[0] as number).drugCode);
  }
});

test('start order: positions of the readable records by S, larger N, input order — the comparator even where the keys cannot be packed', (t) => {
  const day = (i: number) => ['0001-01-01', '9999-12-31', '2025-05-01', '2025-05-02'][i % 4] as string;
  // Days from year 1 to 9999 and N from 0 to 99,999 over 25,000 records: past 2^53 packed, so sorted by the comparator.
  for (const count of [40, 25_000]) {
    const records = Array.from({ length: count }, (_, i) => medication({ id: `r${i}`, visitDate: day(i), daysSupply: [0, 99_999, 28, 28][(i >> 2) % 4] as number }));
    records.splice(7, 0, medication({ id: 'unreadable', visitDate: 'garbage' }));
    const history = PreparedHistory.of(records, TODAY);
    const { startDay, order } = history.columns;
    const expected = records.map((_, i) => i).filter((i) => Number.isFinite(startDay[i])).sort((a, b) => (order[a] as number) - (order[b] as number) || a - b);
    t.deepEqual(Array.from(history.startOrder()), expected, `${count} records`);
  }
});

test('K1 slots: one slice per ingredient and form in start order, a record once per slot, filtered by flags and by a kept list', (t) => {
  const exforge = { drugCode: 'EXFORGE', isCombination: true, ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }] };
  const records: MedicationRecord[] = [
    drug('VALSARTAN', 'C09CA03', { id: 'v late', visitDate: '2025-05-03' }),
    medication({ ...exforge, id: 'combo', visitDate: '2025-05-02' }),
    drug('VALSARTAN', 'C09CA03', { id: 'v twice', visitDate: '2025-05-01', ingredients: [{ name: 'VALSARTAN', atc7: 'C09CA03' }, { name: 'VALSARTAN', atc7: 'C09CA03' }] }),
    drug('VALSARTAN', 'C09CA03', { id: 'v prn', visitDate: '2025-05-04', frequency: 'PRN' }),
    drug('VALSARTAN', 'C09CA03', { id: 'v eye', visitDate: '2025-05-05', dosageForm: 'eye' }),
  ];
  const history = PreparedHistory.of(records, TODAY);
  const all = k1Slots(history);
  // The slices a filter leaves, in the order the slots were first filled; empty ones left out.
  const slices = (required: number, counted: Uint8Array | null) => {
    const slots = filteredSlices(all, history.columns.flags, required, counted);
    return all.filled
      .filter((slot) => slots.ends[slot] !== slots.ends[slot + 1])
      .map((slot) => ({
        ids: Array.from(slots.members.subarray(slots.ends[slot], slots.ends[slot + 1]), (i) => records[i]?.id),
        first: records[slots.firstIndex[slot] as number]?.id,
      }));
  };
  t.deepEqual(slices(0, null), [
    { ids: ['v twice', 'combo', 'v late', 'v prn'], first: 'v late' },
    { ids: ['combo'], first: 'combo' },
    { ids: ['v eye'], first: 'v eye' },
  ]);
  t.deepEqual(slices(COMPUTABLE, null), [
    { ids: ['v twice', 'combo', 'v late'], first: 'v late' },
    { ids: ['combo'], first: 'combo' },
  ]);
  const kept = new Uint8Array(records.length).fill(1);
  kept[0] = 0;
  t.deepEqual(slices(COMPUTABLE, kept)[0], { ids: ['v twice', 'combo'], first: 'combo' });
  // Every slot, empty ones included, against the unfiltered slices filtered plainly.
  const every = (s: K1Slices) => Array.from(s.firstIndex, (first, slot) => ({ first, ids: Array.from(s.members.subarray(s.ends[slot], s.ends[slot + 1])) }));
  for (const [required, counted] of [[COMPUTABLE, null], [COMPUTABLE, kept], [0, kept]] as const) {
    const plain = every(all).map(({ ids }) => {
      const left = ids.filter((i) => ((history.columns.flags[i] as number) & required) === required && (counted === null || counted[i] === 1));
      return { first: left.length === 0 ? -1 : Math.min(...left), ids: left };
    });
    t.deepEqual(every(filteredSlices(all, history.columns.flags, required, counted)), plain);
  }
});
