// Wrapping by display cells: English breaks at spaces, Chinese between characters, no line
// starts with closing punctuation, continuation lines hang under the first.
import test from 'ava';
import fc from 'fast-check';
import { wrapToWidth } from '../../src/text/wrap.ts';
import { displayWidth } from '../../src/text/table.ts';

test('English breaks only at spaces, continuation lines hang under the first line\'s text', (t) => {
  const text = '[warning] Chronic refill NORVASC: fill 3/3 not before 2025-11-07; collecting early counts as duplicate medication';
  const lines = wrapToWidth(text, 40, 10);
  t.deepEqual(lines, [
    '[warning] Chronic refill NORVASC: fill',
    '          3/3 not before 2025-11-07;',
    '          collecting early counts as',
    '          duplicate medication',
  ]);
});

test('Chinese breaks between characters, but never before ，。、；：or a closing bracket, nor after an opening one', (t) => {
  const lines = wrapToWidth('慢箋：第二次最早可領日已在效期之後，不能再領（已領兩次），需重新開立處方。', 20);
  for (const line of lines) t.true(displayWidth(line) <= 20, line);
  for (const line of lines.slice(1)) t.false(/^[，。、；：）]/.test(line), line);
  for (const line of lines) t.false(/（$/.test(line), line);
  t.is(lines.join(''), '慢箋：第二次最早可領日已在效期之後，不能再領（已領兩次），需重新開立處方。');
});

test('a word longer than the line is cut by characters; a short text is one line; leading spaces stay', (t) => {
  t.deepEqual(wrapToWidth('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10), ['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ']);
  t.deepEqual(wrapToWidth('短句', 60), ['短句']);
  t.deepEqual(wrapToWidth('  indented line that wraps here', 20), ['  indented line that', 'wraps here']);
  t.deepEqual(wrapToWidth('', 20), ['']);
});

test('property: every line fits, and the lines hold the text\'s characters in order (spaces aside)', (t) => {
  const piece = fc.constantFrom('示範', '醫學中心', 'NORVASC', '5MG', ' ', ' ', '，', '。', '（', '）', '(', ')', '2025-11-07', 'a', 'supercalifragilisticexpialidocious', '→', '、');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 10, max: 100 }), fc.integer({ min: 0, max: 12 }), (parts, width, indent) => {
      const text = parts.join('');
      const lines = wrapToWidth(text, width, indent);
      if (!lines.every((line) => displayWidth(line) <= width)) return false;
      return lines.join('').replace(/ /g, '') === text.replace(/ /g, '');
    }),
  );
  t.pass();
});

test('a 100,000-character name wraps into lines of the width, every character kept', (t) => {
  const name = `${'-'.repeat(50_000)}藥${'x'.repeat(49_999)}`;
  const lines = wrapToWidth(`病人 ${name} 男`, 100, 2);
  t.true(lines.every((line) => displayWidth(line) <= 100));
  t.is(lines.join('').replace(/ /g, ''), `病人${name}男`);
});
