// The roles a healthcare-professional (staff) card carries (docs/card-profile.md §4), in the
// admin add form's order. Here because the card reader, the demo deck and the staff list
// all need the one list, and core/domain is the layer each of them may import.
export const STAFF_ROLES = ['pharmacist', 'doctor', 'nurse'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
