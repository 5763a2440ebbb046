// A MediCloud response that does not have the shape we rely on becomes one typed error that
// names the endpoint, the row and the field, so a technician can tell "the cloud changed its
// format" from "our bug" without reading patient data.
import type { z } from 'zod';
import { catalogue, format, type Lang } from '../../i18n/index.ts';
import { maskNationalIdsIn } from '../domain/national-id.ts';

export type ShapeProblem =
  | 'missing'
  | 'empty'
  | 'not-a-date'
  | 'not-a-month'
  | 'not-a-number'
  | 'not-text'
  | 'not-an-array'
  | 'not-an-object'
  | 'bad-value'
  | 'repeated-row'
  | 'unknown-key'
  | 'bad-json';

export const shapeMessages = catalogue<ShapeProblem>({
  missing: { 'zh-TW': '{where}：缺少必要欄位', en: '{where}: required field missing' },
  empty: { 'zh-TW': '{where}：不可為空白', en: '{where}: must not be empty' },
  'not-a-date': { 'zh-TW': '{where}：不是日期 {value}', en: '{where}: not a date {value}' },
  'not-a-month': { 'zh-TW': '{where}：不是年月 {value}', en: '{where}: not a year-month {value}' },
  'not-a-number': { 'zh-TW': '{where}：不是數字 {value}', en: '{where}: not a number {value}' },
  'not-text': { 'zh-TW': '{where}：應為文字 {value}', en: '{where}: not text {value}' },
  'not-an-array': { 'zh-TW': '{where}：應為陣列 {value}', en: '{where}: not an array {value}' },
  'not-an-object': { 'zh-TW': '{where}：應為物件 {value}', en: '{where}: not an object {value}' },
  'bad-value': { 'zh-TW': '{where}：不合法的值 {value}', en: '{where}: unexpected value {value}' },
  'repeated-row': { 'zh-TW': '{where}：列號重複但內容不同 {value}', en: '{where}: row number repeated with different contents {value}' },
  'unknown-key': {
    'zh-TW': '{where}：無法辨識的欄位；可用的欄位：{value}（以 _ 開頭的欄位略過）',
    en: '{where}: unknown key; a bundle holds {value} (keys starting with _ are ignored)',
  },
  'bad-json': { 'zh-TW': '{where}：JSON 格式錯誤 {value}', en: '{where}: invalid JSON {value}' },
});

export interface ShapeErrorDetails {
  endpoint: string;
  /** Field path as a reader writes it: `robject[3].drug_date`; '' for the whole response. */
  path: string;
  /** Index of the offending row when the problem is inside a list. */
  row: number | null;
  /** Last field name of the path, e.g. `drug_date`. */
  field: string | null;
  problem: ShapeProblem;
  /** The offending value, shortened, or null when it is absent or must not be shown. */
  value: string | null;
}

export class MedicloudShapeError extends Error {
  readonly kind = 'medicloud-shape' as const;
  readonly messageKey: `medicloud.shape.${ShapeProblem}`;
  readonly details: ShapeErrorDetails;

  constructor(details: ShapeErrorDetails) {
    super(renderShapeError(details, 'en'));
    this.name = 'MedicloudShapeError';
    this.details = details;
    this.messageKey = `medicloud.shape.${details.problem}`;
  }

  get endpoint(): string {
    return this.details.endpoint;
  }

  /** The message in one language, e.g. for the kiosk's error banner. */
  messageIn(lang: Lang): string {
    return renderShapeError(this.details, lang);
  }
}

/** The bad-json place ('unexpected end at position 52 (line 2, column 10)') in zh-TW. */
function jsonPlaceZh(place: string): string {
  return place
    .replace(/position (\d+) \(line (\d+), column (\d+)\)/, '位置 $1（第 $2 行第 $3 欄）')
    .replace(/^unexpected end at /, '檔案提前結束，')
    .replace(/^at /, '')
    .replace(/^unexpected /, '非預期的字元 ')
    .replace(/^empty$/, '檔案是空的')
    .replace(/^unreadable$/, '無法解讀');
}

/**
 * A value quoted for the message. JSON.stringify escapes C0 controls but passes DEL and C1
 * (U+009B is a one-byte CSI) through to the terminal; those are escaped too.
 */
function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function renderShapeError(details: ShapeErrorDetails, lang: Lang): string {
  const where = details.path ? `${details.endpoint} ${details.path}` : details.endpoint;
  const jsonPlace = (place: string) => (lang === 'zh-TW' ? jsonPlaceZh(place) : place);
  let value = '';
  if (details.value !== null) {
    if (details.problem === 'bad-json') value = jsonPlace(details.value);
    // The list of keys the bundle may hold, ours to write: shown as a list, not a quoted value.
    else if (details.problem === 'unknown-key') value = details.value;
    else value = quoted(details.value);
  }
  return format(shapeMessages[details.problem][lang], { where, value }, lang).trimEnd();
}

/** `['robject', 3, 'drug_date']` → `robject[3].drug_date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

const MAX_VALUE_CHARS = 40;

/** The value as a short string for the message; objects and arrays are named, not dumped. */
export function describeValue(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  // Masked before it is cut: a national ID in the wrong field is patient data all the same.
  const text = maskNationalIdsIn(String(value));
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function problemOf(issue: z.core.$ZodIssue): ShapeProblem {
  if (issue.code === 'custom') {
    const problem = (issue.params as { problem?: ShapeProblem } | undefined)?.problem;
    return problem ?? 'bad-value';
  }
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'missing';
    if (issue.expected === 'array') return 'not-an-array';
    if (issue.expected === 'object') return 'not-an-object';
    if (issue.expected === 'string') return 'not-text';
    if (issue.expected === 'number') return 'not-a-number';
  }
  return 'bad-value';
}

/**
 * The first zod issue as a MedicloudShapeError. `quiet` hides the value (patient identity
 * fields must not be echoed into an error that may end up in a log).
 */
export function shapeErrorFrom(endpoint: string, error: z.ZodError, quiet = false): MedicloudShapeError {
  const issue = error.issues[0];
  if (!issue) return new MedicloudShapeError({ endpoint, path: '', row: null, field: null, problem: 'bad-value', value: null });
  const problem = problemOf(issue);
  const path = issue.path;
  const rows = path.filter((part): part is number => typeof part === 'number');
  const last = path[path.length - 1];
  const input = issue.code === 'custom' ? (issue.params as { input?: unknown } | undefined)?.input : issue.input;
  return new MedicloudShapeError({
    endpoint,
    path: formatPath(path),
    row: rows.length > 0 ? (rows[rows.length - 1] ?? null) : null,
    field: typeof last === 'string' ? last : null,
    problem,
    value: quiet || problem === 'missing' ? null : describeValue(input),
  });
}

/** 'position 18 (line 1, column 19)' for a character offset in `text`. */
function describePosition(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `position ${position} (line ${line}, column ${column})`;
}

/**
 * JSON text → value, or a bad-json shape error naming where it broke (a truncated download
 * ends early). V8's own message quotes the text, which may hold patient data: never passed on.
 */
export function parseJsonText(endpoint: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(detail)?.[1];
    const token = /^Unexpected token '(.{1,4})'/.exec(detail)?.[1];
    let where: string;
    if (text.trim() === '') where = 'empty';
    else if (position !== undefined) where = `at ${describePosition(text, Number(position))}`;
    else if (/end of JSON input/.test(detail)) where = `unexpected end at ${describePosition(text, text.length)}`;
    else if (token !== undefined) where = `unexpected ${JSON.stringify(token)}`;
    else where = 'unreadable';
    throw new MedicloudShapeError({ endpoint, path: '', row: null, field: null, problem: 'bad-json', value: where });
  }
}
