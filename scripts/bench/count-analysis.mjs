// `npm run bench:count`: the analysis's work at 10k and 100k records counted, not timed.
// Runs scripts/bench/count-driver.ts under valgrind's cachegrind, which counts every
// instruction executed (Ir) and simulates the caches (first-level data misses D1, last-level
// misses LL on a 16 MB cache), the same on every run with V8's default heap sizing. The timed
// bench moves by ±10–50 % on this shared machine; these counts move by well under 1 %, so two
// versions of the code can be compared from one run each at 10k (and with --no-gc at 100k, where
// one full collection more or less moves the default count), and the 100k/10k ratio of the work
// itself can be read.
//
//   npm run bench:count [-- --pass whole|prepare|duplicates|elderly|groups|'care list'|refills] [--no-gc] [--kiosk-heap] [--shape long|dense] [--small-only] [--runs N]
//
// --small-only counts 10k alone (2–3 minutes, about 20 with --kiosk-heap: for comparing two versions of the code).
// --runs N counts N analyses at 10k instead of 5: a collection that lands inside or outside a
// short window moves a count by several per cent, more runs spread it (use 20 with --kiosk-heap).
// --no-gc sizes V8's young generation past what the counted runs allocate (after moving the
// history to the old generation) and puts the old generation's first limit far off, so no
// collection runs during them: the counts are the program's own work, and the difference from
// the default is the garbage collector's.
// --kiosk-heap counts under the kiosk's V8 heap limits (src/kiosk/heap-limits.ts), as the kiosk
// runs the analysis: the young generation stays at a few MB, so the collector copies what the
// analysis keeps alive far more often than with V8's default sizing. These counts do not
// repeat exactly (V8 sizes the old generation from measured times): count each version twice.
// Needs valgrind (apt-get install valgrind); it runs the program ~50 times slower, so a whole
// count takes about a quarter of an hour. V8 runs with --predictable: one thread, so the collector's work
// is counted on the main thread as well, and so is the JIT's: the warm-up is stretched until the
// counted analyses compile nothing (jit-quiet.mjs; the driver is run natively first to find where),
// and the table says how long it was and how many compiles the counted runs still saw (0 is the aim).
// Counts before 2026-11-23 included such compiles: a whole-analysis recompile inside the counted
// window added 20–45 million instructions per 10k analysis (docs/analysis-speed.md).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { compilesPerRun, quietStart } from './jit-quiet.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    pass: { type: 'string', default: 'whole' },
    shape: { type: 'string', multiple: true },
    'no-gc': { type: 'boolean', default: false },
    'kiosk-heap': { type: 'boolean', default: false },
    'small-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const shapes = values.shape ?? ['long', 'dense'];
/**
 * Untimed analyses before counting (at least; stretched until the JIT is quiet), analyses
 * counted, and how many more analyses the quiet stretch is looked for in, per size. Six at 100k:
 * with two, one full collection (~500 million instructions at long 100k) landed inside the
 * window or not, and the count moved by a third for reasons of its own.
 */
const PLAN = { 10_000: { warm: 20, runs: Number(values.runs), search: 150 }, 100_000: { warm: 2, runs: 6, search: 24 } };
if (!(PLAN[10_000].runs >= 1)) {
  console.error('--runs takes a whole number of analyses (1 or more)\n--runs 須為正整數');
  process.exit(2);
}
/** Simulated caches: a 32 KB first level and a 16 MB last level, an EPYC core's L1 and its share of L3. */
const CACHES = ['--I1=32768,8,64', '--D1=32768,8,64', '--LL=16777216,16,64'];

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind not found: apt-get install valgrind\nvalgrind 未安裝：apt-get install valgrind');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'yaoli-count-'));
const driver = join(work, 'count-driver.mjs');
// One bundle: no TypeScript loader runs under valgrind.
await build({ entryPoints: [join(here, 'count-driver.ts')], bundle: true, platform: 'node', format: 'esm', outfile: driver, logLevel: 'warning' });

// --trace-opt: the driver's output says which runs saw a compile (jit-quiet.mjs).
// --no-gc: a young generation larger than the counted runs allocate, and an old generation whose
// first limit is far off (without it, objects V8 places in the old generation straight away
// started incremental marking inside the counted runs: a prepare pass counted 43 million
// instructions per analysis over five runs and 31 over ten, 19 once the limit was raised).
const noCollection = ['--expose-gc', '--min-semi-space-size=1024', '--max-semi-space-size=1024', '--initial-old-space-size=2048'];
const nodeFlags = ['--predictable', '--trace-opt', ...(values['no-gc'] ? noCollection : [])];
const env = { ...process.env, YAOLI_COUNT_KIOSK_HEAP: values['kiosk-heap'] ? '1' : '0' };

/** Ir, D1 misses and LL data misses of one driver run, and the compiles inside its counted runs. */
function count(shape, size, warm, runs) {
  const args = ['--tool=cachegrind', '--cache-sim=yes', ...CACHES, '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
  args.push(process.execPath, ...nodeFlags, driver, shape, String(size), values.pass, String(warm), String(runs));
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => {
      const figure = (label) => Number((err.match(new RegExp(`${label}:\\s+([\\d,]+)`)) ?? [])[1]?.replaceAll(',', '') ?? Number.NaN);
      const result = { ir: figure('I\\s+refs'), d1: figure('D1\\s+misses'), ll: figure('LLd misses') };
      if (code !== 0 || Number.isNaN(result.ir)) reject(new Error(`valgrind failed (${code}):\n${err.slice(-2000)}`));
      else resolve({ ...result, compiles: compilesPerRun(out).reduce((sum, n) => sum + n, 0) });
    });
  });
}

/**
 * The warm-up after which `runs` analyses in a row compile nothing: the driver runs natively
 * first (the same flags, so V8 tiers up at the same runs), up to `search` analyses past the
 * planned warm-up; the stretch with the fewest compiles when none is quiet.
 */
function quietWarmUp(shape, size, warm, runs, search) {
  const args = [...nodeFlags, driver, shape, String(size), values.pass, '0', String(warm + runs + search)];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the count driver failed natively:\n${result.stderr.slice(-2000)}`);
  return quietStart(compilesPerRun(result.stdout), warm, runs);
}

/**
 * Per-analysis counts at one size: (warm + runs) minus warm alone, divided by runs; both at once
 * (2 cores). The warm-up is stretched to a quiet JIT first (quietWarmUp).
 */
async function perAnalysis(shape, size) {
  const { warm: planned, runs, search } = PLAN[size];
  const warm = quietWarmUp(shape, size, planned, runs, search);
  const [base, counted] = await Promise.all([count(shape, size, warm, 0), count(shape, size, warm, runs)]);
  return { ir: (counted.ir - base.ir) / runs, d1: (counted.d1 - base.d1) / runs, ll: (counted.ll - base.ll) / runs, warm, compiles: counted.compiles };
}

const millions = (n) => (n / 1e6).toFixed(n < 10e6 ? 2 : 1);
const heap = `${values['no-gc'] ? ', no garbage collection during the counted runs' : ''}${values['kiosk-heap'] ? ", the kiosk's heap limits" : ''}`;
console.log(`pass ${values.pass}${heap}; millions per analysis`);
console.log('history  records        Ir      D1 miss   LL miss   warm-up  compiles counted');
try {
  for (const shape of shapes) {
    const small = await perAnalysis(shape, 10_000);
    const line = (size, c) =>
      `${shape.padEnd(7)}  ${String(size).padStart(7)}  ${millions(c.ir).padStart(8)}  ${millions(c.d1).padStart(11)}  ${millions(c.ll).padStart(8)}  ${String(c.warm).padStart(8)}  ${String(c.compiles).padStart(16)}`;
    console.log(line(10_000, small));
    if (values['small-only']) continue;
    const large = await perAnalysis(shape, 100_000);
    console.log(line(100_000, large));
    const ratio = (key) => (large[key] / small[key]).toFixed(1);
    console.log(`${shape.padEnd(7)}  100k/10k ${ratio('ir').padStart(8)}× ${ratio('d1').padStart(10)}× ${ratio('ll').padStart(7)}×`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
