// graphemes() segments a long text in pieces (Intl.Segmenter is quadratic in a text's length):
// the pieces must give exactly the clusters one pass over the whole text gives.
import test from 'ava';
import fc from 'fast-check';
import { graphemes } from '../../src/text/graphemes.ts';

const whole = (text: string) => Array.from(new Intl.Segmenter('zh-TW', { granularity: 'grapheme' }).segment(text), (s) => s.segment);

test('the clusters of a long mixed text are those of one pass: CJK, Latin, combining marks, emoji with joiners, CR LF, kana sound marks', (t) => {
  const part = fc.constantFrom('示範醫學中心', 'NORVASC 5MG', 'e\u0301', '👨‍👩‍👧', '🇹🇼', '\r\n', 'か\u3099', '，', '（', 'Ｎ', ' ', '-', 'é', '\u200d', '\ufe0f', 'x');
  fc.assert(
    fc.property(fc.array(part, { minLength: 100, maxLength: 400 }), (parts) => {
      const text = parts.join('');
      const pieces = Array.from(graphemes(text));
      return pieces.join('') === text && JSON.stringify(pieces) === JSON.stringify(whole(text));
    }),
    { numRuns: 200 },
  );
  t.pass();
});

test('a 100,000-character run of one character is 100,000 clusters', (t) => {
  t.is(Array.from(graphemes('-'.repeat(100_000))).length, 100_000);
  t.is(Array.from(graphemes('藥'.repeat(100_000))).length, 100_000);
});
