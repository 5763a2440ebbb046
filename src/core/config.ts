// yaoli's machine-level configuration (ARCHITECTURE: "one validated config (file + env + flags),
// with defaults"): where the data folder, cache, key, SAM file and logs are, which readers and
// which MediCloud to use, cloud timeouts. Per-institution settings (language on screen, idle
// timeout, refill window…) stay in the cache's settings table. See docs/config.md.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { loadConfig as loadLayers, type ConfigFlags, type LoadConfigInput, type LoadConfigResult, type LoadedConfig } from './config/load.ts';

export { CONFIG_KEYS, KEYS, DEFAULT_CLOUD_TIMEOUTS, DEFAULT_PREFETCH_CONCURRENCY, CONFIG_FILE_ENV, CONFIG_FILE_NAME } from './config/keys.ts';
export type { CloudTimeouts, ConfigKey, Readers, YaoliConfig } from './config/keys.ts';
export { ConfigError, configMessages, describeSource, isConfigError } from './config/errors.ts';
export type { ConfigProblem, ConfigProblemKind, ConfigSource } from './config/errors.ts';
export { defaultSamFolder } from './config/load.ts';
export type { ConfigFileInfo, ConfigFlags, LoadConfigInput, LoadConfigResult, LoadedConfig } from './config/load.ts';

/** The real file system, environment, platform and home folder unless the caller gives its own. */
export function loadConfig(input: Partial<LoadConfigInput> = {}): LoadConfigResult {
  return loadLayers({
    ...input,
    env: input.env ?? process.env,
    platform: input.platform ?? process.platform,
    home: input.home ?? homedir(),
    readFile: input.readFile ?? ((path) => readFileSync(path, 'utf8')),
  });
}

/** For commands: the config, or null after writing the bilingual error to `stderr` (exit 2). */
export function loadConfigForCli(
  flags: ConfigFlags,
  options: Omit<Partial<LoadConfigInput>, 'flags'> & { stderr?: NodeJS.WritableStream } = {},
): LoadedConfig | null {
  const { stderr = process.stderr, ...input } = options;
  const result = loadConfig({ ...input, flags });
  if (result.ok) return result;
  stderr.write(`${result.error.message}\n`);
  return null;
}
