// A look at the cache file that changes nothing, for `yaoli doctor`: openCache would create a
// missing file or move a damaged one aside, which a diagnostic must not do. The file is opened
// read-only and PRAGMA quick_check runs on it (the same check openCache runs).
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isDamageError, looksLikeSqlite } from './recovery.ts';
import { quickCheck } from './stats.ts';

export type CacheFileCheck =
  | { state: 'missing'; path: string }
  | { state: 'ok'; path: string; bytes: number }
  | { state: 'not-a-database'; path: string; bytes: number }
  | { state: 'damaged'; path: string; bytes: number; problems: string[] }
  | { state: 'unreadable'; path: string; detail: string };

export function checkCacheFile(path: string): CacheFileCheck {
  if (!existsSync(path)) return { state: 'missing', path };
  let bytes: number;
  try {
    bytes = statSync(path).size;
    if (!looksLikeSqlite(path)) return { state: 'not-a-database', path, bytes };
  } catch (error) {
    return { state: 'unreadable', path, detail: error instanceof Error ? error.message : String(error) };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 });
    const problems = quickCheck(db);
    return problems.join() === 'ok' ? { state: 'ok', path, bytes } : { state: 'damaged', path, bytes, problems: problems.slice(0, 5) };
  } catch (error) {
    if (isDamageError(error)) return { state: 'damaged', path, bytes, problems: [error instanceof Error ? error.message : String(error)] };
    return { state: 'unreadable', path, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}
