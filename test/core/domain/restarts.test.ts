// What the carry walk drops (restarts.ts), in the cases a review found: amounts that drift by
// less than the rounding margin at each step, and refill pickups that do not name their
// prescriber. The walk itself is checked against a naive one in analysis-equivalence.property.
import test from 'ava';
import { groupLeftovers } from '../../../src/core/domain/group-leftover.ts';
import { CLINIC_A, CLINIC_B, PHARMACY, drug } from './fixtures.ts';

const zolpidem = (id: string, overrides: Parameters<typeof drug>[2]) =>
  drug('ZOLPIDEM', 'N05CF02', { id, drugCode: `Z${id}`, frequency: 'HS', daysSupply: 28, quantity: 28, ...overrides });

test('amounts that drift apart step by step are a dose change, whatever else the group holds', (t) => {
  // 1, then a hair less, then a hair more mg a day: the last two differ by more than the margin.
  const rows = [
    zolpidem('a', { visitDate: '2025-01-01', unitStrengthMg: 1, institution: CLINIC_A }),
    zolpidem('b', { visitDate: '2025-01-11', unitStrengthMg: 1 - 0.9e-9, institution: CLINIC_A }),
    zolpidem('c', { visitDate: '2025-01-21', unitStrengthMg: 1 + 0.9e-9, institution: CLINIC_A }),
  ];
  const unrelated = zolpidem('x', { visitDate: '2024-06-01', unitStrengthMg: 2, daysSupply: 7, quantity: 7, institution: CLINIC_B });
  t.like(groupLeftovers(rows, '2025-01-22')[0], { leftoverDays: 27 });
  t.like(groupLeftovers([...rows, unrelated], '2025-01-22')[0], { leftoverDays: 27 });
});

test('pickups that do not name their prescriber are nobody\'s dose change: two clinics\' slips at one pharmacy both carry', (t) => {
  const fromA = zolpidem('a', { visitDate: '2024-12-01', refillDate: '2025-01-01', visitSeqNo: 'IC02', unitStrengthMg: 10, institution: PHARMACY });
  const fromB = zolpidem('b', { visitDate: '2024-12-20', refillDate: '2025-01-06', visitSeqNo: 'IC02', unitStrengthMg: 5, institution: PHARMACY });
  // Named or not, the same answer: A's 28 days, then B's 28 (the pharmacy is not one doctor changing the dose).
  const named = [{ ...fromA, chronicOriginInstitutionId: CLINIC_A.id }, { ...fromB, chronicOriginInstitutionId: CLINIC_B.id }];
  for (const rows of [[fromA, fromB], named]) t.like(groupLeftovers(rows, '2025-01-10')[0], { leftoverDays: 47, noCarryLeftoverDays: 24 });
});

test('two unnamed slips collected at one pharmacy on one day are two supplies, not one prescriber\'s two strengths taken together', (t) => {
  const fromA = zolpidem('a', { visitDate: '2024-12-01', refillDate: '2025-01-06', visitSeqNo: 'IC02', unitStrengthMg: 10, institution: PHARMACY });
  const fromB = zolpidem('b', { visitDate: '2024-12-20', refillDate: '2025-01-06', visitSeqNo: 'IC02', unitStrengthMg: 5, institution: PHARMACY });
  // 28 + 28 days from 1/06: 52 left on 1/10 (taken together they read 24).
  t.like(groupLeftovers([fromA, fromB], '2025-01-10')[0], { leftoverDays: 52, noCarryLeftoverDays: 24 });
});
