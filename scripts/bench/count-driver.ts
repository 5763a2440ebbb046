// The program scripts/bench/count-analysis.mjs runs under valgrind: builds one synthetic
// history, runs `warm` untimed analyses (or one pass of it) and then `runs` more. The counter
// subtracts a run with runs = 0 from one with runs > 0, so the history, start-up and warm-up
// cancel out and what remains is the work of `runs` analyses.
// Arguments: SHAPE (long|dense) SIZE PASS WARM RUNS. PASS is `whole`, `prepare` or one pass
// of analysis-passes.ts on a history prepared up front. YAOLI_COUNT_KIOSK_HEAP=1 (the counter's
// --kiosk-heap) sets the kiosk's heap limits first, before the history grows the heap.
import { limitHeapGrowth } from '../../src/kiosk/heap-limits.ts';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { BENCH_TODAY, passesOn, prepare, shapedHistory, type HistoryShape } from './analysis-passes.ts';

if (process.env.YAOLI_COUNT_KIOSK_HEAP === '1') limitHeapGrowth();
const [shapeText, sizeText, pass, warmText, runsText] = process.argv.slice(2);
const shape: HistoryShape = shapeText === 'long' ? 'long' : 'dense';
const history = shapedHistory(shape, Number(sizeText));
const prepared = prepare(history);
prepared.startOrder();
prepared.k1Slots();
// With --expose-gc (the counter's no-GC mode) the history moves to the old generation now,
// so a young generation sized past the runs' allocation never collects during them.
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
collect?.();

const passes: Record<string, () => number> = {
  whole: () => analyzeHistory(history, BENCH_TODAY).alerts.length,
  prepare: () => {
    const fresh = prepare(history);
    fresh.startOrder();
    return fresh.k1Slots().members.length;
  },
  ...passesOn(history, prepared),
};
// The start order and the K1 slots are kept by the prepared history after their first call:
// counted within prepare.
delete passes['start order'];
delete passes['K1 slots'];
const run = passes[pass ?? ''];
if (run === undefined) throw new Error(`unknown pass ${pass}; one of ${Object.keys(passes).join(', ')}`);
let sink = 0;
// The JIT first: a function called only a few times (each pass is called once per analysis)
// still runs its loops partly in the interpreter, which at 100k would count several times the
// optimised code's instructions. Thirty analyses of a 1,000-record history settle it, as the
// timed bench's smaller sizes do before its 100k runs.
const small = shapedHistory(shape, 1_000);
for (let i = 0; i < 30; i += 1) sink += analyzeHistory(small, BENCH_TODAY).alerts.length;
for (let i = 0; i < Number(warmText); i += 1) sink += run();
// Each counted run is marked: the counter reads V8's --trace-opt lines between the marks (a
// compile inside the counted runs is counted with them: --predictable compiles on the main
// thread). jit-quiet.mjs reads these marks.
for (let i = 0; i < Number(runsText); i += 1) {
  console.log(`counted run ${i}`);
  sink += run();
}
// Printed so the runs cannot be optimised away.
console.log(sink);
