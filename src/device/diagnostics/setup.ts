// Where the probes look when the caller does not say: flags (the command) and the kiosk's
// settings come in as `given`; then yaoli's machine config (core/config: config.json, the
// YAOLI_* variables, the platform defaults), the same one every other command reads.
import { loadConfig, type YaoliConfig } from '../../core/config.ts';
import { SMARTCARD_LIST_PATH } from '../cards/smartcard-list.ts';
import type { DiagnosticSetup } from './types.ts';

/** pcsc-lite's client socket; the library itself honours $PCSCLITE_CSOCK_NAME. */
export const DEFAULT_PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

export const NO_CLOUD_REASON = {
  'zh-TW': '未設定雲端網址：內建模擬器不經過網路。請用 --cloud URL 或環境變數 YAOLI_CLOUD_URL 指定要檢查的端點',
  en: 'no cloud URL configured: the embedded simulator is not a network endpoint. Pass --cloud URL or set YAOLI_CLOUD_URL to check one',
};

/** The machine config; when it is bad (the command that loads it says so and exits 2), the
 *  platform defaults, so the probes still have somewhere to look. */
export function configuredSetup(env: Record<string, string | undefined>, platform: NodeJS.Platform): YaoliConfig {
  const result = loadConfig({ env, platform });
  if (result.ok) return result.config;
  const plain = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('YAOLI_')));
  const fallback = loadConfig({ env: plain, platform, readFile: () => { throw Object.assign(new Error('no config file'), { code: 'ENOENT' }); } });
  if (!fallback.ok) throw fallback.error;
  return fallback.config;
}

export function resolveSetup(given: Partial<DiagnosticSetup> = {}): DiagnosticSetup {
  const env = given.env ?? process.env;
  const platform = given.platform ?? process.platform;
  let config: YaoliConfig | null = null;
  const configured = (): YaoliConfig => (config ??= configuredSetup(env, platform));
  const cloudUrl = given.cloudUrl !== undefined ? given.cloudUrl : configured().cloudUrl;
  const setup: DiagnosticSetup = {
    samDir: given.samDir ?? configured().samFolder,
    logDir: given.logDir ?? configured().logDir,
    cacheDb: given.cacheDb ?? configured().cachePath,
    cloudUrl,
    env,
    platform,
    terminal: given.terminal ?? { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns, rows: process.stdout.rows },
    pcscSocket: given.pcscSocket ?? (env['PCSCLITE_CSOCK_NAME'] || DEFAULT_PCSCD_SOCKET),
    smartcardList: given.smartcardList ?? SMARTCARD_LIST_PATH,
  };
  if (cloudUrl === null) setup.cloudSkipReason = given.cloudSkipReason ?? NO_CLOUD_REASON;
  if (given.ca !== undefined) setup.ca = given.ca;
  if (given.machine !== undefined) setup.machine = given.machine;
  return setup;
}
