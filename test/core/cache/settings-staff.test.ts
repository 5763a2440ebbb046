import test from 'ava';
import Database from 'better-sqlite3';
import { CacheError, SETTING_DEFAULTS } from '../../../src/core/cache/index.ts';
import { open, PATIENT_ID, STAFF_ID, tempPlace, testClock } from './helpers.ts';

test('settings read their defaults until set, and persist across opens', (t) => {
  const place = tempPlace(t);
  const first = open(t, place);
  t.deepEqual(first.cache.settings.all(), {
    lang: 'zh-TW',
    idleTimeoutSeconds: 90,
    refillWindowDays: 10,
    duplicateThresholdDays: 10,
    defaultTab: 'summary',
    refillHoliday: null,
    cacheTtlDays: 7,
  });
  first.cache.settings.set('lang', 'en');
  first.cache.settings.set('idleTimeoutSeconds', 120);
  first.cache.close();
  const second = open(t, place);
  t.is(second.cache.settings.get('lang'), 'en');
  t.is(second.cache.settings.get('idleTimeoutSeconds'), 120);
  second.cache.settings.reset('lang');
  t.is(second.cache.settings.get('lang'), 'zh-TW');
});

test('invalid values are refused; a hand-edited bad value reads as the default', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  t.is(t.throws(() => cache.settings.set('idleTimeoutSeconds', 1.5), { instanceOf: CacheError })?.kind, 'bad-input');
  t.throws(() => cache.settings.set('defaultTab', 'nope' as 'summary'), { instanceOf: CacheError });
  t.throws(() => cache.settings.set('cacheTtlDays', 0), { instanceOf: CacheError });
  const raw = new Database(place.db);
  raw.prepare("INSERT INTO settings (key, value) VALUES ('refillWindowDays', '\"ten\"'), ('lang', '{not json')").run();
  raw.close();
  t.is(cache.settings.get('refillWindowDays'), SETTING_DEFAULTS.refillWindowDays);
  t.is(cache.settings.get('lang'), 'zh-TW');
});

test('the refill holiday: kept as set, a range that ends before it starts is refused, a bad stored one reads as none', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  const holiday = { from: '2027-02-05', to: '2027-02-14', windowDays: 14 };
  cache.settings.set('refillHoliday', holiday);
  t.deepEqual(cache.settings.get('refillHoliday'), holiday);
  cache.settings.set('refillHoliday', { ...holiday, windowDays: 10, fromDaysBeforeStart: 10 });
  t.is(cache.settings.get('refillHoliday')?.fromDaysBeforeStart, 10);
  t.throws(() => cache.settings.set('refillHoliday', { ...holiday, to: '2027-02-01' }), { instanceOf: CacheError });
  t.throws(() => cache.settings.set('refillHoliday', { ...holiday, from: '2027-02-30' }), { instanceOf: CacheError });
  const raw = new Database(place.db);
  raw.prepare(`UPDATE settings SET value = '{"from":"2027-02-05"}' WHERE key = 'refillHoliday'`).run();
  raw.close();
  t.is(cache.settings.get('refillHoliday'), null);
});

test('the staff authorization list: add, authorize, disable, admin, remove', (t) => {
  const clock = testClock('2026-03-01T08:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  t.false(cache.staff.isAuthorized(STAFF_ID));
  const added = cache.staff.upsert({ staffId: STAFF_ID, name: '王藥師', role: 'pharmacist', admin: true });
  t.deepEqual(added, {
    staffId: STAFF_ID,
    masked: 'B12****158',
    name: '王藥師',
    role: 'pharmacist',
    enabled: true,
    admin: true,
    addedAt: new Date('2026-03-01T08:00:00.000Z'),
  });
  t.true(cache.staff.isAuthorized(STAFF_ID));
  t.true(cache.staff.isAdmin(STAFF_ID));
  clock.advanceDays(1);
  cache.staff.upsert({ staffId: STAFF_ID, name: '王藥師', role: 'pharmacist', admin: false });
  t.is(cache.staff.get(STAFF_ID)?.addedAt.toISOString(), '2026-03-01T08:00:00.000Z', 'an update keeps the added date');
  t.false(cache.staff.isAdmin(STAFF_ID));
  t.true(cache.staff.setEnabled(STAFF_ID, false));
  t.false(cache.staff.isAuthorized(STAFF_ID));
  cache.staff.upsert({ staffId: PATIENT_ID, name: '李護理師', role: 'nurse' });
  t.deepEqual(
    cache.staff.list().map((s) => s.masked),
    ['B12****158', 'A12****789'],
  );
  t.true(cache.staff.remove(STAFF_ID));
  t.false(cache.staff.remove(STAFF_ID));
  t.is(cache.staff.list().length, 1);
  t.is(t.throws(() => cache.staff.upsert({ staffId: STAFF_ID, name: ' ', role: 'pharmacist' }), { instanceOf: CacheError })?.kind, 'bad-input');
  t.throws(() => cache.staff.upsert({ staffId: STAFF_ID, name: 'x', role: 'Pharmacist!' }), { instanceOf: CacheError });
});

test('a staff member is not found as a patient and vice versa (separate HMAC domains)', (t) => {
  const { cache } = open(t, tempPlace(t));
  cache.staff.upsert({ staffId: PATIENT_ID, name: '同一人', role: 'pharmacist' });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: 1 }]);
  t.is(cache.staff.list().length, 1);
  t.is(cache.getSnapshots(PATIENT_ID).length, 1);
});
