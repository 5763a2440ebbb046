import test from 'ava';
import { displayWidth, fit, truncate } from '../../src/ui/text/width.ts';

test('CJK characters count two columns, ASCII one', (t) => {
  t.is(displayWidth('ABC'), 3);
  t.is(displayWidth('西醫用藥'), 8);
  t.is(displayWidth('歐陽翰英 A'), 10);
});

test('truncation cuts whole characters by display width and ends in the ellipsis', (t) => {
  t.is(truncate('台北榮民總醫院', 7), '台北榮…');
  t.is(displayWidth(truncate('台北榮民總醫院', 8)), 7, 'a wide character that would cross the edge is left out, not split');
  t.is(truncate('NORVASC', 10), 'NORVASC');
  t.is(truncate('NORVASC TABLETS', 8, '~'), 'NORVASC~');
});

test('fit pads to exactly the width, left or right aligned, and flattens newlines', (t) => {
  t.is(fit('藥局', 6), '藥局  ');
  t.is(fit('28', 4, 'right'), '  28');
  t.is(displayWidth(fit('本態性高血壓（原發性）', 9)), 9);
  t.is(fit('a\nb', 3), 'a b');
});
