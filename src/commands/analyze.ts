// `yaoli analyze --input FILE [--today YYYY-MM-DD] [--holiday FROM,TO,WINDOW[,BEFORE]]… [--json] [--lang zh-TW|en] [--width N] [--config FILE]`:
// the kiosk's analysis over a saved MediCloud bundle, for pharmacists trying the rules and for scripts.
// --lang defaults to the machine configuration's (YAOLI_LANG, config.json; `--config FILE`).
// Exit 0 with a report; exit 2 with a zh-TW + English message on any bad input or configuration. Messages
// name the file, endpoint, row and field; a refused value is quoted cut short with national IDs
// masked (renderShapeError), and bad JSON never has its text quoted.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bothLanguages, translate, type Lang } from '../i18n/index.ts';
import { isConfigError, loadConfig } from '../core/config.ts';
import { analyzeHistory } from '../core/domain/analysis.ts';
import { MAX_HOLIDAY_DAYS, MAX_HOLIDAY_WINDOW_DAYS, type HolidayWindow } from '../core/domain/refill.ts';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/domain/settings.ts';
import { isIsoDate, parseDate, taipeiDateOf } from '../core/domain/dates.ts';
import { errnoCode } from '../core/errno.ts';
import { mapBundle, MedicloudShapeError, parseJsonText, renderShapeError } from '../core/medicloud/index.ts';
import { parseHoliday } from './analyze/holiday.ts';
import { analysisJson } from './analyze/json.ts';
import { analyzeMessages, type AnalyzeMessageKey } from './analyze/messages.ts';
import { carriedParts, renderReport, type CarriedParts } from './analyze/report.ts';
import { argsFacts } from './args-problem.ts';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;
/** Narrower than this, the tables' dates and numbers alone leave no room for a drug name. */
const MIN_WIDTH = 60;

class InputError extends Error {
  readonly kind = 'analyze-input' as const;
  constructor(
    readonly messageKey: AnalyzeMessageKey,
    readonly facts: Record<string, string> = {},
  ) {
    super(bothLanguages(analyzeMessages[messageKey], facts));
  }
}

interface Options {
  input: string;
  today: string;
  holidays: HolidayWindow[];
  json: boolean;
  lang: Lang;
  width: number | undefined;
}

/**
 * The width the report's tables fit: --width, else the terminal's; none when piped, so a
 * file or grep gets whole drug names.
 */
export function reportWidth(flag: number | undefined, stdout: { isTTY?: boolean; columns?: number }): number | undefined {
  if (flag !== undefined) return flag;
  return stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : undefined;
}

function parseWidth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const width = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(width >= MIN_WIDTH)) throw new InputError('error.width', { value, min: String(MIN_WIDTH) });
  return width;
}

/**
 * The machine configuration's language (YAOLI_LANG or config.json `lang`), read as every command
 * reads the configuration, so a bad value there stops analyze too (exit 2, docs/config.md). Its
 * null means "the pharmacy's setting in the cache", which analyze never opens: zh-TW.
 */
function configuredLang(configFile: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const loaded = loadConfig({ env, flags: { config: configFile } });
  if (!loaded.ok) throw loaded.error;
  return loaded.config.lang ?? 'zh-TW';
}

function parseOptions(argv: string[], now: () => Date, env: NodeJS.ProcessEnv): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', short: 'i' },
        today: { type: 'string' },
        holiday: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        width: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new InputError('error.args', argsFacts(error));
  }
  if (values.help) return 'help';
  if (values.input === undefined || values.input === '') throw new InputError('error.no-input');
  // Read even when --lang is given: a bad configuration stops every command alike.
  const fromConfig = configuredLang(values.config, env);
  const lang = values.lang ?? fromConfig;
  if (lang !== 'zh-TW' && lang !== 'en') throw new InputError('error.lang', { value: lang });
  // The CLI is the edge: the one place that may read the clock, as a Taipei calendar day.
  const today = values.today ?? taipeiDateOf(now());
  // ISO only, and a year parseDate accepts from the cloud (1900–2199).
  if (!isIsoDate(today) || parseDate(today) !== today) throw new InputError('error.today', { value: today });
  return { input: values.input, today, holidays: parseHolidays(values.holiday ?? []), json: values.json, lang, width: parseWidth(values.width) };
}

function parseHolidays(values: string[]): HolidayWindow[] {
  return values.map((value) => {
    const holiday = parseHoliday(value);
    if (holiday === null) throw new InputError('error.holiday', { value, maxDays: String(MAX_HOLIDAY_DAYS), maxWindow: String(MAX_HOLIDAY_WINDOW_DAYS) });
    return holiday;
  });
}

/** NHI's defaults with the holidays given on the command line (the kiosk reads them from its settings). */
function analysisSettings(holidays: HolidayWindow[]): AnalysisSettings {
  return holidays.length === 0 ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, refill: { ...DEFAULT_SETTINGS.refill, holidayWindows: holidays } };
}

/**
 * The file's text: UTF-8, or UTF-16 when it starts with a byte-order mark (Windows Notepad's
 * "Unicode" saves a bundle so); a UTF-8 BOM is dropped. Null when the bytes are not valid in that
 * encoding: Notepad's "ANSI" on zh-TW Windows saves Big5, whose names decoded as UTF-8 came out
 * garbled and split a combination's ingredients wrongly, with exit 0.
 */
export function bundleText(bytes: Uint8Array): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // TextDecoder drops the byte-order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function readBundle(file: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError('error.unreadable', { file, code: errnoCode(error) });
  }
  const text = bundleText(bytes);
  if (text === null) throw new InputError('error.encoding', { file });
  return parseJsonText('bundle', text);
}

export async function run(argv: string[], now: () => Date = () => new Date(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const options = parseOptions(argv, now, env);
    if (options === 'help') {
      console.log(`${analyzeMessages.usage['zh-TW']}\n\n${analyzeMessages.usage.en}`);
      return EXIT_OK;
    }
    let history;
    let analysis;
    let carried: CarriedParts;
    try {
      const bundle = readBundle(options.input);
      history = mapBundle(bundle);
      carried = carriedParts(bundle);
      analysis = analyzeHistory(history, options.today, analysisSettings(options.holidays));
    } catch (error) {
      if (!(error instanceof MedicloudShapeError)) throw error;
      const file = options.input;
      console.error(
        [
          translate(analyzeMessages, 'error.shape', 'zh-TW', { file, detail: renderShapeError(error.details, 'zh-TW') }),
          translate(analyzeMessages, 'error.shape', 'en', { file, detail: renderShapeError(error.details, 'en') }),
        ].join('\n'),
      );
      return EXIT_BAD_INPUT;
    }
    const cloud = history.cloudLeftover;
    console.log(
      options.json
        ? JSON.stringify(analysisJson(analysis, options.lang, cloud), null, 2)
        : renderReport(analysis, options.lang, cloud, { width: reportWidth(options.width, process.stdout), carried }),
    );
    return EXIT_OK;
  } catch (error) {
    if (isConfigError(error)) {
      // Already in both languages, naming the setting and where it came from.
      console.error(error.message);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InputError) {
      console.error(error.message);
      if (error.messageKey === 'error.args' || error.messageKey === 'error.no-input') console.error(`\n${analyzeMessages.usage['zh-TW']}\n\n${analyzeMessages.usage.en}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
