// Which width `yaoli analyze` fits its tables to: --width, else the terminal's, else none.
import test from 'ava';
import { reportWidth } from '../../src/commands/analyze.ts';

test('in a terminal the tables fit its width; --width wins over it', (t) => {
  t.is(reportWidth(undefined, { isTTY: true, columns: 120 }), 120);
  t.is(reportWidth(90, { isTTY: true, columns: 120 }), 90);
});

test('into a file or a pipe there is no limit unless --width is given', (t) => {
  t.is(reportWidth(undefined, { isTTY: false, columns: 120 }), undefined);
  t.is(reportWidth(undefined, {}), undefined);
  t.is(reportWidth(100, {}), 100);
});
