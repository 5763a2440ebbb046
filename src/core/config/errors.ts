// Where a setting came from, and what is wrong with one: every message names the key and its
// source (the file's path, the environment variable, the flag), in zh-TW and English, so a
// technician on the phone can read out exactly what to fix.
import { bothLanguages, catalogue, format, type Bilingual, type Facts, type Lang } from '../../i18n/index.ts';
import type { ConfigKey } from './keys.ts';

export type ConfigSource =
  | { layer: 'default'; follows?: ConfigKey }
  | { layer: 'file'; path: string }
  | { layer: 'env'; name: string }
  | { layer: 'flag'; name: string };

export const configMessages = catalogue({
  'source.default': { 'zh-TW': '預設值', en: 'default' },
  'source.follows': { 'zh-TW': '預設值（隨 {key}）', en: 'default (follows {key})' },
  'source.file': { 'zh-TW': '設定檔 {path}', en: 'config file {path}' },
  'source.env': { 'zh-TW': '環境變數 {name}', en: 'environment variable {name}' },
  'source.flag': { 'zh-TW': '參數 {name}', en: 'flag {name}' },
  'bad-value': {
    'zh-TW': '設定 {key} 應為 {expect}，但 {source} 給的是 {value}',
    en: 'setting {key} must be {expect}, but {source} gives {value}',
  },
  'unknown-key': {
    'zh-TW': '{source} 有不認得的設定 {key}（可用：{known}）',
    en: '{source} has an unknown setting {key} (known: {known})',
  },
  'bad-json': { 'zh-TW': '{source} 不是正確的 JSON：{detail}', en: '{source} is not valid JSON: {detail}' },
  'not-an-object': { 'zh-TW': '{source}：{what} 應為 JSON 物件 {…}', en: '{source}: {what} must be a JSON object {…}' },
  'file-missing': { 'zh-TW': '找不到 {source} 指定的設定檔 {path}', en: 'the config file {path} named by {source} does not exist' },
  'file-unreadable': { 'zh-TW': '無法讀取設定檔 {path}：{code}', en: 'cannot read the config file {path}: {code}' },
  'hint': {
    'zh-TW': '修正上述設定後再試；`yaoli config` 顯示每個設定值與來源（見 docs/config.md）',
    en: 'fix the settings above and retry; `yaoli config` shows every value and where it came from (see docs/config.md)',
  },
});

export type ConfigProblemKind = 'bad-value' | 'unknown-key' | 'bad-json' | 'not-an-object' | 'file-missing' | 'file-unreadable';

export interface ConfigProblem {
  kind: ConfigProblemKind;
  /** The setting (dotted for nested ones), or null when the whole file is the problem. */
  key: string | null;
  source: ConfigSource;
  text: Bilingual;
}

export function describeSource(source: ConfigSource, lang: Lang): string {
  switch (source.layer) {
    case 'default':
      return source.follows ? format(configMessages['source.follows'][lang], { key: source.follows }, lang) : configMessages['source.default'][lang];
    case 'file':
      return format(configMessages['source.file'][lang], { path: source.path }, lang);
    case 'env':
      return format(configMessages['source.env'][lang], { name: source.name }, lang);
    case 'flag':
      return format(configMessages['source.flag'][lang], { name: source.name }, lang);
  }
}

/** One problem's text in both languages, the source already named in each. */
export function problem(kind: ConfigProblemKind, key: string | null, source: ConfigSource, facts: Facts | ((lang: Lang) => Facts) = {}): ConfigProblem {
  const entry = configMessages[kind];
  const text = (lang: Lang) =>
    format(entry[lang], { key: key ?? '', ...(typeof facts === 'function' ? facts(lang) : facts), source: describeSource(source, lang) }, lang);
  return { kind, key, source, text: { 'zh-TW': text('zh-TW'), en: text('en') } };
}

/** The value as the user wrote it, short enough for one line. */
export function shown(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export class ConfigError extends Error {
  readonly kind = 'invalid-config';
  /** The first problem's kind, the key of its message in configMessages. */
  readonly messageKey: ConfigProblemKind;
  constructor(readonly problems: ConfigProblem[]) {
    super([...problems.map((p) => `${p.text['zh-TW']} / ${p.text.en}`), bothLanguages(configMessages.hint)].join('\n'));
    this.name = 'ConfigError';
    this.messageKey = problems[0]?.kind ?? 'bad-value';
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
