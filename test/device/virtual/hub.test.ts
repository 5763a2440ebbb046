// The in-process hub (embedded default, demo tray): events on insert/remove, identification
// of a SAM card by AID, and a card pulled in the middle of a transaction failing typed.
import test from 'ava';
import { CardError } from '../../../src/device/cards/errors.ts';
import { readAllergies, readPatientProfile } from '../../../src/device/cards/patient-card.ts';
import type { HubEvent } from '../../../src/device/types.ts';
import { VirtualReaderHub, VIRTUAL_READERS } from '../../../src/device/virtual/hub.ts';
import { waitForCard } from '../../../src/device/wait.ts';

const [SLOT0, SLOT1] = VIRTUAL_READERS;

test('insert/remove emit typed events; the snapshot follows', async (t) => {
  const hub = new VirtualReaderHub();
  const events: HubEvent[] = [];
  hub.subscribe((e) => events.push(e));
  t.deepEqual(hub.readers(), [
    { reader: SLOT0, card: null },
    { reader: SLOT1, card: null },
  ]);
  await hub.insertDeckCard(SLOT0, 'P001');
  await hub.insertDeckCard(SLOT1, 'SAM');
  hub.remove(SLOT0);
  t.deepEqual(
    events.map((e) => [e.type, 'reader' in e ? e.reader : '', 'kind' in e ? e.kind : '']),
    [
      ['card-inserted', SLOT0, 'patient'],
      ['card-inserted', SLOT1, 'sam'],
      ['card-removed', SLOT0, ''],
    ],
  );
  t.is(hub.readers()[1]?.card?.kind, 'sam', 'the SAM card was named by its AID, its ATR being generic');
  t.true(hub.status().ok);
  t.regex(hub.status().message, /virtual/);
  await hub.close();
});

test('a card pulled mid-transaction fails with card-removed / 4013, no crash; a new session works', async (t) => {
  const hub = new VirtualReaderHub();
  await hub.insertDeckCard(SLOT0, 'P001');
  const session = await hub.connect(SLOT0);
  const reading = readAllergies(session);
  hub.remove(SLOT0);
  const error = await t.throwsAsync(reading, { instanceOf: CardError });
  t.is(error?.kind, 'card-removed');
  t.is(error?.nhiCode, 4013);
  await t.throwsAsync(hub.connect(SLOT0), { instanceOf: CardError, message: /no card/ });
  await hub.insertDeckCard(SLOT0, 'P003');
  const fresh = await hub.connect((await waitForCard(hub, SLOT0, 1000)).reader);
  t.is((await readPatientProfile(fresh)).cardNumber.length, 12);
  await t.throwsAsync(hub.connect('No Such Reader'), { instanceOf: CardError, message: /no card reader/ });
  await hub.close();
});
