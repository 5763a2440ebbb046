// The kiosk flow as one pure function: (state, event) → { state, effects }. No I/O, no
// clock (events carry `at`). The runner in src/kiosk performs the effects and feeds the
// results back as events; the screens render the state.
import { cancel, closeOverlay, closePatient, devices, keyActivity, logout, openOverlay, settingsLoaded, settingsSave, tick } from './admin.ts';
import { adminAction, adminConfirm, adminLoaded } from './administration.ts';
import { withAudit } from './audit.ts';
import { dailyPurge, tabShown } from './housekeeping.ts';
import { reportExport, reportExported, reportExportFailed, reportFailed, reportLoaded, reportPeriod } from './reports.ts';
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
    case 'tick': {
      // The purge asks for no audit row of its own (the back office writes `cache-purge` with
      // its counts), so the tick's one row is the idle timeout's when a patient is cleared.
      const purge = dailyPurge(state, event);
      const idle = tick(purge.state, event);
      return { ...idle, effects: [...purge.effects, ...idle.effects] };
    }
    case 'open-overlay':
      return openOverlay(state, event);
    case 'close-overlay':
      return closeOverlay(state);
    case 'settings-save':
      return settingsSave(state, event);
    case 'settings-loaded':
      return settingsLoaded(state, event);
    case 'tab-shown':
      return tabShown(state, event);
    case 'report-period':
      return reportPeriod(state, event);
    case 'report-loaded':
      return reportLoaded(state, event);
    case 'report-failed':
      return reportFailed(state, event);
    case 'report-export':
      return reportExport(state, event);
    case 'report-exported':
      return reportExported(state, event);
    case 'report-export-failed':
      return reportExportFailed(state, event);
    case 'admin-action':
      return adminAction(state, event);
    case 'admin-confirm':
      return adminConfirm(state, event);
    case 'admin-loaded':
      return adminLoaded(state, event);
  }
}

/** An overlay's data leaves the state with the overlay (Esc, logout, a card, a timeout). */
function dropClosedOverlays(step: Step): Step {
  const s = step.state;
  if ((s.reports === null || s.overlay === 'reports') && (s.admin === null || s.overlay === 'admin')) return step;
  return { ...step, state: { ...s, reports: s.overlay === 'reports' ? s.reports : null, admin: s.overlay === 'admin' ? s.admin : null } };
}

export function sessionReducer(state: SessionState, event: SessionEvent): Transition {
  return withAudit(state, dropClosedOverlays(step(state, event)), event);
}
