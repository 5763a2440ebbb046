// 特定管制用藥(關懷名單) statistics: per ingredient per month over the last months, the
// visits, institutions, total mg and total DDD (= mg ÷ WHO DDD mg), beside the half-year
// reference DDD × 182.5 (SPEC §2; research §5(e); the NHI care-list page: zolpidem 420 mg =
// 42 DDD, 「每半年約當1825mg」; brotizolam 14 mg = 56 DDD, 「每半年約當46mg」).
import type { Alert, CareListDispensing, IsoDate } from './types.ts';
import { addMonths, compareIso, isIsoDate, monthOf } from './dates.ts';
import { dddEntry, halfYearReferenceMg, hasNoWhoDdd, type DddRoute } from './ddd.ts';
import { atc7ForIngredientName, normalIngredientName } from './ingredients.ts';
import { Numbering, remembered } from './remembered.ts';

export interface CareListMonth {
  /** NHI ingredient code(s) as printed, without brackets: '2824801820+2824801810'. */
  ingredientCode: string;
  /** Ingredient as NHI writes it: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)'. */
  ingredient: string;
  /** Mapped by name; null when the substance is not in the ingredient table. */
  atc7: string | null;
  /** 'YYYY-MM'. */
  month: string;
  /** 就醫次數: distinct (day, institution) pairs. */
  visits: number;
  /** 就醫院所數. */
  institutions: number;
  totalMg: number;
  /** mg ÷ DDD; the cloud's own DDD sum when we have no DDD but every row carries one; null when WHO has set none (noDdd) or neither is known. */
  totalDdd: number | null;
  dddMg: number | null;
  halfYearReferenceMg: number | null;
  /** 「WHO 未訂 DDD」. */
  noDdd: boolean;
}

export const DEFAULT_CARE_LIST_MONTHS = 6;

/**
 * Oral first; then transdermal, the form controlled opioids without an oral DDD are dispensed
 * in at a counter: fentanyl is compared with its 1.2 mg TD DDD (219 mg a half-year, research
 * §3.2 and §5(e)2), not its 0.6 mg sublingual one.
 */
const ROUTE_PREFERENCE: readonly DddRoute[] = ['O', 'TD', 'SL', 'P', 'N', 'R'];

function dddMgOf(atc7: string | null): number | null {
  const entry = dddEntry(atc7);
  if (entry === null) return null;
  for (const route of ROUTE_PREFERENCE) {
    const mg = entry.mg[route];
    if (mg !== undefined) return mg;
  }
  return null;
}

/** '(2824801820+2824801810)' and '2824801820+2824801810' are one code (remembered: a list repeats a few codes). */
const normalCode = remembered((code: string): string => code.replace(/[()\s（）]/g, ''));

/** Sums of decimal mg (0.25 mg tablets) stay exact to the microgram. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface Bucket {
  ingredientCode: string;
  ingredient: string;
  month: string;
  /** Distinct (day of the month, institution key) pairs: institution key · 32 + day. */
  visits: Set<number>;
  /** Institution numbers. */
  institutions: Set<number>;
  totalMg: number;
  cloudDdd: number;
  cloudDddComplete: boolean;
}

/** Day of the month of a readable 'YYYY-MM-DD'. */
function dayOfMonth(iso: IsoDate): number {
  return (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

/**
 * Per ingredient per calendar month, for the `months` calendar months ending with today's
 * month (the cloud's 「近6個月」). Rows dated after today are not counted. Sorted by
 * ingredient, then month.
 */
export function careListStats(dispensings: CareListDispensing[], today: IsoDate, months = DEFAULT_CARE_LIST_MONTHS): CareListMonth[] {
  const count = Math.max(1, Math.trunc(months));
  const firstMonth = monthOf(addMonths(today, -(count - 1)));
  const lastMonth = monthOf(today);
  // Per ingredient identity its months' buckets (a handful), and every bucket in the order first met.
  const byIdentity = new Map<string, Bucket[]>();
  const buckets: Bucket[] = [];
  // Each institution id as a small number, so a visit is one number instead of a new
  // 'date|id' string per row (a dense history's care list has a thousand rows).
  const institutions = new Numbering<string>();
  for (const row of dispensings) {
    // A row whose day cannot be read belongs to no month.
    if (!isIsoDate(row.date)) continue;
    const month = monthOf(row.date);
    if (month < firstMonth || month > lastMonth || compareIso(row.date, today) > 0) continue;
    const code = normalCode(row.ingredientCode);
    const identity = code.length > 0 ? code : normalIngredientName(row.ingredient);
    let months = byIdentity.get(identity);
    if (months === undefined) {
      months = [];
      byIdentity.set(identity, months);
    }
    let bucket = bucketOfMonth(months, month);
    if (bucket === undefined) {
      bucket = {
        ingredientCode: code, ingredient: row.ingredient.trim(), month, visits: new Set(), institutions: new Set(),
        totalMg: 0, cloudDdd: 0, cloudDddComplete: true,
      };
      months.push(bucket);
      buckets.push(bucket);
    }
    // A row without an institution code (hosp_id is optional in imue0009s02) is told apart by
    // its name: one '' for every clinic would merge them and hide 跨院所 visits.
    const institution = institutions.of(row.institution.id !== '' ? row.institution.id : `name:${row.institution.name}`);
    bucket.visits.add(institution * 32 + dayOfMonth(row.date));
    bucket.institutions.add(institution);
    bucket.totalMg += Number.isFinite(row.totalMg) ? row.totalMg : 0;
    if (row.cloudTotalDdd === null || !Number.isFinite(row.cloudTotalDdd)) bucket.cloudDddComplete = false;
    else bucket.cloudDdd += row.cloudTotalDdd;
  }
  const result: CareListMonth[] = [];
  for (const bucket of buckets) {
    const atc7 = atc7ForIngredientName(bucket.ingredient);
    const dddMg = dddMgOf(atc7);
    const totalMg = round3(bucket.totalMg);
    const noDdd = hasNoWhoDdd(atc7);
    // 「WHO 未訂 DDD」 (nimetazepam): mg only (research §5(e)3), whatever DDD the cloud sent (often 0).
    let totalDdd: number | null = null;
    if (dddMg !== null) totalDdd = round3(totalMg / dddMg);
    else if (!noDdd && bucket.cloudDddComplete) totalDdd = round3(bucket.cloudDdd);
    result.push({
      ingredientCode: bucket.ingredientCode,
      ingredient: bucket.ingredient,
      atc7,
      month: bucket.month,
      visits: bucket.visits.size,
      institutions: bucket.institutions.size,
      totalMg,
      totalDdd,
      dddMg,
      halfYearReferenceMg: dddMg === null ? null : halfYearReferenceMg(dddMg),
      noDdd,
    });
  }
  return result.sort(byIngredientThenMonth);
}

function bucketOfMonth(months: Bucket[], month: string): Bucket | undefined {
  for (let i = 0; i < months.length; i++) if ((months[i] as Bucket).month === month) return months[i];
  return undefined;
}

/** A module function, not an arrow per call (docs/analysis-speed.md, "No closures made per analysis"). */
function byIngredientThenMonth(a: CareListMonth, b: CareListMonth): number {
  return (a.ingredient < b.ingredient ? -1 : a.ingredient > b.ingredient ? 1 : 0) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);
}

/** mg and DDD as the care list shows them, in alerts and tables: 45.625 → 45.6, 1825 → 1825 (NHI: about 46 mg). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * One alert per ingredient on the care list, over all months given: warning when the total
 * exceeds the half-year reference (more than 1 DDD a day on average), info otherwise, and
 * info with mg only when WHO has set no DDD or the substance is not in our table.
 */
export function careListAlerts(months: CareListMonth[]): Alert[] {
  const byIngredient = new Map<string, CareListMonth[]>();
  for (const row of months) {
    const key = row.ingredientCode.length > 0 ? row.ingredientCode : normalIngredientName(row.ingredient);
    const list = byIngredient.get(key) ?? [];
    list.push(row);
    byIngredient.set(key, list);
  }
  const alerts: Alert[] = [];
  for (const rows of byIngredient.values()) {
    const first = rows[0] as CareListMonth;
    const sorted = rows.map((r) => r.month).sort();
    const totalMg = round3(rows.reduce((sum, r) => sum + r.totalMg, 0));
    const visits = rows.reduce((sum, r) => sum + r.visits, 0);
    const facts: Alert['facts'] = {
      ingredient: first.ingredient,
      ingredientCode: first.ingredientCode,
      from: sorted[0] as string,
      to: sorted[sorted.length - 1] as string,
      visits,
      totalMg: oneDecimal(totalMg),
    };
    if (first.noDdd) {
      alerts.push({ severity: 'info', key: 'careList.noDdd', facts });
      continue;
    }
    if (first.dddMg === null || first.halfYearReferenceMg === null) {
      alerts.push({ severity: 'info', key: 'careList.unknownDdd', facts });
      continue;
    }
    const totalDdd = round3(totalMg / first.dddMg);
    const withDdd = { ...facts, totalDdd: oneDecimal(totalDdd), dddMg: first.dddMg, referenceMg: oneDecimal(first.halfYearReferenceMg) };
    const over = totalMg > first.halfYearReferenceMg;
    alerts.push({ severity: over ? 'warning' : 'info', key: over ? 'careList.overReference' : 'careList.withinReference', facts: withDdd });
  }
  return alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1));
}
