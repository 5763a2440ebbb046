// The analysis as the kiosk runs it: under the kiosk's V8 heap limits (src/kiosk/heap-limits.ts),
// which keep the young generation at the few MB it starts with so RSS stays ≤ 120 MB. Every
// MB the analysis allocates is then a scavenge that copies what is still alive, so the kiosk
// pays more for garbage than `yaoli analyze` and the main analysis table (V8's default sizing).
// Run as its own process by analysis.bench.ts: the limits must go in before the heap grows,
// as bin/yaoli.mjs sets them before the bundle loads. Prints one JSON line per history shape
// and size, timed as the main tables are (analysis-timing.ts).
import { limitHeapGrowth } from '../../src/kiosk/heap-limits.ts';

limitHeapGrowth();

const { shapedHistory } = await import('./analysis-passes.ts');
const { RUNS, SIZES, timeRuns, WARM_UP } = await import('./analysis-timing.ts');

export interface KioskHeapRow {
  shape: 'long' | 'dense';
  size: number;
  /** Median wall ms per analysis. */
  wall: number;
}

// The main tables' sizes, runs and warm-up, in their order (small histories first).
for (const shape of ['long', 'dense'] as const) {
  for (const size of SIZES) {
    const { wall } = timeRuns(shapedHistory(shape, size), RUNS[size] ?? 5, WARM_UP[size] ?? 2);
    const row: KioskHeapRow = { shape, size, wall };
    console.log(JSON.stringify(row));
  }
}
