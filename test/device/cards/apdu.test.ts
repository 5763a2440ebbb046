// The APDU codec: the exact bytes of the NHI commands, every ISO case, and malformed input
// (short responses, bad hex, unknown status words) turning into typed errors, not crashes.
import test from 'ava';
import { decodeCommand, decodeResponse, encodeCommand, expectOk, fromHex, toHex } from '../../../src/device/cards/apdu.ts';
import { CardError } from '../../../src/device/cards/errors.ts';
import { READ_BASIC, SELECT_NHI, SELECT_NHI_CASE4 } from '../../../src/device/cards/profile.ts';
import { statusWordMeaning } from '../../../src/device/cards/status-words.ts';

test('the NHI SELECT and READ are byte for byte the ones in SPEC §2', (t) => {
  t.is(toHex(SELECT_NHI), '00 A4 04 00 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00');
  t.is(toHex(READ_BASIC), '00 CA 11 00 02 00 00');
  // The case-4 variant ends with the same two bytes on the wire (research §1.1).
  t.is(toHex(SELECT_NHI_CASE4).slice(-5), '11 00');
  t.is(SELECT_NHI_CASE4.length, 21);
});

test('encode/decode cover ISO cases 1-4 and Le 256 as 00', (t) => {
  const cases = [
    { cla: 0, ins: 0x20, p1: 0, p2: 0x81 },
    { cla: 0, ins: 0xb2, p1: 1, p2: 0x0c, le: 256 },
    { cla: 0, ins: 0xa4, p1: 4, p2: 0, data: Uint8Array.of(1, 2, 3) },
    { cla: 0, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: Uint8Array.of(9), le: 256 },
  ];
  for (const command of cases) t.deepEqual(decodeCommand(encodeCommand(command)), command);
  t.is(toHex(encodeCommand({ cla: 0, ins: 0xb2, p1: 1, p2: 0x0c, le: 256 })), '00 B2 01 0C 00');
});

test('encoding refuses what no card accepts', (t) => {
  t.throws(() => encodeCommand({ cla: 0x100, ins: 0, p1: 0, p2: 0 }), { instanceOf: RangeError });
  t.throws(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(256) }), { instanceOf: RangeError });
  t.throws(() => encodeCommand({ cla: 0, ins: 0, p1: 0, p2: 0, le: 0 }), { instanceOf: RangeError });
});

test('malformed commands decode to null (the virtual card answers 67 00)', (t) => {
  t.is(decodeCommand(Uint8Array.of(0, 0xa4, 4)), null);
  t.is(decodeCommand(Uint8Array.of(0, 0xa4, 4, 0, 5, 1, 2)), null, 'Lc says 5, only 2 follow');
  t.is(decodeCommand(Uint8Array.of(0, 0xa4, 4, 0, 1, 1, 0, 0)), null, 'trailing garbage after Le');
  t.is(decodeCommand(Uint8Array.of(0, 0xa4, 4, 0, 0, 0, 1)), null, 'extended length is not in the profile');
});

test('a response shorter than the status word is a typed bad-response error', (t) => {
  for (const bytes of [new Uint8Array(0), Uint8Array.of(0x90)]) {
    const error = t.throws(() => decodeResponse(bytes), { instanceOf: CardError });
    t.is(error?.kind, 'bad-response');
  }
  t.deepEqual(decodeResponse(Uint8Array.of(1, 2, 0x90, 0x00)), { data: Uint8Array.of(1, 2), sw: 0x9000 });
});

test('expectOk names the status word in both languages, unknown words included', (t) => {
  const error = t.throws(() => expectOk({ data: new Uint8Array(0), sw: 0x6983 }, 'VERIFY'), { instanceOf: CardError });
  t.is(error?.kind, 'status-word');
  t.regex(error?.bilingual() ?? '', /6983.*密碼已鎖住.*PIN locked/);
  const unknown = t.throws(() => expectOk({ data: new Uint8Array(0), sw: 0x9abc }, 'X'), { instanceOf: CardError });
  t.regex(unknown?.text('en') ?? '', /9ABC.*unknown status word/);
});

test('status-word families carry their parameter', (t) => {
  t.is(statusWordMeaning(0x63c2).en, 'verification failed, 2 tries left');
  t.is(statusWordMeaning(0x6110)['zh-TW'], '尚有 16 位元組資料可取');
  t.is(statusWordMeaning(0x6c39).en, 'wrong Le, exact length is 57');
});

test('fromHex accepts spaced or compact hex and rejects the rest', (t) => {
  t.deepEqual(fromHex('3B ff:18'), Uint8Array.of(0x3b, 0xff, 0x18));
  t.is(fromHex('3B F'), null);
  t.is(fromHex('zz'), null);
});
