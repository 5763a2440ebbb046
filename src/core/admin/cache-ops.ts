// Cache purge and audit verification from the admin screen. A purge removes cached patient
// data (never audit rows: those are the legal record); verification walks the hash chain and
// its result goes into the log itself, so "checked on date X, intact" is on record too.
import type { AuditVerifyResult, PurgeResult } from '../cache/index.ts';
import { operate, type AdminActor, type AdminCache } from './operate.ts';
import { done, refused, type AdminResult } from './result.ts';

/** 'expired': past the cacheTtlDays setting; 'all': every patient; a number: older than that many days. */
export type PurgeScope = 'expired' | 'all' | number;

export function purgeCache(cache: AdminCache, actor: AdminActor, scope: PurgeScope): AdminResult<PurgeResult> {
  return operate(cache, actor, 'admin.cache-purge', () => {
    if (typeof scope === 'number' && (!Number.isInteger(scope) || scope < 0)) return { result: refused('invalid-days') };
    const purged = scope === 'all' ? cache.purgeAll() : scope === 'expired' ? cache.purgeExpired() : cache.purgeOlderThan(scope);
    return {
      result: done(purged, 'cache-purged', { snapshots: purged.snapshots, patients: purged.patients }),
      detail: `scope=${scope} snapshots=${purged.snapshots} patients=${purged.patients}`,
    };
  });
}

export function verifyAuditLog(cache: AdminCache, actor: AdminActor): AdminResult<AuditVerifyResult> {
  return operate(cache, actor, 'admin.audit-verify', () => {
    const result = cache.audit.verify();
    if (result.ok) return { result: done(result, 'audit-ok', { rows: result.rows }), detail: `rows=${result.rows}` };
    return {
      result: done(result, 'audit-broken', { row: result.brokenAt ?? 0, reason: result.reason ?? '', rows: result.rows }),
      outcome: `broken-${result.reason ?? 'unknown'}`,
      detail: `rows=${result.rows} broken-at=${result.brokenAt ?? 0}`,
    };
  });
}
