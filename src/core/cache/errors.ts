// Every way the cache can fail, as a typed value with a bilingual message. Messages never
// carry patient data: facts are limited to file paths, counts and SQLite codes.
import { bothLanguages, catalogue, translate } from '../../i18n/index.ts';
import type { Facts, Lang } from '../../i18n/index.ts';
import { errnoCode } from '../errno.ts';

export type CacheErrorKind =
  | 'disk-full'
  | 'read-only'
  | 'busy'
  | 'corrupt'
  | 'wrong-key'
  | 'key-missing'
  | 'key-file-insecure'
  | 'key-file-invalid'
  | 'key-file-unreadable'
  | 'tampered'
  | 'audit-broken'
  | 'bad-input'
  | 'schema-too-new'
  | 'not-found'
  | 'io';

export const cacheMessages = catalogue<CacheErrorKind | 'recovered' | 'rotation-finished'>({
  'disk-full': {
    'zh-TW': '磁碟已滿，無法寫入本機快取（{path}）。已儲存的資料不受影響；請清出空間或執行 yaoli cache purge。',
    en: 'The disk is full; the local cache ({path}) cannot be written. Data already saved is intact; free some space or run yaoli cache purge.',
  },
  'read-only': {
    'zh-TW': '本機快取為唯讀或無權限寫入（{path}）。請檢查檔案與資料夾權限。',
    en: 'The local cache is read-only or not writable ({path}). Check the file and folder permissions.',
  },
  busy: {
    'zh-TW': '本機快取正被其他程式使用中（{path}），請稍後再試。',
    en: 'The local cache is in use by another program ({path}); try again shortly.',
  },
  corrupt: {
    'zh-TW': '本機快取檔案已損壞（{path}）。',
    en: 'The local cache file is damaged ({path}).',
  },
  'wrong-key': {
    'zh-TW': '金鑰檔與本機快取不符（{keyFile}），無法解密。請放回原本的金鑰檔，或將快取檔移開後重新建立。',
    en: 'The key file does not match the local cache ({keyFile}); it cannot be decrypted. Restore the original key file, or move the cache file aside to start a new one.',
  },
  'key-missing': {
    'zh-TW': '找不到金鑰檔（{keyFile}），但本機快取已有加密資料。請放回金鑰檔，或將快取檔移開後重新建立。',
    en: 'The key file ({keyFile}) is missing but the local cache holds encrypted data. Restore the key file, or move the cache file aside to start a new one.',
  },
  'key-file-insecure': {
    'zh-TW': '金鑰檔權限過寬（{keyFile}，目前 {mode}），其他使用者可讀取。請執行 chmod 600 {keyFile}。',
    en: 'The key file is readable by other users ({keyFile}, mode {mode}). Run chmod 600 {keyFile}.',
  },
  'key-file-invalid': {
    'zh-TW': '金鑰檔內容無效（{keyFile}）：需為 32 位元組（原始或 base64）。',
    en: 'The key file is not valid ({keyFile}): it must hold 32 bytes (raw or base64).',
  },
  'key-file-unreadable': {
    'zh-TW': '無法讀取或建立金鑰檔（{keyFile}）：{code}。',
    en: 'The key file cannot be read or created ({keyFile}): {code}.',
  },
  tampered: {
    'zh-TW': '快取中的一筆加密資料無法通過驗證（可能遭竄改），已略過。',
    en: 'An encrypted cache entry failed authentication (possibly tampered with) and was skipped.',
  },
  'audit-broken': {
    'zh-TW': '稽核紀錄的雜湊鏈已中斷（第 {row} 筆：{reason}）。',
    en: 'The audit log hash chain is broken (row {row}: {reason}).',
  },
  'bad-input': {
    'zh-TW': '寫入快取的資料格式不正確：{what}。',
    en: 'Data given to the cache is not valid: {what}.',
  },
  'schema-too-new': {
    'zh-TW': '本機快取由較新版本的 yaoli 建立（結構版本 {found}，本版支援至 {known}），請更新 yaoli。',
    en: 'The local cache was created by a newer yaoli (schema {found}; this version knows up to {known}). Update yaoli.',
  },
  'not-found': {
    'zh-TW': '找不到本機快取檔案（{path}）。請確認 --db 路徑；kiosk 第一次啟動時會自動建立。',
    en: 'No local cache file at {path}. Check the --db path; the kiosk creates it on first start.',
  },
  io: {
    'zh-TW': '本機快取發生讀寫錯誤（{code}）。',
    en: 'The local cache hit an I/O error ({code}).',
  },
  recovered: {
    'zh-TW': '本機快取檔案損壞，已移至 {movedTo} 並重新建立空白快取；病人資料將重新自雲端下載。',
    en: 'The local cache file was damaged; it was moved to {movedTo} and a new empty cache was created. Patient data will be fetched from the cloud again.',
  },
  'rotation-finished': {
    'zh-TW': '已完成上次中斷的金鑰更換。',
    en: 'Finished a key rotation that had been interrupted.',
  },
});

export class CacheError extends Error {
  readonly kind: CacheErrorKind;
  readonly facts: Facts;

  constructor(kind: CacheErrorKind, facts: Facts = {}, options?: { cause?: unknown }) {
    super(bothLanguages(cacheMessages[kind], facts), options);
    this.name = 'CacheError';
    this.kind = kind;
    this.facts = facts;
  }

  /** The message in one language, for the kiosk screen. */
  text(lang: Lang): string {
    return translate(cacheMessages, this.kind, lang, this.facts);
  }
}

export function isCacheError(value: unknown): value is CacheError {
  return value instanceof CacheError;
}

/**
 * better-sqlite3 throws SqliteError with a `code` such as SQLITE_FULL or SQLITE_READONLY_DIRECTORY;
 * Node fs throws with errno codes. Map both to our kinds; the message keeps only the code.
 */
export function toCacheError(error: unknown, path: string): CacheError {
  if (error instanceof CacheError) return error;
  const code = errnoCode(error, 'UNKNOWN');
  const facts = { path, code };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new CacheError('disk-full', facts, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CacheError('read-only', facts, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new CacheError('busy', facts, { cause: error });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new CacheError('corrupt', facts, { cause: error });
  return new CacheError('io', facts, { cause: error });
}
