// Dates as the reader of `yaoli analyze` expects them: ROC (114/11/03) in zh-TW, as the counter
// reads them; ISO (2025-11-03) in English, where an unlabelled 114/11/03 reads as no date at all.
import type { Lang } from '../../i18n/index.ts';
import { parseDate, toRocDate, toRocMonth } from '../../core/domain/dates.ts';
import type { Alert } from '../../core/domain/types.ts';

/** An ISO day in the report's language; — for none. */
export function shownDate(iso: string | null, lang: Lang): string {
  if (iso === null) return '—';
  return lang === 'en' ? iso : toRocDate(iso);
}

/** A 'YYYY-MM' month in the report's language. */
export function shownMonth(month: string, lang: Lang): string {
  return lang === 'en' ? month : toRocMonth(month);
}

// The domain writes an alert's dates into its facts already in ROC, for the kiosk (messages.ts);
// these are the facts that hold them (refill, duplicate, care-list and eGFR alerts).
const ROC_DAY_FACTS = new Set(['nextFrom', 'nextUntil', 'validFrom', 'validUntil', 'newestDate', 'date', 'dates']);
const ROC_MONTH_FACTS = new Set(['from', 'to']);
/** Duplicate alerts name each record as 'NAME (institution yyy/MM/dd)'. */
const DRUG_AT_DAY_FACT = 'drugs';

const ROC_DAY = /^\d{3}\/\d{2}\/\d{2}$/;
const ROC_MONTH = /^\d{3}\/\d{2}$/;
const TRAILING_ROC_DAY = / (\d{3}\/\d{2}\/\d{2})\)$/;

function isoOfRocDay(text: string): string {
  return ROC_DAY.test(text) ? (parseDate(text) ?? text) : text;
}

function isoOfRocMonth(text: string): string {
  return ROC_MONTH.test(text) ? (parseDate(`${text}/01`)?.slice(0, 7) ?? text) : text;
}

function isoOfDrugAtDay(text: string): string {
  return text.replace(TRAILING_ROC_DAY, (_match, day: string) => ` ${isoOfRocDay(day)})`);
}

function converted(value: Alert['facts'][string], convert: (text: string) => string): Alert['facts'][string] {
  if (typeof value === 'string') return convert(value);
  return Array.isArray(value) ? value.map(convert) : value;
}

/** An alert's facts with its ROC dates as ISO when the report is in English; as they are in zh-TW. */
export function factsIn(alert: Alert, lang: Lang): Alert['facts'] {
  if (lang !== 'en') return alert.facts;
  const facts: Alert['facts'] = {};
  for (const [key, value] of Object.entries(alert.facts)) {
    if (ROC_DAY_FACTS.has(key)) facts[key] = converted(value, isoOfRocDay);
    else if (ROC_MONTH_FACTS.has(key)) facts[key] = converted(value, isoOfRocMonth);
    else if (key === DRUG_AT_DAY_FACT) facts[key] = converted(value, isoOfDrugAtDay);
    else facts[key] = value;
  }
  return facts;
}
