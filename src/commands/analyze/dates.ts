// Dates in `yaoli analyze`'s tables: in the report's language (src/i18n/dates.ts); — for none.
import type { Lang } from '../../i18n/index.ts';
import { dayIn } from '../../i18n/dates.ts';

export function shownDate(iso: string | null, lang: Lang): string {
  return iso === null ? '—' : dayIn(iso, lang);
}
