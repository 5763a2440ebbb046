// The demo card tray over the in-process virtual readers: the deck's staff cards go into the
// first reader, patient cards into the second, so a newcomer can walk every screen with no
// hardware. PINs are printed on purpose: the deck is synthetic training data.
import type { DemoDeck } from '../demo/deck.ts';
import type { VirtualReaderHub } from '../device/virtual/hub.ts';
import { VIRTUAL_READERS } from '../device/virtual/hub.ts';
import type { DemoTray, TrayCard } from '../ui/ports.ts';

const STAFF_READER = VIRTUAL_READERS[0];
const PATIENT_READER = VIRTUAL_READERS[1];

export function createDemoTray(hub: VirtualReaderHub, deck: DemoDeck, onError: (error: Error) => void): DemoTray & { insert(id: string): Promise<void> } {
  const inserted = new Map<string, string>();
  hub.subscribe((event) => {
    if (event.type === 'card-removed') for (const [id, reader] of inserted) if (reader === event.reader) inserted.delete(id);
  });
  const readerFor = (id: string) => (id.startsWith('S') ? STAFF_READER : PATIENT_READER);
  async function insert(id: string): Promise<void> {
    const reader = readerFor(id);
    for (const [other, at] of inserted) if (at === reader) inserted.delete(other);
    inserted.set(id, reader);
    await hub.insertDeckCard(reader, id);
  }
  return {
    cards(): TrayCard[] {
      const staff = deck.staff.map((s): TrayCard => ({
        id: s.deckId,
        kind: 'staff',
        label: `${s.name} ${s.role}${s.admin ? ' admin' : ''}${s.authorized ? '' : ' (403)'}`,
        pin: s.pin,
        inserted: inserted.has(s.deckId),
      }));
      // The scripted patients first (P001–P009 tell the stories), then a few more.
      const patients = deck.patients.slice(0, 20).map((p): TrayCard => ({
        id: p.deckId,
        kind: 'patient',
        label: `${p.name} ${p.story}${p.pinBlocked ? ' PIN-locked' : ''}`,
        pin: p.pinBlocked ? null : p.pin,
        inserted: inserted.has(p.deckId),
      }));
      return [...staff, ...patients];
    },
    toggle(id) {
      if (inserted.has(id)) {
        const reader = inserted.get(id) as string;
        inserted.delete(id);
        hub.remove(reader);
        return;
      }
      insert(id).catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
    },
    insert,
  };
}
