// Versioned schema. Each step runs once, inside its own IMMEDIATE transaction (so two
// processes opening a new cache at the same moment cannot both migrate), and is recorded
// in schema_migrations. Steps are append-only: never edit a released step, add a new one.
import type { Database } from 'better-sqlite3';
import { CacheError } from './errors.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Append-only guard for audit rows; rotate-key lifts it inside its own transaction only. */
export const AUDIT_GUARDS = `
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
`;
export const DROP_AUDIT_GUARDS = `
DROP TRIGGER IF EXISTS audit_no_update;
DROP TRIGGER IF EXISTS audit_no_delete;
`;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'patients, snapshots, staff, settings, audit chain',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- key = HMAC-SHA256 of the national ID; the ID itself only sealed (needed to re-key on rotation).
CREATE TABLE patients (
  key TEXT PRIMARY KEY,
  id_sealed BLOB NOT NULL,
  first_seen INTEGER NOT NULL
) STRICT;

-- One current row per patient and endpoint; a refresh replaces it.
CREATE TABLE snapshots (
  patient_key TEXT NOT NULL REFERENCES patients(key) ON DELETE CASCADE ON UPDATE CASCADE,
  endpoint TEXT NOT NULL,
  payload BLOB NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (patient_key, endpoint)
) STRICT;
CREATE INDEX snapshots_fetched_at ON snapshots(fetched_at);

-- The institution's user authorization list (機構使用者).
CREATE TABLE staff (
  key TEXT PRIMARY KEY,
  id_sealed BLOB NOT NULL,
  masked TEXT NOT NULL,
  name_sealed BLOB NOT NULL,
  role TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  admin INTEGER NOT NULL CHECK (admin IN (0, 1)),
  added_at INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  staff_sealed BLOB,
  staff_masked TEXT,
  staff_role TEXT,
  patient_masked TEXT,
  patient_key TEXT,
  patient_sealed BLOB,
  action TEXT NOT NULL,
  consent TEXT NOT NULL,
  latencies TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason_sealed BLOB,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_patient ON audit(patient_key);
CREATE INDEX audit_at ON audit(at);

-- Last hash and row count, updated in the same transaction as each append: a deleted tail
-- leaves the rows consistent with each other but not with the head.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  last_hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, count, last_hash) VALUES (1, 0, '${GENESIS_HASH}');
${AUDIT_GUARDS}
`,
  },
];

export const LATEST_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Database): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies every step newer than the file's version; returns the versions applied. */
export function migrate(db: Database, clock: () => Date, steps: readonly Migration[] = migrations): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const known = steps.reduce((max, m) => Math.max(max, m.version), 0);
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    const run = db.transaction(() => {
      // Re-read inside the write lock: another process may have applied it meanwhile.
      const current = schemaVersion(db);
      if (current > known) throw new CacheError('schema-too-new', { found: current, known });
      if (current >= step.version) return false;
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(step.version, step.name, clock().toISOString());
      return true;
    });
    if (run.immediate()) applied.push(step.version);
  }
  const final = schemaVersion(db);
  if (final > known) throw new CacheError('schema-too-new', { found: final, known });
  return applied;
}
