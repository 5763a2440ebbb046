// Builds the one shipped bundle, dist/yaoli.mjs, in production mode (Ink's development
// reconciler leaks memory in a long-running kiosk). Native modules stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
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
    plugins: [noDevtools],
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
