// The counter's screens in order, rendered from the real session store (card and lookup
// results are fed in as the runner would), read as text the way staff see them.
import test from 'ava';
import { render as inkTestRender } from 'ink-testing-library';
import { KEYS, renderAt } from './harness.ts';
import { ENDPOINT_IDS } from '../../src/core/medicloud/index.ts';
import { app, duplicateHistory, logIn, makeStore, patientData } from './fixtures.tsx';
import { plain } from './plain.ts';

test('idle: asks for the staff card and shows readers, SAM, network and cache (ink-testing-library)', (t) => {
  const { store } = makeStore();
  store.send({ type: 'devices', status: { backend: 'virtual', readers: ['Virtual PCD 00 00'], sam: true, network: 'online', cache: 'ok' } });
  const r = inkTestRender(app(store));
  const frame = plain(r.lastFrame() ?? '');
  t.true(frame.includes('請插入醫事人員卡'));
  t.true(frame.includes('virtual: Virtual PCD 00 00'));
  t.regex(frame, /安全模組 SAM\s+正常/);
  t.regex(frame, /網路\s+正常/);
  t.regex(frame, /本機快取\s+正常/);
  r.unmount();
});

test('staff PIN: digits are masked, Enter sends one verify effect, a wrong PIN shows tries left', async (t) => {
  const { store, effects } = makeStore();
  const r = renderAt(app(store));
  store.send({ type: 'card-inserted', reader: 'R0', kind: 'staff' });
  store.send({ type: 'staff-profile-read', reader: 'R0', profile: { staffId: 'B223456780', name: '陳藥師', role: 'pharmacist', admin: false, pinTriesLeft: 3 } });
  await r.waitFor((f) => f.includes('醫事人員卡密碼'));
  await r.press('1', '2', '3', '4', '5', '6');
  const typed = plain(await r.waitFor((f) => f.includes('******')));
  t.false(typed.includes('123456'));
  await r.press(KEYS.enter);
  await r.waitFor(() => effects.some((e) => e.type === 'verify-pin'));
  t.deepEqual(effects.filter((e) => e.type === 'verify-pin'), [{ type: 'verify-pin', who: 'staff', reader: 'R0', pin: '123456' }]);
  store.send({ type: 'pin-result', who: 'staff', ok: false, triesLeft: 2, blocked: false });
  const wrong = plain(await r.waitFor((f) => f.includes('密碼錯誤')));
  t.true(wrong.includes('尚可再試 2 次'));
  t.true(wrong.includes('剩餘嘗試次數：2'));
  t.false(wrong.includes('******'), 'the field is emptied after Enter');
  r.instance.unmount();
});

test('consent: verbal consent with one key; a PIN card asks the patient for the PIN instead', async (t) => {
  const { store, effects } = makeStore();
  const r = renderAt(app(store));
  logIn(store);
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  store.send({ type: 'patient-profile-read', reader: 'R1', profile: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M', cardNumber: '000012345678', pinSet: false, pinTriesLeft: 0, pinBlocked: false } });
  const consent = plain(await r.waitFor((f) => f.includes('口頭同意')));
  t.true(consent.includes('A12****789'));
  t.false(consent.includes('A123456789'));
  t.true(consent.includes('76 歲'));
  await r.press('y');
  await r.waitFor(() => effects.some((e) => e.type === 'start-lookup'));
  t.like(effects.find((e) => e.type === 'start-lookup'), { consent: 'verbal' });
  const loading = plain(await r.waitFor((f) => f.includes('正在查詢雲端藥歷')));
  t.true(loading.includes('西醫用藥'));
  store.send({ type: 'lookup-progress', lookupId: 1, endpoint: 'imue0008s02', state: 'done' });
  const progress = plain(await r.waitFor((f) => /西醫用藥\s+完成/.test(plain(f))));
  t.regex(progress, /過敏紀錄\s+等待/);
  r.instance.unmount();
});

test('loading: one line for every endpoint the look-up fetches, 摘要 (imue2000s01) included', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store));
  logIn(store);
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  store.send({ type: 'patient-profile-read', reader: 'R1', profile: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M', cardNumber: null, pinSet: false, pinTriesLeft: 0, pinBlocked: false } });
  await r.waitFor((f) => f.includes('口頭同意'));
  await r.press('y');
  const loading = plain(await r.waitFor((f) => f.includes('正在查詢雲端藥歷')));
  const waiting = loading.split('\n').filter((line) => /等待\s*$/.test(line));
  t.is(waiting.length, ENDPOINT_IDS.length, 'every endpoint of the look-up, waiting');
  t.regex(loading, /摘要\s+等待/);
  store.send({ type: 'lookup-progress', lookupId: 1, endpoint: 'imue2000s01', state: 'done' });
  t.regex(plain(await r.waitFor((f) => /摘要\s+完成/.test(plain(f)))), /西醫用藥\s+等待/);
  r.instance.unmount();
});

test('emergency entry: typed ID, birth date and reason; no reason is refused on screen', async (t) => {
  const { store, effects } = makeStore();
  const r = renderAt(app(store));
  logIn(store);
  await r.waitFor((f) => f.includes('請插入病人健保卡'));
  await r.press(KEYS.f3);
  await r.waitFor((f) => f.includes('緊急查詢'));
  await r.press('A123456789', KEYS.tab, '39/03/04', KEYS.enter);
  const refused = plain(await r.waitFor((f) => f.includes('必須填寫原因')));
  t.true(refused.includes('A123456789'), 'staff see what they typed');
  t.false(effects.some((e) => e.type === 'start-lookup'));
  await r.press(KEYS.tab, '病人昏迷', KEYS.enter);
  await r.waitFor(() => effects.some((e) => e.type === 'start-lookup'));
  t.like(effects.find((e) => e.type === 'start-lookup'), { consent: 'emergency', target: { nationalId: 'A123456789', birthDate: '1950-03-04' } });
  r.instance.unmount();
});

test('a cached view says it is cached; offline keeps it with a banner', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store));
  logIn(store);
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  store.send({ type: 'patient-profile-read', reader: 'R1', profile: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M', cardNumber: null, pinSet: false, pinTriesLeft: 0, pinBlocked: false } });
  store.send({ type: 'verbal-consent' });
  store.send({ type: 'lookup-cached', lookupId: 1, data: patientData(duplicateHistory(), 'cache') });
  const cached = plain(await r.waitFor((f) => f.includes('王小明') && f.includes('快取')));
  t.true(cached.includes('資料時間 115/11/23 10:05'));
  t.true(cached.includes('更新中'));
  store.send({ type: 'lookup-offline', lookupId: 1, error: { kind: 'network' } });
  const offline = plain(await r.waitFor((f) => f.includes('離線')));
  t.true(offline.includes('離線：顯示 115/11/23 10:05 的快取資料'));
  r.instance.unmount();
});

test('lookup failure and 403 are explained with a next step', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store));
  logIn(store);
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  store.send({ type: 'patient-profile-read', reader: 'R1', profile: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M', cardNumber: null, pinSet: false, pinTriesLeft: 0, pinBlocked: false } });
  store.send({ type: 'verbal-consent' });
  store.send({ type: 'lookup-failed', lookupId: 1, error: { kind: 'timeout' } });
  const failed = plain(await r.waitFor((f) => f.includes('查詢失敗')));
  t.true(failed.includes('(timeout)'));
  t.true(failed.includes('F8'));
  await r.press(KEYS.escape);
  await r.waitFor((f) => f.includes('請插入病人健保卡'));
  store.send({ type: 'card-removed', reader: 'R1' });
  store.send({ type: 'card-inserted', reader: 'R1', kind: 'patient' });
  store.send({ type: 'patient-profile-read', reader: 'R1', profile: { nationalId: 'A123456789', name: '王小明', birthDate: '1950-03-04', sex: 'M', cardNumber: null, pinSet: false, pinTriesLeft: 0, pinBlocked: false } });
  store.send({ type: 'verbal-consent' });
  store.send({ type: 'lookup-failed', lookupId: 2, error: { kind: 'staff-unauthorized' } });
  const refused = plain(await r.waitFor((f) => f.includes('403')));
  t.true(refused.includes('請取出醫事人員卡'));
  t.false(refused.includes('王小明'));
  r.instance.unmount();
});
