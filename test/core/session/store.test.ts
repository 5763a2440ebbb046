import test from 'ava';
import { createSessionStore, initialSession, type SessionEffect } from '../../../src/core/session/index.ts';

test('the store stamps events with its clock, hands effects out and tells subscribers', (t) => {
  const effects: SessionEffect[] = [];
  let now = 1000;
  const store = createSessionStore(initialSession(), { clock: () => (now += 5), onEffect: (e) => effects.push(e) });
  let calls = 0;
  const unsubscribe = store.subscribe(() => (calls += 1));
  store.send({ type: 'card-inserted', reader: 'R0', kind: 'staff' });
  t.is(store.getState().phase.name, 'staff-reading');
  t.is(store.getState().lastActivityAt, 1005);
  t.deepEqual(effects.filter((e) => e.type !== 'audit'), [{ type: 'read-staff-card', reader: 'R0' }]);
  t.is(calls, 1);
  store.send({ type: 'key-activity' });
  t.is(store.getState().lastActivityAt, 1010, 'a key moves the idle clock');
  t.is(calls, 1, 'but re-renders nothing');
  unsubscribe();
  store.send({ type: 'card-removed', reader: 'R0' });
  t.is(calls, 1);
});
