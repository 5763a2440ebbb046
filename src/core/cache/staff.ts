// The institution's user authorization list (機構使用者): which staff card holders may use
// this kiosk, and who is its administrator (機構管理者). Staff IDs are national IDs, so they
// are stored like patients' — looked up by HMAC, kept sealed, shown masked.
import { maskNationalId } from '../domain/national-id.ts';
import type { CacheContext } from './context.ts';
import { guarded } from './context.ts';
import { identityKey, openText, sealText } from './crypto.ts';
import { CacheError } from './errors.ts';
import { normalizeNationalId } from './snapshots.ts';

export interface StaffMember {
  staffId: string;
  /** 'A12****789', for lists on screen. */
  masked: string;
  name: string;
  /** 'pharmacist' | 'doctor' | 'nurse' | … as on the staff card. */
  role: string;
  enabled: boolean;
  admin: boolean;
  addedAt: Date;
}

export interface StaffInput {
  staffId: string;
  name: string;
  role: string;
  enabled?: boolean;
  admin?: boolean;
}

export interface StaffList {
  list(): StaffMember[];
  get(staffId: string): StaffMember | null;
  /** On the list and enabled. */
  isAuthorized(staffId: string): boolean;
  isAdmin(staffId: string): boolean;
  /** Adds or updates; an existing member keeps their added date. */
  upsert(input: StaffInput): StaffMember;
  setEnabled(staffId: string, enabled: boolean): boolean;
  remove(staffId: string): boolean;
}

interface StaffRow {
  key: string;
  id_sealed: Buffer;
  masked: string;
  name_sealed: Buffer;
  role: string;
  enabled: number;
  admin: number;
  added_at: number;
}

const ROLE = /^[a-z][a-z-]{0,31}$/;
export const staffIdAad = (key: string): string => `staff-id|${key}`;
export const staffNameAad = (key: string): string => `staff-name|${key}`;

export function createStaffList(ctx: CacheContext): StaffList {
  const { db } = ctx;
  const byKey = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE key = ?');
  const every = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY added_at, key');
  const upsert = db.prepare(
    `INSERT INTO staff (key, id_sealed, masked, name_sealed, role, enabled, admin, added_at)
     VALUES (@key, @id_sealed, @masked, @name_sealed, @role, @enabled, @admin, @added_at)
     ON CONFLICT(key) DO UPDATE SET id_sealed = excluded.id_sealed, masked = excluded.masked, name_sealed = excluded.name_sealed,
       role = excluded.role, enabled = excluded.enabled, admin = excluded.admin`,
  );
  const enable = db.prepare('UPDATE staff SET enabled = ? WHERE key = ?');
  const remove = db.prepare('DELETE FROM staff WHERE key = ?');

  const keyOf = (staffId: string): string => identityKey(ctx.keys, 'staff', normalizeNationalId(staffId));

  function toMember(row: StaffRow): StaffMember | null {
    try {
      return {
        staffId: openText(ctx.keys, row.id_sealed, staffIdAad(row.key)),
        masked: row.masked,
        name: openText(ctx.keys, row.name_sealed, staffNameAad(row.key)),
        role: row.role,
        enabled: row.enabled === 1,
        admin: row.admin === 1,
        addedAt: new Date(row.added_at),
      };
    } catch {
      ctx.log({ kind: 'tampered-entry', detail: { table: 'staff' } });
      return null;
    }
  }

  const get = (staffId: string): StaffMember | null => {
    const row = guarded(ctx, () => byKey.get(keyOf(staffId)));
    return row ? toMember(row) : null;
  };

  return {
    list: () => guarded(ctx, () => every.all()).flatMap((row) => toMember(row) ?? []),
    get,
    isAuthorized: (staffId) => get(staffId)?.enabled === true,
    isAdmin: (staffId) => {
      const member = get(staffId);
      return member?.enabled === true && member.admin;
    },
    upsert(input) {
      const id = normalizeNationalId(input?.staffId);
      if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 100) {
        throw new CacheError('bad-input', { what: 'staff name' });
      }
      if (typeof input.role !== 'string' || !ROLE.test(input.role)) throw new CacheError('bad-input', { what: 'staff role' });
      const key = identityKey(ctx.keys, 'staff', id);
      guarded(ctx, () =>
        upsert.run({
          key,
          id_sealed: sealText(ctx.keys, id, staffIdAad(key), ctx.nonces),
          masked: maskNationalId(id),
          name_sealed: sealText(ctx.keys, input.name.trim(), staffNameAad(key), ctx.nonces),
          role: input.role,
          enabled: input.enabled === false ? 0 : 1,
          admin: input.admin === true ? 1 : 0,
          added_at: ctx.clock().getTime(),
        }),
      );
      const member = get(id);
      if (!member) throw new CacheError('io', { code: 'STAFF_WRITE' });
      return member;
    },
    setEnabled: (staffId, enabled) => guarded(ctx, () => enable.run(enabled ? 1 : 0, keyOf(staffId)).changes > 0),
    remove: (staffId) => guarded(ctx, () => remove.run(keyOf(staffId)).changes > 0),
  };
}
