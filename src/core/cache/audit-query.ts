// A streaming, read-only view of the audit log for reports (yaoli report, the kiosk's
// reports screen). `cache.audit.list()` unseals every row's staff ID and builds one array:
// ~40 µs a row, 4 s for a year of a busy counter. A report needs neither: staff are grouped
// by their masked ID and only emergency reasons are shown, so this reader walks the rows
// a page at a time on its own read-only connection and opens a sealed field only where a
// reason is stored. It never writes (WAL readers do not block the kiosk's appends).
import { existsSync } from 'node:fs';
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

/** The selected columns, in COLUMNS order, as raw arrays (a third cheaper than row objects). */
type ReportColumns = [
  seq: StoredAuditRow['seq'],
  at: StoredAuditRow['at'],
  staffMasked: StoredAuditRow['staff_masked'],
  staffRole: StoredAuditRow['staff_role'],
  patientMasked: StoredAuditRow['patient_masked'],
  patientKey: StoredAuditRow['patient_key'],
  action: StoredAuditRow['action'],
  consent: StoredAuditRow['consent'],
  latencies: StoredAuditRow['latencies'],
  outcome: StoredAuditRow['outcome'],
  reasonSealed: StoredAuditRow['reason_sealed'],
];

const PAGE = 2000;
const COLUMNS = 'seq, at, staff_masked, staff_role, patient_masked, patient_key, action, consent, latencies, outcome, reason_sealed';

/** Opens the cache file read-only (an open Cache handle qualifies: it has `path` and `keyFile`). */
export function openAuditReader(source: { path: string; keyFile: string }): AuditReader {
  const { path, keyFile } = source;
  // A missing file is said as such (SQLite would only say it cannot open it).
  if (!existsSync(path)) throw new CacheError('not-found', { path });
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
  // Pages by seq rather than one cursor: better-sqlite3's .all() on a page is ~3× cheaper a
  // row than .iterate(), and a page of PAGE rows keeps memory flat all the same.
  // The audit_at index finds where the period starts and ends; pages then walk the rowid
  // (NOT INDEXED: the at index would make every page re-read the period to sort it by seq).
  const bounds = db.prepare<[string, string], { first: number | null; last: number | null }>('SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit WHERE at >= ? AND at < ?');
  const page = db
    .prepare<[number, number, string, string, number], ReportColumns>(
      `SELECT ${COLUMNS} FROM audit NOT INDEXED WHERE seq >= ? AND seq <= ? AND at >= ? AND at < ? ORDER BY seq LIMIT ?`,
    )
    .raw(true);

  function toRecord(stored: ReportColumns): AuditRecord {
    const [seq, at, staffMasked, staffRole, patientMasked, patientKey, action, consent, latencyText, outcome, reasonSealed] = stored;
    let latencies: Record<string, number> = {};
    // Most rows (kiosk flow, admin) have none: skip the parse for them.
    if (latencyText !== '{}') {
      try {
        latencies = JSON.parse(latencyText) as Record<string, number>;
      } catch {
        latencies = {};
      }
    }
    let reason: string | null = null;
    if (reasonSealed !== null) {
      try {
        reason = openText(keys, reasonSealed, reasonAad(seq));
      } catch {
        // A reason that no longer opens was edited or moved; `yaoli audit verify` says where.
        reason = null;
      }
    }
    return {
      seq,
      at: new Date(at),
      staffMasked,
      staffRole,
      patientMasked,
      patientKey,
      action,
      consent: (CONSENT_KINDS as readonly string[]).includes(consent) ? (consent as ConsentKind) : 'none',
      latencies,
      outcome,
      reason,
    };
  }

  return {
    *rows({ from, to } = {}) {
      // Stored times are toISOString() text, so text order is time order.
      const lower = from ? from.toISOString() : '';
      const upper = to ? to.toISOString() : '\uffff';
      const { first, last } = guarded({ path }, () => bounds.get(lower, upper)) ?? { first: null, last: null };
      if (first === null || last === null) return;
      let next = first;
      while (next <= last) {
        const start = next;
        const rows = guarded({ path }, () => page.all(start, last, lower, upper, PAGE));
        for (const stored of rows) yield toRecord(stored);
        if (rows.length < PAGE) return;
        next = (rows[rows.length - 1]?.[0] ?? last) + 1;
      }
    },
    patientKeyOf: (nationalId) => identityKey(keys, 'patient', normalizeNationalId(nationalId)),
    close: () => {
      if (db.open) db.close();
    },
  };
}
