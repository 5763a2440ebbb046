// The bench's synthetic history carries no ID that could be a real person's.
import test from 'ava';
import { isValidNationalId } from '../../src/core/domain/national-id.ts';
import { SYNTHETIC_NATIONAL_ID, syntheticHistory } from '../../scripts/bench/synthetic-history.ts';

test('the synthetic patient\'s national ID has the ID\'s shape and a check digit that fails', (t) => {
  t.regex(SYNTHETIC_NATIONAL_ID, /^[A-Z][12]\d{8}$/);
  t.false(isValidNationalId(SYNTHETIC_NATIONAL_ID));
  t.is(syntheticHistory({ records: 10, today: '2025-11-03', spanDays: 30 }).patient?.nationalId, SYNTHETIC_NATIONAL_ID);
});
