// Kiosk settings changed by an administrator: the cache validates each value against its
// schema (bounds that keep a safety net on, e.g. the idle timeout ≥ 15 s); the audit row keeps
// the setting's name and both values, which are never personal.
import { SETTING_DEFAULTS, isSettingKey, type SettingKey, type SettingValues } from '../cache/index.ts';
import { isCacheError } from '../cache/index.ts';
import { operate, type AdminActor, type AdminCache } from './operate.ts';
import { done, refused, type AdminResult } from './result.ts';

/** A typed value, or text from a form or the command line ('14' for a number setting). */
function coerce(key: SettingKey, value: unknown): unknown {
  if (typeof SETTING_DEFAULTS[key] === 'number' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return typeof value === 'string' ? value.trim() : value;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)).slice(0, 60);

export function changeSetting<K extends SettingKey>(cache: AdminCache, actor: AdminActor, key: K | string, value: SettingValues[K] | string): AdminResult<{ key: SettingKey; from: unknown; to: unknown }> {
  const action = `admin.setting.${isSettingKey(key) ? key : 'unknown'}` as const;
  return operate(cache, actor, action, () => {
    if (!isSettingKey(key)) return { result: refused('unknown-setting', { key: shown(key) }) };
    const from = cache.settings.get(key);
    const to = coerce(key, value);
    try {
      cache.settings.set(key, to as SettingValues[typeof key]);
    } catch (error) {
      // The cache says bad-input for a value outside the schema; anything else is a cache failure.
      if (isCacheError(error) && error.kind === 'bad-input') return { result: refused('invalid-setting', { key, value: shown(value) }), detail: `${key}=${shown(value)}` };
      throw error;
    }
    const stored = cache.settings.get(key);
    return { result: done({ key, from, to: stored }, 'setting-changed', { key, from: shown(from), to: shown(stored) }), detail: `${key}: ${shown(from)} -> ${shown(stored)}` };
  });
}
