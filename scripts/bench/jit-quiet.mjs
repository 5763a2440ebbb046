// Where the JIT is quiet: which of the count driver's runs saw V8 compile something. Under
// --predictable, V8 compiles optimised code on the main thread, so a compile inside the counted
// runs is counted as their work: the whole analysis's TurboFan recompile (40–60 ms) and another
// compile inside five counted dense 10k analyses made the count 157 million instructions per
// analysis, against 112 with no compile counted (2026-11-23). V8 keeps tiering up for 70 and
// more 10k analyses (under the kiosk's heap limits, for good), so
// no fixed warm-up avoids it; the counter finds a stretch of runs without compiles first
// (count-analysis.mjs) and checks the counted runs afterwards.

/** What count-driver.ts prints before each counted run. */
const MARK = /^counted run (\d+)$/;
/** What V8's --trace-opt prints when it starts an optimised compile (OSR included). */
const COMPILE = /^\[compiling method /;

/** Compiles per counted run, from the driver's output under --trace-opt (before the first mark: not counted). */
export function compilesPerRun(output) {
  const perRun = [];
  let run = -1;
  for (const line of output.split('\n')) {
    const mark = MARK.exec(line);
    if (mark !== null) {
      run = Number(mark[1]);
      perRun[run] = 0;
    } else if (run >= 0 && COMPILE.test(line)) perRun[run] += 1;
  }
  return perRun;
}

/**
 * The first `length` consecutive runs at or after `from` without a compile, as the index of
 * the first; when there is none, the stretch with the fewest. `compiles` from compilesPerRun.
 */
export function quietStart(compiles, from, length) {
  let best = from;
  let fewest = Infinity;
  for (let start = from; start + length <= compiles.length; start++) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += compiles[i] ?? 0;
    if (sum === 0) return start;
    if (sum < fewest) {
      fewest = sum;
      best = start;
    }
  }
  return best;
}
