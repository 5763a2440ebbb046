// Admin operations against a real cache file: validation, who may do what, the last
// administrator kept, and one `admin.*` audit row per attempt with masked IDs only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { openCache } from '../../../src/core/cache/index.ts';
import type { Cache } from '../../../src/core/cache/index.ts';
import { addStaff, adminText, adminTextBoth, changeSetting, purgeCache, setStaffAdmin, setStaffEnabled, verifyAuditLog } from '../../../src/core/admin/index.ts';
import { reportFromCache } from '../../../src/core/report/index.ts';

const ADMIN = 'B120863158';
const OTHER = 'A123456789';
const THIRD = 'F231987656';
const PATIENT = 'Q200000011';

function setUp(t: ExecutionContext): { cache: Cache; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-admin-'));
  const db = join(dir, 'cache.db');
  let now = Date.parse('2026-10-05T02:00:00Z');
  const { cache } = openCache({ path: db, keyFile: join(dir, 'cache.key'), clock: () => new Date((now += 1000)) });
  t.teardown(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { cache, db };
}

const admin = { staffId: ADMIN, role: 'pharmacist' };

function withFirstAdmin(t: ExecutionContext) {
  const place = setUp(t);
  const first = addStaff(place.cache, admin, { staffId: ADMIN, role: 'pharmacist', name: '王藥師', source: 'card', admin: true });
  t.true(first.ok);
  return place;
}

test('first set-up: with no administrator the first card holder adds themself; after that only administrators may', (t) => {
  const { cache } = setUp(t);
  const first = addStaff(cache, admin, { staffId: ADMIN, role: 'pharmacist', name: '王藥師', source: 'card', admin: true });
  t.like(first, { ok: true, key: 'staff-added', facts: { staff: 'B12****158', role: 'pharmacist' } });
  t.true(cache.staff.isAdmin(ADMIN));
  const intruder = addStaff(cache, { staffId: OTHER, role: 'nurse' }, { staffId: OTHER, role: 'nurse', source: 'typed', admin: true });
  t.like(intruder, { ok: false, kind: 'not-admin' });
  t.false(cache.staff.isAuthorized(OTHER));
  const rows = cache.audit.tail(10);
  t.deepEqual(rows.map((r) => [r.action, r.staffMasked, r.outcome]), [['admin.staff-add', 'B12****158', 'ok'], ['admin.staff-add', 'A12****789', 'not-admin']]);
  t.regex(rows[0]?.reason ?? '', /^first-setup staff=B12\*\*\*\*158 role=pharmacist source=card admin=true$/);
  t.is(adminText(intruder, 'zh-TW'), '只有機構管理者可以執行此操作');
  t.is(adminText(intruder, 'en'), 'only an administrator may do this');
});

test('add: the staff ID’s check digit, the role and the name are validated; a typed entry without a name shows its masked ID', (t) => {
  const { cache } = withFirstAdmin(t);
  t.like(addStaff(cache, admin, { staffId: 'A123456788', role: 'nurse', source: 'typed' }), { ok: false, kind: 'invalid-staff-id' });
  t.like(addStaff(cache, admin, { staffId: OTHER, role: 'janitor', source: 'typed' }), { ok: false, kind: 'invalid-role' });
  t.like(addStaff(cache, admin, { staffId: OTHER, role: 'nurse', name: '長'.repeat(101), source: 'typed' }), { ok: false, kind: 'invalid-name' });
  const typed = addStaff(cache, admin, { staffId: ` ${OTHER.toLowerCase()} `, role: 'Nurse', source: 'typed' });
  t.like(typed, { ok: true, key: 'staff-added', value: { masked: 'A12****789', name: 'A12****789', role: 'nurse', enabled: true, admin: false, updated: false } });
  const again = addStaff(cache, admin, { staffId: OTHER, role: 'doctor', name: '陳醫師', source: 'card' });
  t.like(again, { ok: true, key: 'staff-updated', value: { name: '陳醫師', role: 'doctor', updated: true } });
  t.is(adminTextBoth(again), '已更新 A12****789 的資料（doctor），並設為啟用 / A12****789 updated (doctor) and enabled');
  // The list as the admin screen gets it (the back office reads cache.staff.list()).
  t.deepEqual(cache.staff.list().map((s) => [s.masked, s.role, s.admin]), [['B12****158', 'pharmacist', true], ['A12****789', 'doctor', false]]);
  for (const answer of [typed, again]) t.false(JSON.stringify(answer).includes(OTHER), 'an answer shown on screen holds the mask, not the ID');
  t.deepEqual(cache.audit.tail(4).map((r) => r.outcome), ['invalid-role', 'invalid-name', 'ok', 'ok']);
});

test('enable/disable and administrator rights; the last enabled administrator cannot be removed', (t) => {
  const { cache } = withFirstAdmin(t);
  t.like(setStaffEnabled(cache, admin, ADMIN, false), { ok: false, kind: 'last-admin' });
  t.like(setStaffAdmin(cache, admin, ADMIN, false), { ok: false, kind: 'last-admin' });
  t.like(setStaffEnabled(cache, admin, THIRD, false), { ok: false, kind: 'not-listed', facts: { staff: 'F23****656' } });
  t.like(setStaffEnabled(cache, admin, 'nonsense', false), { ok: false, kind: 'invalid-staff-id' });
  addStaff(cache, admin, { staffId: OTHER, role: 'pharmacist', name: '李藥師', source: 'card' });
  t.like(setStaffEnabled(cache, admin, OTHER, false), { ok: true, key: 'staff-disabled', value: { enabled: false } });
  t.false(cache.staff.isAuthorized(OTHER));
  // Granting the right to a disabled member enables them: an administrator must be able to log in.
  t.like(setStaffAdmin(cache, admin, OTHER, true), { ok: true, key: 'admin-granted', value: { enabled: true, admin: true } });
  t.like(setStaffAdmin(cache, admin, ADMIN, false), { ok: true, key: 'admin-revoked' });
  t.false(cache.staff.isAdmin(ADMIN));
  // The former administrator is an ordinary member now.
  t.like(setStaffEnabled(cache, admin, OTHER, false), { ok: false, kind: 'not-admin' });
  const actions = cache.audit.tail(9).map((r) => `${r.action}:${r.outcome}`);
  t.deepEqual(actions, [
    'admin.staff-disable:last-admin',
    'admin.admin-revoke:last-admin',
    'admin.staff-disable:not-listed',
    'admin.staff-disable:invalid-staff-id',
    'admin.staff-add:ok',
    'admin.staff-disable:ok',
    'admin.admin-grant:ok',
    'admin.admin-revoke:ok',
    'admin.staff-disable:not-admin',
  ]);
});

test('settings: typed or text values within the schema; out-of-range and unknown keys refused; both values on record', (t) => {
  const { cache } = withFirstAdmin(t);
  const changed = changeSetting(cache, admin, 'cacheTtlDays', '14');
  t.like(changed, { ok: true, value: { key: 'cacheTtlDays', from: 7, to: 14 } });
  t.is(cache.settings.get('cacheTtlDays'), 14);
  t.is(adminText(changed, 'en'), 'setting cacheTtlDays changed from 7 to 14');
  t.like(changeSetting(cache, admin, 'idleTimeoutSeconds', 5), { ok: false, kind: 'invalid-setting' });
  t.is(cache.settings.get('idleTimeoutSeconds'), 90);
  t.like(changeSetting(cache, admin, 'lang', 'en'), { ok: true });
  t.like(changeSetting(cache, admin, 'colour', 'red'), { ok: false, kind: 'unknown-setting', facts: { key: 'colour' } });
  const rows = cache.audit.tail(4);
  t.deepEqual(rows.map((r) => `${r.action}:${r.outcome}`), ['admin.setting.cacheTtlDays:ok', 'admin.setting.idleTimeoutSeconds:invalid-setting', 'admin.setting.lang:ok', 'admin.setting.unknown:unknown-setting']);
  t.is(rows[0]?.reason, 'cacheTtlDays: 7 -> 14');
});

test('cache purge by scope, and a refusal for a bad day count; audit rows are never purged', (t) => {
  const { cache } = withFirstAdmin(t);
  cache.putSnapshots(PATIENT, [{ endpoint: 'imue0008s02', payload: { robject: [] } }, { endpoint: 'imue0040s02', payload: { robject: [] } }]);
  t.like(purgeCache(cache, admin, -1), { ok: false, kind: 'invalid-days' });
  t.like(purgeCache(cache, admin, 30), { ok: true, value: { snapshots: 0, patients: 0 } });
  const all = purgeCache(cache, admin, 'all');
  t.like(all, { ok: true, value: { snapshots: 2, patients: 1 } });
  t.is(adminText(all, 'zh-TW'), '已清除 2 筆快取資料（1 位病人）');
  t.deepEqual(cache.getSnapshots(PATIENT), []);
  t.is(cache.audit.count(), 4);
  t.is(cache.audit.tail(1)[0]?.reason, 'scope=all snapshots=2 patients=1');
});

test('audit verification result goes on record: ok, then broken after an edit around the API', (t) => {
  const { cache, db } = withFirstAdmin(t);
  const ok = verifyAuditLog(cache, admin);
  t.like(ok, { ok: true, key: 'audit-ok', value: { ok: true, rows: 1 } });
  const raw = new Database(db);
  raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET outcome = 'edited' WHERE seq = 1");
  raw.close();
  const broken = verifyAuditLog(cache, admin);
  t.like(broken, { ok: true, key: 'audit-broken', value: { ok: false, brokenAt: 1, reason: 'hash-mismatch' } });
  t.is(adminText(broken, 'en'), 'audit log broken at row 1 (hash-mismatch); 2 rows');
  t.is(cache.audit.tail(1)[0]?.outcome, 'broken-hash-mismatch');
});

test('admin rows show up in the report by action; no clear staff ID in any audit reason', (t) => {
  const { cache } = withFirstAdmin(t);
  addStaff(cache, admin, { staffId: OTHER, role: 'doctor', source: 'typed' });
  changeSetting(cache, admin, 'refillWindowDays', 7);
  verifyAuditLog(cache, admin);
  const { report } = reportFromCache(cache, { from: '2026-10-01', to: '2026-10-31', by: 'month' });
  t.deepEqual(report.admin, [
    { action: 'admin.audit-verify', count: 1 },
    { action: 'admin.setting.refillWindowDays', count: 1 },
    { action: 'admin.staff-add', count: 2 },
  ]);
  for (const row of cache.audit.tail(10)) {
    t.false((row.reason ?? '').includes(OTHER));
    t.false((row.reason ?? '').includes(ADMIN));
  }
});

test('a cache that fails (closed under the screen) is a refusal of kind cache, never a throw', (t) => {
  const { cache } = withFirstAdmin(t);
  cache.close();
  const result = addStaff(cache, admin, { staffId: OTHER, role: 'nurse', source: 'typed' });
  t.like(result, { ok: false, kind: 'cache', facts: { detail: 'io' } });
  t.regex(adminText(result, 'en'), /^local cache error: /);
});
