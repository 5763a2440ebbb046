// `yaoli sim` end to end: a real child process, its printed URL answers, Ctrl-C (SIGINT)
// closes it with exit code 0; bad arguments exit 2 with a bilingual message.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import test from 'ava';
import { run } from '../../src/commands/sim.ts';

const CLI = new URL('../../src/cli.ts', import.meta.url).pathname;

test('yaoli sim prints its URL, masked patients and staff, and stops cleanly on SIGINT', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'sim', '--port', '0', '--today', '2026-11-23', '--seed', '99'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => child.kill('SIGKILL'));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match && output.includes('Ctrl-C')) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
  const health = (await (await fetch(`${url}/__sim/health`)).json()) as { ok: boolean; seed: number; today: string; patients: number };
  t.deepEqual([health.ok, health.seed, health.today, health.patients], [true, 99, '2026-11-23', 240]);
  t.regex(output, /P001 {2}[A-Z]\d{2}\*{4}\d{3} {2}chronic-elderly/);
  t.regex(output, /S06 .*NOT authorized/);
  t.notRegex(output, /[A-Z][12]\d{8}/, 'no unmasked national ID');
  // 'close' comes after the exit and after stdout is drained, so the goodbye line is in `output`.
  const closed = once(child, 'close');
  child.kill('SIGINT');
  const [code] = (await closed) as [number | null];
  t.is(code, 0);
  t.regex(output, /simulator stopped/);
});

test('bad arguments exit 2', async (t) => {
  const errors: string[] = [];
  const original = console.error;
  console.error = (message: string) => errors.push(message);
  try {
    t.is(await run(['--today', '2026-02-30']), 2);
    t.is(await run(['--port', '70000']), 2);
    t.is(await run(['--bogus']), 2);
  } finally {
    console.error = original;
  }
  t.regex(errors.join('\n'), /--today 必須是 YYYY-MM-DD \/ --today must be YYYY-MM-DD/);
});
