// 特定管制用藥(關懷名單) statistics: per ingredient per month over the last months, the
// visits, institutions, total mg and total DDD (= mg ÷ WHO DDD mg), beside the half-year
// reference DDD × 182.5 (SPEC §2; research §5(e); the NHI care-list page: zolpidem 420 mg =
// 42 DDD, 「每半年約當1825mg」; brotizolam 14 mg = 56 DDD, 「每半年約當46mg」).
import type { Alert, CareListDispensing, IsoDate } from './types.ts';
import { addMonths, isoDayNumber, isoOfDayNumber, monthOf } from './dates.ts';
import { dddEntry, HALF_YEAR_DAYS, halfYearReferenceMg, hasNoWhoDdd, type DddRoute } from './ddd.ts';
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
  /** The cloud's own 總DDD數 summed, when every row carries one; null otherwise. */
  cloudTotalDdd: number | null;
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

/**
 * A code as NHI prints it, cleaned: full-width forms read as ASCII (NFKC), brackets and spaces
 * dropped, any separator written '+': '(2824801820＋2824801810)' → '2824801820+2824801810'.
 */
const cleanCode = remembered((code: string): string =>
  code
    .normalize('NFKC')
    .replace(/[()\s]/g, '')
    .split(/[+;,、]/)
    .filter((part) => part !== '')
    .join('+'));

/**
 * The ingredient a code names: its cleaned parts sorted, so '2824801820+2824801810' and
 * '2824801810＋2824801820' are one ingredient; their order or separator split one into two
 * rows, and a warning into two infos (fuzzer). Remembered: a list repeats a few codes.
 */
const codeIdentity = remembered((code: string): string => cleanCode(code).split('+').sort().join('+'));

/** Sums of decimal mg (0.25 mg tablets) stay exact to the microgram. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface Bucket {
  /** Every cleaned code the ingredient's rows give it, shared by all its buckets (the smallest is shown). */
  codes: Set<string>;
  /** Every name the ingredient's rows give it, shared by all its buckets (nameOf picks one). */
  names: Set<string>;
  /** 'YYYY-MM', or WINDOW for the alerts' days. */
  month: string;
  /** Distinct (institution, day) pairs: institution number · 4,000,000 + day number + 800,000. */
  visits: Set<string>;
  /** Institution numbers. */
  institutions: Set<number>;
  totalMg: number;
  cloudDdd: number;
  cloudDddComplete: boolean;
}

/** The one period of the alerts' window. */
const WINDOW = 'window';

/**
 * Per ingredient per calendar month, for the `months` calendar months ending with today's
 * month (the cloud's 「近6個月」). Rows dated after today are not counted. Sorted by
 * ingredient, then month.
 */
export function careListStats(dispensings: CareListDispensing[], today: IsoDate, months = DEFAULT_CARE_LIST_MONTHS): CareListMonth[] {
  const count = Math.max(1, Math.trunc(months));
  const firstMonth = monthOf(addMonths(today, -(count - 1)));
  const lastMonth = monthOf(today);
  const buckets = gather(dispensings, today, (_, date) => {
    const month = monthOf(date);
    return month < firstMonth || month > lastMonth ? null : month;
  });
  return buckets.map(rowOf).sort(byIngredientThenMonth);
}

/**
 * The alerts' window: the days of `months` months ending today, 6 → 183 (research §5(e)4: the
 * 182 or 183 days ending at t), the span the half-year reference DDD × 182.5 is for. Calendar
 * months, as the table counts them, made a total of 153 to 184 days: a dispensing 175 days old
 * dropped out on the 1st of a month and the warning went off overnight.
 */
export function careListWindowDays(months = DEFAULT_CARE_LIST_MONTHS): number {
  return Math.round((Math.max(1, Math.trunc(months)) * 365.25) / 12);
}

/**
 * Each dispensing dated today or earlier whose period `periodOf` names from its day number and
 * date (null: left out), summed per ingredient identity and period, in the order first met.
 * Each row's date is read once.
 */
function gather(dispensings: CareListDispensing[], today: IsoDate, periodOf: (day: number, date: IsoDate) => string | null): Bucket[] {
  const todayDay = isoDayNumber(today);
  // No day to count back from: nothing is dated today or earlier.
  if (!Number.isFinite(todayDay)) return [];
  // Per ingredient identity its periods' buckets (a handful), and every bucket in the order first met.
  const byIdentity = new Map<string, Bucket[]>();
  const buckets: Bucket[] = [];
  // Each institution id as a small number, so a visit is one number instead of a new
  // 'date|id' string per row (a dense history's care list has a thousand rows).
  const institutions = new Numbering<string>();
  for (const row of dispensings) {
    // A row whose day cannot be read belongs to no period.
    const day = isoDayNumber(row.date);
    if (!Number.isFinite(day) || day > todayDay) continue;
    const period = periodOf(day, row.date);
    if (period === null) continue;
    const code = codeIdentity(row.ingredientCode);
    const identity = code.length > 0 ? code : normalIngredientName(row.ingredient);
    let periods = byIdentity.get(identity);
    if (periods === undefined) {
      periods = [];
      byIdentity.set(identity, periods);
    }
    let bucket = bucketOfMonth(periods, period);
    if (bucket === undefined) {
      bucket = {
        codes: periods[0]?.codes ?? new Set(), names: periods[0]?.names ?? new Set(), month: period, visits: new Set(), institutions: new Set(),
        totalMg: 0, cloudDdd: 0, cloudDddComplete: true,
      };
      periods.push(bucket);
      buckets.push(bucket);
    }
    // A row without an institution code (hosp_id is optional in imue0009s02) is told apart by
    // its name: one '' for every clinic would merge them and hide 跨院所 visits. A visit is
    // (institution, day, 就醫時間): two clinics of one hospital on one day are two visits, the
    // pattern the care list is for; rows of one visit share their time. A row without a time is
    // its institution's visit of that day.
    const institution = institutions.of(row.institution.id !== '' ? row.institution.id : `name:${row.institution.name}`);
    bucket.names.add(row.ingredient.trim());
    bucket.codes.add(cleanCode(row.ingredientCode));
    bucket.visits.add(`${institution}|${day}|${row.time ?? ''}`);
    bucket.institutions.add(institution);
    bucket.totalMg += Number.isFinite(row.totalMg) ? row.totalMg : 0;
    if (row.cloudTotalDdd === null || !Number.isFinite(row.cloudTotalDdd)) bucket.cloudDddComplete = false;
    else bucket.cloudDdd += row.cloudTotalDdd;
  }
  return buckets;
}

/**
 * The name an ingredient's rows are shown and looked up by: of the names its rows give it, the
 * first in order that our ingredient table reads, else the first. The first row met named it,
 * so of 'ZOLPIDEM TARTRATE EXTENDED-RELEASE' and 'ZOLPIDEM (TARTRATE)' under one code the rows'
 * order decided whether the DDD was known and the alert a warning.
 */
function nameOf(names: Set<string>): { ingredient: string; atc7: string | null } {
  const sorted = [...names].sort();
  for (const name of sorted) {
    const atc7 = atc7ForIngredientName(name);
    if (atc7 !== null) return { ingredient: name, atc7 };
  }
  return { ingredient: sorted[0] ?? '', atc7: null };
}

/** A bucket's figures: DDD from our table, or the cloud's own sum for a substance the table lacks. */
function rowOf(bucket: Bucket): CareListMonth {
  const { ingredient, atc7 } = nameOf(bucket.names);
  const dddMg = dddMgOf(atc7);
  const totalMg = round3(bucket.totalMg);
  const noDdd = hasNoWhoDdd(atc7);
  // 「WHO 未訂 DDD」 (nimetazepam): mg only (research §5(e)3), whatever DDD the cloud sent (often 0).
  let totalDdd: number | null = null;
  if (dddMg !== null) totalDdd = round3(totalMg / dddMg);
  else if (!noDdd && bucket.cloudDddComplete) totalDdd = round3(bucket.cloudDdd);
  return {
    ingredientCode: [...bucket.codes].sort()[0] ?? '',
    ingredient,
    atc7,
    month: bucket.month,
    visits: bucket.visits.size,
    institutions: bucket.institutions.size,
    totalMg,
    totalDdd,
    cloudTotalDdd: bucket.cloudDddComplete ? round3(bucket.cloudDdd) : null,
    dddMg,
    halfYearReferenceMg: dddMg === null ? null : halfYearReferenceMg(dddMg),
    noDdd,
  };
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
 * The cloud's own DDD sum differs from ours by more than half a DDD and 5 %: the care list's
 * rows carry no route, so our table's oral DDD meets an injection the cloud counted by its
 * parenteral one (morphine 300 mg: 3 oral DDD, 10 parenteral). Both are shown, not one chosen.
 */
function cloudDisagrees(row: CareListMonth): boolean {
  if (row.cloudTotalDdd === null || row.totalDdd === null) return false;
  return Math.abs(row.cloudTotalDdd - row.totalDdd) > Math.max(0.5, 0.05 * row.totalDdd);
}

/**
 * One alert per ingredient dispensed in the last careListWindowDays(months) days: warning when
 * the total exceeds the half-year reference (more than 1 DDD a day on average), info
 * otherwise; info with mg only when WHO has set no DDD, with the cloud's own DDD sum when the
 * substance is not in our table but every row carries one (the table beside it shows that
 * sum), and with mg only when neither is known.
 */
export function careListAlerts(dispensings: CareListDispensing[], today: IsoDate, months = DEFAULT_CARE_LIST_MONTHS): Alert[] {
  const days = careListWindowDays(months);
  const todayDay = isoDayNumber(today);
  if (!Number.isFinite(todayDay)) return [];
  const firstDay = todayDay - (days - 1);
  const from = isoOfDayNumber(firstDay);
  const inWindow = gather(dispensings, today, (day) => (day >= firstDay ? WINDOW : null));
  const alerts: Alert[] = [];
  const rows = inWindow.map(rowOf);
  for (const row of rows) {
    // A DDD that reads misleadingly (clonazepam's is the antiepileptic dose) says so: ddd.ts carries the words.
    const caveat = dddEntry(row.atc7)?.caveat;
    const facts: Alert['facts'] = {
      ingredient: row.ingredient,
      ingredientCode: row.ingredientCode,
      days,
      from,
      to: today,
      visits: row.visits,
      institutions: row.institutions,
      totalMg: oneDecimal(row.totalMg),
    };
    if (row.noDdd) alerts.push({ severity: 'info', key: 'careList.noDdd', facts });
    else if (row.dddMg === null || row.halfYearReferenceMg === null) {
      if (row.totalDdd === null) alerts.push({ severity: 'info', key: 'careList.unknownDdd', facts });
      // Without a DDD in mg there is no reference in mg, but the cloud's DDDs still compare with
      // 1 DDD a day for half a year (182.5), the same reference counted in DDDs.
      else {
        const over = row.totalDdd > HALF_YEAR_DAYS;
        alerts.push({ severity: over ? 'warning' : 'info', key: over ? 'careList.cloudDdd.over' : 'careList.cloudDdd', facts: { ...facts, totalDdd: oneDecimal(row.totalDdd) } });
      }
    } else {
      const over = row.totalMg > row.halfYearReferenceMg;
      const cloud = cloudDisagrees(row) ? oneDecimal(row.cloudTotalDdd ?? 0) : null;
      alerts.push({
        severity: over ? 'warning' : 'info',
        key: over ? 'careList.overReference' : 'careList.withinReference',
        facts: {
          ...facts, totalDdd: oneDecimal(row.totalDdd ?? 0), dddMg: row.dddMg, referenceMg: oneDecimal(row.halfYearReferenceMg),
          caveatZh: caveat?.['zh-TW'] ?? '', caveatEn: caveat?.en ?? '',
          cloudZh: cloud === null ? '' : `；雲端計 ${cloud} DDD（給藥途徑或 DDD 版本可能不同）`,
          cloudEn: cloud === null ? '' : `; the cloud counts ${cloud} DDD (the route or DDD version may differ)`,
        },
      });
    }
  }
  alerts.push(...classTotalAlert(rows, { days, from, to: today }));
  return alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1));
}

/** Hypnotics and sedatives (N05C) and anxiolytics (N05B): the class whose DDDs add up (research §5(e)4). */
const HYPNOTIC_CLASS = ['N05B', 'N05C'];

/**
 * The class total over the window when two or more hypnotics or anxiolytics have DDDs (ours, or
 * the cloud's where our table lacks the substance): each alone may sit within its half-year
 * reference while together they pass 1 DDD a day (a pharmacist's review: flunitrazepam 392 DDD
 * and brotizolam 84 DDD from two psychiatrists, the second called within reference).
 */
function classTotalAlert(rows: readonly CareListMonth[], window: { days: number; from: IsoDate; to: IsoDate }): Alert[] {
  const counted = rows.filter((row) => row.atc7 !== null && HYPNOTIC_CLASS.some((prefix) => (row.atc7 as string).toUpperCase().startsWith(prefix)) && row.totalDdd !== null);
  if (counted.length < 2) return [];
  const total = counted.reduce((sum, row) => sum + (row.totalDdd as number), 0);
  const over = total > HALF_YEAR_DAYS;
  return [{
    severity: over ? 'warning' : 'info',
    key: over ? 'careList.classTotal.over' : 'careList.classTotal',
    facts: { ...window, ingredients: counted.map((row) => row.ingredient), totalDdd: oneDecimal(total) },
  }];
}
