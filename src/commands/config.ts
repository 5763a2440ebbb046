// `yaoli config [--json] [--config FILE] [--readers …] [--db …]…`: the effective machine
// configuration and where each value came from (default, config file, environment variable,
// flag), so a technician sees why the kiosk looks where it looks. Any setting's flag may be
// given to preview its effect. Exit 0, or 2 with the bilingual error when a value is bad.
import { parseArgs } from 'node:util';
import stringWidth from 'string-width';
import { CONFIG_KEYS, KEYS, loadConfig, type ConfigFlags, type ConfigKey, type ConfigSource, type LoadedConfig } from '../core/config.ts';
import { badArguments } from './args-problem.ts';

export interface ConfigIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

const flagOf = (key: ConfigKey): string => KEYS[key].flag.replace(/^--/, '');

const HELP = `yaoli config [--json] [--config FILE] [${CONFIG_KEYS.map((k) => `--${flagOf(k)}`).join('] [')} …]

  顯示目前生效的設定，以及每個值的來源（預設值、設定檔、環境變數、參數）；詳見 docs/config.md。
  show the effective configuration and where each value came from (default, config file,
  environment variable, flag); see docs/config.md.

  --json          一個 JSON 物件 / one JSON object: { file, config, sources }
  --config FILE   設定檔（預設 $YAOLI_CONFIG 或 <資料夾>/config.json） / config file (default $YAOLI_CONFIG or <data folder>/config.json)
  其他參數與各指令相同，可預覽其效果 / the other flags are the commands' own, to preview their effect`;

function sourceText(source: ConfigSource): string {
  switch (source.layer) {
    case 'default':
      return source.follows ? `預設 default ← ${source.follows}` : '預設 default';
    case 'file':
      return '設定檔 file';
    case 'env':
      return `環境變數 env ${source.name}`;
    case 'flag':
      return `參數 flag ${source.name}`;
  }
}

function valueText(key: ConfigKey, value: unknown): string {
  if (value === null && key === 'cloudUrl') return 'null 內建模擬器 simulator';
  if (value === null && key === 'lang') return 'null 依快取設定 from the cache';
  return String(value);
}

function valueOf(loaded: LoadedConfig, key: ConfigKey): unknown {
  const [head, tail] = key.split('.') as [string, string | undefined];
  const top = (loaded.config as unknown as Record<string, unknown>)[head];
  return tail === undefined ? top : (top as Record<string, unknown>)[tail];
}

export function renderConfigText(loaded: LoadedConfig): string {
  const { file } = loaded;
  const fileState = file.found ? '已讀取 read' : '不存在，未使用 not found, not used';
  const lines = ['yaoli 設定 / configuration', `設定檔 config file: ${file.path} (${fileState}; ${sourceText(file.source)})`, ''];
  const width = Math.max(...CONFIG_KEYS.map((k) => k.length));
  const values = CONFIG_KEYS.map((key) => valueText(key, valueOf(loaded, key)));
  // Column widths in terminal cells: a CJK character takes two.
  const valueWidth = Math.min(40, Math.max(...values.map((v) => stringWidth(v))));
  const pad = (text: string) => text + ' '.repeat(Math.max(0, valueWidth - stringWidth(text)));
  CONFIG_KEYS.forEach((key, i) => lines.push(`  ${key.padEnd(width)}  ${pad(values[i] ?? '')}  ${sourceText(loaded.sources[key])}`));
  return lines.join('\n');
}

export function renderConfigJson(loaded: LoadedConfig): string {
  return JSON.stringify({ file: loaded.file, config: loaded.config, sources: loaded.sources }, null, 2);
}

export async function config(argv: string[], io: ConfigIo): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    config: { type: 'string' },
  };
  for (const key of CONFIG_KEYS) options[flagOf(key)] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    io.stderr.write(`${badArguments(error)}\n\n${HELP}\n`);
    return 2;
  }
  if (values['help']) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const flags: ConfigFlags = { config: values['config'] as string | undefined };
  for (const key of CONFIG_KEYS) flags[key] = values[flagOf(key)] as string | undefined;
  const result = loadConfig({ flags, env: io.env });
  if (!result.ok) {
    io.stderr.write(`${result.error.message}\n`);
    return 2;
  }
  io.stdout.write(`${values['json'] ? renderConfigJson(result) : renderConfigText(result)}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  return config(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
