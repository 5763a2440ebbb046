// Every admin operation answers with a value, never a throw: ok with what changed, or a
// refusal with its kind. Either way the key picks the bilingual message for the screen.
import { bothLanguages, translate, type Facts, type Lang } from '../../i18n/index.ts';
import { isCacheError, type CacheError } from '../cache/index.ts';
import { adminMessages, type AdminMessageKey } from './messages.ts';

export type AdminErrorKind =
  | 'not-admin'
  | 'invalid-staff-id'
  | 'invalid-role'
  | 'invalid-name'
  | 'not-listed'
  | 'last-admin'
  | 'unknown-setting'
  | 'invalid-setting'
  | 'invalid-days'
  | 'cache';

export type AdminResult<T> =
  | { ok: true; value: T; key: AdminMessageKey; facts: Facts }
  | { ok: false; kind: AdminErrorKind; key: AdminMessageKey; facts: Facts; cause?: CacheError };

export function done<T>(value: T, key: AdminMessageKey, facts: Facts = {}): AdminResult<T> {
  return { ok: true, value, key, facts };
}

export function refused<T>(kind: Exclude<AdminErrorKind, 'cache'>, facts: Facts = {}): AdminResult<T> {
  return { ok: false, kind, key: `error.${kind}`, facts };
}

/** A cache failure (disk full, busy, wrong key…) as a refusal naming the cache's own kind. */
export function cacheFailure<T>(error: unknown): AdminResult<T> {
  if (!isCacheError(error)) throw error;
  return { ok: false, kind: 'cache', key: 'error.cache', facts: { detail: error.kind }, cause: error };
}

export function adminText(result: AdminResult<unknown>, lang: Lang): string {
  const facts = !result.ok && result.cause ? { ...result.facts, detail: result.cause.text(lang) } : result.facts;
  return translate(adminMessages, result.key, lang, facts);
}

/** Both languages on one line (CLI). */
export function adminTextBoth(result: AdminResult<unknown>): string {
  if (!result.ok && result.cause) return `${adminText(result, 'zh-TW')} / ${adminText(result, 'en')}`;
  return bothLanguages(adminMessages[result.key], result.facts);
}
