// Bilingual text. zh-TW is the source of truth and the default; every catalogue entry
// carries both languages so a missing translation is a type error, not a blank screen.
// Each area keeps its own catalogue (e.g. core/domain/messages.ts) built with `catalogue`.

import { dayIn, monthIn } from './dates.ts';

export type Lang = 'zh-TW' | 'en';

export interface Bilingual {
  'zh-TW': string;
  en: string;
}

export type Catalogue<K extends string = string> = Record<K, Bilingual>;

/** Identity helper that keeps the literal keys of a catalogue for type-checked lookups. */
export function catalogue<K extends string>(entries: Record<K, Bilingual>): Catalogue<K> {
  return entries;
}

export type Facts = Record<string, string | number | readonly string[] | null | undefined>;

// Facts keep dates ISO; a template marks where a fact holds dates, and the language picks their
// form (dates.ts).
const ISO_DAYS = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const ISO_MONTHS = /\b(\d{4})-(\d{2})\b(?!-)/g;

function datesIn(text: string, kind: 'day' | 'month', lang: Lang): string {
  if (lang !== 'zh-TW') return text;
  return kind === 'day' ? text.replace(ISO_DAYS, (iso) => dayIn(iso, lang)) : text.replace(ISO_MONTHS, (month) => monthIn(month, lang));
}

/** A list as the language writes it: 甲、乙 in zh-TW, A, B in English. */
export function listIn(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh-TW' ? '、' : ', ');
}

/**
 * Fills `{name}` placeholders; arrays join with the language's list separator. `{name:day}`
 * shows every ISO day in the fact (2025-11-03, also inside a text such as 'NAME (clinic
 * 2025-11-03)') in the language's form, `{name:month}` every ISO month (2025-11).
 */
export function format(template: string, facts: Facts = {}, lang: Lang = 'zh-TW'): string {
  return template.replace(/\{(\w+)(?::(day|month))?\}/g, (whole, name: string, kind: 'day' | 'month' | undefined) => {
    const value = facts[name];
    if (value === undefined || value === null) return whole;
    const text = Array.isArray(value) ? listIn(value, lang) : String(value);
    return kind === undefined ? text : datesIn(text, kind, lang);
  });
}

/** Looks up `key` in `entries` and formats it; unknown keys come back as the key itself. */
export function translate(entries: Catalogue, key: string, lang: Lang, facts?: Facts): string {
  const entry = entries[key];
  return entry ? format(entry[lang], facts, lang) : key;
}

/** Both languages on one line, for CLI output a technician may read in either. */
export function bothLanguages(entry: Bilingual, facts?: Facts): string {
  return `${format(entry['zh-TW'], facts, 'zh-TW')} / ${format(entry.en, facts, 'en')}`;
}

export function parseLang(value: string | undefined, fallback: Lang = 'zh-TW'): Lang {
  if (value === undefined) return fallback;
  const normal = value.toLowerCase();
  if (normal === 'en' || normal.startsWith('en-') || normal.startsWith('en_')) return 'en';
  if (normal === 'zh-tw' || normal === 'zh' || normal.startsWith('zh_tw')) return 'zh-TW';
  return fallback;
}
