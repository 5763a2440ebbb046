// imue0009 特定管制用藥(關懷名單): s02 is one row per dispensing, s03 the monthly summary
// (research anchors 1(b); reference nhi-controlled-drug-care-list.txt shows both tables:
// zolpidem 420 mg = 42 DDD on 114/10/10, brotizolam 14 mg = 56 DDD in 114/03).
// s03 comes back as a bare array; s02 in the usual envelope. Both forms are read for both,
// since the summary endpoint was seen empty in production and its shape is not settled.
import { z } from 'zod';
import type { CareListDispensing, CareListMonthSummary } from '../domain/types.ts';
import { amount, count, date, envelope, optionalAmount, optionalText, text, yearMonth } from './fields.ts';
import { institutionFromHosp } from './institution.ts';
import { withoutRepeatedDispensings } from './repeated-rows.ts';

export const careListRowSchema = z.object({
  /** 就醫日期. */
  treat_d: date(),
  treat_t: optionalText(),
  /** 成分名稱, e.g. 'ZOLPIDEM (TARTRATE+HEMITARTRATE)'. */
  drug_rel_code_ename: text(),
  /** 成分代碼, e.g. '2824801820+2824801810'. */
  drug_ing_code: text(),
  hosp: optionalText(),
  hosp_id: optionalText(),
  hosp_abbr: optionalText(),
  /** 總劑量 (mg). */
  drug_qty: amount(),
  /** 總DDD數. */
  drug_ddd_qty: optionalAmount(),
  memo: optionalText(),
  fee_ym: optionalText(),
});

export const careListSummaryRowSchema = z.object({
  drug_rel_code_ename: text(),
  drug_ing_code: text(),
  /** 就醫年月. */
  fee_ym: yearMonth(),
  /** 就醫次數 and 就醫院所數: whole counts. */
  hosp_times: count(),
  hosp_units: count(),
  drug_qty: amount(),
  drug_ddd_qty: optionalAmount(),
  code_cname: optionalText(),
});

/** A bare array is read as the rows of an envelope, so errors still name `robject[i]`. */
function envelopeOrList<T extends z.ZodType>(row: T) {
  return z.preprocess((value) => (Array.isArray(value) ? { robject: value } : value), envelope(row));
}

export const careListSchema = envelopeOrList(careListRowSchema).transform((data) => ({ ...data, robject: withoutRepeatedDispensings(data.robject) }));
export const careListSummarySchema = envelopeOrList(careListSummaryRowSchema);

export type CareListRow = z.output<typeof careListRowSchema>;
export type CareListSummaryRow = z.output<typeof careListSummaryRowSchema>;

/** Reference data prints the ingredient code as '(2824801820+2824801810)' in one API. */
function ingredientCode(code: string): string {
  return code.replace(/^\((.*)\)$/, '$1').trim();
}

export function mapCareListRow(row: CareListRow): CareListDispensing {
  return {
    date: row.treat_d,
    ingredient: row.drug_rel_code_ename,
    ingredientCode: ingredientCode(row.drug_ing_code),
    institution: institutionFromHosp(row.hosp, row.hosp_id, row.hosp_abbr),
    totalMg: row.drug_qty,
    cloudTotalDdd: row.drug_ddd_qty,
    memo: row.memo,
    time: row.treat_t === null ? null : row.treat_t.trim() || null,
  };
}

export function mapCareListSummaryRow(row: CareListSummaryRow): CareListMonthSummary {
  return {
    ingredient: row.drug_rel_code_ename,
    ingredientCode: ingredientCode(row.drug_ing_code),
    month: row.fee_ym,
    visits: row.hosp_times,
    institutions: row.hosp_units,
    totalMg: row.drug_qty,
    totalDdd: row.drug_ddd_qty,
    memo: row.code_cname,
  };
}
