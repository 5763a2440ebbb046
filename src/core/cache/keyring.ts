// Which key the cache file is sealed under, and the key file that holds it. The database keeps
// a fingerprint of its key (meta.key_check), so a wrong key file is caught at open with a
// clear error instead of producing garbage, and a kiosk still running after `yaoli cache
// rotate-key` notices the new fingerprint and reloads the key file.
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { deriveKeys, sameCheck } from './crypto.ts';
import type { CacheKeys } from './crypto.ts';
import { CacheError } from './errors.ts';
import { loadOrCreateKey, readKeyFile } from './key-file.ts';

export const pendingKeyFile = (keyFile: string): string => `${keyFile}.new`;
export const previousKeyFile = (keyFile: string): string => `${keyFile}.old`;

export interface Keyring {
  keys: CacheKeys;
  master: Buffer;
  created: boolean;
  /** True when this open completed a rotation that crashed after its database commit. */
  finishedRotation: boolean;
}

export function storedCheck(db: Database): string | undefined {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'key_check'").get();
  return row?.value;
}

function removeIfExists(path: string): void {
  if (existsSync(path)) unlinkSync(path);
}

/**
 * rotate-key commits the re-sealed database, then renames `<key>.new` over the key file.
 * If it died in between, the database already matches `.new`: finish the rename now.
 */
function finishRotation(keyFile: string, check: string): Keyring | null {
  const pending = pendingKeyFile(keyFile);
  if (!existsSync(pending)) return null;
  const master = readKeyFile(pending);
  const keys = deriveKeys(master);
  if (!sameCheck(keys.check, check)) return null;
  renameSync(pending, keyFile);
  removeIfExists(previousKeyFile(keyFile));
  return { keys, master, created: false, finishedRotation: true };
}

export function loadKeyring(db: Database, keyFile: string, random: (n: number) => Buffer): Keyring {
  const check = storedCheck(db);
  if (check === undefined) {
    const { key, created } = loadOrCreateKey(keyFile, true, random);
    const keys = deriveKeys(key);
    db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?) ON CONFLICT(key) DO NOTHING").run(keys.check);
    // Another process may have stored its own check first; it must be ours too.
    if (!sameCheck(storedCheck(db) ?? '', keys.check)) throw new CacheError('wrong-key', { keyFile });
    return { keys, master: key, created, finishedRotation: false };
  }
  if (!existsSync(keyFile)) {
    const finished = finishRotation(keyFile, check);
    if (finished) return finished;
    throw new CacheError('key-missing', { keyFile });
  }
  const master = readKeyFile(keyFile);
  const keys = deriveKeys(master);
  if (sameCheck(keys.check, check)) {
    // A rotation that failed before its commit leaves these behind; the live key is still ours.
    removeIfExists(pendingKeyFile(keyFile));
    removeIfExists(previousKeyFile(keyFile));
    return { keys, master, created: false, finishedRotation: false };
  }
  const finished = finishRotation(keyFile, check);
  if (finished) return finished;
  throw new CacheError('wrong-key', { keyFile });
}

/**
 * For a long-running kiosk: if another process rotated the key, the fingerprint in the file
 * changed; reload the key file (finishing the rename if needed) or fail with 'wrong-key'.
 */
export function refreshKeyring(db: Database, keyFile: string, current: Keyring): Keyring {
  const check = storedCheck(db);
  if (check === undefined || sameCheck(check, current.keys.check)) return current;
  const master = existsSync(keyFile) ? readKeyFile(keyFile) : null;
  if (master) {
    const keys = deriveKeys(master);
    if (sameCheck(keys.check, check)) return { keys, master, created: false, finishedRotation: false };
  }
  const pending = existsSync(pendingKeyFile(keyFile)) ? readKeyFile(pendingKeyFile(keyFile)) : null;
  if (pending) {
    const keys = deriveKeys(pending);
    if (sameCheck(keys.check, check)) return { keys, master: pending, created: false, finishedRotation: false };
  }
  throw new CacheError('wrong-key', { keyFile });
}
