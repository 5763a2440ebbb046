// Dates in the reader's language. Stored and passed ISO everywhere (ARCHITECTURE); shown ROC
// (114/11/03) at the zh-TW counter, as NHI and the slips write them, and ISO (2025-11-03) in
// English, where an unlabelled 114/11/03 reads as no date at all. Times are the counter's
// wall clock (Asia/Taipei, UTC+8 all year) whatever the machine's TZ.
import { taipeiDateOf, toRocDate, toRocMonth } from '../core/domain/dates.ts';
import type { Lang } from './index.ts';

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO day as the language writes it; '' for none. */
export function dayIn(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return lang === 'zh-TW' ? toRocDate(iso) : iso;
}

/** A 'YYYY-MM' month as the language writes it: 'yyy/MM' or 'YYYY-MM'. */
export function monthIn(month: string, lang: Lang): string {
  return lang === 'zh-TW' ? toRocMonth(month) : month;
}

/** An instant as 'yyy/MM/dd HH:mm' (zh-TW) or 'YYYY-MM-DD HH:mm' (en), Taipei wall clock. */
export function dayTimeIn(at: Date | number, lang: Lang): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const local = new Date(ms + TAIPEI_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${dayIn(taipeiDateOf(new Date(ms)), lang)} ${hh}:${mm}`;
}

/** Columns a day and a month take on screen: 114/11/03 and 114/11 against 2025-11-03 and 2025-11. */
export function dayWidth(lang: Lang): number {
  return lang === 'zh-TW' ? 9 : 10;
}

export function monthWidth(lang: Lang): number {
  return lang === 'zh-TW' ? 6 : 7;
}
