// The kiosk's V8 heap limits (src/kiosk/heap-limits.ts) are applied at run time, where V8 reads
// them on each resize. A Node upgrade that stopped honouring them would silently bring back
// the 160–200 MB kiosk, so the effect itself is checked, in a fresh process each time.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_HEAP_FLAGS } from '../../src/kiosk/heap-limits.ts';

const root = join(import.meta.dirname, '..', '..');

// Work whose objects live a little while (a rolling window of 50,000 small records, as a
// table's rows do across a few frames): V8 grows the young generation for that.
const CHURN = `
  const { getHeapSpaceStatistics } = await import('node:v8');
  const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  if (process.env.LIMIT === '1') (await import(${JSON.stringify(join(root, 'src', 'kiosk', 'heap-limits.ts'))})).limitHeapGrowth();
  const before = young();
  const window = new Array(50000);
  for (let i = 0; i < 2000000; i++) window[i % 50000] = { row: i, label: 'row ' + i };
  console.log(JSON.stringify({ before, after: young() }));
`;

function youngGeneration(limit: boolean): { before: number; after: number } {
  const child = spawnSync(process.execPath, ['--import=tsx', '--input-type=module', '-e', CHURN], {
    cwd: root,
    env: { ...process.env, LIMIT: limit ? '1' : '0' },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim()) as { before: number; after: number };
}

test('with the kiosk limits the young generation keeps its size under churn; without them V8 grows it', (t) => {
  const limited = youngGeneration(true);
  t.true(limited.after <= limited.before, `young generation ${limited.before} → ${limited.after} bytes`);
  const free = youngGeneration(false);
  t.true(free.after > free.before, `control: young generation ${free.before} → ${free.after} bytes`);
});

test('bin/yaoli.mjs sets the same flags before the bundle loads', (t) => {
  const bin = readFileSync(join(root, 'bin', 'yaoli.mjs'), 'utf8');
  t.true(bin.includes(`setFlagsFromString('${KIOSK_HEAP_FLAGS.join(' ')}')`));
  t.true(bin.indexOf('setFlagsFromString(') < bin.indexOf('await import(bundle)'));
});

test('npm start goes through bin/yaoli.mjs, so the kiosk gets the limits there too', (t) => {
  const start = readFileSync(join(root, 'scripts', 'start.mjs'), 'utf8');
  t.regex(start, /join\(root, 'bin', 'yaoli\.mjs'\)/);
});
