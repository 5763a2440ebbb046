// What `yaoli cache info` and the diagnostics screen show: sizes, counts, ages, integrity.
import { existsSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from './migrations.ts';

export interface CacheStats {
  path: string;
  /** Main file plus WAL, in bytes. */
  bytes: number;
  patients: number;
  snapshots: number;
  oldestSnapshot: Date | null;
  newestSnapshot: Date | null;
  auditRows: number;
  staff: number;
  schemaVersion: number;
}

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

export function quickCheck(db: Database): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((row) => row.quick_check);
}

export function cacheStats(db: Database, path: string): CacheStats {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number) ?? 0;
  const range = db.prepare('SELECT MIN(fetched_at) AS oldest, MAX(fetched_at) AS newest FROM snapshots').get() as {
    oldest: number | null;
    newest: number | null;
  };
  return {
    path,
    bytes: sizeOf(path) + sizeOf(`${path}-wal`),
    patients: count('patients'),
    snapshots: count('snapshots'),
    oldestSnapshot: range.oldest === null ? null : new Date(range.oldest),
    newestSnapshot: range.newest === null ? null : new Date(range.newest),
    auditRows: count('audit'),
    staff: count('staff'),
    schemaVersion: schemaVersion(db),
  };
}
