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
// --small-only counts 10k alone (about a minute: for comparing two versions of the code).
// --runs N counts N analyses at 10k instead of 5: a collection that lands inside or outside a
// short window moves a count by several per cent, more runs spread it (use 20 with --kiosk-heap).
// --no-gc sizes V8's young generation past what the counted runs allocate (after moving the
// history to the old generation), so no collection runs during them: the counts are the
// program's own work, and the difference from the default is the garbage collector's.
// --kiosk-heap counts under the kiosk's V8 heap limits (src/kiosk/heap-limits.ts), as the kiosk
// runs the analysis: the young generation stays at a few MB, so the collector copies what the
// analysis keeps alive far more often than with V8's default sizing. These counts do not
// repeat exactly (V8 sizes the old generation from measured times): count each version twice.
// Needs valgrind (apt-get install valgrind); it runs the program ~50 times slower, so a whole
// count takes about a quarter of an hour. V8 runs with --predictable: one thread, so the collector's work
// is counted on the main thread as well.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

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
 * Untimed analyses before counting, and analyses counted, per size (the 10k ones need more to
 * settle the JIT). Six at 100k: with two, one full collection (~500 million instructions at long
 * 100k) landed inside the window or not, and the count moved by a third for reasons of its own.
 */
const PLAN = { 10_000: { warm: 20, runs: Number(values.runs) }, 100_000: { warm: 2, runs: 6 } };
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

const nodeFlags = ['--predictable', ...(values['no-gc'] ? ['--expose-gc', '--min-semi-space-size=1024', '--max-semi-space-size=1024'] : [])];

/** Ir, D1 misses and LL data misses of one driver run. */
function count(shape, size, warm, runs) {
  const args = ['--tool=cachegrind', '--cache-sim=yes', ...CACHES, '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
  args.push(process.execPath, ...nodeFlags, driver, shape, String(size), values.pass, String(warm), String(runs));
  return new Promise((resolve, reject) => {
    const env = { ...process.env, YAOLI_COUNT_KIOSK_HEAP: values['kiosk-heap'] ? '1' : '0' };
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => {
      const figure = (label) => Number((err.match(new RegExp(`${label}:\\s+([\\d,]+)`)) ?? [])[1]?.replaceAll(',', '') ?? Number.NaN);
      const result = { ir: figure('I\\s+refs'), d1: figure('D1\\s+misses'), ll: figure('LLd misses') };
      if (code !== 0 || Number.isNaN(result.ir)) reject(new Error(`valgrind failed (${code}):\n${err.slice(-2000)}`));
      else resolve(result);
    });
  });
}

/** Per-analysis counts at one size: (warm + runs) minus warm alone, divided by runs; both at once (2 cores). */
async function perAnalysis(shape, size) {
  const { warm, runs } = PLAN[size];
  const [base, counted] = await Promise.all([count(shape, size, warm, 0), count(shape, size, warm, runs)]);
  return { ir: (counted.ir - base.ir) / runs, d1: (counted.d1 - base.d1) / runs, ll: (counted.ll - base.ll) / runs };
}

const millions = (n) => (n / 1e6).toFixed(n < 10e6 ? 2 : 1);
const heap = `${values['no-gc'] ? ', no garbage collection during the counted runs' : ''}${values['kiosk-heap'] ? ", the kiosk's heap limits" : ''}`;
console.log(`pass ${values.pass}${heap}; millions per analysis`);
console.log('history  records        Ir      D1 miss   LL miss');
try {
  for (const shape of shapes) {
    const small = await perAnalysis(shape, 10_000);
    const line = (size, c) => `${shape.padEnd(7)}  ${String(size).padStart(7)}  ${millions(c.ir).padStart(8)}  ${millions(c.d1).padStart(11)}  ${millions(c.ll).padStart(8)}`;
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
