// The screens' one way to text: UI strings, the session's notices and the domain's
// alert templates, each in the current language.
import { format, translate, type Facts, type Lang } from '../../i18n/index.ts';
import { sessionMessages } from '../../core/session/messages.ts';
import { alertMessages } from '../../core/domain/messages.ts';
import type { Alert } from '../../core/domain/types.ts';
import type { SessionError } from '../../core/session/types.ts';
import { en } from './en.ts';
import { zhTW, type UiKey } from './zh-TW.ts';

export type { UiKey };

const TABLES: Record<Lang, Record<UiKey, string>> = { 'zh-TW': zhTW, en };

export function tr(lang: Lang, key: UiKey, facts?: Facts): string {
  return format(TABLES[lang][key], facts, lang);
}

export function noticeText(lang: Lang, error: SessionError): string {
  return translate(sessionMessages, error.key, lang, error.facts);
}

export function alertText(lang: Lang, alert: Alert): string {
  return translate(alertMessages, alert.key, lang, alert.facts);
}

/** For keys built at run time (a role, an endpoint id): is there a string for it? */
export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(zhTW, key);
}
