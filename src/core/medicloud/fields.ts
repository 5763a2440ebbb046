// Field schemas for MediCloud JSON, lenient where the real API is inconsistent and strict
// where a wrong value would change a clinical answer.
//
// Real-API leniency (research anchors 1(b), 1(c).12): numbers sometimes arrive as strings
// (`pres_med_day: "12"`), optional fields arrive as null or '', dates come in five formats
// (`YYYY/MM/DD`, ISO with time, ROC `yyy/MM/dd`, `YYYYMMDD`, ROC 7 digits). Extra fields are
// ignored. Optional fields are `unknown().optional()` so an absent key reads as null (zod 4
// otherwise reports an absent key as "nonoptional"). Missing or garbled required fields become a custom issue whose `params.problem`
// names what went wrong; shape-error.ts turns it into a MedicloudShapeError.
import { z } from 'zod';
import { parseDate } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import { withoutControlCharacters } from './control-characters.ts';
import type { ShapeProblem } from './shape-error.ts';

type Ctx = z.core.$RefinementCtx<unknown>;

function fail(ctx: Ctx, problem: ShapeProblem, input: unknown): never {
  ctx.addIssue({ code: 'custom', message: problem, params: { problem, input } });
  return z.NEVER;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Text as shown on screen: control characters (ESC sequences, CR, LF) are spaces, then trimmed. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** '1,000' and '12,345.5' are thousands grouping; '42,0' or '7,5' (a decimal comma?) is not a number. */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const text = GROUPED.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  // A run of digits too long for a number ('1' and 400 zeros) is no number either.
  const result = Number(text);
  return Number.isFinite(result) ? result : undefined;
}

/** Required text (codes, names); numbers are accepted as their decimal text. */
export const text = () =>
  z.unknown().transform((value, ctx): string => {
    if (value === undefined || value === null) return fail(ctx, 'missing', value);
    const result = asText(value);
    if (result === undefined) return fail(ctx, 'not-text', value);
    if (result === '') return fail(ctx, 'empty', value);
    return result;
  });

/** Optional text; null, '' and whitespace (or only control characters) all mean "not given". */
export const optionalText = () =>
  z.unknown().optional().transform((value, ctx): string | null => {
    if (isBlank(value)) return null;
    const result = asText(value);
    if (result === undefined) return fail(ctx, 'not-text', value);
    return result === '' ? null : result;
  });

/**
 * What a number field may hold. 'signed': any sign, for values the cloud computes as a
 * difference (drug_left = visit + days − query day goes negative). 'amount': ≥ 0 with
 * fractions (mg, quantities: 7.5 mg, 0.5 tablet). 'count': a whole number ≥ 0 (visits,
 * institutions, days). A negative mg would hide the controlled-drug warning, a negative
 * quantity shrink a supply: such a value is a garbled answer, not data to add up.
 */
type NumberKind = 'signed' | 'amount' | 'count' | 'days';

/**
 * No figure the cloud sends comes near ten million (a quantity, mg, visits, a row number); a
 * 1e308 or 3,000,000 days is a garbled answer that would print a supply end in year 10239.
 */
const LARGEST = 10_000_000;
/** 給藥日數 is three digits in NHI's claims; more is no prescription. */
export const LONGEST_SUPPLY_DAYS = 999;

function toNumber(value: unknown, kind: NumberKind, ctx: Ctx): number {
  const result = asNumber(value);
  if (result === undefined) return fail(ctx, 'not-a-number', value);
  if (kind !== 'signed' && result < 0) return fail(ctx, 'bad-value', value);
  if ((kind === 'count' || kind === 'days') && !Number.isInteger(result)) return fail(ctx, 'bad-value', value);
  if (Math.abs(result) > (kind === 'days' ? LONGEST_SUPPLY_DAYS : LARGEST)) return fail(ctx, 'bad-value', value);
  return result;
}

/** Required number; '28' and 28 are the same answer. */
const requiredNumber = (kind: NumberKind) =>
  z.unknown().transform((value, ctx): number => (isBlank(value) ? fail(ctx, 'missing', value) : toNumber(value, kind, ctx)));

const optionalNumberOf = (kind: NumberKind) =>
  z.unknown().optional().transform((value, ctx): number | null => (isBlank(value) ? null : toNumber(value, kind, ctx)));

export const signedNumber = () => requiredNumber('signed');
export const amount = () => requiredNumber('amount');
export const count = () => requiredNumber('count');
export const optionalNumber = () => optionalNumberOf('signed');
export const optionalAmount = () => optionalNumberOf('amount');
export const optionalCount = () => optionalNumberOf('count');
/** Days of supply: a whole number of days up to 999, 0 allowed (無法試算 downstream). */
export const days = () => requiredNumber('days');
export const optionalDays = () => optionalNumberOf('days');

/** Required calendar day in any of the cloud's formats → ISO (Asia/Taipei). */
export const date = () =>
  z.unknown().transform((value, ctx): IsoDate => {
    if (isBlank(value)) return fail(ctx, 'missing', value);
    const result = typeof value === 'string' || typeof value === 'number' ? parseDate(String(value).trim()) : null;
    return result ?? fail(ctx, 'not-a-date', value);
  });

export const optionalDate = () =>
  z.unknown().optional().transform((value, ctx): IsoDate | null => {
    if (isBlank(value)) return null;
    const result = typeof value === 'string' || typeof value === 'number' ? parseDate(String(value).trim()) : null;
    return result ?? fail(ctx, 'not-a-date', value);
  });

/**
 * Year-month as the care-list screens print it: ROC `114/03` or `11403`, or Gregorian
 * `2025/03`, `202503`, `2025-03` → 'YYYY-MM'.
 */
export function parseYearMonth(raw: string): string | null {
  const match = /^(\d{2,4})[/-]?(\d{2})$/.exec(raw.trim());
  if (!match) return null;
  const yearText = match[1] as string;
  let year = Number(yearText);
  if (yearText.length <= 3) year += 1911;
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1912) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export const yearMonth = () =>
  z.unknown().transform((value, ctx): string => {
    if (isBlank(value)) return fail(ctx, 'missing', value);
    const result = typeof value === 'string' || typeof value === 'number' ? parseYearMonth(String(value)) : null;
    return result ?? fail(ctx, 'not-a-month', value);
  });

/** A 'Y' mark; anything else (N, null, '') is "not marked". */
export const mark = () => z.unknown().optional().transform((value): boolean => typeof value === 'string' && value.trim().toUpperCase() === 'Y');

/** A list of rows; null is an empty list (some endpoints send null for "查無資料"). */
export function rows<T extends z.ZodType>(row: T) {
  return z.preprocess((value) => (value === null ? [] : value), z.array(row));
}

/**
 * The `{ log2time, robject: [...] }` envelope. The browser tools rename `robject` to
 * `rObject` before saving fixtures, so both spellings are read; anything else is a shape error.
 */
export function envelope<T extends z.ZodType>(row: T) {
  return z.preprocess(
    (value) => {
      if (value && typeof value === 'object' && !Array.isArray(value) && !('robject' in value) && 'rObject' in value) {
        const { rObject, ...rest } = value as { rObject: unknown };
        return { ...rest, robject: rObject };
      }
      return value;
    },
    z.object({ log2time: z.unknown().optional(), robject: rows(row) }),
  );
}
