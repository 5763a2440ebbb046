// The effects runner: each effect the session reducer asks for, performed against the card
// readers, the look-up and the cache, with the outcome fed back as a session event. Errors
// become events too (card-read-failed, lookup-failed); nothing here throws into the UI.
import type { SessionEffect, SessionEvent, SessionState, KioskSettings, AuditEntry } from '../core/session/types.ts';
import { cardErrorValue, type CardOps } from './card-ops.ts';
import type { LookupService } from './lookup-service.ts';
import type { BackOfficeEffect } from './back-office.ts';

export interface EffectsDeps {
  cards: CardOps;
  lookups: LookupService;
  state: () => SessionState;
  dispatch: (event: SessionEvent) => void;
  clock: () => number;
  audit: (entry: AuditEntry) => void;
  saveSettings: (settings: KioskSettings) => void;
  /** Reports, administration, care-list opens and the daily purge: null without a cache. */
  backOffice: ((effect: BackOfficeEffect) => void) | null;
  onWarning?: (error: Error) => void;
}

export function createEffectsRunner(deps: EffectsDeps): (effect: SessionEffect) => void {
  const at = deps.clock;
  const readFailed = (reader: string) => (error: unknown) => deps.dispatch({ type: 'card-read-failed', at: at(), reader, error: cardErrorValue(error) });
  return (effect) => {
    switch (effect.type) {
      case 'read-staff-card':
        deps.cards.readStaff(effect.reader).then((profile) => deps.dispatch({ type: 'staff-profile-read', at: at(), reader: effect.reader, profile }), readFailed(effect.reader));
        return;
      case 'read-patient-card':
        deps.cards.readPatient(effect.reader).then((profile) => deps.dispatch({ type: 'patient-profile-read', at: at(), reader: effect.reader, profile }), readFailed(effect.reader));
        return;
      case 'verify-pin': {
        const { who, reader } = effect;
        deps.cards.verify(who, reader, effect.pin).then(
          (outcome) => deps.dispatch({ type: 'pin-result', at: at(), who, ...outcome }),
          // A failed VERIFY (card pulled, reader timeout) counts as no answer, not a wrong PIN.
          readFailed(reader),
        );
        return;
      }
      case 'start-lookup': {
        const staff = deps.state().staff;
        if (staff) deps.lookups.start(effect, staff);
        return;
      }
      case 'cancel-lookup':
        deps.lookups.cancel(effect.lookupId);
        return;
      case 'save-settings':
        try {
          deps.saveSettings(effect.settings);
        } catch (error) {
          deps.onWarning?.(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      case 'load-report':
      case 'export-report':
      case 'admin-op':
      case 'care-list-open':
      case 'purge-expired':
        if (deps.backOffice) deps.backOffice(effect);
        // No cache, no figures: the overlays say so instead of waiting.
        else if (effect.type === 'load-report') deps.dispatch({ type: 'report-failed', at: at(), kind: 'no-cache' });
        else if (effect.type === 'export-report') deps.dispatch({ type: 'report-export-failed', at: at(), kind: 'no-cache' });
        else if (effect.type === 'admin-op') deps.dispatch({ type: 'admin-loaded', at: at(), staff: [], message: { ok: false, key: 'admin.op-failed', facts: { kind: 'no-cache' } } });
        return;
      case 'audit':
        try {
          deps.audit(effect.entry);
        } catch (error) {
          deps.onWarning?.(error instanceof Error ? error : new Error(String(error)));
        }
        return;
    }
  };
}
