// The add-staff form's state: a typed national ID and one of the three roles a staff card
// carries (STAFF_ROLES in src/core/admin). A letter or digit picks a role, Space cycles.
export const ROLES = ['pharmacist', 'doctor', 'nurse'] as const;

export interface StaffForm {
  id: string;
  /** Index into ROLES. */
  role: number;
  /** 0: the ID, 1: the role. */
  field: 0 | 1;
}

const BY_KEY: Record<string, number> = { p: 0, '1': 0, d: 1, '2': 1, n: 2, '3': 2 };

export function roleFromKey(key: string, current: number): number {
  if (key === ' ') return (current + 1) % ROLES.length;
  return BY_KEY[key.toLowerCase()] ?? current;
}
