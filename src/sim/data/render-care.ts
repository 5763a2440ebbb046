// 特定管制用藥 (關懷名單): the detail (imue0009s02) and monthly summary (imue0009s03) pages,
// and the facts behind the two Web APIs (isCareList; oType 10/13 dose vs suggested dose).
// Numbers follow the reference: total mg = tablets × strength, DDD = mg ÷ WHO DDD, the
// 6-month reference dose = DDD × 182.5 (zolpidem 420 mg = 42 DDD; 1825 mg per half year).
import { addDays } from '../../core/domain/dates.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import type { CareListIngredient } from './catalogue.ts';
import { hospField, rocDate, rocMonth, round2 } from './formats.ts';
import { visitsUpTo } from './render-medication.ts';
import type { PatientData, SimVisit } from './model.ts';

/** 近6個月: the care list looks back half a year from the query day. */
const WINDOW_DAYS = 182;

/**
 * The simulator's inclusion rule: more than 1 DDD a day on average over the half year
 * (182.5 DDD) across the care-list ingredients. NHI's own criterion is not public (research
 * §1.6 reports "> 250 DDD" from a secondary source); this one puts every hypnotic-care-list
 * story on the list and a single month of zolpidem off it.
 */
const INCLUSION_DDD = 182.5;

interface CareDispensing {
  visit: SimVisit;
  care: CareListIngredient;
  mg: number;
  ddd: number;
}

export function careDispensings(data: PatientData, queryDate: IsoDate): CareDispensing[] {
  const from = addDays(queryDate, -WINDOW_DAYS);
  const rows: CareDispensing[] = [];
  for (const visit of visitsUpTo(data, queryDate)) {
    const care = visit.drug.careList;
    if (care === null || visit.date < from || visit.drug.strengthMg === null) continue;
    const mg = round2(visit.quantity * visit.drug.strengthMg);
    rows.push({ visit, care, mg, ddd: round2(mg / care.dddMg) });
  }
  return rows;
}

export function memoOf(care: CareListIngredient): string {
  return `依WHOATC/DDDIndex建議每人日劑量為${care.dddMg}mg，每半年約當${Math.round(care.dddMg * 182.5)}mg。(mg:毫克)`;
}

export function careDetailRows(data: PatientData, queryDate: IsoDate): Record<string, unknown>[] {
  return careDispensings(data, queryDate).map(({ visit, care, mg, ddd }) => ({
    treat_d: rocDate(visit.date),
    treat_t: visit.time,
    drug_rel_code_ename: care.name,
    drug_ing_code: care.code,
    hosp: hospField(visit.institution, visit.visitType),
    hosp_id: visit.institution.id,
    hosp_abbr: visit.institution.name,
    drug_qty: mg,
    drug_ddd_qty: ddd,
    memo: memoOf(care),
    fee_ym: rocMonth(visit.date),
  }));
}

/** One row per ingredient per month, oldest month first; the memo only on each ingredient's first row (as on the page). */
export function careSummaryRows(data: PatientData, queryDate: IsoDate): Record<string, unknown>[] {
  const byKey = new Map<string, { care: CareListIngredient; month: string; visits: number; places: Set<string>; mg: number; ddd: number }>();
  for (const { visit, care, mg, ddd } of careDispensings(data, queryDate)) {
    const month = rocMonth(visit.date);
    const key = `${care.code}|${month}`;
    const row = byKey.get(key) ?? { care, month, visits: 0, places: new Set<string>(), mg: 0, ddd: 0 };
    row.visits += 1;
    row.places.add(visit.institution.id);
    row.mg = round2(row.mg + mg);
    row.ddd = round2(row.ddd + ddd);
    byKey.set(key, row);
  }
  const rows = [...byKey.values()].sort((a, b) => a.care.name.localeCompare(b.care.name) || a.month.localeCompare(b.month));
  return rows.map((row, index) => ({
    drug_rel_code_ename: row.care.name,
    drug_ing_code: row.care.code,
    fee_ym: row.month,
    hosp_times: row.visits,
    hosp_units: row.places.size,
    drug_qty: row.mg,
    drug_ddd_qty: row.ddd,
    code_cname: index === 0 || rows[index - 1]?.care.code !== row.care.code ? memoOf(row.care) : null,
  }));
}

export interface CareListStatus {
  isCareList: boolean;
  /** Per ingredient, highest DDD first: total mg over the half year and the reference dose. */
  ingredients: { care: CareListIngredient; mg: number; ddd: number; suggestedMg: number }[];
}

export function careListStatus(data: PatientData, queryDate: IsoDate): CareListStatus {
  const totals = new Map<string, { care: CareListIngredient; mg: number; ddd: number }>();
  for (const { care, mg, ddd } of careDispensings(data, queryDate)) {
    const total = totals.get(care.code) ?? { care, mg: 0, ddd: 0 };
    total.mg = round2(total.mg + mg);
    total.ddd = round2(total.ddd + ddd);
    totals.set(care.code, total);
  }
  const ingredients = [...totals.values()]
    .sort((a, b) => b.ddd - a.ddd || a.care.name.localeCompare(b.care.name))
    .map((t) => ({ ...t, suggestedMg: Math.round(t.care.dddMg * 182.5) }));
  const totalDdd = ingredients.reduce((sum, i) => sum + i.ddd, 0);
  return { isCareList: totalDdd > INCLUSION_DDD, ingredients };
}
