import test from 'ava';
import { Numbering } from '../../../src/core/domain/remembered.ts';

test('Numbering: keys get 0, 1, 2 … in the order first met, and keep their number', (t) => {
  const numbers = new Numbering<string>();
  t.is(numbers.size, 0);
  t.deepEqual(['oral', 'eye', 'oral', 'patch', 'eye'].map((key) => numbers.of(key)), [0, 1, 0, 2, 1]);
  t.is(numbers.size, 3);
  // Equal text from another string object is the same key.
  t.is(numbers.of(['pat', 'ch'].join('')), 2);
});
