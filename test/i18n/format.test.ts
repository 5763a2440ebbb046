// Facts keep ISO dates; a template's {name:day} / {name:month} shows them in the reader's form.
import test from 'ava';
import { format, listIn } from '../../src/i18n/index.ts';

test('{name:day} shows an ISO day as ROC in zh-TW and as ISO in English, also inside a text and a list', (t) => {
  const facts = { date: '2025-11-03', drugs: ['STILNOX 10MG (甲診所 2025-05-01)', 'ZOLNOX 10MG (乙醫院 2011-01-01)'] };
  t.is(format('{date:day}', facts, 'zh-TW'), '114/11/03');
  t.is(format('{date:day}', facts, 'en'), '2025-11-03');
  t.is(format('{drugs:day}', facts, 'zh-TW'), 'STILNOX 10MG (甲診所 114/05/01)、ZOLNOX 10MG (乙醫院 100/01/01)');
  t.is(format('{drugs:day}', facts, 'en'), 'STILNOX 10MG (甲診所 2025-05-01), ZOLNOX 10MG (乙醫院 2011-01-01)');
});

test('{name:month} shows an ISO month as ROC yyy/MM in zh-TW; ROC year 99 → 100 at 2011', (t) => {
  t.is(format('{from:month}–{to:month}', { from: '2010-12', to: '2011-01' }, 'zh-TW'), '099/12–100/01');
  t.is(format('{from:month}–{to:month}', { from: '2010-12', to: '2011-01' }, 'en'), '2010-12–2011-01');
});

test('a plain {name} and text that only looks like a date stay as written; an empty date stays empty', (t) => {
  t.is(format('{name}', { name: 'X 2025-01-01' }, 'zh-TW'), 'X 2025-01-01');
  t.is(format('{code:day}', { code: 'AB 20250101 114/01/01' }, 'zh-TW'), 'AB 20250101 114/01/01');
  t.is(format('[{nextFrom:day}]', { nextFrom: '' }, 'zh-TW'), '[]');
  t.is(format('{missing:day}', {}, 'zh-TW'), '{missing:day}');
});

test('a list is joined as the language writes one: 、 in zh-TW, a comma in English', (t) => {
  t.is(listIn(['示範醫學中心', '示範內科診所'], 'zh-TW'), '示範醫學中心、示範內科診所');
  t.is(listIn(['示範醫學中心', '示範內科診所'], 'en'), '示範醫學中心, 示範內科診所');
  t.is(format('{names}', { names: ['A', 'B'] }, 'en'), 'A, B');
});
