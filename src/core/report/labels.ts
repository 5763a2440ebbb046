// How report values read on screen and in files: days and times in the language's form
// (src/i18n/dates.ts: ROC for zh-TW, ISO for English, the counter's Taipei wall clock).
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { dayIn, monthIn } from '../../i18n/dates.ts';
import { reportMessages as m } from './messages.ts';
import type { Granularity } from './types.ts';

/** A period label: day or week (its Monday) as a day; a month as 'yyy/MM' or 'YYYY-MM'. */
export function periodLabel(label: string, by: Granularity, lang: Lang): string {
  if (by === 'month') return monthIn(label, lang);
  const day = dayIn(label, lang);
  return by === 'week' ? (lang === 'zh-TW' ? `${day} 週` : `wk ${day}`) : day;
}

export function roleLabel(role: string | null, lang: Lang): string {
  if (role === null) return '—';
  const key = `role.${role}`;
  return key in m ? translate(m, key, lang) : role;
}

export function ms(value: number): string {
  return String(Math.round(value));
}
