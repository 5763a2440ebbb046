// What a staff entry must look like, checked the same way wherever one arrives: typed on the
// admin screen, read from a staff card, or made the first administrator. Plain values, no
// cache, so the session and the screens use these rules without loading the database.
import { isValidNationalId } from '../domain/national-id.ts';
import { STAFF_ROLES, type StaffRole } from '../domain/staff-roles.ts';

export { STAFF_ROLES, type StaffRole };

/**
 * What the list says about a staff card holder at login (src/core/admin staffAccess):
 * - 'admin' / 'user': an enabled member (administrator or not);
 * - 'first-setup': no enabled administrator yet — this holder (listed or not) becomes the first
 *   after the PIN;
 * - 'disabled': listed but disabled;
 * - 'not-listed': the list has an administrator and this holder is not on it.
 */
export type StaffAccess = 'admin' | 'user' | 'first-setup' | 'disabled' | 'not-listed';

/** A name longer than this is a typing or card-reading accident, not a name. */
const MAX_NAME = 100;

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The national ID as stored (trimmed, upper case), or null when its check digit fails. */
export function cleanStaffId(staffId: string): string | null {
  const id = typeof staffId === 'string' ? staffId.trim().toUpperCase() : '';
  return isValidNationalId(id) ? id : null;
}

/** The role as stored (trimmed, lower case), or null when a staff card cannot carry it. */
export function cleanStaffRole(role: string): StaffRole | null {
  const clean = typeof role === 'string' ? role.trim().toLowerCase() : '';
  return isStaffRole(clean) ? clean : null;
}

/** The name trimmed ('' when there is none: the masked ID stands in), or null when too long. */
export function cleanStaffName(name: string | undefined): string | null {
  const clean = (name ?? '').trim();
  return clean.length > MAX_NAME ? null : clean;
}
