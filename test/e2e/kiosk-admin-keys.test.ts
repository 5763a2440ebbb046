// "Done when" of the reports and administration issue, keyboard only: the Ink App on the real
// world (virtual cards in-process, the simulator on loopback, a real SQLite cache in a
// temporary YAOLI_HOME, the clock injected). Cards go in and out through the demo tray as a
// hand would put them in a reader; everything else is keys: PINs, F11 n <ID> Tab p Enter,
// 5 for 特定管制用藥, F12 for last month's figures and c for the CSV files.
import test from 'ava';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { maskNationalId } from '../../src/core/domain/national-id.ts';
import { createSessionStore, initialSession } from '../../src/core/session/index.ts';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { openWorld, type World } from '../../src/kiosk/world.ts';
import { App } from '../../src/ui/app.tsx';
import { ThemeContext, makeTheme } from '../../src/ui/theme.ts';
import { KEYS, renderAt } from '../ui/harness.ts';
import { plain } from '../ui/plain.ts';

const F11 = '\x1b[23~';
const F12 = '\x1b[24~';
const deck = demoDeck();
const staff = (id: string) => findStaff(deck, id) ?? { staffId: '?', pin: '' };
const patient = (id: string) => findPatient(deck, id) ?? { nationalId: '?', pin: '' };

test.serial('keyboard only: authorize a new pharmacist, then read last month’s response times and open rate and export them to CSV', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'yaoli-admin-keys-'));
  process.env.YAOLI_HOME = home;
  let now = Date.parse('2026-10-15T02:00:00Z');
  const clock = () => now;
  const today = () => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  let world: World | null = null;
  const store = createSessionStore(initialSession(undefined, clock()), { clock, onEffect: (effect) => world?.run(effect) });
  world = await openWorld({ readers: 'virtual', cloud: null, seed: deck.seed, samFolder: null, store, clock, today });
  const w = world;
  const tree = createElement(ThemeContext.Provider, { value: makeTheme({ noColor: true, ascii: false }) }, createElement(App, { store, today, homeInstitutionId: w.homeInstitutionId, tray: w.tray, diagnostics: w.diagnostics, onQuit: () => undefined }));
  const r = renderAt(tree);
  t.teardown(async () => {
    r.instance.unmount();
    await w.close();
    rmSync(home, { recursive: true, force: true });
  });
  const see = async (text: string, timeoutMs = 10_000) => plain(await r.waitFor((f) => plain(f).includes(text), timeoutMs));
  const card = (id: string) => w.tray?.toggle(id);
  const logIn = async (id: string) => {
    card(id);
    await see('PIN');
    await r.press(...staff(id).pin.split(''), KEYS.enter);
    await see('請插入病人健保卡');
  };
  const logOut = async (id: string) => {
    card(id);
    await see('請插入醫事人員卡');
  };
  const s06 = maskNationalId(staff('S06').staffId);

  // S06 is refused by the cloud (403).
  await logIn('S06');
  card('P001');
  await see('同意');
  await r.press(KEYS.enter);
  await see('403');
  card('P001');
  await logOut('S06');

  // S01 authorizes S06 as a pharmacist: F11, n, the ID, Tab, p, Enter.
  await logIn('S01');
  await r.press(F11);
  await see('機構管理：醫事人員授權名單');
  await r.press('n');
  await see('新增醫事人員');
  await r.press(...staff('S06').staffId.split(''), KEYS.tab, 'p', KEYS.enter);
  await see(`已將 ${s06}（pharmacist）加入機構使用者名單`);
  await r.press(KEYS.escape);
  await logOut('S01');

  // S06 now looks up P002 (card PIN) and opens tab 5, 特定管制用藥.
  now = Date.parse('2026-10-15T02:10:00Z');
  await logIn('S06');
  card('P002');
  await see('密碼');
  await r.press(...(patient('P002').pin ?? '').split(''), KEYS.enter);
  await r.waitFor(() => {
    const p = store.getState().phase;
    return p.name === 'patient-view' && p.data.source === 'cloud';
  }, 10_000);
  await r.press('5');
  await r.waitFor(() => store.getState().careListOpenedFor !== null);
  card('P002');
  await see('請插入病人健保卡');
  await logOut('S06');

  // November 3: F12 opens October; c exports it.
  now = Date.parse('2026-11-03T01:00:00Z');
  await logIn('S01');
  await r.press(F12);
  await see('報表（機構管理者）115/10/01 ～ 115/10/31（月）');
  const figures = await see('查詢 2 次、病人 2 人');
  t.regex(figures, /115\/10\/12 週\s+2\s+2/, 'both look-ups in the week of Monday 10/12');
  // Scroll down to the open rate: the numerator in full; no prescribing data, so no rate is claimed.
  await r.press(KEYS.pageDown);
  const care = await see('分子：有開啟之人次 1（有開立五類藥 0 + 未開立 1）');
  t.true(care.includes('無法計算開啟率'));
  t.regex(care, /imue2000s01\s+1\s+(\d+)\s+\1\s+\1\s+\1\s/, 'one timed call: median = p90 = p99 = max');
  t.regex(care, new RegExp(`${s06.replaceAll('*', '\\*')}\\s+藥師\\s+2\\s+2\\s+0\\s+1\\s`), 'S06: 2 look-ups, 2 patients, 1 care-list open');
  await r.press('c');
  const dir = join(home, 'exports', '2026-11-03-2026-10-01_2026-10-31');
  await see('已匯出 10 個 CSV 檔');
  t.is(readdirSync(dir).length, 10);
  const rate = readFileSync(join(dir, 'care_list_open_rate.csv'), 'utf8');
  t.true(rate.startsWith('\ufeff項目,數值'));
  t.regex(rate, /\r?\nopened,1\r?\n/);
  t.regex(readFileSync(join(dir, 'staff.csv'), 'utf8'), new RegExp(`${s06.replaceAll('*', '\\*')},pharmacist,2,2,0,1`));
  const latency = readFileSync(join(dir, 'latency.csv'), 'utf8');
  t.regex(latency, /\r?\nlogin,2,/);
  t.regex(latency, /\r?\nimue0008s02,1,/);
});
