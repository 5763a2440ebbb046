// Admin operations for the kiosk's admin screens (機構管理者): each validates its input,
// checks the actor, does one thing to the cache, writes one `admin.*` audit row and answers
// with a value whose key picks a bilingual message (adminText).
export { addStaff, setStaffAdmin, setStaffEnabled } from './staff.ts';
export type { NewStaff, StaffView } from './staff.ts';
export { STAFF_ROLES } from './staff-rules.ts';
export type { StaffRole } from './staff-rules.ts';
export { changeSetting } from './settings.ts';
export { purgeCache, verifyAuditLog } from './cache-ops.ts';
export type { PurgeScope } from './cache-ops.ts';
export { bootstrapAdmin, staffAccess } from './first-admin.ts';
export type { FirstAdmin, StaffAccess } from './first-admin.ts';
export { authorityOf } from './operate.ts';
export type { AdminActor, AdminCache, Authority } from './operate.ts';
export { adminText, adminTextBoth } from './result.ts';
export type { AdminErrorKind, AdminResult } from './result.ts';
export { adminMessages } from './messages.ts';
