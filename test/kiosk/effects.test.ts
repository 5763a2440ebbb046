// The effects runner's routing of the back-office effects: with a cache they go to the back
// office; without one (the cache could not be opened) each screen that waits for an answer
// gets a failure it can show, and the others are dropped. Card and look-up services are not
// used by these effects, so they are inert stand-ins.
import test from 'ava';
import type { CardOps } from '../../src/kiosk/card-ops.ts';
import type { LookupService } from '../../src/kiosk/lookup-service.ts';
import type { BackOfficeEffect } from '../../src/kiosk/back-office.ts';
import type { SessionEffect, SessionEvent, SessionState } from '../../src/core/session/types.ts';
import { createEffectsRunner } from '../../src/kiosk/effects.ts';

const AT = Date.UTC(2026, 10, 3, 2, 0, 0);
const actor = { staffId: 'S-ADMIN', role: 'pharmacist' };

const effects: Record<string, SessionEffect> = {
  load: { type: 'load-report', from: '2026-10-01', to: '2026-10-31', by: 'week' },
  export: { type: 'export-report', from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'zh-TW', actor, report: null },
  admin: { type: 'admin-op', op: { kind: 'verify-audit' }, actor },
  careList: { type: 'care-list-open', at: AT, staff: actor, patientId: 'P-TEST' },
  purge: { type: 'purge-expired' },
};

function runner(backOffice: ((effect: BackOfficeEffect) => void) | null) {
  const events: SessionEvent[] = [];
  const run = createEffectsRunner({
    cards: {} as CardOps,
    lookups: {} as LookupService,
    state: () => ({}) as SessionState,
    dispatch: (event) => events.push(event),
    clock: () => AT,
    audit: () => {},
    saveSettings: () => {},
    backOffice,
  });
  return { run, events };
}

test('with a cache, every back-office effect goes to the back office as it is and nothing is answered here', (t) => {
  const received: BackOfficeEffect[] = [];
  const { run, events } = runner((effect) => received.push(effect));
  for (const effect of Object.values(effects)) run(effect);
  t.deepEqual(received, Object.values(effects));
  t.deepEqual(events, []);
});

test('without a cache, the reports load and the export fail with no-cache, administration answers an empty list, the rest is dropped', (t) => {
  const { run, events } = runner(null);
  run(effects.load as SessionEffect);
  run(effects.export as SessionEffect);
  run(effects.admin as SessionEffect);
  run(effects.careList as SessionEffect);
  run(effects.purge as SessionEffect);
  t.deepEqual(events, [
    { type: 'report-failed', at: AT, kind: 'no-cache' },
    { type: 'report-export-failed', at: AT, kind: 'no-cache' },
    { type: 'admin-loaded', at: AT, staff: [], message: { ok: false, key: 'admin.op-failed', facts: { kind: 'no-cache' } } },
  ]);
});
