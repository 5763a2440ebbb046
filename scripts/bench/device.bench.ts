// Card insertion → parsed patient profile, through the real stack: a virtual card dials into
// vsmartcard-vpcd, pcscd notices it, node pcsclite reports the ATR, the hub names the card,
// then SELECT + READ basic data are transmitted and the 57 bytes parsed. Also the same read
// on the in-process virtual hub (the embedded default) for comparison.
// Skips politely when pcscd or pcsclite is not there (run scripts/pcscd-up.sh as root first).
import { readFileSync } from 'node:fs';
import { readPatientProfile } from '../../src/device/cards/patient-card.ts';
import { PcscReaderHub } from '../../src/device/pcsc/hub.ts';
import { createDeckCard } from '../../src/device/virtual/deck-cards.ts';
import { VirtualReaderHub } from '../../src/device/virtual/hub.ts';
import { VpcdLink, vpcdReaderName } from '../../src/device/virtual/vpcd-link.ts';
import { waitForEvent } from '../../src/device/wait.ts';

const RUNS = 20;
const READER = vpcdReaderName(0);
const DECK_IDS = ['P001', 'P003', 'P007'];

function pcscdRunning(): boolean {
  try {
    const pid = Number(readFileSync('/run/pcscd/pcscd.pid', 'latin1').replace(/\0/g, '').trim());
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return `median ${at(0.5).toFixed(1)} ms  p90 ${at(0.9).toFixed(1)} ms  min ${(sorted[0] ?? 0).toFixed(1)}  max ${(sorted.at(-1) ?? 0).toFixed(1)}`;
}

async function inProcess(): Promise<number[]> {
  const hub = new VirtualReaderHub();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await hub.insertDeckCard(READER, DECK_IDS[i % DECK_IDS.length] as string);
    const session = await hub.connect(READER);
    await readPatientProfile(session);
    times.push(performance.now() - started);
    await session.close();
    hub.remove(READER);
  }
  await hub.close();
  return times;
}

export default async function bench(): Promise<void> {
  const virtual = await inProcess();
  console.log(`in-process virtual hub, insert → profile (${RUNS} runs): ${summary(virtual)}`);
  if (!pcscdRunning()) {
    console.log('pcscd is not running: skipping the PC/SC measurement (start it with scripts/pcscd-up.sh as root).');
    return;
  }
  let hub: PcscReaderHub;
  try {
    hub = await PcscReaderHub.start({ reprobeMs: 200 });
  } catch (error) {
    console.log(`pcsclite is not available (${error instanceof Error ? error.message : String(error)}): skipping the PC/SC measurement.`);
    return;
  }
  try {
    if (!hub.readers().some((r) => r.reader === READER)) {
      await waitForEvent(hub, (e) => e.type === 'reader-added' && e.reader === READER, { timeoutMs: 5000, what: READER });
    }
    const toEvent: number[] = [];
    const toProfile: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const card = createDeckCard(DECK_IDS[i % DECK_IDS.length] as string);
      if (!card) throw new Error('deck card missing');
      const link = new VpcdLink({ card, slot: 0 });
      const inserted = waitForEvent(hub, (e) => e.type === 'card-inserted' && e.reader === READER, { timeoutMs: 10_000, what: 'card-inserted' });
      const started = performance.now();
      await link.open();
      await inserted;
      toEvent.push(performance.now() - started);
      const session = await hub.connect(READER);
      await readPatientProfile(session);
      toProfile.push(performance.now() - started);
      await session.close();
      const removed = waitForEvent(hub, (e) => e.type === 'card-removed' && e.reader === READER, { timeoutMs: 10_000, what: 'card-removed' });
      await link.close();
      await removed;
    }
    console.log(`pcscd + vpcd, socket connect → card-inserted event (${RUNS} runs): ${summary(toEvent)}`);
    console.log(`pcscd + vpcd, socket connect → parsed profile   (${RUNS} runs): ${summary(toProfile)}`);
  } finally {
    await hub.close();
  }
}
