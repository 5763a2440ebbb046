// imue0120s01 pres-med-day 門診藥品餘藥日數: the cloud's own leftover per drug group,
// cumulative across providers (research anchors 1(b), 1(c).7). No drug code or brand name.
import { z } from 'zod';
import type { CloudGroupLeftover } from '../domain/types.ts';
import { LONGEST_SUPPLY_DAYS, date, days, envelope, optionalText, signedNumber, text } from './fields.ts';
import { daysBetween } from '../domain/dates.ts';
import { dosageFormOf } from './dosage-form.ts';

const medDaysRowFields = z.object({
  /** ATC5 class name, e.g. PROTON PUMP INHIBITORS. */
  atc5: optionalText(),
  /** 'GLICLAZIDE , 緩釋錠劑膠囊劑': ingredient, then the dosage form. */
  ingredient: text(),
  drug_group_code: text(),
  drug_type: optionalText(),
  /** `YYYYMMDD`. */
  funcDate: date(),
  order_drug_day: days(),
  /** `YYYY/MM/DD`, the last covered day including carry-over. */
  edate: date(),
  /**
   * Remaining days at the cloud's query time, sent as a string. Documented as never below 0
   * (anchors 1(c).7); a negative one is read as 0 by the mapper, as it always was.
   */
  pres_med_day: signedNumber(),
  hosp_id: optionalText(),
  icd_code: optionalText(),
});

/**
 * A supply end more than 999 days (給藥日數's three digits) after the last dispensing, or as many
 * days left, is a garbled answer: edate 2199/12/31 showed 雲端餘藥 63611 as the cloud's word.
 */
export const medDaysRowSchema = medDaysRowFields.superRefine((row, ctx) => {
  if (daysBetween(row.funcDate, row.edate) > LONGEST_SUPPLY_DAYS) ctx.addIssue({ code: 'custom', path: ['edate'], message: 'bad-value', params: { problem: 'bad-value', input: row.edate } });
  if (row.pres_med_day > LONGEST_SUPPLY_DAYS) ctx.addIssue({ code: 'custom', path: ['pres_med_day'], message: 'bad-value', params: { problem: 'bad-value', input: row.pres_med_day } });
});

export const medDaysSchema = envelope(medDaysRowSchema);

export type MedDaysRow = z.output<typeof medDaysRowSchema>;

/** checkdata splits on ' , ', leescot on '，'; both separators occur. */
function splitIngredient(text: string): { ingredient: string; form: string } {
  // At the last comma, found by index: a regular expression for it backtracked in the square of
  // a long run of spaces without a comma (200,000 spaces: 9 s).
  const at = Math.max(text.lastIndexOf(','), text.lastIndexOf('，'));
  if (at < 0) return { ingredient: text.trim(), form: '' };
  return { ingredient: text.slice(0, at).trim(), form: text.slice(at + 1).trim() };
}

export function mapMedDaysRow(row: MedDaysRow): CloudGroupLeftover {
  const { ingredient, form } = splitIngredient(row.ingredient);
  return {
    groupCode: row.drug_group_code,
    atc5Name: row.atc5 ?? '',
    ingredient,
    dosageFormText: form,
    dosageForm: dosageFormOf(form),
    lastDispensed: row.funcDate,
    daysSupply: row.order_drug_day,
    supplyEnd: row.edate,
    leftoverDays: Math.max(0, row.pres_med_day),
    institutionId: row.hosp_id,
  };
}
