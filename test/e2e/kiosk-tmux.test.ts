// The shipped bundle in a real 80x24 terminal (tmux), on the embedded default: demo tray,
// staff S01 logs in with the deck PIN, patient P001 (verbal consent), alerts and rows on
// screen, sort, filter, tabs, then the card comes out and the patient's name is gone.
import test from 'ava';
import { orSkipped } from '../skipped-with-reason.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { buildEntry } from '../../scripts/build.mjs';
import { hasTmux, openTerminal, type Terminal } from '../../scripts/e2e/tmux.ts';

const tmuxTest = orSkipped(test, hasTmux() ? null : 'tmux is not installed (CI installs it)');

const root = join(import.meta.dirname, '..', '..');
const deck = demoDeck();
// A developer's own YAOLI_* settings (readers, config file, home) must not reach the kiosk under test.
const notYaoli = (name: string) => name.startsWith('YAOLI_');
const s01 = findStaff(deck, 'S01');
const p001 = findPatient(deck, 'P001');

// One build for both tests (they run concurrently; a second build would replace the chunks under the first).
let built: Promise<string> | null = null;
const bundle = () => (built ??= buildEntry(undefined, join(root, 'dist', 'e2e', 'yaoli.mjs')));

/** Open the tray and move the cursor to a deck card (the tray lists S01…S08, then P001…). */
async function trayPick(term: Terminal, deckId: string): Promise<void> {
  term.send('t');
  await term.waitFor((s) => s.includes('示範卡匣（'), 'the demo tray');
  const index = deckId.startsWith('S') ? Number(deckId.slice(1)) - 1 : 8 + Number(deckId.slice(1)) - 1;
  for (let i = 0; i < index; i++) term.send('Down');
  await term.waitFor((s) => s.split('\n').some((l) => l.includes(`▶ ${deckId}`)), `the cursor on ${deckId}`);
  term.send('Enter');
}

tmuxTest('kiosk end to end in tmux: tray, PIN, patient, alerts, sort, filter, tabs, card out', async (t) => {
  t.timeout(120_000);
  const file = await bundle();
  const home = mkdtempSync(join(tmpdir(), 'yaoli-e2e-'));
  const term = openTerminal(`node ${file} --today 2026-11-23`, { cwd: root, env: { YAOLI_HOME: home, NODE_ENV: 'production' }, dropEnv: notYaoli });
  t.teardown(() => {
    term.close();
    rmSync(home, { recursive: true, force: true });
  });
  if (!s01 || !p001) return t.fail('the demo deck has S01 and P001');

  // The reader status and the demo title arrive separately (the title once the tray exists):
  // wait for both rather than assert on whichever frame came first.
  const idle = await term.waitFor((s) => s.includes('請插入醫事人員卡') && s.includes('virtual:') && s.includes('示範模式'), 'the idle screen with virtual readers in demo mode', 20_000);
  t.true(idle.includes('示範卡匣插入卡片') || idle.includes('F2/t'), 'the tray is offered');

  await trayPick(term, 'S01');
  await term.waitFor((s) => /S01.*已插入/.test(s), 'S01 inserted');
  term.send('Escape');
  await term.waitFor((s) => s.includes('醫事人員卡密碼'), 'the staff PIN screen');
  term.type(s01.pin);
  const masked = await term.waitFor((s) => s.includes('******'), 'the masked PIN');
  t.false(masked.includes(s01.pin), 'the PIN is never on screen');
  term.send('Enter');
  await term.waitFor((s) => s.includes('請插入病人健保卡'), 'logged in, waiting for the patient card');

  await trayPick(term, 'P001');
  await term.waitFor((s) => /P001.*已插入/.test(s), 'P001 inserted');
  term.send('Escape');
  await term.waitFor((s) => s.includes('口頭同意'), 'the verbal-consent question');
  term.send('Enter');
  const view = await term.waitFor((s) => s.includes(p001.name) && s.includes('1 摘要'), 'the patient view', 20_000);
  t.true(view.includes('A'), 'masked ID shown');
  t.false(view.includes(p001.nationalId), 'never the full national ID');
  t.true(view.includes('慢箋'), 'the chronic-refill alert');
  t.true(view.includes('過敏紀錄'), 'the allergy alert');

  term.send('2');
  const records = await term.waitFor((s) => s.includes('藥品名稱') && /\d+\/\d+ 筆/.test(s), 'the records table');
  const total = Number(/\d+\/(\d+) 筆/.exec(records)?.[1]);
  t.true(total > 5);
  const lines = records.replace(/\n$/, '').split('\n');
  t.is(lines[23]?.trim() ?? '', '', 'the bottom row stays empty: the frame is rows − 1 tall');

  term.send('>');
  await term.waitFor((s) => s.includes('排序：日期▲'), 'sorted by date');
  term.send('s');
  await term.waitFor((s) => s.includes('排序：日期▼'), 'date descending');

  term.send('/');
  term.type('NORVASC');
  const filtered = await term.waitFor((s) => s.includes('/ 篩選：NORVASC') && /\d+\/\d+ 筆/.test(s), 'filtered to NORVASC');
  const shown = Number(/(\d+)\/\d+ 筆/.exec(filtered)?.[1]);
  t.true(shown > 0 && shown < total);
  t.true(filtered.split('\n').filter((l) => /^[ >]\d{3}\//.test(l)).every((l) => l.includes('NORVASC')));
  term.send('Escape');
  await term.waitFor((s) => s.includes(`${total}/${total} 筆`), 'filter cleared');

  term.send('3');
  await term.waitFor((s) => s.includes('累計餘藥') && s.includes('AMLODIPINE'), 'the leftover tab');
  term.send('4');
  await term.waitFor((s) => s.includes('下次可領'), 'the refill tab');

  await trayPick(term, 'P001');
  await term.waitFor((s) => !/P001.*已插入/.test(s), 'P001 removed');
  term.send('Escape');
  const after = await term.waitFor((s) => s.includes('健保卡已取出') && !s.includes('示範卡匣（'), 'the card-removed notice, tray closed');
  t.false(after.includes(p001.name), 'the patient name is gone from the screen');
  t.false(after.includes('NORVASC'));

  term.send('F10');
  const exited = await term.waitFor((s) => s.includes('EXIT 0'), 'a clean exit');
  t.false(exited.includes('請插入'), 'the alternate screen is gone: the shell screen is back');
});

tmuxTest('SIGTERM gives the terminal back: alternate screen left, cursor shown, exit code 130', async (t) => {
  t.timeout(60_000);
  const file = await bundle();
  const home = mkdtempSync(join(tmpdir(), 'yaoli-e2e-'));
  const pidFile = join(home, 'pid');
  const term = openTerminal(`sh -c 'echo $$ > ${pidFile}; exec node ${file}'`, { cwd: root, env: { YAOLI_HOME: home }, dropEnv: notYaoli });
  t.teardown(() => {
    term.close();
    rmSync(home, { recursive: true, force: true });
  });
  await term.waitFor((s) => s.includes('請插入醫事人員卡'), 'the idle screen', 20_000);
  const { readFileSync } = await import('node:fs');
  process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
  const after = await term.waitFor((s) => s.includes('EXIT 130'), 'the exit after SIGTERM');
  t.false(after.includes('請插入醫事人員卡'), 'the kiosk screen is gone');
});
