// The vpcd wire protocol on the card's side: framing split across TCP chunks, the control
// bytes, and a link over real loopback TCP to a listener that talks like vpcd (the tests
// through pcscd itself are in test/device/pcsc-integration.test.ts).
import test from 'ava';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { toHex } from '../../../src/device/cards/apdu.ts';
import { READ_BASIC, SELECT_NHI } from '../../../src/device/cards/profile.ts';
import { createDeckCard } from '../../../src/device/virtual/deck-cards.ts';
import { VpcdFrameReader, VpcdLink, answerVpcd, vpcdFrame, vpcdPort, vpcdReaderName } from '../../../src/device/virtual/vpcd-link.ts';

test('slots map to the Debian vpcd ports and reader names', (t) => {
  t.is(vpcdPort(0), 35963);
  t.is(vpcdPort(1), 35964);
  t.is(vpcdReaderName(0), 'Virtual PCD 00 00');
  t.is(vpcdReaderName(1), 'Virtual PCD 00 01');
});

test('frames split across chunks and several frames in one chunk', (t) => {
  const reader = new VpcdFrameReader();
  const stream = Buffer.concat([vpcdFrame(Uint8Array.of(4)), vpcdFrame(SELECT_NHI)]);
  t.deepEqual(reader.push(stream.subarray(0, 1)), []);
  const first = reader.push(stream.subarray(1, 6));
  t.deepEqual(first.map((m) => toHex(m)), ['04']);
  const rest = reader.push(stream.subarray(6));
  t.deepEqual(rest.map((m) => toHex(m)), [toHex(SELECT_NHI)]);
  t.throws(() => vpcdFrame(new Uint8Array(0x10000)), { instanceOf: RangeError });
});

test('control bytes: ATR answered, power/reset silent, APDUs answered', (t) => {
  const card = createDeckCard('P001');
  if (!card) return t.fail();
  t.deepEqual(answerVpcd(card, Uint8Array.of(0x04)), card.atr);
  t.is(answerVpcd(card, Uint8Array.of(0x01)), null);
  t.is(answerVpcd(card, Uint8Array.of(0x02)), null);
  t.is(answerVpcd(card, Uint8Array.of(0x00)), null);
  t.is(answerVpcd(card, Uint8Array.of(0x07)), null, 'unknown control byte');
  t.is(toHex(answerVpcd(card, SELECT_NHI) ?? new Uint8Array(0)), '90 00');
});

/** Speaks vpcd's side over real TCP: vpcd always talks first, the card answers. */
async function vpcdLike(): Promise<{ port: number; next: () => Promise<Socket>; close: () => Promise<void> }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    next: async () => (await once(server, 'connection'))[0] as Socket,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function ask(socket: Socket, payload: Uint8Array): Promise<Buffer> {
  const frames = new VpcdFrameReader();
  socket.write(vpcdFrame(payload));
  for (;;) {
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    const messages = frames.push(chunk);
    if (messages[0]) return messages[0];
  }
}

test('a link answers vpcd over TCP; closing it is the card leaving the reader', async (t) => {
  const vpcd = await vpcdLike();
  const card = createDeckCard('P007');
  if (!card) return t.fail();
  const accepted = vpcd.next();
  const link = new VpcdLink({ card, port: vpcd.port });
  await link.open();
  const socket = await accepted;
  t.true(link.connected);
  socket.write(vpcdFrame(Uint8Array.of(0x01))); // power on: no answer expected
  t.deepEqual([...(await ask(socket, Uint8Array.of(0x04)))], [...card.atr]);
  t.is(toHex(await ask(socket, SELECT_NHI)), '90 00');
  const basic = await ask(socket, READ_BASIC);
  t.is(basic.length, 59, '57 data bytes + 90 00');
  t.is(String.fromCharCode(...basic.subarray(42, 49)), '1010229');
  const closed = once(socket, 'close');
  await link.close();
  await closed;
  t.false(link.connected);
  await vpcd.close();
});

test('open() rejects when nothing listens and reconnect is off', async (t) => {
  const vpcd = await vpcdLike();
  const port = vpcd.port;
  await vpcd.close();
  const card = createDeckCard('P001');
  if (!card) return t.fail();
  await t.throwsAsync(new VpcdLink({ card, port }).open(), { code: 'ECONNREFUSED' });
});
