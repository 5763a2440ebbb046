// The add-staff form's state: a typed national ID and one of the three roles a staff card
// carries (STAFF_ROLES). A letter or digit picks a role, Space cycles.
import { STAFF_ROLES } from '../../core/admin/staff-rules.ts';

export interface StaffForm {
  id: string;
  /** Index into STAFF_ROLES. */
  role: number;
  /** 0: the ID, 1: the role. */
  field: 0 | 1;
}

/** A role's initial letter, or its place in the list (1 2 3). */
const BY_KEY: Record<string, number> = Object.fromEntries(STAFF_ROLES.flatMap((role, index) => [[role[0] as string, index], [String(index + 1), index]]));

export function roleFromKey(key: string, current: number): number {
  if (key === ' ') return (current + 1) % STAFF_ROLES.length;
  return BY_KEY[key.toLowerCase()] ?? current;
}
