// Checklist for 單筆餘藥日數試算: the reference numbers, future rows, 無法試算, and invariants.
import test from 'ava';
import fc from 'fast-check';
import { recordLeftover, recordStart, supplyEnd } from '../../../src/core/domain/leftover.ts';
import { addDays } from '../../../src/core/domain/dates.ts';
import { record } from './record-builder.ts';

test('reference: 14 days dispensed 114/10/24, queried 114/10/28 → 10', (t) => {
  const lansoprazole = record({ visitDate: '2025-10-24', daysSupply: 14, quantity: 14, frequency: 'QDAC' });
  t.deepEqual(recordLeftover(lansoprazole, '2025-10-28'), { days: 10, notComputable: null, future: false });
});

test('cloud drug_left examples (fixture of 2025-04-14): 04/06 + 28 → 20, 04/13 + 28 → 27', (t) => {
  t.is(recordLeftover(record({ visitDate: '2025-04-06', daysSupply: 28 }), '2025-04-14').days, 20);
  t.is(recordLeftover(record({ visitDate: '2025-04-13', daysSupply: 28 }), '2025-04-14').days, 27);
});

test('research §1.4 sample: 30 days from 05/31 on 06/03 → 27; 7 days from 05/14 → 0', (t) => {
  t.is(recordLeftover(record({ visitDate: '2025-05-31', daysSupply: 30 }), '2025-06-03').days, 27);
  t.is(recordLeftover(record({ visitDate: '2025-05-14', daysSupply: 7 }), '2025-06-03').days, 0);
});

test('a refill pickup counts from 慢連箋領藥日, not the original visit', (t) => {
  const refill = record({ visitDate: '2025-01-01', refillDate: '2025-01-25', daysSupply: 28 });
  t.is(recordStart(refill), '2025-01-25');
  t.is(supplyEnd(refill), '2025-02-22');
  t.is(recordLeftover(refill, '2025-02-01').days, 21);
});

test('on the dispensing day the whole supply is left; on E it is 0', (t) => {
  const r = record({ visitDate: '2025-10-24', daysSupply: 14 });
  t.is(recordLeftover(r, '2025-10-24').days, 14);
  t.is(recordLeftover(r, '2025-11-06').days, 1);
  t.is(recordLeftover(r, '2025-11-07').days, 0);
});

test('across leap day 113/02/29 and the ROC 99→100 new year', (t) => {
  t.is(recordLeftover(record({ visitDate: '2024-02-20', daysSupply: 14 }), '2024-03-01').days, 4);
  t.is(recordLeftover(record({ visitDate: '2010-12-20', daysSupply: 28 }), '2011-01-01').days, 16);
});

test('future-dated row (尚未開始): whole supply, flagged', (t) => {
  t.deepEqual(recordLeftover(record({ visitDate: '2025-11-01', daysSupply: 28 }), '2025-10-28'), { days: 28, notComputable: null, future: true });
});

test('無法試算: PRN, ASORDER, eye drops, ointment; null frequency is still counted', (t) => {
  t.is(recordLeftover(record({ frequency: 'PRN' }), '2025-10-28').notComputable, 'prn');
  t.is(recordLeftover(record({ frequency: 'Q6HPRN' }), '2025-10-28').notComputable, 'prn');
  t.is(recordLeftover(record({ frequency: 'ASORDER' }), '2025-10-28').notComputable, 'as-ordered');
  const eyeDrops = recordLeftover(record({ dosageForm: 'eye', frequency: 'QID' }), '2025-10-28');
  t.deepEqual(eyeDrops, { days: null, notComputable: 'non-oral', future: false });
  t.is(recordLeftover(record({ dosageForm: 'topical', frequency: 'BID' }), '2025-10-28').days, null);
  t.is(recordLeftover(record({ frequency: null, visitDate: '2025-10-24', daysSupply: 14 }), '2025-10-28').days, 10);
  t.is(recordLeftover(record({ daysSupply: 0 }), '2025-10-28').notComputable, 'no-days-supply');
  // A name with no form word (LIPITOR 20MG) is not known to be oral: said so, not called non-oral.
  t.is(recordLeftover(record({ dosageForm: 'other' }), '2025-10-28').notComputable, 'unknown-form');
});

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));

test('property: leftover stays in [0, N] and drops by exactly 1 per day until 0', (t) => {
  fc.assert(fc.property(day, fc.integer({ min: 1, max: 180 }), fc.integer({ min: -200, max: 400 }), (start, n, offset) => {
    const r = record({ visitDate: start, daysSupply: n });
    const today = addDays(start, offset);
    const left = recordLeftover(r, today).days ?? -1;
    const next = recordLeftover(r, addDays(today, 1)).days ?? -1;
    if (left < 0 || left > n) return false;
    if (offset < 0) return left === n;
    return left === 0 ? next === 0 : next === left - 1;
  }));
  t.pass();
});
