// The cache's master key: 32 random bytes in a file of its own (base64 text, or raw bytes),
// created on first run with mode 0600 inside a 0700 folder. A key any other user can read
// protects nothing, so such a file is refused rather than used.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { errnoCode } from '../errno.ts';
import { CacheError } from './errors.ts';

export const KEY_BYTES = 32;

/** Creates the folder (0700) if needed; an existing folder keeps its mode (it may be shared on purpose). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Makes a rename inside `dir` durable (POSIX needs the directory itself fsynced). */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  }
}

/** Raw 32 bytes, or base64 text (whitespace ignored) that decodes to 32 bytes. */
export function parseKey(bytes: Buffer): Buffer | null {
  if (bytes.length === KEY_BYTES) return Buffer.from(bytes);
  const text = bytes.toString('latin1').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const decoded = Buffer.from(text, 'base64');
  return decoded.length === KEY_BYTES ? decoded : null;
}

export function checkKeyFileMode(keyFile: string, platform: NodeJS.Platform = process.platform): void {
  // Windows has no POSIX modes; the folder under %APPDATA% is per-user already.
  if (platform === 'win32') return;
  const mode = statSync(keyFile).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new CacheError('key-file-insecure', { keyFile, mode: `0${mode.toString(8)}` });
  }
}

export function readKeyFile(keyFile: string): Buffer {
  let bytes: Buffer;
  try {
    checkKeyFileMode(keyFile);
    bytes = readFileSync(keyFile);
  } catch (error) {
    if (error instanceof CacheError) throw error;
    throw new CacheError('key-file-unreadable', { keyFile, code: errnoCode(error, 'UNKNOWN') }, { cause: error });
  }
  const key = parseKey(bytes);
  if (!key) throw new CacheError('key-file-invalid', { keyFile });
  return key;
}

/**
 * Writes `key` to `keyFile` without ever exposing a half-written or wider-mode file:
 * a 0600 temp file is written and fsynced, then hard-linked into place (link fails if the
 * target exists, so two kiosks starting at once cannot overwrite each other's key).
 */
export function writeNewKeyFile(keyFile: string, key: Buffer, { replace = false } = {}): void {
  ensurePrivateDir(dirname(keyFile));
  const temp = `${keyFile}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600); // openSync's mode is filtered by the umask; make it exact.
    if (replace) {
      // rename replaces atomically (POSIX; NTFS via MoveFileEx): readers see the old key or the new one.
      renameSync(temp, keyFile);
    } else {
      linkSync(temp, keyFile);
    }
    syncDir(dirname(keyFile));
  } catch (error) {
    if (error instanceof CacheError) throw error;
    throw new CacheError('key-file-unreadable', { keyFile, code: errnoCode(error, 'UNKNOWN') }, { cause: error });
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

/** Loads the key, creating it when no key file exists yet and `mayCreate` allows. */
export function loadOrCreateKey(keyFile: string, mayCreate: boolean, random: (n: number) => Buffer = randomBytes): { key: Buffer; created: boolean } {
  if (existsSync(keyFile)) return { key: readKeyFile(keyFile), created: false };
  if (!mayCreate) throw new CacheError('key-missing', { keyFile });
  const key = random(KEY_BYTES);
  try {
    writeNewKeyFile(keyFile, key);
  } catch (error) {
    // Lost a race with another process creating the same key file: use theirs.
    if (existsSync(keyFile)) return { key: readKeyFile(keyFile), created: false };
    throw error;
  }
  return { key, created: true };
}
