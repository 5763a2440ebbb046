// How the analysis benches time analyzeHistory: the sizes, the runs and untimed warm-up runs
// per size, and the median wall and CPU ms of those runs. The main tables (analysis.bench.ts)
// and the same tables under the kiosk's heap limits (kiosk-heap-analysis.ts, its own process)
// time the same way, so their figures can stand side by side.
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import type { PatientHistory } from '../../src/core/domain/types.ts';
import { median as medianOfSorted } from '../../src/core/report/stats.ts';
import { BENCH_TODAY } from './analysis-passes.ts';

export const SIZES = [1_000, 10_000, 100_000];
export const RUNS: Record<number, number> = { 1_000: 40, 10_000: 25, 100_000: 7 };
/**
 * Untimed runs first: a fresh process's first few dozen 10k analyses take up to twice the settled
 * time (JIT tiers, heap growth), which would flatter the 100k/10k ratio and overstate the 10k cost.
 */
export const WARM_UP: Record<number, number> = { 1_000: 60, 10_000: 30, 100_000: 2 };

export function median(values: number[]): number {
  return medianOfSorted([...values].sort((a, b) => a - b));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] as number;
}

/** Process CPU ms so far (user + system): steadier than the wall clock on a shared machine. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface TimedRuns {
  wall: number;
  cpu: number;
  cpuP10: number;
  alerts: number;
}

/** `warmUp` untimed analyses, then the medians of `runs` timed ones (and the CPU 10th percentile). */
export function timeRuns(history: PatientHistory, runs: number, warmUp: number): TimedRuns {
  let alerts = 0;
  for (let i = 0; i < warmUp; i += 1) alerts = analyzeHistory(history, BENCH_TODAY).alerts.length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const startedCpu = cpuMs();
    analyzeHistory(history, BENCH_TODAY);
    wall.push(performance.now() - started);
    cpu.push(cpuMs() - startedCpu);
  }
  return { wall: median(wall), cpu: median(cpu), cpuP10: percentile(cpu, 0.1), alerts };
}
