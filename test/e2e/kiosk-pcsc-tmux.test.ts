// The second end-to-end run: the built bundle in tmux at 80x24 with `--readers pcsc`, and the
// cards arriving the way a technician brings them: `yaoli card insert` dials a deck card into
// vsmartcard-vpcd, real pcscd reports it, the kiosk reads it through pcsclite. Staff S01 logs
// in with the deck PIN, patient P003 (no card PIN: verbal consent) shows its cross-institution
// duplicate alert and the duplicated drug's rows, then Ctrl-C on each `card insert` pulls the
// card: the patient leaves the screen; P004's card pulled while MediCloud hangs leaves the
// loading screen; staff are logged out. MediCloud is the simulator on 127.0.0.1 (`--cloud`).
//
// This file talks to the machine's one pcscd. ava.config.mjs keeps it (and the other pcscd
// file, which restarts pcscd) out of the concurrent run; scripts/test.sh runs each alone.
import test from 'ava';
import { orSkipped } from '../skipped-with-reason.ts';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { maskNationalId } from '../../src/core/domain/national-id.ts';
import { loadPcsclite } from '../../src/device/pcsc/binding.ts';
import { vpcdReaderName } from '../../src/device/virtual/vpcd-link.ts';
import { startSimulator } from '../../src/sim/server.ts';
import { buildEntry } from '../../scripts/build.mjs';
import { openTerminal } from '../../scripts/e2e/tmux.ts';

const root = join(import.meta.dirname, '..', '..');
const deck = demoDeck();
const s01 = findStaff(deck, 'S01');
const p003 = findPatient(deck, 'P003');
const p004 = findPatient(deck, 'P004');
const TODAY = '2026-11-23';
const STAFF_SLOT = 0;
const PATIENT_SLOT = 1;
/** pcscd notices a vpcd card within about half a second; reading it adds a few APDUs. */
const CARD_WAIT = 20_000;

// Nothing of the developer's own yaoli set-up (YAOLI_HOME, YAOLI_CLOUD_URL, a config file…) leaks in.
const notYaoli = (name: string) => name.startsWith('YAOLI_');
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !notYaoli(name)));

function pcscdRunning(): boolean {
  try {
    const pid = Number(readFileSync('/run/pcscd/pcscd.pid', 'latin1').replace(/\0/g, '').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** null when tmux, pcsclite and pcscd with vpcd are all there (starting pcscd if we may), else why not. */
async function whyCannotRun(): Promise<string | null> {
  if (spawnSync('tmux', ['-V']).error) return 'tmux is not installed (apt-get install tmux)';
  if (!existsSync('/usr/sbin/pcscd') && spawnSync('pcscd', ['--version']).error) return 'pcscd is not installed (apt-get install pcscd)';
  if (!existsSync('/etc/reader.conf.d/vpcd')) return 'vsmartcard-vpcd is not installed (/etc/reader.conf.d/vpcd)';
  const pcsclite = await loadPcsclite();
  if (!pcsclite.ok) return pcsclite.reason;
  if (!pcscdRunning()) spawnSync('bash', [join(root, 'scripts/pcscd-up.sh')], { stdio: 'ignore' });
  if (!pcscdRunning()) return 'pcscd is not running and could not be started (scripts/pcscd-up.sh needs root)';
  return null;
}

const reason = await whyCannotRun();
const pcscTest = orSkipped(test, reason);

/** A deck card held in a vpcd slot by `yaoli card insert` from the bundle; Ctrl-C (SIGINT) pulls it. */
class InsertedCard {
  private readonly child: ChildProcess;
  private output = '';
  private readonly exited: Promise<number | null>;

  constructor(bundle: string, readonly deckId: string, slot: number) {
    this.child = spawn(process.execPath, [bundle, 'card', 'insert', '--slot', String(slot), '--card', deckId], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** What `card insert` printed: its own account of the card going in and out. */
  text(): string {
    return this.output;
  }

  /** Ctrl-C, as the command's help says; resolves with its exit code once the card is out. */
  remove(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  /** Teardown after a failure: the socket closes with the process, so the card leaves the slot. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

const isDrugRow = (line: string) => /^[ >]\d{3}\/\d{2}\/\d{2} /.test(line);

pcscTest('kiosk end to end in tmux on real pcscd: staff PIN, duplicate alert and drug rows, a patient card pulled in view and while loading, staff card out', async (t) => {
  t.timeout(120_000);
  if (!s01 || !p003 || !p004) return t.fail('the demo deck has S01, P003 and P004');
  if (p003.pin !== null || p004.pin !== null) return t.fail('P003 and P004 have no card PIN (verbal consent)');
  // Its own output folder: the other e2e file builds dist/e2e, and a build clears its chunks.
  const bundle = await buildEntry(undefined, join(root, 'dist', 'e2e-pcsc', 'yaoli.mjs'));
  const home = mkdtempSync(join(tmpdir(), 'yaoli-e2e-pcsc-'));
  const cards: InsertedCard[] = [];
  let term: ReturnType<typeof openTerminal> | null = null;
  const cloud = await startSimulator({ port: 0, host: '127.0.0.1', seed: deck.seed, today: TODAY });
  t.teardown(async () => {
    for (const card of cards) card.kill();
    term?.close();
    await cloud.close();
    rmSync(home, { recursive: true, force: true });
  });

  // Off the embedded demo there is no deck SAM: a technician writes the demo SAM file first.
  const samFolder = join(home, 'sam');
  execFileSync(process.execPath, [bundle, 'card', 'sam-init', '--folder', samFolder], { cwd: root, env: childEnv, stdio: 'ignore' });

  // Long cloud timeouts (the kiosk's config file): the hung look-up below must still be loading when its card is pulled.
  writeFileSync(join(home, 'config.json'), JSON.stringify({ timeouts: { headersMs: 60_000, bodyMs: 60_000 } }));
  term = openTerminal(`node ${bundle} --readers pcsc --today ${TODAY} --sam-folder ${samFolder} --cloud ${cloud.url}`, {
    cwd: root,
    env: { YAOLI_HOME: home, NODE_ENV: 'production' },
    dropEnv: notYaoli,
  });
  const readers = `pcsc: ${vpcdReaderName(0)}, ${vpcdReaderName(1)}`;
  const idle = await term.waitFor((s) => s.includes('請插入醫事人員卡') && s.includes(readers), `the idle screen listing "${readers}" (a card left in a vpcd slot by an earlier run would show a PIN screen instead)`, 20_000);
  t.regex(idle, /安全模組 SAM\s+正常/, 'the SAM file was loaded');
  t.true(idle.includes('PC/SC 服務正常'));
  t.false(idle.includes('示範模式'), 'not the embedded demo');

  const staff = new InsertedCard(bundle, 'S01', STAFF_SLOT);
  cards.push(staff);
  await term.waitFor((s) => s.includes('醫事人員卡密碼') && s.includes(s01.name), 'the staff PIN screen with the name read from the card through pcscd', CARD_WAIT);
  t.regex(staff.text(), new RegExp(`inserted S01 into ${vpcdReaderName(STAFF_SLOT)}`));
  term.type(s01.pin);
  const masked = await term.waitFor((s) => s.includes('*'.repeat(s01.pin.length)), 'the masked PIN');
  t.false(masked.includes(s01.pin), 'the PIN is never on screen');
  term.send('Enter');
  await term.waitFor((s) => s.includes('請插入病人健保卡') && s.includes(`已登入：${s01.name}`), 'logged in (VERIFY through pcscd), waiting for the patient card', CARD_WAIT);

  const patient = new InsertedCard(bundle, 'P003', PATIENT_SLOT);
  cards.push(patient);
  const consent = await term.waitFor((s) => s.includes('口頭同意') && s.includes(p003.name), 'the verbal-consent question for P003 (no card PIN)', CARD_WAIT);
  t.true(consent.includes(maskNationalId(p003.nationalId)), 'the masked ID, read from the card');
  t.false(consent.includes(p003.nationalId), 'never the full national ID');
  term.send('Enter');

  const view = await term.waitFor((s) => s.includes(p003.name) && s.includes('1 摘要') && s.includes('跨院所同藥品重複'), 'the patient view with the cross-institution duplicate alert', 30_000);
  t.false(view.includes(p003.nationalId));
  // "跨院所同藥品重複：CRESTOR F.C. TABLETS 10MG (台大醫院 …)": the duplicated drug, named on screen.
  const drug = /跨院所同藥品重複：(\S+)/.exec(view)?.[1];
  if (!drug) return t.fail(`the alert names its drug:\n${view}`);

  term.send('2');
  const table = await term.waitFor((s) => s.includes('藥品名稱') && s.split('\n').some(isDrugRow), 'the drug-history table');
  const rows = table.split('\n').filter((l) => isDrugRow(l) && l.includes(drug));
  t.true(rows.length >= 2, `the duplicated drug ${drug} has a row per dispensing:\n${table}`);
  t.true(rows.every((r) => r.includes('他院')), 'dispensed at other institutions');

  t.is(await patient.remove(), 0, patient.text());
  t.regex(patient.text(), /removed P003/);
  const cleared = await term.waitFor((s) => s.includes('健保卡已取出') && s.includes('請插入病人健保卡'), 'the patient cleared after the card left pcscd', CARD_WAIT);
  t.false(cleared.includes(p003.name), 'the patient name is gone from the screen');
  t.false(cleared.includes(maskNationalId(p003.nationalId)));
  t.false(cleared.includes(drug), 'no drug left on screen');
  t.true(cleared.includes(`已登入：${s01.name}`), 'staff stay logged in for the next patient');

  // MediCloud stops answering; the next patient's card is pulled while the kiosk is loading.
  cloud.faults.add({ endpoint: '*', hang: true });
  const next = new InsertedCard(bundle, 'P004', PATIENT_SLOT);
  cards.push(next);
  await term.waitFor((s) => s.includes('口頭同意') && s.includes(p004.name), 'the verbal-consent question for P004', CARD_WAIT);
  term.send('Enter');
  await term.waitFor((s) => s.includes('正在查詢雲端藥歷') && s.includes(p004.name), 'the loading screen while MediCloud hangs');
  t.is(await next.remove(), 0, next.text());
  const dropped = await term.waitFor((s) => s.includes('健保卡已取出') && s.includes('請插入病人健保卡'), 'the look-up dropped after the card left mid-load', CARD_WAIT);
  t.false(dropped.includes(p004.name), 'the loading patient is gone from the screen');
  t.false(dropped.includes('正在查詢雲端藥歷'));
  cloud.faults.clear();

  t.is(await staff.remove(), 0, staff.text());
  const out = await term.waitFor((s) => s.includes('醫事人員卡已取出') && s.includes('請插入醫事人員卡'), 'logged out after the staff card left pcscd', CARD_WAIT);
  t.false(out.includes(s01.name), 'no staff name once logged out');
  t.true(out.includes(readers), 'both readers still listed');

  term.send('F10');
  const exited = await term.waitFor((s) => s.includes('EXIT 0'), 'a clean exit with the PC/SC hub closed');
  t.false(exited.includes('請插入'), 'the shell screen is back');
});
