// Who may use a kiosk (staffAccess) and its first administrator (bootstrapAdmin), against a
// real cache file: the staff card cannot say "institution manager", so a kiosk with no enabled
// administrator makes the first PIN-verified holder one, once, on record as admin.bootstrap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { openCache, type Cache } from '../../../src/core/cache/index.ts';
import { adminText, bootstrapAdmin, setStaffAdmin, setStaffEnabled, addStaff, staffAccess } from '../../../src/core/admin/index.ts';

const FIRST = 'B120863158';
const SECOND = 'A123456789';
const THIRD = 'F231987656';

function setUp(t: ExecutionContext): Cache {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-first-admin-'));
  let now = Date.parse('2026-10-05T02:00:00Z');
  const { cache } = openCache({ path: join(dir, 'cache.db'), keyFile: join(dir, 'cache.key'), clock: () => new Date((now += 1000)) });
  t.teardown(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return cache;
}

test('an empty list: everyone is first-setup; the first holder becomes administrator, then the list applies', (t) => {
  const cache = setUp(t);
  t.is(staffAccess(cache, FIRST), 'first-setup');
  t.is(staffAccess(cache, SECOND), 'first-setup');
  const first = bootstrapAdmin(cache, { staffId: FIRST, role: 'pharmacist' }, { name: '王藥師', role: 'pharmacist' });
  t.like(first, { ok: true, key: 'first-admin', facts: { staff: 'B12****158' }, value: { masked: 'B12****158', name: '王藥師', role: 'pharmacist', enabled: true, admin: true } });
  t.is(adminText(first, 'zh-TW'), '本機尚無機構管理者：B12****158 已設為第一位機構管理者');
  t.is(staffAccess(cache, FIRST), 'admin');
  t.is(staffAccess(cache, SECOND), 'not-listed');
  // A second holder who read their card during the set-up does not become administrator too.
  const late = bootstrapAdmin(cache, { staffId: SECOND, role: 'nurse' }, { name: '李護理師', role: 'nurse' });
  t.like(late, { ok: false, kind: 'not-admin' });
  t.is(staffAccess(cache, SECOND), 'not-listed');
  const rows = cache.audit.tail(10);
  t.deepEqual(rows.map((r) => [r.action, r.staffMasked, r.outcome, r.reason]), [
    ['admin.bootstrap', 'B12****158', 'ok', 'first-setup staff=B12****158 role=pharmacist source=card admin=true'],
    ['admin.bootstrap', 'A12****789', 'not-admin', null],
  ]);
});

test('the administrator adds, disables and re-enables a member: user, disabled, user', (t) => {
  const cache = setUp(t);
  const admin = { staffId: FIRST, role: 'pharmacist' };
  t.true(bootstrapAdmin(cache, admin, { name: '王藥師', role: 'pharmacist' }).ok);
  t.true(addStaff(cache, admin, { staffId: SECOND, role: 'nurse', source: 'typed' }).ok);
  t.is(staffAccess(cache, SECOND), 'user');
  t.true(setStaffEnabled(cache, admin, SECOND, false).ok);
  t.is(staffAccess(cache, SECOND), 'disabled');
  t.true(setStaffEnabled(cache, admin, SECOND, true).ok);
  t.true(setStaffAdmin(cache, admin, SECOND, true).ok);
  t.is(staffAccess(cache, SECOND), 'admin');
  t.is(staffAccess(cache, THIRD), 'not-listed');
});

test('a list of members with no enabled administrator (typed in the demo) is still in first set-up, for members too; a disabled member stays refused', (t) => {
  const cache = setUp(t);
  cache.staff.upsert({ staffId: SECOND, name: '李護理師', role: 'nurse' });
  cache.staff.upsert({ staffId: FIRST, name: '王藥師', role: 'pharmacist', enabled: false });
  t.is(staffAccess(cache, SECOND), 'first-setup');
  t.is(staffAccess(cache, THIRD), 'first-setup');
  t.is(staffAccess(cache, FIRST), 'disabled');
  t.like(bootstrapAdmin(cache, { staffId: SECOND, role: 'nurse' }, { name: '李護理師', role: 'nurse' }), { ok: true, key: 'first-admin' });
  t.is(staffAccess(cache, SECOND), 'admin');
  t.is(staffAccess(cache, THIRD), 'not-listed');
});

test('a bootstrap with a card role outside doctor/pharmacist/nurse or a bad ID is refused and audited', (t) => {
  const cache = setUp(t);
  t.like(bootstrapAdmin(cache, { staffId: FIRST, role: 'janitor' }, { name: '王', role: 'janitor' }), { ok: false, kind: 'invalid-role' });
  t.like(bootstrapAdmin(cache, { staffId: 'A123456788', role: 'nurse' }, { name: '王', role: 'nurse' }), { ok: false, kind: 'invalid-staff-id' });
  t.is(staffAccess(cache, FIRST), 'first-setup');
  t.deepEqual(cache.audit.tail(5).map((r) => [r.action, r.outcome]), [['admin.bootstrap', 'invalid-role'], ['admin.bootstrap', 'invalid-staff-id']]);
  // A name-less card stands in with the masked ID.
  t.like(bootstrapAdmin(cache, { staffId: FIRST, role: 'doctor' }, { name: '  ', role: 'doctor' }), { ok: true, value: { name: 'B12****158' } });
});

test('the first administrator is checked like any other addition: a name over 100 characters is refused, not cut; the role is read as addStaff reads it', (t) => {
  const cache = setUp(t);
  const long = bootstrapAdmin(cache, { staffId: FIRST, role: 'pharmacist' }, { name: '王'.repeat(101), role: 'pharmacist' });
  t.like(long, { ok: false, kind: 'invalid-name' });
  t.like(addStaff(cache, { staffId: FIRST, role: 'pharmacist' }, { staffId: FIRST, role: 'pharmacist', name: '王'.repeat(101), source: 'card' }), { ok: false, kind: 'invalid-name' }, 'the same answer as an addition');
  t.is(cache.staff.get(FIRST), null, 'nothing stored');
  t.is(staffAccess(cache, FIRST), 'first-setup');
  t.like(bootstrapAdmin(cache, { staffId: ` ${FIRST.toLowerCase()} `, role: 'pharmacist' }, { name: '王'.repeat(100), role: ' Pharmacist ' }), { ok: true, value: { name: '王'.repeat(100), role: 'pharmacist', admin: true } });
  t.deepEqual(cache.audit.tail(5).map((r) => [r.action, r.outcome]), [['admin.bootstrap', 'invalid-name'], ['admin.staff-add', 'invalid-name'], ['admin.bootstrap', 'ok']]);
});
