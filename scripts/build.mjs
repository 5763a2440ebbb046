// Builds the one shipped bundle, dist/yaoli.mjs, in production mode (Ink's development
// reconciler leaks memory in a long-running kiosk). Native modules stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Ink imports react-devtools-core statically for its DEV-only hook; as an external it would be a
// top-level import of a package that is not installed, so the bundle gets an inert stand-in.
const noDevtools = {
  name: 'no-react-devtools',
  setup(builder) {
    builder.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'yaoli-stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'yaoli-stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
      loader: 'js',
    }));
  },
};

/** Entries either cache holds before it starts over (a screenful is a few hundred strings). */
export const INK_TEXT_CACHE_LIMIT = 2000;

// Ink 6.8 remembers every text it has measured (measure-text.js) or wrapped (wrap-text.js) in
// caches that never forget: a kiosk showing a different patient all day grows by ~0.45 MB per
// 100 patients and keeps their names and drugs in memory long after the card has left. The
// bundle caps both. Each edit must match exactly, so an Ink upgrade that changes them fails the
// build instead of silently shipping the leak.
const INK_CACHE_EDITS = {
  'measure-text.js': [['cache.set(text, dimensions);', `if (cache.size >= ${INK_TEXT_CACHE_LIMIT}) cache.clear();\n    cache.set(text, dimensions);`]],
  'wrap-text.js': [
    ['const cache = {};', 'let cache = {};\nlet cacheSize = 0;'],
    ['cache[cacheKey] = wrappedText;', `if (++cacheSize > ${INK_TEXT_CACHE_LIMIT}) {\n        cache = {};\n        cacheSize = 1;\n    }\n    cache[cacheKey] = wrappedText;`],
  ],
};

/** Ink's text cache module `name` with its cache capped; throws when Ink's source has changed. */
export function capInkTextCache(name, source) {
  let out = source;
  for (const [from, to] of INK_CACHE_EDITS[name] ?? []) {
    if (out.split(from).length !== 2) throw new Error(`build: ink/build/${name} changed; cannot cap its text cache (looked for "${from}")`);
    out = out.replace(from, to);
  }
  return out;
}

const boundedInkCaches = {
  name: 'bounded-ink-text-caches',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text)\.js$/ }, (args) => ({
      contents: capInkTextCache(basename(args.path), readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/**
 * Builds `entry` (default src/cli.ts) into `outfile` (default dist/yaoli.mjs), the entry of the
 * shipped bundle. Every dynamic import — a subcommand, the kiosk's world behind its first frame —
 * becomes a lazily loaded chunk in `chunks/` beside it, so a command only parses what it runs.
 */
export async function buildEntry(entry = join(root, 'src', 'cli.ts'), outfile = join(root, 'dist', 'yaoli.mjs'), { quiet = true } = {}) {
  const started = performance.now();
  // Chunk names carry content hashes: clear old ones so the folder holds one build.
  rmSync(join(dirname(outfile), 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: { [basename(outfile, '.mjs')]: entry },
    outdir: dirname(outfile),
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minifySyntax: true,
    legalComments: 'none',
    sourcemap: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Native addons load their .node file at run time.
    external: ['better-sqlite3', 'pcsclite'],
    plugins: [noDevtools, boundedInkCaches],
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: "import { createRequire as __yaoliCreateRequire } from 'node:module'; const require = __yaoliCreateRequire(import.meta.url);",
    },
    logLevel: quiet ? 'error' : 'warning',
  });
  if (!quiet) console.error(`built ${outfile} in ${Math.round(performance.now() - started)} ms`);
  return outfile;
}

/** The product: src/cli.ts → dist/yaoli.mjs (+ dist/chunks/). */
export function buildBundle({ quiet = false } = {}) {
  return buildEntry(undefined, undefined, { quiet });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBundle();
}
