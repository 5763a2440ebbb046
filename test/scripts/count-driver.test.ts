// The program `npm run bench:count` runs under valgrind: every pass it names must run, and a
// wrong name must fail rather than count nothing.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compilesPerRun } from '../../scripts/bench/jit-quiet.mjs';

const driver = fileURLToPath(new URL('../../scripts/bench/count-driver.ts', import.meta.url));
const runDriver = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', driver, ...args], { encoding: 'utf8' });

for (const pass of ['whole', 'prepare', 'duplicates', 'elderly', 'groups', 'care list', 'refills']) {
  test(`the count driver runs the ${pass} pass and prints its sink`, (t) => {
    const result = runDriver('dense', '500', pass, '0', '2');
    t.is(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    t.deepEqual(lines.slice(0, -1), ['counted run 0', 'counted run 1']);
    t.regex(lines.at(-1) as string, /^\d+$/);
  });
}

test('an unknown pass fails with the list of passes', (t) => {
  const result = runDriver('long', '500', 'everything', '0', '1');
  t.not(result.status, 0);
  t.regex(result.stderr, /unknown pass everything; one of whole, prepare, duplicates, elderly, groups, care list, refills/);
});

test('under the kiosk heap limits (the counter\'s --kiosk-heap) the driver runs and keeps the young generation small', (t) => {
  const probe = `import { getHeapSpaceStatistics } from 'node:v8';
process.on('exit', () => console.error('new space MB', getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576));`;
  const run = (kiosk: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(probe)}`, driver, 'dense', '3000', 'whole', '0', '3'], {
      encoding: 'utf8',
      env: { ...process.env, YAOLI_COUNT_KIOSK_HEAP: kiosk },
    });
  const newSpace = (result: ReturnType<typeof run>) => Number(/new space MB (\d+(\.\d+)?)/.exec(result.stderr)?.[1]);
  const [limited, plain] = [run('1'), run('0')];
  t.is(limited.status, 0, limited.stderr);
  t.is(plain.status, 0, plain.stderr);
  t.true(newSpace(limited) < newSpace(plain), `${newSpace(limited)} MB under the limits, ${newSpace(plain)} MB without`);
});

test('the driver marks each counted run, and under --trace-opt the counter finds which runs compiled', (t) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--predictable', '--trace-opt', driver, 'long', '500', 'whole', '0', '12'], { encoding: 'utf8' });
  t.is(result.status, 0, result.stderr);
  const compiles = compilesPerRun(result.stdout);
  t.is(compiles.length, 12);
  // A fresh process optimises its hot functions during its first analyses.
  t.true(compiles.reduce((sum, n) => sum + n, 0) > 0, 'no compile seen: is --trace-opt still printing "[compiling method"?');
});
