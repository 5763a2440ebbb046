// The English side of every bilingual text is English: a zh-TW word left in it (醫療辦法 §24
// sat inside the English refill.too-early alert) reads as noise to an English reader. Scanned
// in the source, so a catalogue no test renders is covered too. Names from the data (drug,
// institution, symptom) come in through facts, never through these literals.
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
/** Han ideographs, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test('no English text literal (en: \'…\') holds a zh-TW character', (t) => {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\ben:\s*(['`"])((?:\\.|(?!\1).)*)\1/g)) {
      if (CJK.test(match[2] as string)) found.push(`${relative(SRC, file)}: ${match[2]}`);
    }
  }
  t.deepEqual(found, []);
});

test('the scan finds a zh-TW character in an English literal when there is one', (t) => {
  const sample = "{ 'zh-TW': '此前不得調劑（醫療辦法 §24）', en: 'not before then (醫療辦法 §24)' }";
  const hits = [...sample.matchAll(/\ben:\s*(['`"])((?:\\.|(?!\1).)*)\1/g)].filter((m) => CJK.test(m[2] as string));
  t.is(hits.length, 1);
});
