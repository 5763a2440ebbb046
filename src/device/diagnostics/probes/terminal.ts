// The kiosk's terminal: it is laid out for 80x24 (SPEC: low-spec clinic PCs, 80x24 terminals)
// and prints Traditional Chinese, which needs a UTF-8 locale on Linux and macOS. POSIX
// precedence: LC_ALL overrides LC_CTYPE, which overrides LANG.
import { bi } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

const text = {
  sizeTitle: { 'zh-TW': '終端機大小', en: 'terminal size' },
  notTty: { 'zh-TW': '輸出不是終端機（已導向檔案或管線），無法量測', en: 'output is not a terminal (redirected), cannot measure' },
  sizeOk: { 'zh-TW': '{columns}x{rows}（至少 80x24）', en: '{columns}x{rows} (at least 80x24)' },
  small: { 'zh-TW': '{columns}x{rows}，小於 80x24', en: '{columns}x{rows}, smaller than 80x24' },
  sizeHint: { 'zh-TW': '把終端機視窗放大到至少 80 欄 x 24 列', en: 'make the terminal window at least 80 columns by 24 rows' },
  localeTitle: { 'zh-TW': 'UTF-8 語系', en: 'UTF-8 locale' },
  windows: { 'zh-TW': 'Windows 主控台使用 Unicode，不看 LANG', en: 'the Windows console uses Unicode; LANG does not apply' },
  localeOk: { 'zh-TW': '{name}={value}', en: '{name}={value}' },
  notUtf8: { 'zh-TW': '{name}={value}，不是 UTF-8：中文會變亂碼', en: '{name}={value} is not UTF-8: Chinese text will be garbled' },
  unset: { 'zh-TW': 'LANG、LC_ALL、LC_CTYPE 都未設定（C 語系）：中文會變亂碼', en: 'LANG, LC_ALL and LC_CTYPE are unset (C locale): Chinese text will be garbled' },
  localeHint: { 'zh-TW': '設定 UTF-8 語系，例如 export LANG=zh_TW.UTF-8', en: 'use a UTF-8 locale, e.g. export LANG=zh_TW.UTF-8' },
};

export const terminalSizeProbe: Probe = {
  id: 'terminal.size',
  title: text.sizeTitle,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    const { isTTY, columns, rows } = setup.terminal;
    if (!isTTY || columns === undefined || rows === undefined) return { status: 'SKIP', detail: text.notTty };
    const data = { columns, rows };
    if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { status: 'WARN', detail: bi(text.small, data), hint: text.sizeHint, data };
    return { status: 'PASS', detail: bi(text.sizeOk, data), data };
  },
};

/** The variable that decides the character set, and its value. */
export function effectiveLocale(env: Record<string, string | undefined>): { name: string; value: string } | null {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[name];
    if (value) return { name, value };
  }
  return null;
}

export const localeProbe: Probe = {
  id: 'terminal.locale',
  title: text.localeTitle,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    if (setup.platform === 'win32') return { status: 'SKIP', detail: text.windows };
    const locale = effectiveLocale(setup.env);
    if (locale === null) return { status: 'WARN', detail: text.unset, hint: text.localeHint, data: { locale: null } };
    const data = { locale: `${locale.name}=${locale.value}` };
    if (!/utf-?8/i.test(locale.value)) return { status: 'WARN', detail: bi(text.notUtf8, locale), hint: text.localeHint, data };
    return { status: 'PASS', detail: bi(text.localeOk, locale), data };
  },
};
