// The frame every admin operation runs in: who may do it, and one audit row (action `admin.*`)
// for each attempt, refused ones included, so the log shows who changed what and who tried.
import type { Cache } from '../cache/index.ts';
import { cacheFailure, refused, type AdminResult } from './result.ts';

/** The card holder at the kiosk (from the logged-in staff card). */
export interface AdminActor {
  staffId: string;
  role?: string | null;
}

/** The parts of the cache the admin operations use (an open Cache satisfies it). */
export type AdminCache = Pick<Cache, 'staff' | 'settings' | 'audit' | 'purgeOlderThan' | 'purgeExpired' | 'purgeAll'>;

export type Authority = 'admin' | 'first-setup';

/**
 * An enabled 機構管理者 may administer. While the list holds no enabled administrator (a new
 * kiosk), any staff card holder may, so the first one can add themself as administrator;
 * the audit row says `first-setup`. The last enabled administrator cannot be removed (see
 * staff.ts), so this door does not reopen by accident.
 */
export function authorityOf(cache: AdminCache, actor: AdminActor): Authority | null {
  if (cache.staff.isAdmin(actor.staffId)) return 'admin';
  const anyAdmin = cache.staff.list().some((member) => member.enabled && member.admin);
  return anyAdmin ? null : 'first-setup';
}

export interface Outcome<T> {
  result: AdminResult<T>;
  /** What the audit row's reason field keeps (masked IDs, setting names; never patient data). */
  detail?: string;
  /** The audit outcome when it is not just ok / the refusal kind (e.g. a broken chain). */
  outcome?: string;
}

export function operate<T>(cache: AdminCache, actor: AdminActor, action: `admin.${string}`, work: (authority: Authority) => Outcome<T>): AdminResult<T> {
  try {
    const authority = authorityOf(cache, actor);
    const { result, detail, outcome } = authority ? work(authority) : { result: refused<T>('not-admin'), detail: undefined, outcome: undefined };
    const reason = [authority === 'first-setup' ? 'first-setup' : null, detail ?? null].filter((part) => part !== null).join(' ');
    cache.audit.append({
      action,
      staffId: actor.staffId,
      staffRole: actor.role ?? null,
      outcome: outcome ?? (result.ok ? 'ok' : result.kind),
      reason: reason === '' ? null : reason,
    });
    return result;
  } catch (error) {
    return cacheFailure(error);
  }
}
