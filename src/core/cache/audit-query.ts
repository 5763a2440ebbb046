// A streaming, read-only view of the audit log for reports (yaoli report, the kiosk's
// reports screen). `cache.audit.list()` unseals every row's staff ID and builds one array:
// ~40 µs a row, 4 s for a year of a busy counter. A report needs neither: staff are grouped
// by their masked ID and only emergency reasons are shown, so this reader walks the rows
// with a cursor on its own read-only connection and opens a sealed field only where a
// reason is stored. It never writes (WAL readers do not block the kiosk's appends).
import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { CONSENT_KINDS, reasonAad } from './audit.ts';
import type { AuditRow, ConsentKind } from './audit.ts';
import type { StoredAuditRow } from './audit-chain.ts';
import { guarded } from './context.ts';
import { deriveKeys, identityKey, openText, sameCheck } from './crypto.ts';
import type { CacheKeys } from './crypto.ts';
import { CacheError, toCacheError } from './errors.ts';
import { readKeyFile } from './key-file.ts';
import { storedCheck } from './keyring.ts';
import { normalizeNationalId } from './snapshots.ts';

/** An audit row as a report sees it: no staff ID, only its masked form. */
export type AuditRecord = Omit<AuditRow, 'staffId'>;

export interface AuditReader {
  /** Rows with `from <= at < to`, oldest first, read as the caller iterates. */
  rows(range?: { from?: Date; to?: Date }): IterableIterator<AuditRecord>;
  /** The patient key the log stores for a national ID (to match an imported visit list). */
  patientKeyOf(nationalId: string): string;
  close(): void;
}

type ReportColumns = Pick<StoredAuditRow, 'seq' | 'at' | 'staff_masked' | 'staff_role' | 'patient_masked' | 'patient_key' | 'action' | 'consent' | 'latencies' | 'outcome' | 'reason_sealed'>;

const COLUMNS = 'seq, at, staff_masked, staff_role, patient_masked, patient_key, action, consent, latencies, outcome, reason_sealed';

/** Opens the cache file read-only (an open Cache handle qualifies: it has `path` and `keyFile`). */
export function openAuditReader(source: { path: string; keyFile: string }): AuditReader {
  const { path, keyFile } = source;
  let db: Connection;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  } catch (error) {
    throw toCacheError(error, path);
  }
  let keys: CacheKeys;
  try {
    keys = deriveKeys(readKeyFile(keyFile));
    const check = guarded({ path }, () => storedCheck(db));
    if (check !== undefined && !sameCheck(check, keys.check)) throw new CacheError('wrong-key', { keyFile });
  } catch (error) {
    db.close();
    throw error;
  }
  const range = db.prepare<[string, string], ReportColumns>(`SELECT ${COLUMNS} FROM audit WHERE at >= ? AND at < ? ORDER BY seq`);

  function toRecord(stored: ReportColumns): AuditRecord {
    let latencies: Record<string, number> = {};
    try {
      latencies = JSON.parse(stored.latencies) as Record<string, number>;
    } catch {
      latencies = {};
    }
    let reason: string | null = null;
    if (stored.reason_sealed !== null) {
      try {
        reason = openText(keys, stored.reason_sealed, reasonAad(stored.seq));
      } catch {
        // A reason that no longer opens was edited or moved; `yaoli audit verify` says where.
        reason = null;
      }
    }
    return {
      seq: stored.seq,
      at: new Date(stored.at),
      staffMasked: stored.staff_masked,
      staffRole: stored.staff_role,
      patientMasked: stored.patient_masked,
      patientKey: stored.patient_key,
      action: stored.action,
      consent: (CONSENT_KINDS as readonly string[]).includes(stored.consent) ? (stored.consent as ConsentKind) : 'none',
      latencies,
      outcome: stored.outcome,
      reason,
    };
  }

  return {
    *rows({ from, to } = {}) {
      // Stored times are toISOString() text, so text order is time order.
      const lower = from ? from.toISOString() : '';
      const upper = to ? to.toISOString() : '\uffff';
      const cursor = guarded({ path }, () => range.iterate(lower, upper));
      try {
        for (;;) {
          const next = guarded({ path }, () => cursor.next());
          if (next.done) return;
          yield toRecord(next.value);
        }
      } finally {
        cursor.return?.();
      }
    },
    patientKeyOf: (nationalId) => identityKey(keys, 'patient', normalizeNationalId(nationalId)),
    close: () => {
      if (db.open) db.close();
    },
  };
}
