// The institution's user authorization list (機構使用者), as the kiosk's admin screen edits
// it: add a staff member from their card or by typed ID + role, enable/disable, grant or
// revoke 機構管理者. Staff IDs are national IDs (checked with the check digit); only the
// masked form appears in messages and in the audit row.
import { maskNationalId } from '../domain/national-id.ts';
import type { StaffMember } from '../cache/index.ts';
import { operate, type AdminActor, type AdminCache } from './operate.ts';
import { done, refused, type AdminResult } from './result.ts';
import { cleanStaffId, cleanStaffName, cleanStaffRole } from './staff-rules.ts';

export interface NewStaff {
  staffId: string;
  role: string;
  /** From the staff card; typed entries may leave it empty (the masked ID stands in). */
  name?: string;
  /** 'card': read from the inserted staff card; 'typed': keyed in by the administrator. */
  source: 'card' | 'typed';
  admin?: boolean;
}

/** The member as the screen lists them: no clear ID, no name beyond what the admin typed. */
export type StaffView = Omit<StaffMember, 'staffId'>;

export const staffView = ({ staffId: _id, ...rest }: StaffMember): StaffView => rest;

export function addStaff(cache: AdminCache, actor: AdminActor, input: NewStaff): AdminResult<StaffView & { updated: boolean }> {
  return operate(cache, actor, 'admin.staff-add', () => {
    const id = cleanStaffId(input.staffId);
    if (!id) return { result: refused('invalid-staff-id'), detail: `source=${input.source}` };
    const staff = maskNationalId(id);
    const role = cleanStaffRole(input.role);
    if (!role) return { result: refused('invalid-role'), detail: `staff=${staff}` };
    const name = cleanStaffName(input.name);
    if (name === null) return { result: refused('invalid-name'), detail: `staff=${staff}` };
    const existing = cache.staff.get(id);
    const member = cache.staff.upsert({ staffId: id, name: name || existing?.name || staff, role, enabled: true, admin: input.admin ?? existing?.admin ?? false });
    const detail = `staff=${staff} role=${role} source=${input.source} admin=${member.admin}`;
    return { result: done({ ...staffView(member), updated: existing !== null }, existing ? 'staff-updated' : 'staff-added', { staff, role }), detail };
  });
}

/** Enabled staff with admin rights other than `id`: removing `id`'s rights must leave one. */
function otherAdmins(cache: AdminCache, id: string): number {
  return cache.staff.list().filter((member) => member.enabled && member.admin && member.staffId !== id).length;
}

function listed(cache: AdminCache, staffId: string): { id: string; member: StaffMember } | { refusal: 'invalid-staff-id' | 'not-listed'; staff?: string } {
  const id = cleanStaffId(staffId);
  if (!id) return { refusal: 'invalid-staff-id' };
  const member = cache.staff.get(id);
  return member ? { id, member } : { refusal: 'not-listed', staff: maskNationalId(id) };
}

export function setStaffEnabled(cache: AdminCache, actor: AdminActor, staffId: string, enabled: boolean): AdminResult<StaffView> {
  return operate(cache, actor, enabled ? 'admin.staff-enable' : 'admin.staff-disable', () => {
    const found = listed(cache, staffId);
    if ('refusal' in found) return { result: refused(found.refusal, { staff: found.staff }), detail: found.staff ? `staff=${found.staff}` : undefined };
    const staff = found.member.masked;
    if (!enabled && found.member.admin && otherAdmins(cache, found.id) === 0) return { result: refused('last-admin'), detail: `staff=${staff}` };
    cache.staff.setEnabled(found.id, enabled);
    const member = cache.staff.get(found.id) ?? { ...found.member, enabled };
    return { result: done(staffView(member), enabled ? 'staff-enabled' : 'staff-disabled', { staff }), detail: `staff=${staff}` };
  });
}

export function setStaffAdmin(cache: AdminCache, actor: AdminActor, staffId: string, admin: boolean): AdminResult<StaffView> {
  return operate(cache, actor, admin ? 'admin.admin-grant' : 'admin.admin-revoke', () => {
    const found = listed(cache, staffId);
    if ('refusal' in found) return { result: refused(found.refusal, { staff: found.staff }), detail: found.staff ? `staff=${found.staff}` : undefined };
    const { member } = found;
    if (!admin && member.admin && otherAdmins(cache, found.id) === 0) return { result: refused('last-admin'), detail: `staff=${member.masked}` };
    // An administrator must be able to log in: granting the right enables the member too.
    const updated = cache.staff.upsert({ staffId: found.id, name: member.name, role: member.role, enabled: admin ? true : member.enabled, admin });
    return { result: done(staffView(updated), admin ? 'admin-granted' : 'admin-revoked', { staff: member.masked }), detail: `staff=${member.masked}` };
  });
}
