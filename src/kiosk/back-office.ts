// The effects of the reports and administration overlays and the two records the kiosk keeps on
// its own, run against the open cache: the report figures (reportFromCache on its own read-only
// cursor), the CSV export (audited `admin.export`), the admin operations of src/core/admin (each
// audits itself), the care-list open row (NHI 開啟率) and the daily purge of expired snapshots.
// Answers come back as session events; nothing here throws into the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addStaff, bootstrapAdmin, purgeCache, setStaffAdmin, setStaffEnabled, verifyAuditLog, type AdminResult } from '../core/admin/index.ts';
import type { Cache } from '../core/cache/index.ts';
import { isCacheError } from '../core/cache/index.ts';
import { careListOpenEntry, reportFromCache, todayInTaipei, writeReportFiles } from '../core/report/index.ts';
import type { AdminEffectOp, AdminMessage, AdminStaffRow, SessionEffect, SessionEvent } from '../core/session/types.ts';
import type { CardOps } from './card-ops.ts';

export type BackOfficeEffect = Extract<SessionEffect, { type: 'load-report' | 'export-report' | 'admin-op' | 'care-list-open' | 'purge-expired' }>;

export interface BackOfficeDeps {
  cache: Cache;
  cards: Pick<CardOps, 'readStaff'>;
  /** Exports go to `<exportsDir>/<date>-<period>/`. */
  exportsDir: string;
  /**
   * The HIS's visit list (docs/reports.md, the `--visits` format), read afresh for each report when
   * the file exists: it gives 查詢率 and the care-list open rate's denominator (who was prescribed
   * the five classes), which the kiosk's own records cannot know.
   */
  visitsFile?: string;
  dispatch: (event: SessionEvent) => void;
  clock: () => number;
  /** After each admin operation: the authorization list may have changed (the embedded cloud follows it). */
  onStaffChanged?: () => void;
  onWarning?: (error: Error) => void;
}

const kindOf = (error: unknown): string => (isCacheError(error) ? error.kind : ((error as { kind?: unknown })?.kind as string | undefined) ?? 'unexpected');

function rows(cache: Cache): AdminStaffRow[] {
  return cache.staff.list().map(({ staffId, masked, name, role, enabled, admin }) => ({ staffId, masked, name, role, enabled, admin }));
}

function messageOf(result: AdminResult<unknown>): AdminMessage {
  // Events carry plain data, so a cache failure keeps only its kind (facts.detail): the screen
  // says 本機快取錯誤：<kind>, not the cache's own bilingual message (that needs the error object).
  return { ok: result.ok, key: result.key, facts: result.facts };
}

export function createBackOffice(deps: BackOfficeDeps): (effect: BackOfficeEffect) => void {
  const { cache, dispatch } = deps;
  const at = deps.clock;
  const warn = (error: unknown) => deps.onWarning?.(error instanceof Error ? error : new Error(String(error)));

  /** The visit list's text, or undefined when there is none (or it cannot be read: said as a warning). */
  function visitsCsv(): string | undefined {
    if (deps.visitsFile === undefined) return undefined;
    try {
      return readFileSync(deps.visitsFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(error);
      return undefined;
    }
  }

  function reportFor(effect: { from: string; to: string; by: 'day' | 'week' | 'month' }) {
    const csv = visitsCsv();
    return reportFromCache(cache, { from: effect.from, to: effect.to, by: effect.by, ...(csv === undefined ? {} : { visitsCsv: csv }) }).report;
  }

  async function adminOp(op: AdminEffectOp, actor: { staffId: string; role: string }): Promise<AdminMessage | null> {
    switch (op.kind) {
      case 'list':
        return null;
      case 'bootstrap':
        return messageOf(bootstrapAdmin(cache, actor, { name: op.name, role: actor.role }));
      case 'add-typed':
        return messageOf(addStaff(cache, actor, { staffId: op.staffId, role: op.role, source: 'typed' }));
      case 'add-card': {
        const profile = await deps.cards.readStaff(op.reader);
        return messageOf(addStaff(cache, actor, { staffId: profile.staffId, role: profile.role, name: profile.name, source: 'card' }));
      }
      case 'set-enabled':
        return messageOf(setStaffEnabled(cache, actor, op.staffId, op.enabled));
      case 'set-admin':
        return messageOf(setStaffAdmin(cache, actor, op.staffId, op.admin));
      case 'purge':
        return messageOf(purgeCache(cache, actor, op.scope));
      case 'verify-audit':
        return messageOf(verifyAuditLog(cache, actor));
    }
  }

  return (effect) => {
    switch (effect.type) {
      case 'load-report':
        // After this key's frame: a year of rows is a few hundred ms on the cursor.
        setImmediate(() => {
          try {
            const report = reportFor(effect);
            dispatch({ type: 'report-loaded', at: at(), from: effect.from, to: effect.to, report });
          } catch (error) {
            dispatch({ type: 'report-failed', at: at(), kind: kindOf(error) });
          }
        });
        return;
      case 'export-report': {
        const period = effect.from === effect.to ? effect.from : `${effect.from}_${effect.to}`;
        const dir = join(deps.exportsDir, `${todayInTaipei(new Date(at()))}-${period}`);
        // After this key's frame, like load-report: the figures on screen are written as they are;
        // only without them (another period still loading) are they computed again.
        setImmediate(() => {
          let outcome = 'ok';
          try {
            const files = writeReportFiles(dir, effect.report ?? reportFor(effect), effect.lang);
            dispatch({ type: 'report-exported', at: at(), dir, files: files.length });
          } catch (error) {
            outcome = kindOf(error) === 'report-write' ? `write-${(error as { code: string }).code}` : kindOf(error);
            dispatch({ type: 'report-export-failed', at: at(), kind: outcome });
          }
          // The export's one audit row (the session writes none for the key): its period and outcome.
          try {
            cache.audit.append({ action: 'admin.export', staffId: effect.actor.staffId, staffRole: effect.actor.role, outcome, reason: `from=${effect.from} to=${effect.to} by=${effect.by}` });
          } catch (error) {
            warn(error);
          }
        });
        return;
      }
      case 'admin-op':
        adminOp(effect.op, effect.actor)
          .then((message) => ({ staff: rows(cache), message }))
          .catch((error: unknown) => {
            // The new staff member's card could not be read (pulled out, reader timeout), or the cache failed.
            warn(error);
            const message: AdminMessage = { ok: false, key: 'admin.op-failed', facts: { kind: kindOf(error) } };
            try {
              return { staff: rows(cache), message };
            } catch {
              return { staff: [], message };
            }
          })
          .then(({ staff, message }) => {
            try {
              deps.onStaffChanged?.();
            } catch (error) {
              warn(error);
            }
            dispatch({ type: 'admin-loaded', at: at(), staff, message });
          });
        return;
      case 'care-list-open':
        try {
          cache.audit.append(careListOpenEntry(effect.staff, effect.patientId, effect.at));
        } catch (error) {
          warn(error);
        }
        return;
      case 'purge-expired': {
        // The purge's one audit row (the session asks for none): what it removed, or why it failed.
        let entry: { action: string; outcome: string; reason: string };
        try {
          const purged = cache.purgeExpired();
          entry = { action: 'cache-purge', outcome: 'ok', reason: `daily expired snapshots=${purged.snapshots} patients=${purged.patients}` };
        } catch (error) {
          warn(error);
          entry = { action: 'cache-purge', outcome: kindOf(error), reason: 'daily expired' };
        }
        try {
          cache.audit.append(entry);
        } catch (error) {
          warn(error);
        }
        return;
      }
    }
  };
}
