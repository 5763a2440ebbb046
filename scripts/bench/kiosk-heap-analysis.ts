// The analysis as the kiosk runs it: under the kiosk's V8 heap limits (src/kiosk/heap-limits.ts),
// which keep the young generation at the few MB it starts with so RSS stays ≤ 120 MB. Every
// MB the analysis allocates is then a scavenge that copies what is still alive, so the kiosk
// pays more for garbage than `yaoli analyze` and the main analysis table (V8's default sizing).
// Run as its own process by analysis.bench.ts: the limits must go in before the heap grows,
// as bin/yaoli.mjs sets them before the bundle loads. Prints one JSON line per history shape.
import { limitHeapGrowth } from '../../src/kiosk/heap-limits.ts';

limitHeapGrowth();

const { analyzeHistory } = await import('../../src/core/domain/analysis.ts');
const { BENCH_TODAY, shapedHistory } = await import('./analysis-passes.ts');

export interface KioskHeapRow {
  shape: 'long' | 'dense';
  size: number;
  /** Median wall ms per analysis. */
  wall: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

for (const shape of ['long', 'dense'] as const) {
  // The same warm-up order as the main table: small histories first, then untimed runs.
  const small = shapedHistory(shape, 1_000);
  for (let i = 0; i < 60; i += 1) analyzeHistory(small, BENCH_TODAY);
  for (const size of [10_000, 100_000]) {
    const history = shapedHistory(shape, size);
    const runs = size === 10_000 ? 25 : 7;
    for (let i = 0; i < (size === 10_000 ? 30 : 2); i += 1) analyzeHistory(history, BENCH_TODAY);
    const wall: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      analyzeHistory(history, BENCH_TODAY);
      wall.push(performance.now() - started);
    }
    const row: KioskHeapRow = { shape, size, wall: median(wall) };
    console.log(JSON.stringify(row));
  }
}
