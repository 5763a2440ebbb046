// Builds the one shipped bundle, dist/yaoli.mjs, in production mode (Ink's development
// reconciler leaks memory in a long-running kiosk). Native modules stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildBundle({ quiet = false } = {}) {
  const started = performance.now();
  await build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    outfile: join(root, 'dist', 'yaoli.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minifySyntax: true,
    legalComments: 'none',
    sourcemap: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Native addons load their .node file at run time; react-devtools-core is Ink's
    // optional development hook and never loads in production.
    external: ['better-sqlite3', 'pcsclite', 'react-devtools-core'],
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: "import { createRequire as __yaoliCreateRequire } from 'node:module'; const require = __yaoliCreateRequire(import.meta.url);",
    },
    logLevel: quiet ? 'error' : 'warning',
  });
  if (!quiet) console.error(`built dist/yaoli.mjs in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBundle();
}
