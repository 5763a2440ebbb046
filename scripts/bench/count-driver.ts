// The program scripts/bench/count-analysis.mjs runs under valgrind: builds one synthetic
// history, runs `warm` untimed analyses (or one pass of it) and then `runs` more. The counter
// subtracts a run with runs = 0 from one with runs > 0, so the history, start-up and warm-up
// cancel out and what remains is the work of `runs` analyses.
// Arguments: SHAPE (long|dense) SIZE PASS WARM RUNS. PASS is `whole` or one pass on a
// history prepared up front (prepare, duplicates, elderly, groups, refills).
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { PreparedHistory } from '../../src/core/domain/prepared-history.ts';
import { groupsOfPrepared } from '../../src/core/domain/group-leftover.ts';
import { duplicatesOfPrepared } from '../../src/core/domain/duplicates.ts';
import { elderlyOfPrepared } from '../../src/core/domain/elderly.ts';
import { refillStatus, sortRefills } from '../../src/core/domain/refill.ts';
import { DEFAULT_SETTINGS as settings } from '../../src/core/domain/settings.ts';
import { syntheticHistory } from './synthetic-history.ts';

const TODAY = '2025-11-03';
const [shape, sizeText, pass, warmText, runsText] = process.argv.slice(2);
const size = Number(sizeText);
const history = syntheticHistory({ records: size, today: TODAY, spanDays: shape === 'long' ? Math.ceil(size * 0.6) : 90 });
const prepared = PreparedHistory.of(history.medications, TODAY);
prepared.byStart();
// With --expose-gc (the counter's no-GC mode) the history moves to the old generation now,
// so a young generation sized past the runs' allocation never collects during them.
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
collect?.();

const passes: Record<string, () => number> = {
  whole: () => analyzeHistory(history, TODAY).alerts.length,
  prepare: () => PreparedHistory.of(history.medications, TODAY).byStart().length,
  duplicates: () => duplicatesOfPrepared(prepared, settings).length,
  elderly: () => elderlyOfPrepared(history.patient, prepared, { elderlyAge: settings.elderlyAge }).length,
  groups: () => groupsOfPrepared(prepared).length,
  refills: () => sortRefills(history.chronic.map((p) => refillStatus(p, TODAY, settings.refill))).length,
};
const run = passes[pass ?? ''];
if (run === undefined) throw new Error(`unknown pass ${pass}; one of ${Object.keys(passes).join(', ')}`);
let sink = 0;
// The JIT first: a function called only a few times (each pass is called once per analysis)
// still runs its loops partly in the interpreter, which at 100k would count several times the
// optimised code's instructions. Thirty analyses of a 1,000-record history settle it, as the
// timed bench's smaller sizes do before its 100k runs.
const small = syntheticHistory({ records: 1_000, today: TODAY, spanDays: shape === 'long' ? 600 : 90 });
for (let i = 0; i < 30; i += 1) sink += analyzeHistory(small, TODAY).alerts.length;
for (let i = 0; i < Number(warmText) + Number(runsText); i += 1) sink += run();
// Printed so the runs cannot be optimised away.
console.log(sink);
