// 西醫用藥 (imue0008s02), 慢性處方箋 (imue0008s05) and 門診藥品餘藥日數 (imue0120s01) rows,
// field for field as the real API sends them (research anchors 1(b)), with the numbers the
// cloud computes at query time: drug_left (1(c).6) and pres_med_day (1(c).7).
import { addDays, ageOn, daysBetween } from '../../core/domain/dates.ts';
import { isAsNeeded, isAsOrdered } from '../../core/domain/regimen.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import { quantityOf } from './builder.ts';
import { ingredientCode, type CatalogueDrug } from './catalogue.ts';
import { DIAGNOSES } from './classes.ts';
import { compactDate, hospField, isoMidnight, rocDate, rocMonth, slashDate } from './formats.ts';
import type { PatientData, SimVisit } from './model.ts';

/** Rows up to the query day, newest first (the cloud's order). */
export function visitsUpTo(data: PatientData, queryDate: IsoDate): SimVisit[] {
  return data.visits.filter((v) => v.date <= queryDate);
}

export function medicationRows(data: PatientData, queryDate: IsoDate): Record<string, unknown>[] {
  const elderly = ageOn(data.patient.birthDate, queryDate) >= 65;
  return visitsUpTo(data, queryDate).map((v, index) => {
    const [icd, icdName] = DIAGNOSES[v.diagnosis];
    const combination = v.drug.ingredients.length > 1;
    const origin = v.chronic !== null && v.chronic.fill > 1 ? v.chronic.rx : null;
    return {
      r: index + 1,
      hosp: hospField(v.institution, v.visitType),
      hosp_id: v.institution.id,
      icd_code: icd,
      icd_cname: icdName,
      drug_atc3_code: v.drug.atc3Text,
      drug_atc5_code: v.drug.atc7.slice(0, 5),
      drug_atc5_name: v.drug.atc5Name,
      drug_atc7_code: v.drug.atc7,
      drug_ing_name: v.drug.ingredients.map((i) => i.name).join('；'),
      drug_ing_code: v.drug.ingredients.map((i) => ingredientCode(i.name)).join('；'),
      drug_code: v.drug.code,
      drug_ename: v.drug.name,
      drug_multi_mark: combination ? 'Y' : null,
      drug_65_mark: elderly && v.drug.beers ? 'Y' : null,
      dup_drug_mark: null,
      // A refill pickup is listed under the prescribing visit's date with the pickup day in
      // 慢連箋領藥日 (cure_e_date, which inpatient rows use for the discharge day instead).
      drug_date: slashDate(origin ? origin.date : v.date),
      cure_e_date: origin ? isoMidnight(v.date) : v.inpatientEnd === null ? null : isoMidnight(v.inpatientEnd),
      drug_fre: v.frequency,
      qty: v.quantity,
      day: v.days,
      drug_std_qty: 1,
      // Per prescription from its start (the pickup day for refills), no carry-over, frozen at the moment of the query.
      drug_left: Math.max(0, daysBetween(queryDate, addDays(v.date, v.days))),
      func_seq_no: v.seqNo,
      chr_hosp_id: origin ? origin.prescriber.id : null,
      chr_hosp_abbr: origin ? origin.prescriber.name : null,
      fee_ym: rocMonth(v.date),
      ay_flag: 'Y',
    };
  });
}

/** sort_code 1 = the visit, 2 = the chronic metadata, 3 = each refill pickup (IC02/IC03). */
export function chronicRows(data: PatientData, queryDate: IsoDate): { chrDataN: Record<string, unknown>[]; chrDataY: Record<string, unknown>[] } {
  const chrDataN: Record<string, unknown>[] = [];
  const chrDataY: Record<string, unknown>[] = [];
  for (const rx of data.chronic) {
    if (rx.date > queryDate) continue;
    const lastValidDay = addDays(rx.date, rx.daysPerFill * rx.fills - 1);
    const overdue = lastValidDay < queryDate ? 'Y' : 'N';
    const [icd, icdName] = DIAGNOSES[rx.diagnosis];
    const target = overdue === 'Y' ? chrDataY : chrDataN;
    for (const item of rx.items) {
      const base = {
        orig_func_seq_no: rx.seqNo,
        func_date: rocDate(rx.date),
        overdue,
        order_code: item.drug.code,
        drug_ename: item.drug.name,
        order_qty: quantityOf(item.drug, item.dose, item.frequency, rx.daysPerFill),
        drug_fre: item.frequency,
        order_drug_day: rx.daysPerFill,
        icd9cm_code: icd,
        icd_cname: icdName,
      };
      target.push({ sort_code: '1', ...base, func_seq_no: rx.seqNo, rel_date: rocDate(rx.date), treat_t: rx.time, chr_days: null, chr_num: null, hosp_id: rx.prescriber.id, hosp_abbr: rx.prescriber.name });
      target.push({ sort_code: '2', ...base, func_seq_no: rx.seqNo, rel_date: rocDate(rx.date), treat_t: null, chr_days: rx.daysPerFill * rx.fills, chr_num: null, hosp_id: rx.prescriber.id, hosp_abbr: rx.prescriber.name });
      for (const pickup of rx.pickups) {
        if (pickup.fill === 1 || pickup.date > queryDate) continue;
        target.push({ sort_code: '3', ...base, func_seq_no: pickup.seqNo, rel_date: rocDate(pickup.date), treat_t: null, chr_days: rx.daysPerFill * rx.fills, chr_num: rx.fills, hosp_id: pickup.where.id, hosp_abbr: pickup.where.name });
      }
    }
  }
  return { chrDataN, chrDataY };
}

/** 同成分同劑型 group: ATC3 + ingredient letters + form digits ('A10GLI41212' in the real data). */
export function drugGroupCode(drug: CatalogueDrug): string {
  const letters = drug.ingredients.length === 1
    ? (drug.ingredients[0]?.name ?? '').replace(/[^A-Z]/g, '').slice(0, 3)
    : `${drug.ingredients.map((i) => i.name[0]).join('').slice(0, 2)}C`;
  return `${drug.atc7.slice(0, 3)}${letters}${drug.extendedRelease ? '41212' : '41211'}`;
}

/**
 * 門診藥品餘藥日數: per group, fills in date order, each supply starting when the previous
 * one ends (carry-over), so edate = funcDate + order_drug_day − 1 + carry-over and
 * pres_med_day = max(0, edate − query + 1), counting both ends (anchors 1(c).7).
 */
/** Rows that count toward a 餘藥 group: a tracked class on a fixed schedule. */
export function countsTowardLeftover(v: SimVisit): boolean {
  return v.drug.drugType !== null && !isAsNeeded(v.frequency) && !isAsOrdered(v.frequency);
}

export function leftoverRows(data: PatientData, queryDate: IsoDate): Record<string, unknown>[] {
  const groups = new Map<string, SimVisit[]>();
  for (const v of visitsUpTo(data, queryDate)) {
    if (!countsTowardLeftover(v)) continue;
    const key = drugGroupCode(v.drug);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const rows: Record<string, unknown>[] = [];
  for (const [groupCode, visits] of groups) {
    const ordered = [...visits].sort((a, b) => a.date.localeCompare(b.date) || a.drug.code.localeCompare(b.drug.code));
    let end: IsoDate | null = null;
    for (const v of ordered) {
      const start: IsoDate = end !== null && end >= v.date ? addDays(end, 1) : v.date;
      end = addDays(start, v.days - 1);
    }
    const last = ordered.at(-1) as SimVisit;
    const edate = end as IsoDate;
    rows.push({
      atc5: last.drug.atc5Name,
      ingredient: `${last.drug.ingredients.map((i) => i.name).join('；')} , ${last.drug.extendedRelease ? '緩釋錠劑膠囊劑' : '錠劑膠囊劑'}`,
      drug_group_code: groupCode,
      drug_type: last.drug.drugType,
      funcDate: compactDate(last.date),
      order_drug_day: last.days,
      edate: slashDate(edate),
      pres_med_day: String(Math.max(0, daysBetween(queryDate, edate) + 1)),
      hosp_id: last.institution.id,
      icd_code: DIAGNOSES[last.diagnosis][0],
    });
  }
  return rows.sort((a, b) => String(b.funcDate).localeCompare(String(a.funcDate)) || String(a.drug_group_code).localeCompare(String(b.drug_group_code)));
}
