// The virtual cards answer the card profile as a real card would: both SELECT forms, PIN
// tries that survive power cycles while "verified" does not, lock-out, signatures that
// verify with the deck's keys, and garbled answers that become typed errors on the host side.
import test from 'ava';
import { createVerify } from 'node:crypto';
import { demoDeck, findPatient, findStaff } from '../../../src/demo/deck.ts';
import { demoKeyPair } from '../../../src/demo/keys.ts';
import { CardError } from '../../../src/device/cards/errors.ts';
import {
  patientPinStatus,
  readAllergies,
  readLongTermPrescriptions,
  readPatientProfile,
  verifyPatientPin,
} from '../../../src/device/cards/patient-card.ts';
import { toHex } from '../../../src/device/cards/apdu.ts';
import { SELECT_NHI, SELECT_NHI_CASE4 } from '../../../src/device/cards/profile.ts';
import { openSamCard } from '../../../src/device/cards/sam.ts';
import { readStaffProfile, readStaffPublicKey, staffPinStatus, staffSign, verifyStaffPin } from '../../../src/device/cards/staff-card.ts';
import type { VirtualCard } from '../../../src/device/virtual/card-model.ts';
import { createDeckCard } from '../../../src/device/virtual/deck-cards.ts';
import type { CardChannel } from '../../../src/device/types.ts';

const deck = demoDeck();

function channelTo(card: VirtualCard): CardChannel {
  card.powerOn();
  return { transmit: async (apdu) => card.transmit(apdu) };
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

test('both SELECT forms seen in the wild open the NHI application', (t) => {
  for (const select of [SELECT_NHI, SELECT_NHI_CASE4]) {
    const card = deckCard('P001');
    card.powerOn();
    t.is(toHex(card.transmit(select)), '90 00');
  }
  const card = deckCard('P001');
  t.is(toHex(card.transmit(Uint8Array.of(0, 0xa4, 4, 0, 3, 1, 2, 3))), '6A 82', 'another AID is not found');
  t.is(toHex(card.transmit(Uint8Array.of(0, 0xa4, 4))), '67 00', 'a truncated command is a length error');
  t.is(toHex(card.transmit(Uint8Array.of(0x80, 0xca, 0x11, 0, 2, 0, 0))), '6E 00', 'CLA 80 is not ours');
});

test('the deck patient card reads back the deck values', async (t) => {
  const p007 = findPatient(deck, 'P007');
  const profile = await readPatientProfile(channelTo(deckCard('P007')));
  t.deepEqual(profile, {
    cardNumber: p007?.cardNumber,
    name: p007?.name,
    nationalId: p007?.nationalId,
    birthDate: '2012-02-29',
    sex: p007?.sex,
    issueDate: p007?.issueDate,
  });
});

test('patient PIN: status, wrong (tries left), right, then cleared by power-off but tries kept', async (t) => {
  const card = deckCard('P002');
  const channel = channelTo(card);
  const pin = findPatient(deck, 'P002')?.pin ?? '';
  t.deepEqual(await patientPinStatus(channel), { state: 'required', triesLeft: 3 });
  const wrong = await verifyPatientPin(channel, pin === '000000' ? '111111' : '000000');
  t.is(wrong.state, 'wrong');
  if (wrong.state === 'wrong') {
    t.is(wrong.triesLeft, 2);
    t.is(wrong.error.nhiCode, 9039);
  }
  card.powerOff();
  card.powerOn();
  t.deepEqual(await patientPinStatus(channel), { state: 'required', triesLeft: 2 }, 'the counter is non-volatile');
  t.deepEqual(await verifyPatientPin(channel, pin), { state: 'verified' });
  t.deepEqual(await patientPinStatus(channel), { state: 'verified' });
  card.reset();
  t.deepEqual(await patientPinStatus(channel), { state: 'required', triesLeft: 3 }, 'reset clears "verified"; success restored the tries');
});

test('patient PIN: three wrong tries block the card (6983 → 9043), and it stays blocked', async (t) => {
  const card = deckCard('P002');
  const channel = channelTo(card);
  const results = [];
  for (let i = 0; i < 3; i++) results.push(await verifyPatientPin(channel, '99999999'));
  t.deepEqual(results.map((r) => r.state), ['wrong', 'wrong', 'blocked']);
  const last = results[2];
  if (last?.state === 'blocked') t.is(last.error.nhiCode, 9043);
  const pin = findPatient(deck, 'P002')?.pin ?? '';
  t.is((await verifyPatientPin(channel, pin)).state, 'blocked', 'even the right PIN');
  t.deepEqual(await patientPinStatus(channel), { state: 'blocked' });
});

test('deck P009 arrives blocked; P001 has no PIN (verbal consent)', async (t) => {
  t.deepEqual(await patientPinStatus(channelTo(deckCard('P009'))), { state: 'blocked' });
  t.deepEqual(await patientPinStatus(channelTo(deckCard('P001'))), { state: 'not-set' });
  const bad = await cardError(verifyPatientPin(channelTo(deckCard('P001')), '12ab'));
  t.is(bad.kind, 'pin-bad-format');
});

test('records: long-term orders on P001 without a PIN; a PIN card needs VERIFY first', async (t) => {
  const orders = await readLongTermPrescriptions(channelTo(deckCard('P001')));
  t.is(orders.length, 2);
  t.is(orders[0]?.daysSupply, 28);
  t.deepEqual(await readAllergies(channelTo(deckCard('P001'))), []);
  const allergies = await readAllergies(channelTo(deckCard('P003')));
  t.is(allergies[0]?.drugName, 'PENICILLIN G 青黴素');
  const p002 = channelTo(deckCard('P002'));
  t.is((await cardError(readAllergies(p002))).kind, 'pin-not-verified');
  await verifyPatientPin(p002, findPatient(deck, 'P002')?.pin ?? '');
  t.deepEqual(await readAllergies(p002), []);
});

test('staff card: profile, sign refused before PIN (4042), signature verifies with the deck key after', async (t) => {
  const card = deckCard('S01');
  const channel = channelTo(card);
  const s01 = findStaff(deck, 'S01');
  t.deepEqual(await readStaffProfile(channel), { staffId: s01?.staffId, name: s01?.name, role: 'pharmacist' });
  const message = new TextEncoder().encode(`${'ab'.repeat(32)}|${deck.home.id}|${s01?.staffId}|A123456789`);
  const refused = await cardError(staffSign(channel, message));
  t.is(refused.kind, 'staff-pin-not-verified');
  t.is(refused.nhiCode, 4042);
  t.deepEqual(await staffPinStatus(channel), { state: 'required', triesLeft: 3 });
  t.deepEqual(await verifyStaffPin(channel, s01?.pin ?? ''), { state: 'verified' });
  const signature = await staffSign(channel, message);
  const keys = demoKeyPair(deck.seed, 'staff:S01');
  t.true(createVerify('sha256').update(message).verify(keys.publicKey, Buffer.from(signature)));
  t.deepEqual(Buffer.from(await readStaffPublicKey(channel)), keys.publicKeyDer);
  card.powerOff();
  t.is((await cardError(staffSign(channel, message))).nhiCode, 4042, 'power-off forgets the PIN');
});

test('staff card locks after three wrong PINs', async (t) => {
  const channel = channelTo(deckCard('S02'));
  for (let i = 0; i < 2; i++) t.is((await verifyStaffPin(channel, '00000000')).state, 'wrong');
  const third = await verifyStaffPin(channel, '00000000');
  t.is(third.state, 'blocked');
  t.is((await verifyStaffPin(channel, findStaff(deck, 'S02')?.pin ?? '')).state, 'blocked');
});

test('SAM card: institution code, SAM id and signing without a PIN', async (t) => {
  const sam = await openSamCard(channelTo(deckCard('SAM')));
  t.is(sam.hospId, deck.home.id);
  t.is(sam.samId, deck.samId);
  const message = new TextEncoder().encode('challenge');
  const signature = await sam.sign(message);
  t.true(createVerify('sha256').update(message).verify(demoKeyPair(deck.seed, `sam:${deck.samId}`).publicKey, Buffer.from(signature)));
});

test('a patient card is not a staff card and vice versa (4034 / 4033)', async (t) => {
  t.is((await cardError(readStaffProfile(channelTo(deckCard('P001'))))).nhiCode, 4034);
  t.is((await cardError(readPatientProfile(channelTo(deckCard('S01'))))).nhiCode, 4033);
  t.is((await cardError(openSamCard(channelTo(deckCard('S01'))))).nhiCode, 4032);
});

test('garbled and short answers become typed errors', async (t) => {
  const card = deckCard('P003');
  const channel = channelTo(card);
  card.answerNextWith(Uint8Array.of(0x90, 0x00), Uint8Array.from([...new Uint8Array(57).fill(0xff), 0x90, 0x00]));
  t.is((await cardError(readPatientProfile(channel))).kind, 'bad-record');
  card.answerNextWith(Uint8Array.of(0x90));
  t.is((await cardError(readPatientProfile(channel))).kind, 'bad-response');
  card.answerNextWith(Uint8Array.of(0x90, 0x00), Uint8Array.of(1, 2, 3, 0x90, 0x00));
  t.is((await cardError(readPatientProfile(channel))).kind, 'bad-record', 'a short basic record');
  card.answerNextWith(Uint8Array.of(0x90, 0x00), Uint8Array.of(0x6f, 0x00));
  const sw = await cardError(readPatientProfile(channel));
  t.is(sw.kind, 'status-word');
  t.regex(sw.bilingual(), /6F00/);
  t.is((await readPatientProfile(channel)).name as string | undefined, findPatient(deck, 'P003')?.name, 'the card works again afterwards');
});
