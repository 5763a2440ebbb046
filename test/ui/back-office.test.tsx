// The reports and administration overlays at 80x24 from the real session store: opened from
// the keyboard, refused to non-administrators, CJK columns aligned, keys turned into effects.
import test from 'ava';
import { computeReport, type ReportRow } from '../../src/core/report/index.ts';
import { KEYS, renderAt } from './harness.ts';
import { app, logIn, makeStore } from './fixtures.tsx';
import { plain } from './plain.ts';
import { displayWidth } from '../../src/ui/text/width.ts';

const F11 = '\x1b[23~';
const F12 = '\x1b[24~';

function row(at: string, overrides: Partial<ReportRow> = {}): ReportRow {
  return { at: new Date(at), action: 'lookup', staffMasked: 'B22****780', staffRole: 'pharmacist', patientMasked: 'A12****789', patientKey: 'k1', consent: 'verbal', latencies: { total: 812, imue0008s02: 301 }, outcome: 'ok', reason: null, ...overrides };
}

const OCTOBER = computeReport(
  [
    row('2026-10-02T02:00:00Z'),
    row('2026-10-09T03:00:00Z', { patientKey: 'k2', latencies: { total: 1200, imue0008s02: 640 } }),
    row('2026-10-09T03:01:00Z', { action: 'care-list-open', patientKey: 'k2', latencies: {}, consent: 'none' }),
    row('2026-10-20T03:00:00Z', { staffMasked: 'C12****456', staffRole: 'doctor', consent: 'pin' }),
  ],
  { from: '2026-10-01', to: '2026-10-31', by: 'week' },
);

const lines = (frame: string) => plain(frame).split('\n');

/** The kiosk at 80x24 with staff logged in (administrator or not), waiting for a patient card. */
async function loggedIn(admin: boolean) {
  const { store, effects } = makeStore();
  const r = renderAt(app(store));
  logIn(store, admin);
  await r.waitFor((f) => f.includes('請插入病人健保卡'));
  return { store, effects, r };
}

test('reports: refused to a staff member who is not an administrator', async (t) => {
  const { effects, r } = await loggedIn(false);
  await r.press('r');
  t.true(plain(await r.waitFor((f) => f.includes('僅機構管理者'))).includes('僅機構管理者可變更設定'));
  t.false(effects.some((e) => e.type === 'load-report'));
  r.instance.unmount();
});

test('reports (F12): last month by week in aligned tables within 80x24; scrolls, moves the period, exports', async (t) => {
  const { store, effects, r } = await loggedIn(true);
  await r.press(F12);
  await r.waitFor((f) => f.includes('報表（機構管理者）115/10/01 ～ 115/10/31（月）') && f.includes('統計中'));
  t.deepEqual(effects.filter((e) => e.type === 'load-report'), [{ type: 'load-report', from: '2026-10-01', to: '2026-10-31', by: 'week' }]);
  store.send({ type: 'report-loaded', from: '2026-10-01', to: '2026-10-31', report: OCTOBER });
  const frame = await r.waitFor((f) => f.includes('查詢次數與病人數'));
  const shown = lines(frame);
  t.true(shown.length <= 24);
  t.true(shown.every((l) => displayWidth(l) <= 80), 'nothing wider than the screen');
  t.true(frame.includes('查詢 3 次、病人 2 人'));
  // CJK headers and numbers end in the same column: each table line is exactly as wide as the others.
  const header = shown.find((l) => l.includes('期間') && l.includes('查詢次數'));
  const week = shown.find((l) => l.includes('115/10/05 週'));
  t.truthy(header);
  t.truthy(week);
  t.is(displayWidth(header ?? ''), displayWidth(week ?? ''));
  t.is(displayWidth((header ?? '').trimEnd()), displayWidth((week ?? '').trimEnd()), 'the right-aligned counts end under their headings');

  await r.press(KEYS.pageDown);
  const staffFrame = plain(await r.waitFor((f) => f.includes('藥歷查詢使用醫事人員統計')));
  t.false(staffFrame.includes('115/10/05 週'), 'scrolled past the weekly rows');
  t.regex(staffFrame, /B22\*\*\*\*780\s+藥師\s+2\s+2\s+0\s+1/, 'per staff member, with the care-list open');
  await r.press(KEYS.pageDown, KEYS.pageDown);
  await r.waitFor((f) => f.includes('管理操作') && f.includes('共 35 行'));
  await r.press(KEYS.up);
  await r.waitFor((f) => f.includes('第 20–34 行'));

  await r.press('c');
  const exports = effects.filter((e) => e.type === 'export-report');
  t.like(exports[0], { from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'zh-TW' });
  store.send({ type: 'report-exported', dir: '/srv/yaoli/exports/2026-11-23-2026-10-01_2026-10-31', files: 10 });
  t.true(plain(await r.waitFor((f) => f.includes('已匯出 10 個 CSV 檔'))).includes('/srv/yaoli/exports/2026-11-23-2026-10-01_2026-10-31'));

  await r.press(KEYS.left);
  await r.waitFor((f) => f.includes('115/09/01 ～ 115/09/30'));
  await r.press('w');
  await r.waitFor((f) => f.includes('115/09/28 ～ 115/10/04（週）'));
  t.like(effects.filter((e) => e.type === 'load-report').at(-1), { from: '2026-09-28', to: '2026-10-04', by: 'day' });
  await r.press(KEYS.escape);
  await r.waitFor((f) => !f.includes('報表（機構管理者）'));
  t.is(store.getState().reports, null);
  r.instance.unmount();
});

test('administration (F11): the staff list with CJK names aligned; add by typed ID and role; enable; purge all asks first', async (t) => {
  const { store, effects, r } = await loggedIn(true);
  await r.press(F11);
  await r.waitFor((f) => f.includes('機構管理：醫事人員授權名單'));
  t.like(effects.filter((e) => e.type === 'admin-op')[0], { op: { kind: 'list' } });
  store.send({
    type: 'admin-loaded',
    staff: [
      { staffId: 'B220006780', masked: 'B22****780', name: '陳藥師', role: 'pharmacist', enabled: true, admin: true },
      { staffId: 'C120000456', masked: 'C12****456', name: '歐陽護理長', role: 'nurse', enabled: false, admin: false },
    ],
    message: null,
  });
  const frame = lines(await r.waitFor((f) => f.includes('歐陽護理長')));
  t.true(frame.every((l) => displayWidth(l) <= 80));
  const first = frame.find((l) => l.includes('B22****780')) ?? '';
  const second = frame.find((l) => l.includes('C12****456')) ?? '';
  const header = frame.find((l) => l.includes('身分證號') && l.includes('管理者')) ?? '';
  // The role column starts at the same display column on every line, whatever the names' widths.
  const col = (line: string, text: string) => displayWidth(line.slice(0, line.lastIndexOf(text)));
  t.true(col(first, '藥師') > col(first, '陳藥師'), 'the role, not the name');
  t.is(col(first, '藥師'), col(second, '護理師'));
  t.is(col(header, '身分'), col(first, '藥師'));
  t.is(col(first, '是'), col(second, '否'), 'the last column too');
  t.false(['A123456789', 'B220006780', 'C120000456'].some((id) => plain(frame.join('\n')).includes(id)), 'masked IDs only');

  await r.press('n');
  await r.waitFor((f) => f.includes('新增醫事人員'));
  await r.press(...'a123456789'.split(''), KEYS.tab, 'd', KEYS.enter);
  await r.waitFor((f) => !f.includes('新增醫事人員'));
  t.like(effects.filter((e) => e.type === 'admin-op').at(-1), { op: { kind: 'add-typed', staffId: 'A123456789', role: 'doctor' } });
  store.send({
    type: 'admin-loaded',
    staff: [
      { staffId: 'A123456789', masked: 'A12****789', name: 'A12****789', role: 'doctor', enabled: true, admin: false },
      { staffId: 'B220006780', masked: 'B22****780', name: '陳藥師', role: 'pharmacist', enabled: true, admin: true },
    ],
    message: { ok: true, key: 'staff-added', facts: { staff: 'A12****789', role: 'doctor' } },
  });
  await r.waitFor((f) => f.includes('已將 A12****789（doctor）加入機構使用者名單'));

  await r.press('e');
  t.like(effects.filter((e) => e.type === 'admin-op').at(-1), { op: { kind: 'set-enabled', staffId: 'A123456789', enabled: false } });
  store.send({ type: 'admin-loaded', staff: [], message: { ok: true, key: 'staff-disabled', facts: { staff: 'A12****789' } } });
  await r.waitFor((f) => f.includes('已停用 A12****789'));

  const before = effects.length;
  await r.press('P');
  await r.waitFor((f) => f.includes('確定要清除全部病人的快取資料'));
  t.is(effects.filter((e, i) => i >= before && e.type === 'admin-op').length, 0, 'nothing purged before y');
  await r.press('y');
  t.like(effects.filter((e) => e.type === 'admin-op').at(-1), { op: { kind: 'purge', scope: 'all' } });
  r.instance.unmount();
});

test('administration: two staff members with the same masked ID — e and m act on the row under the cursor, not the first match', async (t) => {
  const { store, effects, r } = await loggedIn(true);
  await r.press(F11);
  await r.waitFor((f) => f.includes('機構管理：醫事人員授權名單'));
  // Synthetic IDs with valid check digits that mask alike.
  store.send({
    type: 'admin-loaded',
    staff: [
      { staffId: 'C120000456', masked: 'C12****456', name: '林護理師', role: 'nurse', enabled: true, admin: false },
      { staffId: 'C120012456', masked: 'C12****456', name: '陳護理師', role: 'nurse', enabled: true, admin: false },
    ],
    message: null,
  });
  const frame = plain(await r.waitFor((f) => f.includes('陳護理師') && f.includes('林護理師')));
  t.is(frame.split('C12****456').length - 1, 2, 'both rows are shown, masked alike');
  t.false(frame.includes('C120000456') || frame.includes('C120012456'), 'masked IDs only');
  await r.press(KEYS.down, 'e');
  t.like(effects.filter((e) => e.type === 'admin-op').at(-1), { op: { kind: 'set-enabled', staffId: 'C120012456', enabled: false } });
  store.send({
    type: 'admin-loaded',
    staff: [
      { staffId: 'C120000456', masked: 'C12****456', name: '林護理師', role: 'nurse', enabled: true, admin: false },
      { staffId: 'C120012456', masked: 'C12****456', name: '陳護理師', role: 'nurse', enabled: false, admin: false },
    ],
    message: null,
  });
  await r.waitFor((f) => !(plain(f).split('\n').find((l) => l.includes('陳護理師')) ?? '是').includes('是'));
  await r.press(KEYS.up, 'm');
  t.like(effects.filter((e) => e.type === 'admin-op').at(-1), { op: { kind: 'set-admin', staffId: 'C120000456', admin: true } });
  r.instance.unmount();
});
