// PC/SC error codes as pcsclite reports them, mapped to the card vocabulary, and the
// per-transmit timeout that turns a silent reader into NHI 4000.
import test from 'ava';
import { CardError } from '../../../src/device/cards/errors.ts';
import { pcscErrorCode } from '../../../src/device/pcsc/binding.ts';
import { mapPcscError, withTimeout } from '../../../src/device/pcsc/channel.ts';

test('pcsclite messages carry the PC/SC code in parentheses', (t) => {
  t.is(pcscErrorCode(new Error('SCardEstablishContext error: Service not available.(0x8010001d)')), 0x8010001d);
  t.is(pcscErrorCode(new Error('no code')), null);
});

test('card gone, pcscd gone, reader gone and other failures map to distinct kinds', (t) => {
  const kinds = [
    ['SCardTransmit error: Card was removed.(0x80100069)', 'patient', 'card-removed', 4013],
    ['SCardTransmit error: Card was removed.(0x80100069)', 'staff', 'card-removed', 4014],
    ['SCardGetStatusChange error: RPC transport error.(0x80100013)', 'patient', 'no-pcsc', 9204],
    ['SCardConnect error: Unknown reader specified.(0x80100009)', 'unknown', 'no-reader', 9204],
    ['SCardTransmit error: Transaction failed.(0x80100016)', 'patient', 'transmit-failed', null],
  ] as const;
  for (const [message, cardKind, kind, code] of kinds) {
    const error = mapPcscError(new Error(message), 'Virtual PCD 00 00', cardKind);
    t.is(error.kind, kind, message);
    t.is(error.nhiCode, code, message);
  }
});

test('withTimeout: 4000 when the work does not finish in time, the value otherwise', async (t) => {
  const never = new Promise<never>(() => undefined);
  const error = await t.throwsAsync(withTimeout(never, 20), { instanceOf: CardError });
  t.is(error?.nhiCode, 4000);
  t.is(await withTimeout(Promise.resolve(7), 1000), 7);
});
