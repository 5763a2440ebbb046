// `npm run bench:ab -- OTHER_CHECKOUT [--shape long|dense] [--size N] [--runs N] [--warm N]
// [--histories N]`: the analysis of another checkout (a git worktree of an earlier commit)
// against this one, in one process. First whether the two give the same output (the whole
// Analysis as JSON) on synthetic histories of many sizes and spans; then the wall ms of both,
// run alternately (A B, then B A, …). On this shared machine a 10k median moves by 20–50 %
// between runs minutes apart (docs/analysis-speed.md), so two separate bench runs cannot
// compare versions; alternating in one process puts the same drift on both.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { analyzeHistory as Analyze } from '../../src/core/domain/analysis.ts';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { BENCH_TODAY, shapedHistory, type HistoryShape } from './analysis-passes.ts';
import { percentile } from './analysis-timing.ts';
import { syntheticHistory } from './synthetic-history.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    shape: { type: 'string', default: 'dense' },
    size: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '150' },
    warm: { type: 'string', default: '60' },
    histories: { type: 'string', default: '160' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const other = positionals[0];
const module = other === undefined ? '' : join(resolve(other), 'src/core/domain/analysis.ts');
if (other === undefined || !existsSync(module)) {
  fail(`usage: npm run bench:ab -- OTHER_CHECKOUT (a checkout with src/core/domain/analysis.ts)\n用法：npm run bench:ab -- 另一份程式碼的目錄（須有 src/core/domain/analysis.ts）`);
}
const counts = { size: Number(values.size), runs: Number(values.runs), warm: Number(values.warm), histories: Number(values.histories) };
for (const [name, value] of Object.entries(counts)) {
  if (!Number.isInteger(value) || value < 0) fail(`--${name} takes a whole number\n--${name} 須為整數`);
}
const shape: HistoryShape = values.shape === 'long' ? 'long' : 'dense';

const before = ((await import(pathToFileURL(module).href)) as { analyzeHistory: typeof Analyze }).analyzeHistory;

/** Seeds whose two outputs differ, over histories of 200–900 records spread over 20–420 days. */
function differingSeeds(histories: number): number[] {
  const differ: number[] = [];
  for (let seed = 0; seed < histories; seed++) {
    const history = syntheticHistory({ records: 200 + ((seed * 53) % 700), today: BENCH_TODAY, spanDays: 20 + ((seed * 37) % 400), seed });
    if (JSON.stringify(before(history, BENCH_TODAY)) !== JSON.stringify(analyzeHistory(history, BENCH_TODAY))) differ.push(seed);
  }
  return differ;
}

const differ = differingSeeds(counts.histories);
console.log(
  counts.histories === 0
    ? 'output not compared (--histories 0)'
    : differ.length === 0
    ? `same output on ${counts.histories} synthetic histories`
    : `the output differs on ${differ.length} of ${counts.histories} synthetic histories (seeds ${differ.slice(0, 10).join(', ')}${differ.length > 10 ? ', …' : ''})`,
);

const history = shapedHistory(shape, counts.size);
const versions = [
  { name: resolve(other), analyze: before, wall: [] as number[] },
  { name: 'this checkout', analyze: analyzeHistory, wall: [] as number[] },
];
for (let i = 0; i < counts.warm; i++) for (const version of versions) version.analyze(history, BENCH_TODAY);
for (let i = 0; i < counts.runs; i++) {
  // Alternate which goes first, so neither always runs right after the other's garbage.
  const order = i % 2 === 0 ? versions : [...versions].reverse();
  for (const version of order) {
    const started = performance.now();
    version.analyze(history, BENCH_TODAY);
    version.wall.push(performance.now() - started);
  }
}
console.log(`${shape} history, ${counts.size} records, ${counts.runs} runs each after ${counts.warm} of warm-up, wall ms:`);
console.log('  min      p25   median      p75   version');
for (const version of versions) {
  const at = (p: number) => (version.wall.length === 0 ? Number.NaN : percentile(version.wall, p)).toFixed(2).padStart(7);
  console.log(`${at(0)}  ${at(0.25)}  ${at(0.5)}  ${at(0.75)}   ${version.name}`);
}
