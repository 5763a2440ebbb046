// Builds the shipped bundle for the kiosk end-to-end test and benchmark: the same esbuild
// settings as scripts/build.mjs, with Ink's optional development hook (react-devtools-core,
// only imported when DEV=true) replaced by an empty module instead of left external — as an
// external it becomes a top-level import of a package that is not installed, and the bundle
// cannot start. (scripts/build.mjs needs the same change; see docs/kiosk.md.)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { root } from '../build.mjs';

const noDevtools = {
  name: 'no-react-devtools',
  setup(builder) {
    builder.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'yaoli-stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'yaoli-stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
  },
};

/**
 * `outfile`'s folder also receives the split chunks: every dynamic import (a subcommand, the
 * kiosk's world behind the first frame) becomes its own chunk, loaded only when reached.
 */
export async function buildKioskBundle(outfile = join(root, 'dist', 'yaoli.mjs')) {
  return buildEntry(join(root, 'src', 'cli.ts'), outfile);
}

/** Any entry (the CLI, a benchmark driver) built the way the product is built. */
export async function buildEntry(entry, outfile) {
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
    external: ['better-sqlite3', 'pcsclite'],
    plugins: [noDevtools],
    banner: {
      js: "import { createRequire as __yaoliCreateRequire } from 'node:module'; const require = __yaoliCreateRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return outfile;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildKioskBundle(process.argv[2]));
}
