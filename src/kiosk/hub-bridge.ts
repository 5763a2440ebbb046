// Reader hub events → session events: card in/out by reader, and the reader/backend status
// the idle screen shows. A card that leaves also closes its connection.
import type { HubEvent, ReaderHub } from '../device/types.ts';
import type { SessionEvent } from '../core/session/types.ts';
import type { CardOps } from './card-ops.ts';

export function bridgeHub(hub: ReaderHub, deps: { cards: CardOps; dispatch: (event: SessionEvent) => void; clock: () => number; onStaffCardGone: (reader: string) => void }): () => void {
  const devices = () => {
    const status = hub.status();
    const readers = hub.readers().map((r) => r.reader);
    deps.dispatch({ type: 'devices', at: deps.clock(), status: { backend: hub.backend, readers, readersOk: status.ok, readerMessage: status.message } });
  };
  const onEvent = (event: HubEvent) => {
    switch (event.type) {
      case 'card-inserted':
        deps.dispatch({ type: 'card-inserted', at: deps.clock(), reader: event.reader, kind: event.kind });
        return;
      case 'card-removed':
        deps.cards.forget(event.reader);
        deps.onStaffCardGone(event.reader);
        deps.dispatch({ type: 'card-removed', at: deps.clock(), reader: event.reader });
        return;
      default:
        devices();
    }
  };
  const unsubscribe = hub.subscribe(onEvent);
  devices();
  // Cards already in their readers when the kiosk starts count as inserted now.
  for (const { reader, card } of hub.readers()) {
    if (card) deps.dispatch({ type: 'card-inserted', at: deps.clock(), reader, kind: card.kind });
  }
  return unsubscribe;
}
