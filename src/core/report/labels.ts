// How report values read on screen and in files: ROC dates for zh-TW (as the counter writes
// them), ISO for English; times at the counter (Asia/Taipei) whatever the machine's TZ.
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { taipeiDateOf, toRocDate } from '../domain/dates.ts';
import { reportMessages as m } from './messages.ts';
import type { Granularity } from './types.ts';

export function dayLabel(iso: string, lang: Lang): string {
  return lang === 'zh-TW' ? toRocDate(iso) : iso;
}

/** A period label: day or week (its Monday) as a day; a month as 'yyy/MM' or 'YYYY-MM'. */
export function periodLabel(label: string, by: Granularity, lang: Lang): string {
  if (by === 'month') return lang === 'zh-TW' ? toRocDate(`${label}-01`).slice(0, -3) : label;
  const day = dayLabel(label, lang);
  return by === 'week' ? (lang === 'zh-TW' ? `${day} 週` : `wk ${day}`) : day;
}

/** 'yyy/MM/dd HH:mm' (zh-TW) or 'YYYY-MM-DD HH:mm' (en), Taipei wall clock. */
export function timeLabel(at: Date, lang: Lang): string {
  const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${dayLabel(taipeiDateOf(at), lang)} ${hm}`;
}

export function roleLabel(role: string | null, lang: Lang): string {
  if (role === null) return '—';
  const key = `role.${role}`;
  return key in m ? translate(m, key, lang) : role;
}

export function ms(value: number): string {
  return String(Math.round(value));
}
