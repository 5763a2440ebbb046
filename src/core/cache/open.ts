// openCache: the one way into the cache. Opens (or creates) the SQLite file in WAL mode,
// checks its integrity and moves a damaged file aside, applies migrations, loads or creates
// the key file, purges snapshots past their TTL, and hands back the typed stores.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { createAuditLog } from './audit.ts';
import type { AuditLog } from './audit.ts';
import type { CacheContext, CacheLog } from './context.ts';
import { guarded } from './context.ts';
import type { CacheKeys } from './crypto.ts';
import { CacheError, toCacheError } from './errors.ts';
import { ensurePrivateDir } from './key-file.ts';
import { loadKeyring, refreshKeyring } from './keyring.ts';
import type { Keyring } from './keyring.ts';
import { migrate } from './migrations.ts';
import { isDamageError, looksLikeSqlite, moveAside } from './recovery.ts';
import type { DamageReason } from './recovery.ts';
import { rotateCacheKey } from './rotate.ts';
import type { RotationResult } from './rotate.ts';
import { createSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { createSnapshotStore } from './snapshots.ts';
import type { PurgeResult, Snapshot, SnapshotInput } from './snapshots.ts';
import { createStaffList } from './staff.ts';
import type { StaffList } from './staff.ts';
import { cacheStats, quickCheck } from './stats.ts';
import type { CacheStats } from './stats.ts';

export interface OpenCacheOptions {
  /** The SQLite file, e.g. defaultCachePaths().db. */
  path: string;
  /** The 32-byte key file; created (0600) on first run. */
  keyFile: string;
  clock?: () => Date;
  log?: CacheLog;
  /** Random bytes for nonces and new keys (tests may inject a seeded source). */
  random?: (bytes: number) => Buffer;
  /** Cap on the database size; writes beyond it fail as CacheError('disk-full'). */
  maxBytes?: number;
  /** Purge snapshots older than the cacheTtlDays setting while opening (default true). */
  purgeOnOpen?: boolean;
  /** Create the database (and key file) when missing (default true); false → CacheError('not-found'). */
  create?: boolean;
}

export interface Cache {
  readonly path: string;
  readonly keyFile: string;
  /** Current snapshots of one patient within the TTL; empty when none (a cache miss). */
  getSnapshots(nationalId: string): Snapshot[];
  /** Stores or replaces the given endpoints' snapshots in one transaction. */
  putSnapshots(nationalId: string, snapshots: readonly SnapshotInput[]): void;
  /** Removes one patient's cached data; true if there was any. */
  forgetPatient(nationalId: string): boolean;
  purgeOlderThan(days: number): PurgeResult;
  /** Purges by the cacheTtlDays setting (a kiosk can call this daily). */
  purgeExpired(): PurgeResult;
  purgeAll(): PurgeResult;
  readonly audit: AuditLog;
  readonly staff: StaffList;
  readonly settings: Settings;
  stats(): CacheStats;
  /** 'ok', or the problems PRAGMA quick_check found. */
  integrity(): string[];
  /** Re-seals everything under a new key and replaces the key file (see docs/cache-and-audit.md). */
  rotateKey(): RotationResult;
  /** Folds the WAL into the main file (backups, tests that scan the file). */
  checkpoint(): void;
  close(): void;
}

export interface CacheOpenResult {
  cache: Cache;
  /** Set when the file was damaged and moved aside; show cacheMessages.recovered. */
  recovered?: { movedTo: string; reason: DamageReason };
  keyCreated: boolean;
  /** A rotation interrupted after its commit was completed during this open. */
  rotationFinished: boolean;
  purged: PurgeResult;
  migrated: number[];
}

function connect(path: string, maxBytes: number | undefined): Connection {
  const isNew = !existsSync(path);
  const db = new Database(path, { timeout: 5000 });
  // Sealed or not, the file is nobody else's business; SQLite gives -wal/-shm the same mode.
  if (isNew && process.platform !== 'win32') chmodSync(path, 0o600);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: in WAL mode NORMAL survives a process kill but may lose the last commits on power
    // loss; the audit log is a legal record and a counter PC does get switched off at the wall,
    // so every commit is fsynced. Cost: one fsync per lookup, invisible beside the network.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted content is overwritten, so purged rows do not linger in free pages.
    db.pragma('secure_delete = ON');
    if (maxBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens the file if it is a healthy database; otherwise says why not. */
function tryConnect(path: string, maxBytes: number | undefined): { db: Connection } | { damage: DamageReason } {
  if (!looksLikeSqlite(path)) return { damage: 'not-a-database' };
  let db: Connection | undefined;
  try {
    db = connect(path, maxBytes);
    if (quickCheck(db).join() !== 'ok') {
      db.close();
      return { damage: 'integrity' };
    }
    return { db };
  } catch (error) {
    db?.close();
    if (isDamageError(error)) return { damage: 'integrity' };
    throw error;
  }
}

export function openCache(options: OpenCacheOptions): CacheOpenResult {
  const path = resolve(options.path);
  const keyFile = resolve(options.keyFile);
  const clock = options.clock ?? (() => new Date());
  const log: CacheLog = options.log ?? (() => {});
  const random = options.random ?? randomBytes;
  let recovered: CacheOpenResult['recovered'];
  let db: Connection;
  if (options.create === false && !existsSync(path)) throw new CacheError('not-found', { path });
  try {
    ensurePrivateDir(dirname(path));
    const first = tryConnect(path, options.maxBytes);
    if ('db' in first) {
      db = first.db;
    } else {
      const movedTo = moveAside(path, clock());
      recovered = { movedTo, reason: first.damage };
      log({ kind: 'recovered', detail: { movedTo, reason: first.damage } });
      db = connect(path, options.maxBytes);
    }
  } catch (error) {
    throw toCacheError(error, path);
  }

  try {
    const migrated = migrate(db, clock);
    if (migrated.length > 0) log({ kind: 'migrated', detail: { versions: migrated.join(',') } });
    let keyring: Keyring = loadKeyring(db, keyFile, random);
    if (keyring.created) log({ kind: 'key-created', detail: { keyFile } });
    if (keyring.finishedRotation) log({ kind: 'rotation-finished', detail: { keyFile } });

    // data_version changes only when another connection commits; only then can the key
    // fingerprint have changed under us (another process ran rotate-key).
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    let seenVersion = dataVersion.get() as number;
    const ctx: CacheContext = {
      db,
      clock,
      log,
      nonces: random,
      path,
      keyFile,
      get keys(): CacheKeys {
        const version = guarded({ path }, () => dataVersion.get() as number);
        if (version !== seenVersion) {
          keyring = guarded({ path }, () => refreshKeyring(db, keyFile, keyring));
          seenVersion = version;
        }
        return keyring.keys;
      },
    };
    const setKeyring = (next: Keyring): void => {
      keyring = next;
      seenVersion = dataVersion.get() as number;
    };

    const snapshots = createSnapshotStore(ctx);
    const settings = createSettings(ctx);
    const audit = createAuditLog(ctx);
    const staff = createStaffList(ctx);
    const purgeExpired = (): PurgeResult => snapshots.purgeOlderThan(settings.get('cacheTtlDays'));

    let purged: PurgeResult = { snapshots: 0, patients: 0 };
    if (options.purgeOnOpen !== false) {
      try {
        purged = purgeExpired();
        if (purged.snapshots > 0) log({ kind: 'purged', detail: { ...purged } });
      } catch (error) {
        // A purge that cannot run (disk full, busy) must not keep the kiosk from starting.
        if (!(error instanceof CacheError)) throw error;
      }
    }

    let closed = false;
    const cache: Cache = {
      path,
      keyFile,
      getSnapshots: (nationalId) => snapshots.get(nationalId, settings.get('cacheTtlDays')),
      putSnapshots: (nationalId, list) => snapshots.put(nationalId, list),
      forgetPatient: (nationalId) => snapshots.forget(nationalId),
      purgeOlderThan: (days) => snapshots.purgeOlderThan(days),
      purgeExpired,
      purgeAll: () => snapshots.purgeAll(),
      audit,
      staff,
      settings,
      stats: () => guarded(ctx, () => cacheStats(db, path)),
      integrity: () => guarded(ctx, () => quickCheck(db)),
      rotateKey: () => {
        void ctx.keys; // pick up a rotation done by another process first
        return rotateCacheKey(ctx, { keyring, setKeyring, audit });
      },
      checkpoint: () => {
        guarded(ctx, () => db.pragma('wal_checkpoint(TRUNCATE)'));
      },
      close: () => {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
    return { cache, recovered, keyCreated: keyring.created, rotationFinished: keyring.finishedRotation, purged, migrated };
  } catch (error) {
    db.close();
    throw toCacheError(error, path);
  }
}
