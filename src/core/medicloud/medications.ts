// imue0008s02 西醫用藥紀錄: `{ log2time, robject: [...] }`, one row per drug per visit.
// Field names and formats are the real API's (research anchors 1(b)).
import { z } from 'zod';
import type { ExceptionCode, MedicationRecord } from '../domain/types.ts';
import { dosageFormOf } from './dosage-form.ts';
import { amount, date, days, envelope, mark, optionalDate, optionalNumber, optionalText, text } from './fields.ts';
import { ingredientsOf } from './ingredients.ts';
import { institutionFromHosp } from './institution.ts';
import { withoutRepeatedRows } from './repeated-rows.ts';
import { unitStrengthMg } from './strength.ts';

export const medicationRowSchema = z
  .object({
    drug_code: text(),
    drug_ename: text(),
    drug_ing_name: optionalText(),
    drug_ing_code: optionalText(),
    drug_atc7_code: optionalText(),
    drug_atc5_code: optionalText(),
    drug_atc5_name: optionalText(),
    /** Despite the name, the Chinese ATC3 class text, e.g. 利尿藥(Diuretics). */
    drug_atc3_code: optionalText(),
    drug_multi_mark: mark(),
    drug_65_mark: mark(),
    /** Visit / dispensing date, `YYYY/MM/DD`. */
    drug_date: date(),
    /** 慢連箋領藥日 or 住院用藥迄日, ISO with time. */
    cure_e_date: optionalDate(),
    /** Null at some hospitals (leescot PR #35). */
    drug_fre: optionalText(),
    /** Total quantity dispensed; 0 on the exception-code orders (R001–R008). */
    qty: amount(),
    day: days(),
    /**
     * The cloud's per-record leftover, frozen at its query time: visit + days − query day
     * (anchors 1(c).6), negative once the supply has run out, so any sign is read.
     */
    drug_left: optionalNumber(),
    func_seq_no: optionalText(),
    chr_hosp_id: optionalText(),
    hosp: optionalText(),
    hosp_id: optionalText(),
    icd_code: optionalText(),
    icd_cname: optionalText(),
    fee_ym: optionalText(),
    /** Row number; repeats are checked in repeated-rows.ts. */
    r: optionalNumber(),
  })
  .superRefine((row, ctx) => {
    // A record without a source cannot be told apart from another institution's: duplicates
    // and 跨院所 labels depend on it.
    if (row.hosp === null && row.hosp_id === null) {
      ctx.addIssue({ code: 'custom', path: ['hosp_id'], message: 'missing', params: { problem: 'missing' } });
    }
  });

/** A row the cloud listed twice is read once; two different rows under one `r` are refused. */
export const medicationsSchema = envelope(medicationRowSchema).transform((data, ctx) => ({ ...data, robject: withoutRepeatedRows(data.robject, ctx) }));

export type MedicationRow = z.output<typeof medicationRowSchema>;

export function mapMedicationRow(row: MedicationRow, index: number): MedicationRecord {
  const institution = institutionFromHosp(row.hosp, row.hosp_id);
  const atc7 = row.drug_atc7_code?.toUpperCase() ?? null;
  const ingredients = ingredientsOf(row.drug_ing_name, row.drug_ename, atc7);
  // cure_e_date fills the column 慢連箋領藥日(住院用藥迄日): for a refill pickup it is the day
  // supply starts; for an inpatient order it is the end of the stay, not a start. A pickup
  // cannot precede the prescribing visit, so an earlier date is not read as one.
  const laterDate = row.cure_e_date !== null && row.cure_e_date > row.drug_date ? row.cure_e_date : null;
  const inpatient = institution.visitKind === 'inpatient';
  const refillDate = inpatient ? null : laterDate;
  const inpatientEndDate = inpatient && row.cure_e_date !== null && row.cure_e_date >= row.drug_date ? row.cure_e_date : null;
  return {
    id: `${row.drug_date}|${institution.id}|${row.drug_code}|${row.r ?? index}`,
    drugCode: row.drug_code.toUpperCase(),
    drugName: row.drug_ename,
    ingredients,
    atc7,
    atc5: row.drug_atc5_code?.toUpperCase() ?? atc7?.slice(0, 5) ?? null,
    atc5Name: row.drug_atc5_name,
    atc3Name: row.drug_atc3_code,
    isCombination: row.drug_multi_mark || ingredients.length > 1,
    dosageForm: dosageFormOf(row.drug_ename, row.drug_fre),
    visitDate: row.drug_date,
    refillDate,
    inpatientEndDate,
    daysSupply: row.day,
    quantity: row.qty,
    frequency: row.drug_fre,
    institution,
    chronicOriginInstitutionId: row.chr_hosp_id,
    visitSeqNo: row.func_seq_no,
    diagnosis: row.icd_code !== null ? { code: row.icd_code, name: row.icd_cname ?? '' } : null,
    cloudLeftoverDays: row.drug_left,
    cloudElderlyMark: row.drug_65_mark,
    exceptionCode: null,
    unitStrengthMg: unitStrengthMg(row.drug_ename),
  };
}

/** NHI exception codes R001–R008, claimed as virtual orders (order type G, quantity 0; research §1). */
const EXCEPTION_ORDER = /^R00[1-8]$/;

/**
 * The rows of imue0008s02 as medication records. A row whose code is an exception code is
 * not a drug: it is the visit's declaration (R003 regimen change, R001 lost supply …), so it
 * is dropped and its code set on that visit's drugs (same institution, 就醫日期 and 就醫序號),
 * where the carry walk and the duplicate check read it.
 */
export function mapMedicationRows(rows: MedicationRow[]): MedicationRecord[] {
  const records = rows.map(mapMedicationRow);
  const declared = new Map<string, ExceptionCode>();
  for (const record of records) {
    if (!EXCEPTION_ORDER.test(record.drugCode)) continue;
    const key = visitKey(record);
    declared.set(key, strongerCode(declared.get(key), record.drugCode as ExceptionCode));
  }
  if (declared.size === 0) return records;
  const drugs: MedicationRecord[] = [];
  for (const record of records) {
    if (EXCEPTION_ORDER.test(record.drugCode)) continue;
    const code = declared.get(visitKey(record));
    drugs.push(code === undefined ? record : { ...record, exceptionCode: code });
  }
  return drugs;
}

/**
 * Of two codes one visit declares, the one that ends the old supply (R001 lost, R003 changed)
 * wins, then the lower: the rows' order must not decide whether the old supply carries.
 */
function strongerCode(known: ExceptionCode | undefined, code: ExceptionCode): ExceptionCode {
  if (known === undefined) return code;
  const ends = (c: ExceptionCode) => c === 'R001' || c === 'R003';
  if (ends(known) !== ends(code)) return ends(code) ? code : known;
  return code < known ? code : known;
}

function visitKey(record: MedicationRecord): string {
  return `${record.institution.id}|${record.visitDate}|${record.visitSeqNo ?? ''}`;
}
