// A damaged cache file must never stop the counter: it is moved aside (kept for a
// technician, with its -wal and -shm) and a fresh cache takes its place. Only a cache is
// lost; the moved file still holds the audit log for forensic recovery.
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';

/** Every SQLite 3 database starts with these 16 bytes (fileformat.html §1.3.1). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DamageReason = 'not-a-database' | 'integrity';

/** A non-empty file that does not start with the SQLite header is not a database. */
export function looksLikeSqlite(path: string): boolean {
  if (!existsSync(path)) return true; // nothing there: SQLite will create it
  const size = statSync(path).size;
  if (size === 0) return true; // an empty file is a valid empty database to SQLite
  if (size < SQLITE_HEADER.length) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** better-sqlite3's error for a file that is not, or no longer, a sound database (not I/O, not a lock). */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Renames `path` (and its -wal/-shm) to `<path>.corrupt-<timestamp>`; returns the new main path. */
export function moveAside(path: string, at: Date): string {
  let target = `${path}.corrupt-${stamp(at)}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp(at)}-${n}`;
  if (existsSync(path)) renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
