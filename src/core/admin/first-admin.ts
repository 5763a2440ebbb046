// Who may use the kiosk, and the first administrator of a new kiosk. NHI's model is
// 機構管理者 → 機構使用者: the institution's manager authorizes its users. The staff card
// (docs/card-profile.md §4) says only doctor / pharmacist / nurse; it cannot say
// "institution manager", so a new kiosk, whose list holds no enabled administrator, cannot
// learn its manager from a card. The rule: until an enabled administrator is listed, the
// first staff card holder who logs in with a valid PIN becomes the administrator (audited
// `admin.bootstrap`); from then on only enabled members of the list may log in.
import { maskNationalId } from '../domain/national-id.ts';
import { operate, type AdminActor, type AdminCache } from './operate.ts';
import { done, refused, type AdminResult } from './result.ts';
import { staffView, type StaffView } from './staff.ts';
import { cleanStaffId, cleanStaffName, cleanStaffRole, type StaffAccess } from './staff-rules.ts';

export type { StaffAccess };

export function staffAccess(cache: Pick<AdminCache, 'staff'>, staffId: string): StaffAccess {
  const member = cache.staff.get(staffId);
  if (member?.enabled && member.admin) return 'admin';
  if (member && !member.enabled) return 'disabled';
  // No enabled administrator (a new kiosk, or a list typed in the demo): whoever comes first,
  // listed or not, becomes the administrator; the list cannot say who else should.
  if (!cache.staff.list().some((m) => m.enabled && m.admin)) return 'first-setup';
  return member ? 'user' : 'not-listed';
}

export interface FirstAdmin {
  /** From the staff card. */
  name: string;
  role: string;
}

/**
 * The first administrator, after a valid staff PIN on a kiosk with no enabled administrator.
 * Refused ('not-admin') once any enabled administrator exists, so a second card holder who
 * read the card during the first one's set-up does not become administrator too.
 */
export function bootstrapAdmin(cache: AdminCache, actor: AdminActor, card: FirstAdmin): AdminResult<StaffView> {
  return operate(cache, actor, 'admin.bootstrap', (authority) => {
    // The same checks as any other addition to the list (staff-rules.ts).
    const id = cleanStaffId(actor.staffId);
    if (!id) return { result: refused('invalid-staff-id') };
    const staff = maskNationalId(id);
    if (authority !== 'first-setup') return { result: refused('not-admin'), detail: `staff=${staff}` };
    const role = cleanStaffRole(card.role);
    if (!role) return { result: refused('invalid-role'), detail: `staff=${staff}` };
    const name = cleanStaffName(card.name);
    if (name === null) return { result: refused('invalid-name'), detail: `staff=${staff}` };
    const member = cache.staff.upsert({ staffId: id, name: name || staff, role, enabled: true, admin: true });
    return { result: done(staffView(member), 'first-admin', { staff }), detail: `staff=${staff} role=${role} source=card admin=true` };
  });
}
