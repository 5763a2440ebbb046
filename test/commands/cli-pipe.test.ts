// A reader that stops early (`yaoli analyze … | head -1`) closes the pipe under a long report:
// yaoli stops quietly with its own exit code, not an unhandled EPIPE and exit 1 (fuzzer).
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medicationRow } from '../core/medicloud/fixtures.ts';

const root = new URL('../../', import.meta.url).pathname;

test('analyze piped into a reader that closes after the first line exits 0 and prints no error', async (t) => {
  t.timeout(180_000);
  const file = join(mkdtempSync(join(tmpdir(), 'yaoli-pipe-')), 'long.json');
  // Enough rows that the report outgrows the pipe's buffer, so some writes find it closed.
  const rows = Array.from({ length: 3000 }, (_, i) => medicationRow({ r: i + 1, hosp_id: String(9900001000 + i), hosp: `H${i};門診;${9900001000 + i}` }));
  writeFileSync(file, JSON.stringify({ medications: { robject: rows } }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'analyze', '--input', file, '--today', '2025-11-03'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.is(code, 0, stderr);
  t.is(stderr, '');
});
