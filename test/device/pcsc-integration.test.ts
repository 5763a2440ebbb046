// The device layer through the real PC/SC stack: virtual cards dial into vsmartcard-vpcd,
// pcscd serves them as "Virtual PCD 00 00/01", node pcsclite reads them. Every test here
// touches the one pcscd, and the last one stops and restarts it, so the whole file is serial
// and no other test file talks to pcscd. Waits are on hub events, never fixed sleeps.
import test, { registerCompletionHandler } from 'ava';
import { orSkipped } from '../skipped-with-reason.ts';
import { createVerify } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pcscLibraryProbe } from '../../src/device/diagnostics/probes/pcsc-library.ts';
import { pcscContextProbe, pcscReadersProbe } from '../../src/device/diagnostics/probes/pcsc-readers.ts';
import { pcscdServiceProbe } from '../../src/device/diagnostics/probes/pcscd-service.ts';
import { checkOf, runProbes, testSetup } from './diagnostics/helpers.ts';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { demoKeyPair } from '../../src/demo/keys.ts';
import { CardError } from '../../src/device/cards/errors.ts';
import { patientPinStatus, readAllergies, readPatientProfile, verifyPatientPin } from '../../src/device/cards/patient-card.ts';
import { readStaffProfile, readStaffPublicKey, staffSign, verifyStaffPin } from '../../src/device/cards/staff-card.ts';
import { openReaderHub } from '../../src/device/open-hub.ts';
import { PcscReaderHub } from '../../src/device/pcsc/hub.ts';
import type { HubEvent } from '../../src/device/types.ts';
import type { VirtualCard } from '../../src/device/virtual/card-model.ts';
import { createDeckCard } from '../../src/device/virtual/deck-cards.ts';
import { VirtualPatientCard } from '../../src/device/virtual/patient-card.ts';
import { VpcdLink, vpcdReaderName } from '../../src/device/virtual/vpcd-link.ts';
import { waitForEvent } from '../../src/device/wait.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PID_FILE = '/run/pcscd/pcscd.pid';
const WAIT = 15_000;
const SLOT0 = vpcdReaderName(0);
const SLOT1 = vpcdReaderName(1);
const deck = demoDeck();

function pcscdPid(): number | null {
  try {
    const pid = Number(readFileSync(PID_FILE, 'latin1').replace(/\0/g, '').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Running and not a zombie (no init reaps daemons in some containers). */
function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}

function pcscdUp(): void {
  spawnSync('bash', [join(ROOT, 'scripts/pcscd-up.sh')], { stdio: 'ignore' });
}

/** null when pcscd with vpcd runs (starting it if we may), else why these tests cannot run. */
function whyNoPcscd(): string | null {
  if (!existsSync('/usr/sbin/pcscd') && spawnSync('pcscd', ['--version']).error) return 'pcscd is not installed';
  if (!existsSync('/etc/reader.conf.d/vpcd')) return 'vsmartcard-vpcd is not installed (/etc/reader.conf.d/vpcd)';
  if (pcscdPid() === null) pcscdUp();
  if (pcscdPid() === null) return 'pcscd is not running and could not be started (scripts/pcscd-up.sh needs root)';
  return null;
}

// pcsclite 1.0.1 can leak a libuv async handle when a reader's status thread ends at the
// moment close() is called (cardreader.cpp: no final do_exit message), which keeps the worker
// alive after the last test. AVA's documented hook for native handles: exit once it is done.
registerCompletionHandler(() => process.exit());

const reason = whyNoPcscd();
const serial = orSkipped(test.serial, reason);

async function startHub(): Promise<PcscReaderHub> {
  const hub = await PcscReaderHub.start({ reprobeMs: 200, transmitTimeoutMs: 5000 });
  const both = (): boolean => [SLOT0, SLOT1].every((r) => hub.readers().some((s) => s.reader === r));
  while (!both()) await waitForEvent(hub, (e) => e.type === 'reader-added', { timeoutMs: WAIT, what: 'the vpcd readers' });
  return hub;
}

async function insert(hub: PcscReaderHub, card: VirtualCard, slot: number, reconnect = false): Promise<VpcdLink> {
  const link = new VpcdLink({ card, slot, reconnect });
  const reader = vpcdReaderName(slot);
  // The event for this card, not a snapshot that might still hold the previous one.
  const inserted = waitForEvent(hub, (e) => e.type === 'card-inserted' && e.reader === reader, { timeoutMs: WAIT, what: `a card in ${reader}` });
  await link.open();
  await inserted;
  return link;
}

async function eject(hub: PcscReaderHub, link: VpcdLink, slot: number): Promise<void> {
  const reader = vpcdReaderName(slot);
  const removed = hub.readers().find((r) => r.reader === reader)?.card
    ? waitForEvent(hub, (e) => e.type === 'card-removed' && e.reader === reader, { timeoutMs: WAIT, what: `removal from ${reader}` })
    : Promise.resolve();
  await link.close();
  await removed;
}

function deckCard(id: string): VirtualCard {
  const card = createDeckCard(id);
  if (!card) throw new Error(`no deck card ${id}`);
  return card;
}

async function cardError(promise: Promise<unknown>): Promise<CardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

serial('pcscd lists both vpcd readers; insert and remove are hub events with the real ATR', async (t) => {
  const hub = await startHub();
  const events: HubEvent[] = [];
  hub.subscribe((e) => events.push(e));
  t.true(hub.status().ok);
  const link = await insert(hub, deckCard('P001'), 0);
  const inserted = events.find((e) => e.type === 'card-inserted');
  t.like(inserted, { type: 'card-inserted', reader: SLOT0, kind: 'patient', atr: '3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 48 4E 32 24' });
  await eject(hub, link, 0);
  t.like(events.at(-1), { type: 'card-removed', reader: SLOT0 });
  await hub.close();
});

serial('basic profile through pcscd: rare Big5 / HKSCS names and a ROC-101 leap-day birth date', async (t) => {
  const hub = await startHub();
  const hkscs = new VirtualPatientCard({
    label: 'HKSCS',
    basic: { cardNumber: '000011112222', name: '林堃喆', nationalId: 'A123456789', birthDate: '2011-01-01', sex: 'M', issueDate: '2024-12-31' },
    pin: null,
  });
  for (const [card, expected] of [
    [deckCard('P003'), findPatient(deck, 'P003')],
    [deckCard('P007'), findPatient(deck, 'P007')],
    [hkscs, { cardNumber: '000011112222', name: '林堃喆', nationalId: 'A123456789', birthDate: '2011-01-01', sex: 'M', issueDate: '2024-12-31' }],
  ] as const) {
    const link = await insert(hub, card, 0);
    const session = await hub.connect(SLOT0);
    const profile = await readPatientProfile(session);
    t.like(profile, { cardNumber: expected?.cardNumber, name: expected?.name, nationalId: expected?.nationalId, birthDate: expected?.birthDate, issueDate: expected?.issueDate });
    await session.close();
    await eject(hub, link, 0);
  }
  t.is(findPatient(deck, 'P007')?.birthDate, '2012-02-29');
  await hub.close();
});

serial('patient PIN through pcscd: tries left on a wrong PIN, verified on the right one, a blocked card', async (t) => {
  const hub = await startHub();
  const p002 = findPatient(deck, 'P002');
  const link = await insert(hub, deckCard('P002'), 0);
  const session = await hub.connect(SLOT0);
  t.deepEqual(await patientPinStatus(session), { state: 'required', triesLeft: 3 });
  await t.throwsAsync(readAllergies(session), { instanceOf: CardError, message: /PIN not verified/ });
  t.like(await verifyPatientPin(session, p002?.pin === '13572468' ? '24681357' : '13572468'), { state: 'wrong', triesLeft: 2 });
  t.deepEqual(await verifyPatientPin(session, p002?.pin ?? ''), { state: 'verified' });
  t.deepEqual(await readAllergies(session), []);
  await session.close();
  await eject(hub, link, 0);

  const blocked = await insert(hub, deckCard('P009'), 0);
  const s9 = await hub.connect(SLOT0);
  t.deepEqual(await patientPinStatus(s9), { state: 'blocked' });
  const result = await verifyPatientPin(s9, '123456');
  t.is(result.state, 'blocked');
  if (result.state === 'blocked') t.is(result.error.nhiCode, 9043);
  await s9.close();
  await eject(hub, blocked, 0);
  await hub.close();
});

serial('staff card through pcscd: 4042 before the PIN, a signature the deck key verifies after it', async (t) => {
  const hub = await startHub();
  const s04 = findStaff(deck, 'S04');
  const link = await insert(hub, deckCard('S04'), 1);
  t.is(hub.readers().find((r) => r.reader === SLOT1)?.card?.kind, 'staff');
  const session = await hub.connect(SLOT1);
  t.deepEqual(await readStaffProfile(session), { staffId: s04?.staffId, name: s04?.name, role: 'doctor' });
  const message = new TextEncoder().encode(`${'0f'.repeat(32)}|${deck.home.id}|${s04?.staffId}|A123456789`);
  t.is((await cardError(staffSign(session, message))).nhiCode, 4042);
  t.deepEqual(await verifyStaffPin(session, s04?.pin ?? ''), { state: 'verified' });
  const signature = await staffSign(session, message);
  const keys = demoKeyPair(deck.seed, 'staff:S04');
  t.true(createVerify('sha256').update(message).verify(keys.publicKey, Buffer.from(signature)));
  t.deepEqual(Buffer.from(await readStaffPublicKey(session)), keys.publicKeyDer);
  await session.close();
  await eject(hub, link, 1);
  await hub.close();
});

serial('a card pulled in the middle of a transaction is a typed error; the hub carries on', async (t) => {
  const hub = await startHub();
  const card = deckCard('P001');
  let link: VpcdLink | null = null;
  // The card leaves the reader while pcscd waits for its answer to READ basic data.
  const pulling: VirtualCard = {
    kind: card.kind,
    label: card.label,
    atr: card.atr,
    powerOn: () => card.powerOn(),
    powerOff: () => card.powerOff(),
    reset: () => card.reset(),
    answerNextWith: (...r) => card.answerNextWith(...r),
    transmit(apdu) {
      if (apdu[1] === 0xca) {
        void link?.close();
        return new Uint8Array(0);
      }
      return card.transmit(apdu);
    },
  };
  link = await insert(hub, pulling, 0);
  const removed = waitForEvent(hub, (e) => e.type === 'card-removed' && e.reader === SLOT0, { timeoutMs: WAIT });
  const session = await hub.connect(SLOT0);
  const error = await cardError(readPatientProfile(session));
  t.is(error.kind, 'card-removed');
  t.is(error.nhiCode, 4013);
  await removed;
  await session.close();
  const again = await insert(hub, deckCard('P003'), 0);
  const fresh = await hub.connect(SLOT0);
  t.is((await readPatientProfile(fresh)).name as string | undefined, findPatient(deck, 'P003')?.name);
  await fresh.close();
  await eject(hub, again, 0);
  await hub.close();
});

serial('garbled and short responses through pcscd are typed errors, not crashes', async (t) => {
  const hub = await startHub();
  const card = deckCard('P007');
  const link = await insert(hub, card, 0);
  const session = await hub.connect(SLOT0);
  card.answerNextWith(Uint8Array.of(0x90, 0x00), Uint8Array.from([...new Uint8Array(57).fill(0xfe), 0x90, 0x00]));
  t.is((await cardError(readPatientProfile(session))).kind, 'bad-record');
  card.answerNextWith(Uint8Array.of(0x90));
  t.is((await cardError(readPatientProfile(session))).kind, 'bad-response');
  card.answerNextWith(Uint8Array.of(0x90, 0x00), Uint8Array.of(0x6f, 0x00));
  t.is((await cardError(readPatientProfile(session))).kind, 'status-word');
  t.is((await readPatientProfile(session)).birthDate, '2012-02-29');
  await session.close();
  await eject(hub, link, 0);
  await hub.close();
});

serial('yaoli card read --json prints the brief\'s shape; no card is exit 5 with both languages', async (t) => {
  const hub = await startHub();
  const p007 = findPatient(deck, 'P007');
  const link = await insert(hub, deckCard('P007'), 0);
  const read = await cli(['card', 'read', '--json']);
  t.is(read.code, 0, read.stderr);
  t.deepEqual(JSON.parse(read.stdout), {
    reader: SLOT0,
    atr: '3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 48 4E 32 24',
    kind: 'patient',
    cardNumber: p007?.cardNumber,
    name: p007?.name,
    nationalId: p007?.nationalId,
    birthDate: '2012-02-29',
    sex: p007?.sex,
    issueDate: p007?.issueDate,
  });
  const human = await cli(['card', 'read', '--reader', SLOT0]);
  t.regex(human.stdout, /101\/02\/29/);
  t.false(human.stdout.includes(p007?.nationalId ?? '@'), 'the screen shows a masked ID');
  await eject(hub, link, 0);
  const s01 = findStaff(deck, 'S01');
  const staff = await insert(hub, deckCard('S01'), 1);
  const staffRead = await cli(['card', 'read', '--reader', SLOT1, '--json']);
  t.deepEqual(JSON.parse(staffRead.stdout), {
    reader: SLOT1,
    atr: '3B F9 18 00 00 81 31 FE 45 50 56 5F 4A 32 44 30 38 31 B6',
    kind: 'staff',
    staffId: s01?.staffId,
    name: s01?.name,
    role: 'pharmacist',
  });
  await eject(hub, staff, 1);
  const empty = await cli(['card', 'read', '--wait', '300']);
  t.is(empty.code, 5);
  t.regex(empty.stderr, /沒有卡片.*no card/);
  await hub.close();
});

serial('a mute card times out as NHI 4000 instead of hanging the kiosk', async (t) => {
  const hub = await startHub();
  const card = deckCard('P001');
  const link = await insert(hub, card, 0);
  const session = await hub.connect(SLOT0, { timeoutMs: 700 });
  card.answerNextWith(new Uint8Array(0)); // the card never answers the SELECT
  const error = await cardError(readPatientProfile(session));
  t.is(error.nhiCode, 4000);
  await eject(hub, link, 0);
  await session.close();
  await hub.close();
});

serial('yaoli doctor probes on the real pcscd: service, library and context PASS; vpcd readers listed', async (t) => {
  const checks = await runProbes([pcscdServiceProbe, pcscLibraryProbe, pcscContextProbe, pcscReadersProbe()], testSetup());
  const service = checkOf(checks, 'pcsc.service');
  t.is(service.status, 'PASS', service.detail.en);
  t.true(typeof service.data?.['pid'] === 'number' || service.data?.['socketActivated'] === true);
  const library = checkOf(checks, 'pcsc.library');
  t.is(library.status, 'PASS', library.detail.en);
  t.regex(String(library.data?.['library']), /libpcsclite\.so/);
  t.is(checkOf(checks, 'pcsc.context').status, 'PASS');
  const readers = checkOf(checks, 'pcsc.readers');
  t.is(readers.status, 'PASS', readers.detail.en);
  t.true((readers.data?.['readers'] as string[]).includes(SLOT0));
});

serial('pcscd stopped and started while the hub runs: it says so, then recovers readers and card', async (t) => {
  const hub = await startHub();
  const statuses: boolean[] = [];
  hub.subscribe((e) => {
    if (e.type === 'status') statuses.push(e.ok);
  });
  const link = await insert(hub, deckCard('P001'), 0, true);
  const pid = pcscdPid();
  if (pid === null) return t.fail('pcscd vanished');
  const down = waitForEvent(hub, (e) => e.type === 'status' && !e.ok, { timeoutMs: WAIT, what: 'status ok=false' });
  const readersGone = waitForEvent(hub, (e) => e.type === 'reader-removed' && e.reader === SLOT0, { timeoutMs: WAIT });
  process.kill(pid, 'SIGTERM');
  const status = await down;
  await readersGone;
  t.regex(status.type === 'status' ? status.message : '', /pcscd/);
  t.deepEqual(hub.readers(), []);
  // Wait for the old pcscd to be gone for real, or pcscd-up.sh would find it still running.
  while (processAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  const offline = await cli(['card', 'read']);
  t.is(offline.code, 3);
  t.regex(offline.stderr, /pcscd/);
  // The kiosk's factory falls back to in-process readers and says why.
  const fallback = await openReaderHub();
  t.is(fallback.backend, 'virtual');
  t.regex(fallback.status().message, /pcscd/);
  await fallback.close();

  // A hub started while pcscd is down reports it and comes up by itself later.
  const late = await PcscReaderHub.start({ reprobeMs: 200 });
  t.false(late.status().ok);
  const lateUp = waitForEvent(late, (e) => e.type === 'status' && e.ok, { timeoutMs: WAIT, what: 'late hub ok=true' });
  const lateCard = waitForEvent(late, (e) => e.type === 'card-inserted' && e.reader === SLOT0, { timeoutMs: WAIT, what: 'late hub sees the card' });
  const up = waitForEvent(hub, (e) => e.type === 'status' && e.ok, { timeoutMs: WAIT, what: 'status ok=true' });
  const back = waitForEvent(hub, (e) => e.type === 'card-inserted' && e.reader === SLOT0, { timeoutMs: WAIT, what: 'the card back in slot 0' });
  pcscdUp();
  await up;
  await back;
  await lateUp;
  t.like(await lateCard, { kind: 'patient' });
  await late.close();
  // Down first (the message may change while pcscd stays away), up last.
  t.is(statuses[0], false);
  t.is(statuses.at(-1), true);
  const session = await hub.connect(SLOT0);
  t.is((await readPatientProfile(session)).cardNumber as string | undefined, findPatient(deck, 'P001')?.cardNumber);
  await session.close();
  await eject(hub, link, 0);
  await hub.close();
});
