// What every part of the open cache shares: the connection, the derived keys, the clock.
import type { Database } from 'better-sqlite3';
import type { CacheKeys, NonceSource } from './crypto.ts';
import { toCacheError } from './errors.ts';

/** Events worth a line in a technician's log. Never carries patient data. */
export interface CacheLogEvent {
  kind: 'recovered' | 'key-created' | 'rotation-finished' | 'purged' | 'tampered-entry' | 'migrated';
  detail?: Record<string, string | number>;
}
export type CacheLog = (event: CacheLogEvent) => void;

export interface CacheContext {
  db: Database;
  keys: CacheKeys;
  clock: () => Date;
  nonces: NonceSource;
  log: CacheLog;
  path: string;
  keyFile: string;
}

/** Runs a database operation; any SQLite/fs failure leaves as a typed CacheError. */
export function guarded<T>(ctx: Pick<CacheContext, 'path'>, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toCacheError(error, ctx.path);
  }
}
