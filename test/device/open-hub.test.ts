// The hub factory's fixed choices (the 'auto' fallback while pcscd is down is covered in
// pcsc-integration.test.ts, the one file allowed to stop pcscd).
import test from 'ava';
import { openReaderHub } from '../../src/device/open-hub.ts';
import { VIRTUAL_READERS } from '../../src/device/virtual/hub.ts';

test('backend "virtual" gives the in-process readers with the vpcd names, no pcscd involved', async (t) => {
  const hub = await openReaderHub({ backend: 'virtual', virtual: { reason: 'training' } });
  t.is(hub.backend, 'virtual');
  t.deepEqual(
    hub.readers().map((r) => r.reader),
    [...VIRTUAL_READERS],
  );
  t.regex(hub.status().message, /training/);
  await hub.close();
});
