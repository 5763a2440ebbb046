// The cache's public face. Everything outside src/core/cache imports from here.
export { openCache } from './open.ts';
export { checkCacheFile } from './check-file.ts';
export type { CacheFileCheck } from './check-file.ts';
export type { Cache, CacheOpenResult, OpenCacheOptions } from './open.ts';
export type { Snapshot, SnapshotInput, PurgeResult } from './snapshots.ts';
export type { AuditEntry, AuditLog, AuditRow, ConsentKind } from './audit.ts';
export { CONSENT_KINDS } from './audit.ts';
export type { AuditBreak, AuditVerifyResult } from './audit-chain.ts';
export type { StaffInput, StaffList, StaffMember } from './staff.ts';
export type { SettingKey, SettingValues, Settings } from './settings.ts';
export { SETTING_DEFAULTS, SETTING_KEYS, TABS, isSettingKey } from './settings.ts';
export type { CacheStats } from './stats.ts';
export type { RotationResult } from './rotate.ts';
export type { CacheLog, CacheLogEvent } from './context.ts';
export { CacheError, cacheMessages, isCacheError } from './errors.ts';
export type { CacheErrorKind } from './errors.ts';
export type { DamageReason } from './recovery.ts';
