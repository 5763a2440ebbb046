// Kiosk settings ↔ the cache's settings table. The cache names two tabs its own way
// ('chronic', 'care-list'); the session calls them 'refills' and 'controlled'.
import type { Cache } from '../core/cache/index.ts';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/domain/settings.ts';
import { DEFAULT_KIOSK_SETTINGS, type KioskSettings, type TabId } from '../core/session/types.ts';
import { validSettings } from '../core/session/admin.ts';

const TO_CACHE: Record<TabId, 'summary' | 'records' | 'leftover' | 'chronic' | 'care-list' | 'allergies'> = {
  summary: 'summary',
  records: 'records',
  leftover: 'leftover',
  refills: 'chronic',
  controlled: 'care-list',
  allergies: 'allergies',
};

export function loadSettings(cache: Pick<Cache, 'settings'> | null): KioskSettings {
  if (!cache) return DEFAULT_KIOSK_SETTINGS;
  const tab = cache.settings.get('defaultTab');
  const defaultTab = (Object.entries(TO_CACHE).find(([, v]) => v === tab)?.[0] ?? 'summary') as TabId;
  const loaded: KioskSettings = {
    lang: cache.settings.get('lang'),
    idleTimeoutSeconds: cache.settings.get('idleTimeoutSeconds'),
    refillWindowDays: cache.settings.get('refillWindowDays'),
    refillHoliday: cache.settings.get('refillHoliday'),
    duplicateThresholdDays: cache.settings.get('duplicateThresholdDays'),
    defaultTab,
  };
  // A value the cache accepts but the kiosk does not (a 30-day refill window) falls back whole.
  return validSettings(loaded) ? loaded : DEFAULT_KIOSK_SETTINGS;
}

export function saveSettings(cache: Pick<Cache, 'settings'>, settings: KioskSettings): void {
  cache.settings.set('lang', settings.lang);
  cache.settings.set('idleTimeoutSeconds', settings.idleTimeoutSeconds);
  cache.settings.set('refillWindowDays', settings.refillWindowDays);
  cache.settings.set('refillHoliday', settings.refillHoliday);
  cache.settings.set('duplicateThresholdDays', settings.duplicateThresholdDays);
  cache.settings.set('defaultTab', TO_CACHE[settings.defaultTab]);
}

/** The analysis' tunables from the kiosk's settings. */
export function analysisSettings(settings: KioskSettings): AnalysisSettings {
  return {
    ...DEFAULT_SETTINGS,
    duplicateThresholdDays: settings.duplicateThresholdDays,
    refill: { windowDays: settings.refillWindowDays, holidayWindows: settings.refillHoliday === null ? [] : [settings.refillHoliday] },
  };
}
