// Help, tray, settings and diagnostics over the flow; language, size, colour and border
// modes. Esc always goes back one layer.
import test from 'ava';
import { KEYS, renderAt } from './harness.ts';
import { app, duplicateHistory, logIn, makeStore, openPatient } from './fixtures.tsx';
import { plain } from './plain.ts';
import { displayWidth } from '../../src/ui/text/width.ts';
import type { DemoTray, TrayCard } from '../../src/ui/ports.ts';

test('? opens the help drawn from the keymap; Esc closes it and the screen is back', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store));
  await r.waitFor((f) => f.includes('請插入醫事人員卡'));
  await r.press('?');
  const help = plain(await r.waitFor((f) => f.includes('按鍵說明')));
  t.regex(help, /F2 t\s+示範卡匣：插入或取出示範卡片/);
  t.false(help.includes('切換選項'), 'at 80x24 the list needs scrolling');
  await r.press(KEYS.pageDown, KEYS.pageDown);
  const scrolled = plain(await r.waitFor((f) => f.includes('切換選項')));
  t.false(scrolled.includes('F2 t '));
  await r.press(KEYS.escape);
  await r.waitFor((f) => f.includes('請插入醫事人員卡') && !f.includes('按鍵說明'));
  t.pass();
  r.instance.unmount();
});

test('the demo tray lists the cards and inserts the chosen one', async (t) => {
  const inserted = new Set<string>();
  const cards: TrayCard[] = [
    { id: 'S01', kind: 'staff', label: '陳藥師 pharmacist admin', pin: '123456', inserted: false },
    { id: 'P001', kind: 'patient', label: '王小明 chronic-elderly', pin: null, inserted: false },
  ];
  const tray: DemoTray = {
    cards: () => cards.map((c) => ({ ...c, inserted: inserted.has(c.id) })),
    toggle: (id) => void (inserted.has(id) ? inserted.delete(id) : inserted.add(id)),
  };
  const { store } = makeStore();
  const r = renderAt(app(store, { tray }));
  await r.waitFor((f) => f.includes('示範卡匣插入卡片'));
  await r.press(KEYS.f2);
  const open = plain(await r.waitFor((f) => f.includes('示範卡匣（')));
  t.true(open.includes('PIN 123456'));
  await r.press(KEYS.down, KEYS.enter);
  await r.waitFor((f) => /P001.*已插入/.test(plain(f)));
  t.deepEqual([...inserted], ['P001']);
  await r.press(KEYS.escape);
  await r.waitFor((f) => !f.includes('示範卡匣（'));
  r.instance.unmount();
});

/** The administrator logged in with the settings overlay open (`,`). */
async function settingsAsAdmin() {
  const admin = makeStore();
  const r = renderAt(app(admin.store));
  logIn(admin.store, true);
  await r.waitFor((f) => f.includes('請插入病人健保卡'));
  await r.press(',');
  await r.waitFor((f) => f.includes('設定（機構管理者）') && f.includes('慢箋連假開始日'));
  return { admin, r };
}

test('settings: refused for staff who are not administrators; saved by the administrator', async (t) => {
  const other = makeStore();
  const r1 = renderAt(app(other.store));
  logIn(other.store, false);
  await r1.waitFor((f) => f.includes('請插入病人健保卡'));
  await r1.press('\x1b[18~');
  t.true(plain(await r1.waitFor((f) => f.includes('僅機構管理者'))).includes('僅機構管理者可變更設定'));
  r1.instance.unmount();

  const { admin, r: r2 } = await settingsAsAdmin();
  // Idle timeout (second item) up by 15 s, then save.
  await r2.press(KEYS.down, KEYS.right, KEYS.enter);
  await r2.waitFor((f) => f.includes('設定已儲存'));
  t.deepEqual(admin.effects.filter((e) => e.type === 'save-settings').map((e) => e.type === 'save-settings' && e.settings.idleTimeoutSeconds), [105]);
  r2.instance.unmount();
});

test('settings: the administrator sets the year\'s refill holiday with the arrow keys', async (t) => {
  const { admin, r } = await settingsAsAdmin();
  // Holiday start (fourth item): → sets one from today for nine days; → twice more moves it two days.
  await r.press(KEYS.down, KEYS.down, KEYS.down, KEYS.right, KEYS.right, KEYS.right);
  // Length ← one day; window → to 14 (four presses from 10); then save.
  await r.press(KEYS.down, KEYS.left, KEYS.down, KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.enter);
  await r.waitFor((f) => f.includes('設定已儲存'));
  const saved = admin.effects.flatMap((e) => (e.type === 'save-settings' ? [e.settings.refillHoliday] : []));
  t.deepEqual(saved, [{ from: '2026-11-25', to: '2026-12-02', windowDays: 14 }]);
  r.instance.unmount();
});

test('diagnostics (F8) shows each check with pass/fail', async (t) => {
  const { store } = makeStore();
  const diagnostics = {
    run: async () => [
      { id: 'pcscd', label: 'pcscd', ok: true, detail: 'running' },
      { id: 'cloud', label: 'MediCloud', ok: false, detail: '[4061] timeout' },
    ],
  };
  const r = renderAt(app(store, { diagnostics }));
  await r.press('\x1b[19~');
  const frame = plain(await r.waitFor((f) => f.includes('MediCloud')));
  t.regex(frame, /通過\s+pcscd/);
  t.regex(frame, /失敗\s+MediCloud\s+\[4061\] timeout/);
  await r.press(KEYS.escape);
  await r.waitFor((f) => !f.includes('MediCloud'));
  r.instance.unmount();
});

test('one key switches to English and back', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store));
  await r.waitFor((f) => f.includes('請插入醫事人員卡'));
  await r.press('L');
  t.true(plain(await r.waitFor((f) => f.includes('Insert the healthcare staff card'))).includes('F9/L 中文'));
  await r.press('\x1b[20~');
  await r.waitFor((f) => f.includes('請插入醫事人員卡'));
  t.pass();
  r.instance.unmount();
});

test('a terminal under 80x24 gets a clear message; enlarging it brings the screen back', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 60, 20);
  const small = plain(await r.waitFor((f) => f.includes('終端機視窗太小')));
  t.true(small.includes('80x24'));
  t.true(small.includes('60x20'));
  r.stdout.resize(100, 30);
  await r.waitFor((f) => f.includes('請插入醫事人員卡'));
  t.pass();
  r.instance.unmount();
});

test('shrinking below 80x24 and back keeps the patient view where it was (tab, not back to 摘要)', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  openPatient(store, duplicateHistory());
  await r.waitFor((f) => f.includes('王小明'));
  await r.press('3');
  const before = await r.waitFor((f) => plain(f).includes('累計餘藥'));
  r.stdout.resize(60, 20);
  await r.waitFor((f) => f.includes('終端機視窗太小'));
  await r.press('2', 'x');
  t.is(store.getState().phase.name, 'patient-view', 'keys behind the too-small message act on nothing unseen');
  r.stdout.resize(80, 24);
  const after = await r.waitFor((f) => !f.includes('終端機視窗太小') && f.includes('王小明'));
  t.true(plain(after).includes('累計餘藥'), 'still on tab 3 (餘藥)');
  t.is(plain(after), plain(before));
  r.instance.unmount();
});

test('the hint bar offers the demo tray only when there is one (real readers have none)', async (t) => {
  const { store } = makeStore();
  const withoutTray = renderAt(app(store), 80, 24);
  const bar = (f: string) => plain(f).split('\n').find((l) => l.includes('F1/?')) ?? '';
  t.false(bar(await withoutTray.waitFor((f) => f.includes('F1/?'))).includes('卡匣'));
  withoutTray.instance.unmount();
  const tray: DemoTray = { cards: () => [], toggle: () => undefined };
  const withTray = renderAt(app(makeStore().store, { tray }), 80, 24);
  t.true(bar(await withTray.waitFor((f) => f.includes('F1/?'))).includes('F2/t 卡匣'));
  withTray.instance.unmount();
});

test('resizing re-lays out the patient table: more rows on a taller terminal', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  openPatient(store, duplicateHistory());
  await r.waitFor((f) => f.includes('王小明'));
  t.true(plain(r.lastFrame()).split('\n').length <= 23);
  r.stdout.resize(120, 40);
  const wide = plain(await r.waitFor((f) => plain(f).split('\n').length > 30));
  t.true(wide.split('\n').length <= 39, 'still one row short of the terminal');
  t.true(wide.split('\n').some((l) => displayWidth(l) > 100), 'lines use the wider terminal');
  r.instance.unmount();
});

test('ASCII mode draws classic borders; NO_COLOR leaves no colour codes', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store, { ascii: true }));
  const frame = await r.waitFor((f) => f.includes('請插入醫事人員卡'));
  t.true(frame.includes('+---'));
  t.false(frame.includes('╭'));
  t.false(/\x1b\[3\dm/.test(frame), 'no foreground colour');
  r.instance.unmount();
});
