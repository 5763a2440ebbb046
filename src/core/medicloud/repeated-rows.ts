// Rows the cloud listed twice, read once: counted twice they would double a supply or a dose.
// imue0008s02 numbers its rows (`r`). One row listed twice would count its supply twice (an
// AMLODIPINE leftover of 18 days read as 46), so an exact repeat is kept once: nothing is
// lost. Two different rows under one number cannot both be the cloud's row, and neither can
// be chosen: a shape error naming the later one. Rows without `r` are each their own row.
import type { z } from 'zod';

type Ctx = z.core.$RefinementCtx<unknown>;

/**
 * The rows with each exact repeat of a row number dropped. Rows are compared as read (so
 * '28' and 28 are the same), over every field the mapper reads.
 */
export function withoutRepeatedRows<T extends { r: number | null }>(rows: readonly T[], ctx: Ctx): T[] {
  const firstByNumber = new Map<number, string>();
  const kept: T[] = [];
  rows.forEach((row, index) => {
    if (row.r === null) {
      kept.push(row);
      return;
    }
    const contents = JSON.stringify(row);
    const first = firstByNumber.get(row.r);
    if (first === undefined) {
      firstByNumber.set(row.r, contents);
      kept.push(row);
    } else if (first !== contents) {
      ctx.addIssue({ code: 'custom', path: ['robject', index, 'r'], message: 'repeated-row', params: { problem: 'repeated-row', input: row.r } });
    }
  });
  return kept;
}

/**
 * The rows with each exact repeat dropped (compared as read, over every field the mapper
 * reads), except rows `alwaysKept` says may repeat for real: an allergy or a summary note
 * listed twice is one, shown and warned of once.
 */
export function withoutExactRepeats<T>(rows: readonly T[], alwaysKept: (row: T) => boolean = () => false): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (alwaysKept(row)) return true;
    const contents = JSON.stringify(row);
    if (seen.has(contents)) return false;
    seen.add(contents);
    return true;
  });
}

/**
 * A dispensing listed twice, to the minute (same day, time, institution, ingredient and
 * amount), is one dispensing: counted twice it would double the month's mg and DDD. Rows
 * without a time cannot be told apart from two visits on one day, so each counts.
 */
export function withoutRepeatedDispensings<T extends { treat_t: string | null }>(rows: readonly T[]): T[] {
  return withoutExactRepeats(rows, (row) => row.treat_t === null);
}
