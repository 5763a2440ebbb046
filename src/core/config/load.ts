// One validated configuration from four layers, each overriding the one before:
//   built-in defaults → config file → environment (YAOLI_*) → command-line flags.
// Every value is checked where it enters, so an error names its source. The file, the
// environment and the platform are parameters: tests give their own, commands the real ones.
import { posix, win32 } from 'node:path';
import { errnoCode } from '../errno.ts';
import { dataDir as platformDataDir } from '../paths.ts';
import { problem, shown, ConfigError, type ConfigProblem, type ConfigSource } from './errors.ts';
import {
  CONFIG_FILE_ENV,
  CONFIG_FILE_FLAG,
  CONFIG_FILE_NAME,
  CONFIG_KEYS,
  DEFAULT_CLOUD_TIMEOUTS,
  DEFAULT_PREFETCH_CONCURRENCY,
  KEYS,
  PATH_KEYS,
  type ConfigKey,
  type YaoliConfig,
} from './keys.ts';

/** Flag values as parseArgs gives them (text; undefined = not given), by setting. */
export type ConfigFlags = Partial<Record<ConfigKey | 'config', string | undefined>>;

export interface LoadConfigInput {
  flags?: ConfigFlags;
  /** A command's own name for a flag, for error messages (doctor: samFolder → '--sam-dir'). */
  flagNames?: Partial<Record<ConfigKey | 'config', string>>;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
  /** Reads the config file as text; throws an error with `code` ('ENOENT'…) when it cannot. */
  readFile: (path: string) => string;
}

export interface ConfigFileInfo {
  path: string;
  found: boolean;
  /** Who chose the path: --config, $YAOLI_CONFIG, or the default <data folder>/config.json. */
  source: ConfigSource;
}

export interface LoadedConfig {
  config: YaoliConfig;
  sources: Record<ConfigKey, ConfigSource>;
  file: ConfigFileInfo;
}

export type LoadConfigResult = ({ ok: true } & LoadedConfig) | { ok: false; error: ConfigError };

interface Given {
  value: unknown;
  source: ConfigSource;
  /** 0 default, 1 file, 2 env, 3 flag; a derived default takes the rank of what it follows. */
  rank: number;
}

type Layer = Partial<Record<ConfigKey, Given>>;

/** NHI's folder on Windows (research §1.7); a per-user folder elsewhere. */
export function defaultSamFolder(platform: NodeJS.Platform, home: string): string {
  return platform === 'win32' ? 'C:\\NHI\\SAM\\COMX1' : posix.join(home, '.yaoli', 'sam');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function loadConfig(input: LoadConfigInput): LoadConfigResult {
  const env = input.env ?? {};
  const platform = input.platform ?? process.platform;
  const home = input.home ?? (platform === 'win32' ? (env['USERPROFILE'] ?? 'C:\\') : (env['HOME'] ?? '/'));
  const paths = platform === 'win32' ? win32 : posix;
  const problems: ConfigProblem[] = [];

  const check = (layer: Layer, key: ConfigKey, raw: unknown, source: ConfigSource, rank: number, base?: string): void => {
    const spec = KEYS[key];
    const result = spec.schema.safeParse(raw);
    if (!result.success) {
      problems.push(problem('bad-value', key, source, (lang) => ({ expect: spec.expect[lang], value: shown(raw) })));
      return;
    }
    let value: unknown = result.data === 'embedded' && key === 'cloudUrl' ? null : result.data;
    // A relative path in a config file means "next to this file", whatever the working folder.
    if (base !== undefined && PATH_KEYS.includes(key) && typeof value === 'string' && !paths.isAbsolute(value)) value = paths.join(base, value);
    layer[key] = { value, source, rank };
  };
  const fromText = (key: ConfigKey, text: string): unknown => KEYS[key].fromText?.(text) ?? text;

  // Environment: an empty variable counts as unset (as shells and the old doctor treated it).
  const envLayer: Layer = {};
  for (const key of CONFIG_KEYS) {
    const name = KEYS[key].env;
    const text = name === undefined ? undefined : env[name];
    if (name !== undefined && text !== undefined && text !== '') check(envLayer, key, fromText(key, text), { layer: 'env', name }, 2);
  }
  const flags = input.flags ?? {};
  const flagLayer: Layer = {};
  for (const key of CONFIG_KEYS) {
    const text = flags[key];
    if (text !== undefined) check(flagLayer, key, fromText(key, text), { layer: 'flag', name: input.flagNames?.[key] ?? KEYS[key].flag }, 3);
  }

  // The file sits in the data folder that the environment and flags name (the file cannot move
  // the folder it is read from), unless --config or $YAOLI_CONFIG names it.
  const builtInDataDir = platformDataDir({ env: { ...env, YAOLI_HOME: undefined }, platform, home });
  const outerDataDir = (flagLayer.dataDir?.value ?? envLayer.dataDir?.value ?? builtInDataDir) as string;
  const envFile = env[CONFIG_FILE_ENV];
  const file: ConfigFileInfo =
    flags.config !== undefined
      ? { path: flags.config, found: false, source: { layer: 'flag', name: input.flagNames?.config ?? CONFIG_FILE_FLAG } }
      : envFile
        ? { path: envFile, found: false, source: { layer: 'env', name: CONFIG_FILE_ENV } }
        : { path: paths.join(outerDataDir, CONFIG_FILE_NAME), found: false, source: { layer: 'default', follows: 'dataDir' } };
  const fileLayer: Layer = {};
  const contents = readConfigFile(input.readFile, file, problems);
  if (contents !== undefined) {
    file.found = true;
    const source: ConfigSource = { layer: 'file', path: file.path };
    const base = paths.dirname(file.path);
    for (const [name, value] of Object.entries(contents)) {
      if (name === 'timeouts') {
        if (!isObject(value)) {
          problems.push(problem('not-an-object', 'timeouts', source, { what: 'timeouts' }));
          continue;
        }
        for (const [sub, ms] of Object.entries(value)) {
          const key = `timeouts.${sub}`;
          if (isKey(key)) check(fileLayer, key, ms, source, 1);
          else problems.push(unknownKey(key, source));
        }
      } else if (isKey(name) && !name.includes('.')) check(fileLayer, name, value, source, 1, base);
      else problems.push(unknownKey(name, source));
    }
  }
  if (problems.length > 0) return { ok: false, error: new ConfigError(problems) };

  const winner = (key: ConfigKey): Given | undefined => flagLayer[key] ?? envLayer[key] ?? fileLayer[key];
  const plain = (key: ConfigKey, fallback: unknown): Given => winner(key) ?? { value: fallback, source: { layer: 'default' }, rank: 0 };
  // The cache and the logs live in the data folder unless a layer names them.
  const inside = (key: ConfigKey, parent: Given, name: string): Given =>
    winner(key) ?? { value: paths.join(parent.value as string, name), source: { layer: 'default', follows: 'dataDir' }, rank: parent.rank };
  const dataDir = plain('dataDir', builtInDataDir);
  const cachePath = inside('cachePath', dataDir, 'cache.db');
  // The key belongs to its database (another key cannot open it): a key file set in a weaker layer
  // than the database's path gives way to cache.key beside it, so `--db` alone still finds its key.
  const keyOf = (db: Given): Given => {
    const own = winner('keyFile');
    if (own && own.rank >= db.rank) return own;
    return { value: paths.join(paths.dirname(db.value as string), 'cache.key'), source: { layer: 'default', follows: 'cachePath' }, rank: db.rank };
  };
  const resolved: Record<ConfigKey, Given> = {
    dataDir,
    readers: plain('readers', 'virtual'),
    cloudUrl: plain('cloudUrl', null),
    samFolder: plain('samFolder', defaultSamFolder(platform, home)),
    logDir: inside('logDir', dataDir, 'logs'),
    cachePath,
    keyFile: keyOf(cachePath),
    lang: plain('lang', null),
    'timeouts.connectMs': plain('timeouts.connectMs', DEFAULT_CLOUD_TIMEOUTS.connectMs),
    'timeouts.headersMs': plain('timeouts.headersMs', DEFAULT_CLOUD_TIMEOUTS.headersMs),
    'timeouts.bodyMs': plain('timeouts.bodyMs', DEFAULT_CLOUD_TIMEOUTS.bodyMs),
    prefetchConcurrency: plain('prefetchConcurrency', DEFAULT_PREFETCH_CONCURRENCY),
  };
  const value = <T>(key: ConfigKey) => resolved[key].value as T;
  const config: YaoliConfig = {
    dataDir: value('dataDir'),
    readers: value('readers'),
    cloudUrl: value('cloudUrl'),
    samFolder: value('samFolder'),
    logDir: value('logDir'),
    cachePath: value('cachePath'),
    keyFile: value('keyFile'),
    lang: value('lang'),
    timeouts: { connectMs: value('timeouts.connectMs'), headersMs: value('timeouts.headersMs'), bodyMs: value('timeouts.bodyMs') },
    prefetchConcurrency: value('prefetchConcurrency'),
  };
  const sources = Object.fromEntries(CONFIG_KEYS.map((key) => [key, resolved[key].source])) as Record<ConfigKey, ConfigSource>;
  return { ok: true, config, sources, file };
}

function isKey(name: string): name is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(name);
}

function unknownKey(key: string, source: ConfigSource): ConfigProblem {
  return problem('unknown-key', key, source, { known: [...CONFIG_KEYS.filter((k) => !k.startsWith('timeouts.')), 'timeouts'] });
}

/** The file's top-level object; undefined when there is none (a missing default file is fine). */
function readConfigFile(read: (path: string) => string, file: ConfigFileInfo, problems: ConfigProblem[]): Record<string, unknown> | undefined {
  const explicit = file.source.layer !== 'default';
  let text: string;
  try {
    text = read(file.path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (explicit) problems.push(problem('file-missing', null, file.source, { path: file.path }));
    } else problems.push(problem('file-unreadable', null, { layer: 'file', path: file.path }, { path: file.path, code }));
    return undefined;
  }
  const source: ConfigSource = { layer: 'file', path: file.path };
  let parsed: unknown;
  try {
    // Windows Notepad saves UTF-8 with a byte-order mark; JSON.parse does not skip it.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push(problem('bad-json', null, source, { detail: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  if (!isObject(parsed)) {
    problems.push(problem('not-an-object', null, source, (lang) => ({ what: lang === 'zh-TW' ? '整份內容' : 'the whole file' })));
    return undefined;
  }
  return parsed;
}
