// The program `npm run bench:count` runs under valgrind: every pass it names must run, and a
// wrong name must fail rather than count nothing.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const driver = fileURLToPath(new URL('../../scripts/bench/count-driver.ts', import.meta.url));
const runDriver = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', driver, ...args], { encoding: 'utf8' });

for (const pass of ['whole', 'prepare', 'duplicates', 'elderly', 'groups', 'care list', 'refills']) {
  test(`the count driver runs the ${pass} pass and prints its sink`, (t) => {
    const result = runDriver('dense', '500', pass, '0', '2');
    t.is(result.status, 0, result.stderr);
    t.regex(result.stdout.trim(), /^\d+$/);
  });
}

test('an unknown pass fails with the list of passes', (t) => {
  const result = runDriver('long', '500', 'everything', '0', '1');
  t.not(result.status, 0);
  t.regex(result.stderr, /unknown pass everything; one of whole, prepare, duplicates, elderly, groups, care list, refills/);
});
