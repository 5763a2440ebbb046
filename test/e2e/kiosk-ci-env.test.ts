// A counter PC with CI set in its environment (a build agent's leftover, an installer's) must
// still get the kiosk's screen: Ink draws nothing interactive when it believes it runs in CI,
// so `yaoli` drops CI, CONTINUOUS_INTEGRATION and CI_* before Ink is loaded. Checked in a real
// 80x24 terminal (tmux), for the shipped bundle (code-split chunks) and for the sources via tsx.
import test from 'ava';
import { orSkipped } from '../skipped-with-reason.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEntry } from '../../scripts/build.mjs';
import { hasTmux, openTerminal } from '../../scripts/e2e/tmux.ts';

const tmuxTest = orSkipped(test, hasTmux() ? null : 'tmux is not installed (CI installs it)');

const root = join(import.meta.dirname, '..', '..');

async function idleScreenWith(t: import('ava').ExecutionContext, command: string, env: Record<string, string>): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'yaoli-e2e-ci-'));
  const term = openTerminal(command, { cwd: root, env: { YAOLI_HOME: home, NODE_ENV: 'production', ...env } });
  t.teardown(() => {
    term.close();
    rmSync(home, { recursive: true, force: true });
  });
  const idle = await term.waitFor((s) => s.includes('請插入醫事人員卡') && s.includes('F1/? 說明'), 'the idle screen', 30_000);
  // Interactive: keys work (the help opens and closes), and F10 quits cleanly.
  term.send('?');
  await term.waitFor((s) => s.includes('按鍵說明'), 'the help overlay');
  term.send('F10');
  await term.waitFor((s) => s.includes('EXIT 0'), 'a clean exit');
  return idle;
}

tmuxTest('the shipped bundle draws the idle screen and takes keys with CI=true CONTINUOUS_INTEGRATION=1 in its environment', async (t) => {
  t.timeout(90_000);
  const file = await buildEntry(undefined, join(root, 'dist', 'e2e-ci', 'yaoli.mjs'));
  const idle = await idleScreenWith(t, `node ${file} --today 2026-11-23`, { CI: 'true', CONTINUOUS_INTEGRATION: '1', CI_NAME: 'counter-pc' });
  t.true(idle.includes('藥歷 yaoli'));
});

tmuxTest('the sources (tsx) draw the idle screen with CI=true too', async (t) => {
  t.timeout(90_000);
  const idle = await idleScreenWith(t, 'node --import tsx src/cli.ts --today 2026-11-23', { CI: 'true' });
  t.true(idle.includes('藥歷 yaoli'));
});

tmuxTest('a bare `yaoli` (no arguments at all) is the kiosk too, and draws with CI=true', async (t) => {
  t.timeout(90_000);
  const idle = await idleScreenWith(t, 'node --import tsx src/cli.ts', { CI: 'true' });
  t.true(idle.includes('藥歷 yaoli'));
});
