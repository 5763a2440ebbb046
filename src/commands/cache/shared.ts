// What `yaoli cache` and `yaoli audit` share: --db/--key resolution, opening the cache with
// the damage notice on stderr, typed errors to exit codes, and Taipei wall-clock times.
import { statSync } from 'node:fs';
import { bothLanguages, format } from '../../i18n/index.ts';
import type { Bilingual, Facts } from '../../i18n/index.ts';
import { cacheMessages, isCacheError, openCache } from '../../core/cache/index.ts';
import type { CacheOpenResult } from '../../core/cache/index.ts';
import { isConfigError, loadConfig, type LoadedConfig } from '../../core/config.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const pathOptions = {
  db: { type: 'string' },
  key: { type: 'string' },
  config: { type: 'string' },
} as const;

/** The machine config with --db/--key/--config on top; throws ConfigError (failWith: exit 2). */
export function cliConfig(values: { db?: string; key?: string; config?: string }, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const result = loadConfig({ env, flags: { cachePath: values.db, keyFile: values.key, config: values.config } });
  if (!result.ok) throw result.error;
  return result;
}

/** --db alone puts the key file beside it (cache.key), so one folder moves as a unit (core/config's follow rule). */
export function resolvePaths(values: { db?: string; key?: string; config?: string }, env: NodeJS.ProcessEnv = process.env): { db: string; keyFile: string } {
  const { config } = cliConfig(values, env);
  return { db: config.cachePath, keyFile: config.keyFile };
}

/** Never creates a cache: a mistyped --db must not leave a new empty cache behind. */
export function openForCli(paths: { db: string; keyFile: string }, clock: () => Date, purgeOnOpen: boolean): CacheOpenResult {
  const result = openCache({ path: paths.db, keyFile: paths.keyFile, clock, purgeOnOpen, create: false });
  if (result.recovered) console.error(bothLanguages(cacheMessages.recovered, { movedTo: result.recovered.movedTo }));
  if (result.rotationFinished) console.error(bothLanguages(cacheMessages['rotation-finished']));
  return result;
}

/** CacheErrors become their bilingual message and exit 1, a bad configuration exit 2; anything else is a bug and rethrows. */
export function failWith(error: unknown): number {
  if (isCacheError(error)) {
    console.error(error.message);
    return EXIT_FAILED;
  }
  if (isConfigError(error)) {
    console.error(error.message);
    return EXIT_USAGE;
  }
  throw error;
}

export function usageError(entry: Bilingual, facts: Facts, usage: Bilingual): number {
  console.error(`${bothLanguages(entry, facts)}\n\n${usage['zh-TW']}\n\n${usage.en}`);
  return EXIT_USAGE;
}

/** '2026-03-01 16:00:00' in Asia/Taipei, whatever the machine's TZ. */
export function taipeiTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function fileMode(path: string): string {
  try {
    return `0${(statSync(path).mode & 0o777).toString(8)}`;
  } catch {
    return '-';
  }
}

export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function line(label: Bilingual, value: string | number, facts?: Facts): string {
  return `  ${format(label['zh-TW'], facts)} ${format(label.en, facts)}: ${value}`;
}
