// Kiosk settings kept with the cache (key → JSON). Each key has a schema and a default, so a
// missing or hand-edited bad value reads as the default instead of crashing the counter.
import { z } from 'zod';
import type { CacheContext } from './context.ts';
import { guarded } from './context.ts';
import { CacheError } from './errors.ts';
import { isPlausibleHoliday } from '../domain/refill.ts';

export const TABS = ['summary', 'records', 'leftover', 'chronic', 'care-list', 'allergies'] as const;

const schemas = {
  lang: z.enum(['zh-TW', 'en']),
  /** Seconds without a key press before patient data leaves the screen. */
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  /** 慢箋 refill window: the next fill may be collected within 10 days before the due date. */
  refillWindowDays: z.number().int().min(0).max(30),
  /** Overlap (days) above which same-ingredient prescriptions count as duplicates. */
  duplicateThresholdDays: z.number().int().min(0).max(90),
  defaultTab: z.enum(TABS),
  /**
   * The year's NHIA holiday rule for 慢箋 refills (HolidayWindow, e.g. the Lunar New Year): a
   * wider window, or collection from days before the holiday starts; null when none is set.
   */
  refillHoliday: z
    .object({ from: z.string(), to: z.string(), windowDays: z.number(), fromDaysBeforeStart: z.number().optional() })
    .refine(isPlausibleHoliday)
    .nullable(),
  /** How long a fetched history may be shown from the cache before it is purged. */
  cacheTtlDays: z.number().int().min(1).max(365),
};

export type SettingKey = keyof typeof schemas;
export type SettingValues = { [K in SettingKey]: z.infer<(typeof schemas)[K]> };

export const SETTING_DEFAULTS: SettingValues = {
  lang: 'zh-TW',
  idleTimeoutSeconds: 90,
  refillWindowDays: 10,
  duplicateThresholdDays: 10,
  defaultTab: 'summary',
  refillHoliday: null,
  cacheTtlDays: 7,
};

export const SETTING_KEYS = Object.keys(schemas) as SettingKey[];

export interface Settings {
  get<K extends SettingKey>(key: K): SettingValues[K];
  /** Validates before writing; a bad value is a CacheError('bad-input'). */
  set<K extends SettingKey>(key: K, value: SettingValues[K]): void;
  /** Back to the default (removes the stored value). */
  reset(key: SettingKey): void;
  all(): SettingValues;
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(schemas, key);
}

export function createSettings(ctx: CacheContext): Settings {
  const read = ctx.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = ctx.db.prepare('DELETE FROM settings WHERE key = ?');

  function get<K extends SettingKey>(key: K): SettingValues[K] {
    const row = guarded(ctx, () => read.get(key));
    if (!row) return SETTING_DEFAULTS[key];
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.value);
    } catch {
      return SETTING_DEFAULTS[key];
    }
    const result = schemas[key].safeParse(parsed);
    return result.success ? (result.data as SettingValues[K]) : SETTING_DEFAULTS[key];
  }

  return {
    get,
    set(key, value) {
      if (!isSettingKey(key)) throw new CacheError('bad-input', { what: 'setting key' });
      const result = schemas[key].safeParse(value);
      if (!result.success) throw new CacheError('bad-input', { what: `setting ${key}` });
      guarded(ctx, () => write.run(key, JSON.stringify(result.data)));
    },
    reset(key) {
      guarded(ctx, () => remove.run(key));
    },
    all() {
      const values = { ...SETTING_DEFAULTS };
      for (const key of SETTING_KEYS) (values as Record<SettingKey, unknown>)[key] = get(key);
      return values;
    },
  };
}
