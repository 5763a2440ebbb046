// The counter's reading of V8's --trace-opt output: a compile inside the counted runs is
// counted as their work, so the counter must see it and find a stretch of runs without.
import test from 'ava';
import { compilesPerRun, quietStart } from '../../scripts/bench/jit-quiet.mjs';

const output = [
  '[compiling method 0x1 <JSFunction digits (sfi = 0x2)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  'counted run 0',
  '[marking 0x1 <JSFunction prepare (sfi = 0x2)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: hot and stable]',
  '[compiling method 0x1 <JSFunction prepare (sfi = 0x2)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  '[completed compiling 0x1 <JSFunction prepare (sfi = 0x2)> (target TURBOFAN) - took 0.01, 2.1, 0.02 ms]',
  'counted run 1',
  'counted run 2',
  '[compiling method 0x3 <JSFunction walkDays (sfi = 0x4)> (target TURBOFAN) OSR, mode: ConcurrencyMode::kSynchronous]',
  '[compiling method 0x5 <JSFunction groupsOfPrepared (sfi = 0x6)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  'counted run 3',
  '41',
].join('\n');

test('compiles are counted per marked run; compiles before the first mark are not', (t) => {
  t.deepEqual(compilesPerRun(output), [1, 0, 2, 0]);
});

test('output without marks has no runs', (t) => {
  t.deepEqual(compilesPerRun('[compiling method 0x1 <JSFunction f (sfi = 0x2)> (target TURBOFAN)]\n7\n'), []);
});

test('the quiet stretch starts at the planned warm-up when that is quiet, later when not', (t) => {
  t.is(quietStart([0, 0, 0, 0, 0], 1, 3), 1);
  t.is(quietStart([3, 0, 1, 0, 0, 0, 2], 1, 3), 3);
});

test('without a quiet stretch the one with the fewest compiles is taken (the first of equals)', (t) => {
  t.is(quietStart([1, 2, 1, 1, 3, 1], 0, 2), 2);
  t.is(quietStart([1, 1, 1, 1], 0, 2), 0);
});
