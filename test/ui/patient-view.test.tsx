// The patient view as a pharmacist uses it: header, tabs, sorting, filtering, the filter
// panel, the detail box, and the patient gone from the screen when the card leaves.
import test from 'ava';
import { KEYS, renderAt, type Rendered } from './harness.ts';
import { HOSPITAL, app, duplicateHistory, logIn, makeStore, openPatient } from './fixtures.tsx';
import { plain } from './plain.ts';
import type { SessionStore } from '../../src/core/session/index.ts';

async function viewing(): Promise<{ r: Rendered; store: SessionStore }> {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  openPatient(store, duplicateHistory());
  await r.waitFor((f) => f.includes('王小明'));
  return { r, store };
}

function rowsOf(frame: string, marker: string): string[] {
  return plain(frame).split('\n').filter((l) => l.includes(marker));
}

test('header: name, sex, age, masked ID, data-as-of and alert counts; summary lists alerts, allergies and caveats', async (t) => {
  const { r } = await viewing();
  const frame = plain(r.lastFrame());
  t.regex(frame, /王小明 {2}男 {2}76 歲 {2}A12\*\*\*\*789/);
  t.false(frame.includes('A123456789'));
  t.true(frame.includes('資料時間 115/11/23 10:05'));
  t.regex(frame, /提示 \d+\/\d+\/\d+/);
  t.true(frame.includes('跨院所同成分同劑型重複'));
  t.true(frame.includes('PENICILLIN'));
  t.true(frame.includes('自費藥品不在雲端資料中'));
  t.true(frame.includes('24–48 小時'));
  t.true(frame.includes('主診斷僅供參考'));
  r.instance.unmount();
});

test('number keys switch tabs: records, leftover per group (with cloud column), refills, controlled, allergies', async (t) => {
  const { r } = await viewing();
  await r.press('2');
  const records = plain(await r.waitFor((f) => f.includes('藥品名稱')));
  t.is(rowsOf(records, 'C08CA').length, 2);
  t.true(records.includes('本院'), 'the home pharmacy is 本院');
  await r.press('3');
  const leftover = plain(await r.waitFor((f) => f.includes('累計餘藥')));
  t.true(leftover.includes('雲端餘藥'));
  t.true(leftover.includes('AMLODIPINE'));
  await r.press('4');
  t.true(plain(await r.waitFor((f) => f.includes('下次可領'))).includes('2/3'));
  await r.press('5');
  t.true(plain(await r.waitFor((f) => f.includes('半年參考mg'))).includes('DDD × 182.5'));
  await r.press('6');
  t.true(plain(await r.waitFor((f) => f.includes('症狀'))).includes('皮疹'));
  await r.press(KEYS.tab);
  await r.waitFor((f) => plain(f).includes('跨院所'), 2000);
  r.instance.unmount();
});

test('no medication records: 查無資料 on the medication tabs, while the care list and allergies still show theirs', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  const history = { ...duplicateHistory(), medications: [], chronic: [] };
  history.careList = [{ date: '2026-08-10', ingredient: 'ZOLPIDEM', ingredientCode: '2824801820', institution: HOSPITAL, totalMg: 420, cloudTotalDdd: 42, memo: null }];
  openPatient(store, history);
  await r.waitFor((f) => f.includes('王小明'));
  await r.press('2');
  t.true(plain(await r.waitFor((f) => f.includes('查無資料'))).includes('查無資料'));
  await r.press('5');
  t.regex(plain(await r.waitFor((f) => f.includes('半年參考mg'))), /^>ZOLPIDEM +115\/08 +1 +1 +420 +42 +1825$/m);
  await r.press('6');
  // The table itself, a row under its header (the notice line below still says 查無資料 for the medications).
  t.regex(plain(await r.waitFor((f) => f.includes('症狀'))), /^>109\/01\/02 PENICILLIN +皮疹 +中度/m);
  r.instance.unmount();
});

test('sort: > picks a column, s flips the order; the header marks it', async (t) => {
  const { r } = await viewing();
  await r.press('2', '>');
  const byDate = plain(await r.waitFor((f) => f.includes('排序：日期')));
  const dates = byDate.split('\n').filter((l) => /^[ >]\d{3}\//.test(l)).map((l) => l.slice(1, 10));
  t.is(dates.length, 3);
  t.deepEqual(dates, [...dates].sort());
  await r.press('s');
  const down = plain(await r.waitFor((f) => f.includes('排序：日期▼')));
  const datesDown = down.split('\n').filter((l) => /^[ >]\d{3}\//.test(l)).map((l) => l.slice(1, 10));
  t.deepEqual(datesDown, [...dates].sort().reverse());
  t.true(down.split('\n').some((l) => l.startsWith('>')), 'the selected row is marked without colour too');
  r.instance.unmount();
});

test('/ filters as you type; Esc clears the filter', async (t) => {
  const { r } = await viewing();
  await r.press('2', '/');
  await r.press('m', 'e', 't');
  const filtered = plain(await r.waitFor((f) => f.includes('1/3 筆')));
  t.true(filtered.includes('METFORMIN'));
  t.false(filtered.includes('NORVASC'));
  await r.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, 'n', 'o', 'r', 'v');
  await r.waitFor((f) => plain(f).includes('1/3 筆') && plain(f).includes('NORVASC'));
  await r.press(KEYS.escape);
  await r.waitFor((f) => plain(f).includes('3/3 筆'));
  r.instance.unmount();
});

test('keys typed faster than the screen draws (one read: "/met") still open the filter and fill it', async (t) => {
  const { r } = await viewing();
  await r.press('2');
  await r.waitFor((f) => plain(f).includes('3/3 筆'));
  await r.press('/met');
  const filtered = plain(await r.waitFor((f) => plain(f).includes('1/3 筆')));
  t.true(filtered.includes('篩選：met'));
  t.true(filtered.includes('METFORMIN'));
  // Two commands in one read: each acts (records → leftover tab → refills tab).
  await r.press(KEYS.escape);
  await r.waitFor((f) => plain(f).includes('3/3 筆'));
  await r.press('34');
  await r.waitFor((f) => plain(f).includes('下次可領'));
  r.instance.unmount();
});

test('the filter panel filters records by source and leftover > 0', async (t) => {
  const { r } = await viewing();
  await r.press('2', 'f');
  await r.waitFor((f) => f.includes('篩選條件'));
  // Down to 來源 (7th field), Space cycles 全部 → 本院.
  await r.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, ' ');
  await r.waitFor((f) => /來源\s+本院/.test(plain(f)));
  await r.press(KEYS.enter);
  const home = plain(await r.waitFor((f) => f.includes('1/3 筆')));
  t.true(home.includes('METFORMIN'));
  await r.press('f', KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, ' ', ' ', ' ', KEYS.down, ' ', KEYS.enter);
  const withLeft = plain(await r.waitFor((f) => f.includes('2/3 筆')));
  t.false(withLeft.includes('METFORMIN'), 'the metformin supply ran out: leftover 0 is filtered out');
  r.instance.unmount();
});

test('Enter opens the record in full (diagnosis for reference, drug code); Esc closes it', async (t) => {
  const { r } = await viewing();
  await r.press('2', KEYS.enter);
  const detail = plain(await r.waitFor((f) => f.includes('I10 本態性高血壓')));
  t.regex(detail, /│ 明細/);
  t.regex(detail, /藥品名稱\s+AMLODIPINE 5MG 永信/);
  t.regex(detail, /藥品代碼\s+AC00000200/);
  await r.press(KEYS.escape);
  await r.waitFor((f) => !plain(f).includes('I10') && plain(f).includes('藥品名稱'));
  r.instance.unmount();
});

test('card removed: the name and the masked ID leave the screen at once', async (t) => {
  const { r, store } = await viewing();
  store.send({ type: 'card-removed', reader: 'R1' });
  const after = plain(await r.waitFor((f) => f.includes('健保卡已取出')));
  t.false(after.includes('王小明'));
  t.false(after.includes('A12****789'));
  t.false(after.includes('NORVASC'));
  r.instance.unmount();
});

test('the filter panel takes a date range typed in ROC form', async (t) => {
  const { r } = await viewing();
  await r.press('2', 'f', KEYS.down, KEYS.down, KEYS.down, KEYS.down, '115/11/01', KEYS.enter);
  const november = plain(await r.waitFor((f) => f.includes('2/3 筆')));
  t.false(november.includes('METFORMIN'), 'the September record is before the range');
  r.instance.unmount();
});

test('the default tab from Settings opens first for the next patient', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  store.send({ type: 'settings-loaded', settings: { ...store.getState().settings, defaultTab: 'records' } });
  logIn(store);
  openPatient(store, duplicateHistory());
  const frame = plain(await r.waitFor((f) => f.includes('王小明') && f.includes('藥品名稱')));
  t.true(frame.includes('3/3 筆'));
  r.instance.unmount();
});

test('in English every date on the patient view is ISO: header, records, leftover, refills, care list, allergies', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  const history = duplicateHistory();
  history.careList = [{ date: '2026-08-10', ingredient: 'ZOLPIDEM', ingredientCode: '2824801820', institution: HOSPITAL, totalMg: 420, cloudTotalDdd: 42, memo: null }];
  openPatient(store, history);
  await r.waitFor((f) => f.includes('王小明'));
  await r.press('L');
  const rocDay = /(?<![\d/-])\d{3}\/\d{2}(?:\/\d{2})?(?![\d/])/;
  const header = plain(await r.waitFor((f) => f.includes('As of') || f.includes('as of')));
  t.regex(header, /2026-11-23 10:05/);
  t.notRegex(header, rocDay);
  // Each tab waited for by its own column title, then its first row.
  const tabs = [['2', 'Freq', /^>2026-11-15 /m], ['3', 'Ends', /^>AMLODIPINE .* 2027-01-04 /m], ['4', 'Next window', /2026-11-16–2026-12-23 2026-12-23/], ['5', 'Month', /^>ZOLPIDEM +2026-08 /m], ['6', 'Symptoms', /^>2020-01-02 PENICILLIN/m]] as const;
  for (const [key, title, iso] of tabs) {
    await r.press(key);
    const frame = plain(await r.waitFor((f) => plain(f).includes(title)));
    t.regex(frame, iso, `tab ${key}`);
    t.notRegex(frame, rocDay, `tab ${key}`);
  }
  r.instance.unmount();
});

// The 用法 column is never cut: 'Q6HP…' would hide that the drug is taken as needed.
test('the records tab shows a 用法 code of up to seven letters whole at 80 columns (Q12HPRN)', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  const history = duplicateHistory();
  history.medications = history.medications.map((m, i) => (i === 0 ? { ...m, frequency: 'Q12HPRN' } : m));
  openPatient(store, history);
  await r.waitFor((f) => f.includes('王小明'));
  await r.press('2');
  const records = plain(await r.waitFor((f) => f.includes('藥品名稱')));
  t.true(records.includes('Q12HPRN'), records);
  r.instance.unmount();
});
