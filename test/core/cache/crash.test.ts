// kill -9 in the middle of writing snapshots (SPEC §4 reliability): the cache still opens,
// passes its integrity check, and holds every transaction the writer reported as committed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { isValidNationalId } from '../../../src/core/domain/national-id.ts';
import { syntheticId } from './fixtures/synthetic-ids.ts';
import { open, tempPlace } from './helpers.ts';

const writer = fileURLToPath(new URL('./fixtures/snapshot-writer.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Spawns the writer, waits (on its stdout, not on time) for `atLeast` commits, then SIGKILLs it. */
function killAfterCommits(db: string, keyFile: string, atLeast: number): Promise<{ reported: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, db, keyFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let reported = 0;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) reported = Math.max(reported, Number(line));
      if (reported >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      // Lines already in the pipe when the kill landed are committed too: count them.
      for (const line of buffered.split('\n')) if (line) reported = Math.max(reported, Number(line));
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without SIGKILL: ${stderr}`));
      else resolve({ reported, signal });
    });
  });
}

test('synthetic IDs for the writer are valid and distinct', (t) => {
  const ids = Array.from({ length: 300 }, (_, i) => syntheticId(i + 1));
  t.true(ids.every(isValidNationalId));
  t.is(new Set(ids).size, ids.length);
});

test('a writer killed with SIGKILL mid-write leaves a cache holding every committed snapshot', async (t) => {
  const place = tempPlace(t);
  const { reported, signal } = await killAfterCommits(place.db, place.keyFile, 60);
  t.is(signal, 'SIGKILL');
  t.true(reported >= 60);
  const { cache, recovered } = open(t, place);
  t.is(recovered, undefined, 'not treated as damage');
  t.deepEqual(cache.integrity(), ['ok']);
  for (let n = 1; n <= reported; n++) {
    const snapshots = cache.getSnapshots(syntheticId(n));
    if (snapshots.length !== 2) t.fail(`commit ${n} of ${reported} lost`);
    t.deepEqual(snapshots.find((s) => s.endpoint === 'imue0040s02')?.payload, { n });
  }
  // The transaction in flight at the kill is all-or-nothing.
  t.true([0, 2].includes(cache.getSnapshots(syntheticId(reported + 1)).length));
  t.true([reported, reported + 1].includes(cache.stats().patients));
});
