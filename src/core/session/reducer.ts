// The kiosk flow as one pure function: (state, event) → { state, effects }. No I/O, no
// clock (events carry `at`). The runner in src/kiosk performs the effects and feeds the
// results back as events; the screens render the state.
import { cancel, closeOverlay, closePatient, devices, keyActivity, logout, openOverlay, settingsLoaded, settingsSave, tick } from './admin.ts';
import { withAudit } from './audit.ts';
import { cardInserted, cardReadFailed, cardRemoved, patientProfileRead, staffProfileRead } from './cards.ts';
import { emergencyOpen, emergencySubmit } from './emergency.ts';
import { lookupData, lookupOffline, lookupProgress } from './lookup.ts';
import { patientPinEntered, pinResult, staffPinEntered, verbalConsent } from './pin.ts';
import type { Step } from './state.ts';
import type { SessionEvent, SessionState, Transition } from './types.ts';

function step(state: SessionState, event: SessionEvent): Step {
  switch (event.type) {
    case 'devices':
      return devices(state, event);
    case 'card-inserted':
      return cardInserted(state, event);
    case 'card-removed':
      return cardRemoved(state, event);
    case 'staff-profile-read':
      return staffProfileRead(state, event);
    case 'patient-profile-read':
      return patientProfileRead(state, event);
    case 'card-read-failed':
      return cardReadFailed(state, event);
    case 'staff-pin-entered':
      return staffPinEntered(state, event);
    case 'patient-pin-entered':
      return patientPinEntered(state, event);
    case 'pin-result':
      return pinResult(state, event);
    case 'verbal-consent':
      return verbalConsent(state, event);
    case 'cancel':
      return cancel(state, event);
    case 'close-patient':
      return closePatient(state, event);
    case 'logout':
      return logout(state, event);
    case 'emergency-open':
      return emergencyOpen(state, event);
    case 'emergency-submit':
      return emergencySubmit(state, event);
    case 'lookup-progress':
      return lookupProgress(state, event);
    case 'lookup-cached':
    case 'lookup-fresh':
      return lookupData(state, event);
    case 'lookup-offline':
    case 'lookup-failed':
      return lookupOffline(state, event);
    case 'key-activity':
      return keyActivity(state, event);
    case 'tick':
      return tick(state, event);
    case 'open-overlay':
      return openOverlay(state, event);
    case 'close-overlay':
      return closeOverlay(state);
    case 'settings-save':
      return settingsSave(state, event);
    case 'settings-loaded':
      return settingsLoaded(state, event);
  }
}

export function sessionReducer(state: SessionState, event: SessionEvent): Transition {
  return withAudit(state, step(state, event), event);
}
