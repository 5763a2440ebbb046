// Every machine-level setting yaoli has: its zod check, the environment variable and the flag
// that set it, and what a good value looks like in both languages (for the error message).
// zod/mini, not classic zod: the kiosk validates its config before its first frame (SPEC §4:
// ≤ 300 ms) and the classic build costs ~60 ms to load there, the mini one ~10 ms.
import * as z from 'zod/mini';
import type { Bilingual, Lang } from '../../i18n/index.ts';

export type Readers = 'virtual' | 'pcsc' | 'auto';

export interface CloudTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface YaoliConfig {
  /** The folder that holds cache.db, cache.key, config.json and logs/. */
  dataDir: string;
  /** 'virtual' (embedded demo readers), 'pcsc' (real readers) or 'auto' (PC/SC when pcscd answers). */
  readers: Readers;
  /** MediCloud base URL; null = the embedded simulator. */
  cloudUrl: string | null;
  samFolder: string;
  logDir: string;
  cachePath: string;
  keyFile: string;
  /** CLI output language for reports; null = the institution's setting in the cache. */
  lang: Lang | null;
  timeouts: CloudTimeouts;
  prefetchConcurrency: number;
}

export const CONFIG_KEYS = [
  'dataDir',
  'readers',
  'cloudUrl',
  'samFolder',
  'logDir',
  'cachePath',
  'keyFile',
  'lang',
  'timeouts.connectMs',
  'timeouts.headersMs',
  'timeouts.bodyMs',
  'prefetchConcurrency',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The keys that hold a path (relative ones in a config file are taken from the file's folder). */
export const PATH_KEYS: readonly ConfigKey[] = ['dataDir', 'samFolder', 'logDir', 'cachePath', 'keyFile'];

export interface KeySpec {
  /** The environment variable, when there is one. */
  env?: string;
  /** The usual command-line flag; a command may call it something else (doctor's --sam-dir). */
  flag: string;
  schema: z.ZodMiniType;
  expect: Bilingual;
  /** env/flag text → the value the schema checks (numbers, 'embedded', language names). */
  fromText?: (text: string) => unknown;
}

const path = z.string().check(
  z.minLength(1),
  z.refine((s) => !s.includes('\0')),
);
const pathExpect: Bilingual = { 'zh-TW': '非空白的路徑', en: 'a non-empty path' };

const milliseconds = z.int().check(z.minimum(1), z.maximum(600_000));
const msExpect: Bilingual = { 'zh-TW': '1 到 600000 的整數毫秒', en: 'a whole number of milliseconds from 1 to 600000' };

/** Digits become a number; anything else stays text so the schema names it as given. */
function wholeNumber(text: string): unknown {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** 'zh-TW', 'zh_TW', 'zh', 'en', 'en-US'… (what people type) → the two languages yaoli has. */
function language(text: string): unknown {
  const lower = text.trim().toLowerCase();
  if (lower === 'zh-tw' || lower === 'zh_tw' || lower === 'zh') return 'zh-TW';
  if (lower === 'en' || /^en[-_]/.test(lower)) return 'en';
  return text;
}

export const KEYS: Record<ConfigKey, KeySpec> = {
  dataDir: { env: 'YAOLI_HOME', flag: '--data-dir', schema: path, expect: pathExpect },
  readers: {
    env: 'YAOLI_READERS',
    flag: '--readers',
    schema: z.enum(['virtual', 'pcsc', 'auto']),
    expect: { 'zh-TW': 'virtual、pcsc 或 auto', en: 'virtual, pcsc or auto' },
    fromText: (text) => text.trim().toLowerCase(),
  },
  cloudUrl: {
    env: 'YAOLI_CLOUD_URL',
    flag: '--cloud',
    // null (or the word 'embedded', so an env var or flag can choose it over a file's URL).
    schema: z.union([z.null(), z.literal('embedded'), z.url({ protocol: /^https?$/ })]),
    expect: { 'zh-TW': 'http(s) 網址，或 embedded／null（內建模擬器）', en: 'an http(s) URL, or embedded/null (the built-in simulator)' },
    fromText: (text) => text.trim(),
  },
  samFolder: { env: 'YAOLI_SAM_DIR', flag: '--sam-folder', schema: path, expect: pathExpect },
  logDir: { env: 'YAOLI_LOG_DIR', flag: '--log-dir', schema: path, expect: pathExpect },
  cachePath: { env: 'YAOLI_DB', flag: '--db', schema: path, expect: pathExpect },
  keyFile: { env: 'YAOLI_KEY', flag: '--key', schema: path, expect: pathExpect },
  lang: {
    env: 'YAOLI_LANG',
    flag: '--lang',
    schema: z.union([z.null(), z.enum(['zh-TW', 'en'])]),
    expect: { 'zh-TW': 'zh-TW 或 en', en: 'zh-TW or en' },
    fromText: language,
  },
  'timeouts.connectMs': { flag: '--connect-timeout', schema: milliseconds, expect: msExpect, fromText: wholeNumber },
  'timeouts.headersMs': { flag: '--headers-timeout', schema: milliseconds, expect: msExpect, fromText: wholeNumber },
  'timeouts.bodyMs': { flag: '--body-timeout', schema: milliseconds, expect: msExpect, fromText: wholeNumber },
  prefetchConcurrency: {
    flag: '--concurrency',
    schema: z.int().check(z.minimum(1), z.maximum(16)),
    expect: { 'zh-TW': '1 到 16 的整數', en: 'a whole number from 1 to 16' },
    fromText: wholeNumber,
  },
};

/** Same numbers as core/cloud's DEFAULT_TIMEOUTS (a test keeps them equal; importing it would load undici). */
export const DEFAULT_CLOUD_TIMEOUTS: CloudTimeouts = { connectMs: 3000, headersMs: 8000, bodyMs: 8000 };

export const DEFAULT_PREFETCH_CONCURRENCY = 4;

/** Where to read the config file: `--config FILE`, then $YAOLI_CONFIG, then <data folder>/config.json. */
export const CONFIG_FILE_ENV = 'YAOLI_CONFIG';
export const CONFIG_FILE_FLAG = '--config';
export const CONFIG_FILE_NAME = 'config.json';
