// Where the probes look when the caller does not say: flags (the command) and the kiosk's
// settings come in as `given`; then environment variables; then the same defaults the rest of
// yaoli uses (D's SAM folder, F's data folder).
import { join } from 'node:path';
import { dataDir, defaultCachePaths } from '../../core/paths.ts';
import { DEFAULT_SAM_FOLDER } from '../cards/sam-file.ts';
import { SMARTCARD_LIST_PATH } from '../cards/smartcard-list.ts';
import type { DiagnosticSetup } from './types.ts';

/** pcsc-lite's client socket; the library itself honours $PCSCLITE_CSOCK_NAME. */
export const DEFAULT_PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

export const NO_CLOUD_REASON = {
  'zh-TW': '未設定雲端網址：內建模擬器不經過網路。請用 --cloud URL 或環境變數 YAOLI_CLOUD_URL 指定要檢查的端點',
  en: 'no cloud URL configured: the embedded simulator is not a network endpoint. Pass --cloud URL or set YAOLI_CLOUD_URL to check one',
};

export function defaultLogDir(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return env['YAOLI_LOG_DIR'] || join(dataDir({ env, platform }), 'logs');
}

export function resolveSetup(given: Partial<DiagnosticSetup> = {}): DiagnosticSetup {
  const env = given.env ?? process.env;
  const platform = given.platform ?? process.platform;
  const cloudUrl = given.cloudUrl !== undefined ? given.cloudUrl : env['YAOLI_CLOUD_URL'] || null;
  const setup: DiagnosticSetup = {
    samDir: given.samDir ?? (env['YAOLI_SAM_DIR'] || DEFAULT_SAM_FOLDER),
    logDir: given.logDir ?? defaultLogDir(env, platform),
    cacheDb: given.cacheDb ?? defaultCachePaths({ env, platform }).db,
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
