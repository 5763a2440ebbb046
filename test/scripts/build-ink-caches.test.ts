// The shipped bundle caps Ink's two text caches (they never forget on their own: every patient's
// name and drugs would stay in memory all day). The edits are made on the installed Ink's own
// files, and the capped module must still work and really start over at the limit.
import test from 'ava';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INK_TEXT_CACHE_LIMIT, capInkTextCache } from '../../scripts/build.mjs';

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const source = (name: string) => readFileSync(join(inkBuild, name), 'utf8');

test('both of Ink 6.8 text caches are found and capped', (t) => {
  t.regex(capInkTextCache('measure-text.js', source('measure-text.js')), new RegExp(`cache\\.size >= ${INK_TEXT_CACHE_LIMIT}\\) cache\\.clear\\(\\)`));
  t.regex(capInkTextCache('wrap-text.js', source('wrap-text.js')), new RegExp(`\\+\\+cacheSize > ${INK_TEXT_CACHE_LIMIT}`));
});

test('a changed Ink source fails loudly instead of shipping the uncapped cache', (t) => {
  t.throws(() => capInkTextCache('measure-text.js', 'const cache = new Map();'), { message: /measure-text\.js changed/ });
});

test('the capped measureText still measures, and its cache starts over at the limit', async (t) => {
  // Run the capped module beside Ink's own files so its imports (widest-line) resolve the same way.
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-ink-cache-'));
  const file = join(dir, 'measure-text.mjs');
  const capped = capInkTextCache('measure-text.js', source('measure-text.js'))
    .replace("import widestLine from 'widest-line';", `import widestLine from ${JSON.stringify(pathToFileURL(createRequire(join(inkBuild, 'x.js')).resolve('widest-line')).href)};`)
    .replace('const cache = new Map();', 'export const cache = new Map();');
  writeFileSync(file, capped);
  const module = (await import(pathToFileURL(file).href)) as { default: (text: string) => { width: number; height: number }; cache: Map<string, unknown> };
  t.deepEqual(module.default('藥歷\nab'), { width: 4, height: 2 });
  for (let i = 0; i < INK_TEXT_CACHE_LIMIT * 2 + 5; i++) module.default(`row ${i}`);
  t.true(module.cache.size <= INK_TEXT_CACHE_LIMIT);
  t.true(module.cache.size > 0);
});
