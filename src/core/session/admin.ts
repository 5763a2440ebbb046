// Everything that is not a card or a lookup: Esc/cancel, closing a patient, logout, the
// idle timeout, settings (機構管理者 only) and device status for the idle screen.
import { openAdmin } from './administration.ts';
import { readStaffCardAgain } from './relogin.ts';
import { openReports } from './reports.ts';
import { cancelEffects, clearPatient, go, notice, unchanged, type Step } from './state.ts';
import { TAB_IDS, type KioskSettings, type SessionEvent, type SessionState } from './types.ts';
import { isPlausibleHoliday } from '../domain/refill.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

/** Phases that show something about a patient: the idle timeout clears them. */
const PATIENT_PHASES = new Set(['consent', 'loading', 'patient-view', 'lookup-failed', 'emergency']);

export function cancel(state: SessionState, event: Ev<'cancel'>): Step {
  if (state.overlay) return unchanged({ ...state, overlay: null });
  switch (state.phase.name) {
    case 'consent':
    case 'emergency':
    case 'loading':
    case 'lookup-failed':
      return clearPatient(state, event.at, notice('notice.cancelled', 'cancelled'));
    default:
      return unchanged(state);
  }
}

export function closePatient(state: SessionState, event: Ev<'close-patient'>): Step {
  if (!PATIENT_PHASES.has(state.phase.name)) return unchanged(state);
  return clearPatient(state, event.at, notice('notice.patient-closed', 'patient-closed'));
}

/** Logout with the staff card still inserted locks the kiosk: the PIN is asked again. */
export function logout(state: SessionState, event: Ev<'logout'>): Step {
  if (!state.staff) return unchanged(state);
  const reader = state.staff.reader;
  const out: SessionState = go({ ...state, staff: null, overlay: null }, { name: 'idle' }, event.at, notice('notice.logged-out', 'logged-out'));
  const again = readStaffCardAgain(out, reader, event.at);
  return { state: again.state, effects: [...cancelEffects(state.phase), ...again.effects] };
}

export function keyActivity(state: SessionState, event: Ev<'key-activity'>): Step {
  return unchanged({ ...state, lastActivityAt: event.at });
}

export function tick(state: SessionState, event: Ev<'tick'>): Step {
  if (!PATIENT_PHASES.has(state.phase.name)) return unchanged(state);
  if (event.at - state.lastActivityAt < state.settings.idleTimeoutSeconds * 1000) return unchanged(state);
  return clearPatient(state, event.at, notice('notice.idle-timeout', 'idle-timeout'));
}

export function openOverlay(state: SessionState, event: Ev<'open-overlay'>): Step {
  // Settings, reports and administration are the 機構管理者's (NHI 機構管理者 → 機構使用者).
  if (event.overlay !== 'diagnostics' && !state.staff?.profile.admin) {
    return { state: { ...state, notice: notice('error.not-admin', 'not-admin') }, effects: [], audit: { action: `${event.overlay}-open`, outcome: 'not-admin' } };
  }
  if (event.overlay === 'reports') return openReports(state, event);
  if (event.overlay === 'admin') return openAdmin(state);
  return { state: { ...state, overlay: event.overlay }, effects: [], audit: { action: `open-${event.overlay}`, outcome: 'ok' } };
}

export function closeOverlay(state: SessionState): Step {
  return unchanged({ ...state, overlay: null });
}

/** Bounds that keep a mistyped setting from disabling a safety net. */
export function validSettings(settings: KioskSettings): boolean {
  return (
    (settings.lang === 'zh-TW' || settings.lang === 'en') &&
    Number.isInteger(settings.idleTimeoutSeconds) && settings.idleTimeoutSeconds >= 15 && settings.idleTimeoutSeconds <= 3600 &&
    // NHI: a chronic refill may be collected up to 10 days before the next period starts.
    Number.isInteger(settings.refillWindowDays) && settings.refillWindowDays >= 0 && settings.refillWindowDays <= 10 &&
    Number.isInteger(settings.duplicateThresholdDays) && settings.duplicateThresholdDays >= 1 && settings.duplicateThresholdDays <= 60 &&
    TAB_IDS.includes(settings.defaultTab) &&
    (settings.refillHoliday === null || isPlausibleHoliday(settings.refillHoliday))
  );
}

export function settingsSave(state: SessionState, event: Ev<'settings-save'>): Step {
  if (!state.staff?.profile.admin) {
    return { state: { ...state, notice: notice('error.not-admin', 'not-admin') }, effects: [], audit: { action: 'settings-save', outcome: 'not-admin' } };
  }
  if (!validSettings(event.settings)) return { state, effects: [], audit: { action: 'settings-save', outcome: 'invalid' } };
  return {
    state: { ...state, settings: event.settings, overlay: null, notice: notice('notice.settings-saved', 'settings-saved') },
    effects: [{ type: 'save-settings', settings: event.settings }],
    audit: { action: 'settings-save', outcome: 'ok' },
  };
}

export function settingsLoaded(state: SessionState, event: Ev<'settings-loaded'>): Step {
  return unchanged(validSettings(event.settings) ? { ...state, settings: event.settings } : state);
}

export function devices(state: SessionState, event: Ev<'devices'>): Step {
  return unchanged({ ...state, devices: { ...state.devices, ...event.status } });
}
