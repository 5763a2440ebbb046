// The PC/SC probes: the card naming and NHI codes through D's in-process virtual hub, which speaks
// the same ReaderHub interface the kiosk passes to the diagnostics screen.
import test from 'ava';
import { existsSync } from 'node:fs';
import { CardError } from '../../../src/device/cards/errors.ts';
import { fromHex } from '../../../src/device/cards/apdu.ts';
import { SMARTCARD_LIST_PATH } from '../../../src/device/cards/smartcard-list.ts';
import { pcscCardsProbe } from '../../../src/device/diagnostics/probes/pcsc-cards.ts';
import { pcscContextProbe, pcscReadersProbe } from '../../../src/device/diagnostics/probes/pcsc-readers.ts';
import { pcscdServiceProbe } from '../../../src/device/diagnostics/probes/pcscd-service.ts';
import type { Probe } from '../../../src/device/diagnostics/types.ts';
import type { VirtualCard } from '../../../src/device/virtual/card-model.ts';
import { VirtualReaderHub } from '../../../src/device/virtual/hub.ts';
import { checkOf, runProbes, testSetup } from './helpers.ts';

// The real-pcscd check of these probes lives in test/device/pcsc-integration.test.ts: that file
// is serial and restarts pcscd, so no other file may talk to the real pcscd at the same time.

(process.platform === 'linux' ? test : test.skip)('pcscd socket missing → FAIL 9204 with the start command as hint', async (t) => {
  const check = checkOf(await runProbes([pcscdServiceProbe], testSetup({ pcscSocket: '/nonexistent/pcscd.comm' })), 'pcsc.service');
  t.is(check.status, 'FAIL');
  t.is(check.nhiCode, '9204');
  t.regex(check.detail.en, /socket \/nonexistent\/pcscd\.comm not found/);
  t.regex(check.hint.en, /systemctl/);
  if (check.data?.['pid'] !== null) t.regex(check.hint.en, /PCSCLITE_CSOCK_NAME/, 'pcscd runs elsewhere: point at the socket setting');
});

test('pcscd check on Windows or macOS is SKIP (the PC/SC context check covers their service)', async (t) => {
  const check = checkOf(await runProbes([pcscdServiceProbe], testSetup({ platform: 'win32' })), 'pcsc.service');
  t.is(check.status, 'SKIP');
});

test('PC/SC context: a hub that cannot start is FAIL 9204; the kiosk on virtual readers is SKIP', async (t) => {
  const failing = await runProbes([{ ...pcscContextProbe, dependsOn: [] }], testSetup(), {
    openHub: () => Promise.reject(new CardError('no-pcsc', { detail: 'pcsclite not available' })),
  });
  const check = checkOf(failing, 'pcsc.context');
  t.is(check.status, 'FAIL');
  t.is(check.nhiCode, '9204');
  t.regex(check.detail.en, /PC\/SC service not running/);

  const hub = new VirtualReaderHub({ reason: 'pcscd 未啟動 pcscd not running' });
  t.teardown(() => hub.close());
  const virtual = checkOf(await runProbes([{ ...pcscContextProbe, dependsOn: [] }], testSetup(), { hub }), 'pcsc.context');
  t.is(virtual.status, 'SKIP');
  t.regex(virtual.detail.en, /virtual readers/);
});

test('readers: none listed is FAIL 9204', async (t) => {
  const hub = new VirtualReaderHub({ readers: [] });
  t.teardown(() => hub.close());
  const check = checkOf(await runProbes([{ ...pcscReadersProbe({ waitMs: 20 }), dependsOn: [] }], testSetup(), { hub }), 'pcsc.readers');
  t.is(check.status, 'FAIL');
  t.is(check.nhiCode, '9204');
});

const cardsAlone = (listenMs = 30): Probe => ({ ...pcscCardsProbe({ listenMs }), dependsOn: [] });

test('cards: NHI card and staff card named by ATR → PASS', async (t) => {
  const hub = new VirtualReaderHub();
  t.teardown(() => hub.close());
  await hub.insertDeckCard('Virtual PCD 00 00', 'P001');
  await hub.insertDeckCard('Virtual PCD 00 01', 'S01');
  const check = checkOf(await runProbes([cardsAlone()], testSetup(), { hub }), 'pcsc.cards');
  t.is(check.status, 'PASS', check.detail.en);
  const cards = check.data?.['cards'] as { reader: string; kind: string }[];
  t.deepEqual(
    cards.map((c) => [c.reader, c.kind]),
    [
      ['Virtual PCD 00 00', 'patient'],
      ['Virtual PCD 00 01', 'staff'],
    ],
  );
  t.regex(check.detail['zh-TW'], /健保卡/);
  t.regex(check.detail.en, /healthcare professional card/);
});

test('cards: only the patient card → WARN 4014; no card → WARN 4013', async (t) => {
  const hub = new VirtualReaderHub();
  t.teardown(() => hub.close());
  const none = checkOf(await runProbes([cardsAlone()], testSetup(), { hub }), 'pcsc.cards');
  t.is(none.status, 'WARN');
  t.is(none.nhiCode, '4013');
  t.regex(none.detail.en, /\(empty\)/);
  await hub.insertDeckCard('Virtual PCD 00 00', 'P001');
  const patientOnly = checkOf(await runProbes([cardsAlone()], testSetup(), { hub }), 'pcsc.cards');
  t.is(patientOnly.status, 'WARN');
  t.is(patientOnly.nhiCode, '4014');
});

/** A card none of our applications answer, with the MOICA ATR listed in smartcard_list.txt. */
function citizenCertificateCard(): VirtualCard {
  return {
    kind: 'unknown',
    label: 'MOICA',
    atr: fromHex('3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57') as Uint8Array,
    powerOn: () => undefined,
    powerOff: () => undefined,
    reset: () => undefined,
    transmit: () => Uint8Array.of(0x6a, 0x82), // file or application not found
    answerNextWith: () => undefined,
  };
}

test('cards: an unknown card → WARN, named from smartcard_list.txt when installed', async (t) => {
  const hub = new VirtualReaderHub();
  t.teardown(() => hub.close());
  await hub.insertDeckCard('Virtual PCD 00 00', 'P001');
  await hub.insert('Virtual PCD 00 01', citizenCertificateCard());
  const check = checkOf(await runProbes([cardsAlone()], testSetup(), { hub }), 'pcsc.cards');
  t.is(check.status, 'WARN');
  const unknown = (check.data?.['cards'] as { kind: string; name: string | null }[]).find((c) => c.kind === 'unknown');
  t.truthy(unknown);
  if (existsSync(SMARTCARD_LIST_PATH)) t.regex(String(unknown?.name), /MOICA|Citizen/i);
  else t.log(`${SMARTCARD_LIST_PATH} not installed: the card stays unnamed`);
});

test('the kiosk hub passed in is not closed by the run', async (t) => {
  const hub = new VirtualReaderHub();
  t.teardown(() => hub.close());
  await hub.insertDeckCard('Virtual PCD 00 00', 'P001');
  await runProbes([cardsAlone()], testSetup(), { hub });
  t.is(hub.readers()[0]?.card?.kind, 'patient');
  // connect() refuses on a closed hub, so this proves the run left it open.
  const session = await hub.connect('Virtual PCD 00 00');
  await session.close();
});
