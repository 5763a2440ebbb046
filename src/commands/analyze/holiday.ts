// `--holiday FROM,TO,WINDOW[,BEFORE]`: the year's NHIA holiday rule for 慢箋 refills, as the
// kiosk's Settings screen keeps it (HolidayWindow), so a pharmacist can try it on a bundle.
import { isIsoDate, parseDate } from '../../core/domain/dates.ts';
import { isPlausibleHoliday, type HolidayWindow } from '../../core/domain/refill.ts';

/** ROC 'yyy/MM/dd' as the counter writes it (115/02/14); parseDate checks the day exists. */
const ROC_DAY = /^\d{2,3}\/\d{1,2}\/\d{1,2}$/;
const WHOLE = /^\d{1,3}$/;

function holidayDay(text: string): string | null {
  if (isIsoDate(text)) return text;
  return ROC_DAY.test(text) ? parseDate(text) : null;
}

/**
 * One --holiday value as a HolidayWindow: first and last day of the holiday (ISO or ROC), the
 * window in days, and optionally how many days before the holiday the next fill may be
 * collected. Null when it is not of that form or not a rule NHIA could announce (isPlausibleHoliday).
 */
export function parseHoliday(value: string): HolidayWindow | null {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length < 3 || parts.length > 4) return null;
  const [fromText = '', toText = '', windowText = '', beforeText] = parts;
  const from = holidayDay(fromText);
  const to = holidayDay(toText);
  if (from === null || to === null || !WHOLE.test(windowText)) return null;
  if (beforeText !== undefined && !WHOLE.test(beforeText)) return null;
  const holiday: HolidayWindow = { from, to, windowDays: Number(windowText) };
  if (beforeText !== undefined) holiday.fromDaysBeforeStart = Number(beforeText);
  return isPlausibleHoliday(holiday) ? holiday : null;
}
