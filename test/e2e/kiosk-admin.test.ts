// The back office with real parts: in-process virtual cards, the MediCloud simulator on
// loopback, a real SQLite cache in a temporary YAOLI_HOME, the kiosk's clock injected. The
// administrator authorizes a pharmacist the cloud refused, the pharmacist looks up P002 and
// opens 特定管制用藥, and next month the administrator reads October's figures and exports
// them: every number checked against the audit rows counted by hand.
import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type AuditRow } from '../../src/core/cache/index.ts';
import { maskNationalId } from '../../src/core/domain/national-id.ts';
import { createSessionStore, initialSession, type PhaseName, type SessionStore } from '../../src/core/session/index.ts';
import { demoDeck, findPatient, findStaff } from '../../src/demo/deck.ts';
import { openWorld, type World } from '../../src/kiosk/world.ts';
import { until } from './store-wait.ts';

const deck = demoDeck();
const staffId = (deckId: string) => findStaff(deck, deckId)?.staffId ?? '?';
const patientId = (deckId: string) => findPatient(deck, deckId)?.nationalId ?? '?';

interface Kiosk {
  store: SessionStore;
  world: World;
  home: string;
  setTime(iso: string): void;
}

/** The kiosk's clock and "today" both follow `setTime`; the tests move it between days. */
async function openKiosk(start: string, home = mkdtempSync(join(tmpdir(), 'yaoli-admin-world-')), deckStaff?: boolean): Promise<Kiosk> {
  process.env.YAOLI_HOME = home;
  let now = Date.parse(start);
  const clock = () => now;
  const today = () => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  let world: World | null = null;
  const store = createSessionStore(initialSession(undefined, clock()), { clock, onEffect: (effect) => world?.run(effect) });
  world = await openWorld({ readers: 'virtual', cloud: null, seed: deck.seed, samFolder: null, store, clock, today, ...(deckStaff === undefined ? {} : { deckStaff }) });
  return { store, world, home, setTime: (iso) => void (now = Date.parse(iso)) };
}

const phase = (store: SessionStore, name: PhaseName) => until(store, () => store.getState().phase.name === name, `phase ${name}`);

async function logIn(k: Kiosk, deckId: string, expect: PhaseName = 'ready'): Promise<void> {
  await k.world.insertAtStart([deckId]);
  await phase(k.store, 'staff-pin');
  k.store.send({ type: 'staff-pin-entered', pin: findStaff(deck, deckId)?.pin ?? '' });
  await phase(k.store, expect);
}

async function pull(k: Kiosk, deckId: string, expect: PhaseName): Promise<void> {
  k.world.tray?.toggle(deckId);
  await phase(k.store, expect);
}

function auditRows(home: string): AuditRow[] {
  const { cache } = openCache({ path: join(home, 'cache.db'), keyFile: join(home, 'cache.key') });
  try {
    return cache.audit.list();
  } finally {
    cache.close();
  }
}

/** Hand-computed response-time figure: the median of the samples, nearest-rank p90/p99, the max. */
function figure(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const rank = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * n)) - 1] as number;
  return { count: n, median, p90: rank(90), p99: rank(99), max: sorted[n - 1] as number };
}

const BOM = '\ufeff';

test.serial('an administrator authorizes S06, who then looks up P002 and opens 特定管制用藥; next month the reports show it and export it to CSV', async (t) => {
  // 2026-10-15 10:00 in Taipei.
  const k = await openKiosk('2026-10-15T02:00:00Z');
  t.teardown(async () => {
    await k.world.close();
    rmSync(k.home, { recursive: true, force: true });
  });
  const s06 = maskNationalId(staffId('S06'));

  // Before: the cloud refuses S06 (403) and the refusal stays until the card is out.
  await logIn(k, 'S06');
  await k.world.insertAtStart(['P001']);
  await phase(k.store, 'consent');
  k.store.send({ type: 'verbal-consent' });
  await phase(k.store, 'staff-refused');
  t.is(k.store.getState().notice?.key, 'error.staff-unauthorized');
  k.world.tray?.toggle('P001');
  await pull(k, 'S06', 'idle');

  // S01, the 機構管理者, opens administration and types S06's national ID as a pharmacist.
  await logIn(k, 'S01');
  k.store.send({ type: 'open-overlay', overlay: 'admin' });
  await until(k.store, () => k.store.getState().admin?.busy === false, 'the staff list');
  t.deepEqual(k.store.getState().admin?.staff, [], 'a new kiosk lists nobody yet');
  k.store.send({ type: 'admin-action', op: { kind: 'add-typed', staffId: staffId('S06').toLowerCase(), role: 'pharmacist' } });
  await until(k.store, () => k.store.getState().admin?.message !== null && k.store.getState().admin?.busy === false, 'the answer');
  t.deepEqual(k.store.getState().admin?.message, { ok: true, key: 'staff-added', facts: { staff: s06, role: 'pharmacist' } });
  t.deepEqual(k.store.getState().admin?.staff, [{ staffId: staffId('S06'), masked: s06, name: s06, role: 'pharmacist', enabled: true, admin: false }]);
  k.store.send({ type: 'close-overlay' });
  await pull(k, 'S01', 'idle');

  // After: S06 logs in, looks up P002 (card PIN consent) and opens tab 5 (特定管制用藥).
  k.setTime('2026-10-15T02:10:00Z');
  await logIn(k, 'S06');
  await k.world.insertAtStart(['P002']);
  await phase(k.store, 'consent');
  k.store.send({ type: 'patient-pin-entered', pin: findPatient(deck, 'P002')?.pin ?? '' });
  await until(k.store, () => {
    const p = k.store.getState().phase;
    return p.name === 'patient-view' && p.data.source === 'cloud';
  }, 'P002 from the cloud');
  const view = k.store.getState().phase;
  t.true(view.name === 'patient-view' && view.data.history.careList.length > 0, 'P002 is on the care list');
  t.like(view.name === 'patient-view' ? view.data.careList : null, { source: 'api', onList: true }, "NHI's care-list Web API says so too");
  k.store.send({ type: 'tab-shown', tab: 'controlled' });
  k.store.send({ type: 'tab-shown', tab: 'summary' });
  k.store.send({ type: 'tab-shown', tab: 'controlled' });
  await until(k.store, () => k.store.getState().careListOpenedFor !== null, 'the care-list open');
  k.world.tray?.toggle('P002');
  await phase(k.store, 'ready');
  await pull(k, 'S06', 'idle');

  // The audit rows of October, counted by hand.
  const october = auditRows(k.home).filter((r) => r.at.toISOString() < '2026-10-31T16:00:00Z');
  const lookups = october.filter((r) => r.action === 'lookup');
  t.deepEqual(lookups.map((r) => [r.staffMasked, r.patientMasked, r.consent, r.outcome]), [
    [s06, maskNationalId(patientId('P001')), 'verbal', 'failed-forbidden'],
    [s06, maskNationalId(patientId('P002')), 'pin', 'ok'],
  ]);
  const opens = october.filter((r) => r.action === 'care-list-open');
  t.deepEqual(opens.map((r) => [r.staffMasked, r.patientMasked, r.at.toISOString()]), [[s06, maskNationalId(patientId('P002')), '2026-10-15T02:10:00.000Z']], 'once per look-up, however often the tab is shown');
  t.deepEqual(october.filter((r) => r.action.startsWith('admin.')).map((r) => [r.action, r.staffMasked, r.outcome]), [['admin.staff-add', maskNationalId(staffId('S01')), 'ok']]);
  const endpoints = [...new Set(lookups.flatMap((r) => Object.keys(r.latencies)))];
  t.true(['login', 'total', 'imue0008s02', 'care-list'].every((e) => endpoints.includes(e)), `endpoints timed: ${endpoints.join(' ')}`);
  const expectedLatency = new Map(endpoints.map((e) => [e, figure(lookups.flatMap((r) => (e in r.latencies ? [r.latencies[e] as number] : [])))]));
  t.is(expectedLatency.get('login')?.count, 2, 'both look-ups logged in (one refused)');
  t.is(expectedLatency.get('imue0008s02')?.count, 1, 'only the authorized look-up reached the data');

  // November 3: S01 opens the reports; they open on last month.
  k.setTime('2026-11-03T01:00:00Z');
  await logIn(k, 'S01');
  k.store.send({ type: 'open-overlay', overlay: 'reports' });
  await until(k.store, () => k.store.getState().reports?.loading === false, 'the figures');
  const reports = k.store.getState().reports;
  t.like(reports, { from: '2026-10-01', to: '2026-10-31', span: 'month', error: null });
  const report = reports?.report;
  if (!report) return t.fail('no report');
  t.is(report.lookups, 2);
  t.is(report.patients, 2);
  t.deepEqual(report.consent, { pin: 1, verbal: 1, emergency: 0, none: 0 });
  t.deepEqual(report.failures, [{ kind: 'forbidden', failed: 1, offline: 0 }]);
  t.deepEqual(report.periods.filter((p) => p.lookups > 0).map((p) => [p.label, p.lookups, p.patients, p.failed]), [['2026-10-12', 2, 2, 1]], 'both in the week of Monday 10/12');
  t.deepEqual(report.staff, [{ staff: s06, role: 'pharmacist', lookups: 2, patients: 2, emergency: 0, careListOpens: 1 }]);
  const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
  t.deepEqual(report.latency.map(({ endpoint, ...rest }): [string, unknown] => [endpoint, rest]).sort(byName), [...expectedLatency].sort(byName));
  // 開啟率: one open (S06, P002, that visit), not prescribed as far as the kiosk knows; whether the
  // visit prescribed the five classes comes from a visit list, so the denominator is not claimed.
  t.like(report.careList, { prescribingKnown: false, visitSource: 'audit', rate: { opened: 1, openedNotPrescribed: 1, openedAndPrescribed: 0, prescribedNotOpened: 0, denominator: 1, rate: null } });
  t.deepEqual(report.admin, [{ action: 'admin.staff-add', count: 1 }]);

  // c: one CSV file per figure under <YAOLI_HOME>/exports/<today>-<from>_<to>/, with a BOM.
  k.store.send({ type: 'report-export', lang: 'zh-TW' });
  await until(k.store, () => k.store.getState().reports?.exported !== null, 'the export');
  const dir = join(k.home, 'exports', '2026-11-03-2026-10-01_2026-10-31');
  t.deepEqual(k.store.getState().reports?.exported, { dir, files: 10 });
  t.deepEqual(readdirSync(dir).sort(), ['admin', 'cache_hits', 'care_list_open_rate', 'consent', 'coverage', 'emergency', 'failures', 'latency', 'periods', 'staff'].map((f) => `${f}.csv`));
  const csv = (name: string) => {
    const text = readFileSync(join(dir, `${name}.csv`), 'utf8');
    t.true(text.startsWith(BOM), `${name}.csv starts with a BOM`);
    return text.slice(1).trimEnd().split(/\r?\n/);
  };
  t.deepEqual(csv('care_list_open_rate'), ['項目,數值', 'opened,1', 'opened_and_prescribed,0', 'opened_not_prescribed,1', 'prescribed_not_opened,0', 'denominator,', 'rate,', 'visit_source,audit']);
  const latency = csv('latency');
  t.is(latency[0], '項目,次數,中位數,P90,P99,最大');
  t.deepEqual(latency.slice(1).sort(), [...expectedLatency].map(([e, f]) => `${e},${f.count},${f.median},${f.p90},${f.p99},${f.max}`).sort());
  t.deepEqual(csv('staff'), ['醫事人員,身分,查詢次數,病人數,緊急,關懷名單開啟', `${s06},pharmacist,2,2,0,1`]);
  t.deepEqual(csv('consent'), ['種類,次數', 'pin,1', 'verbal,1', 'emergency,0', 'none,0']);
  t.deepEqual(csv('admin'), ['動作,次數', 'admin.staff-add,1']);
  t.true(csv('periods').includes('2026-10-12,2026-10-18,2,2,0,1'));

  // The HIS drops its visit list beside the cache: the same screen now has 查詢率 and the open
  // rate's denominator. P002 (S06, prescribed, opened), P001 (not on the care list), P003 (S01,
  // prescribed, never opened) → opened and prescribed 1 + prescribed not opened 1 = 2, rate 1/2;
  // 查詢率: of 3 patients seen, 1 had a look-up that showed data (P001's was refused).
  writeFileSync(
    join(k.home, 'visits.csv'),
    ['visit_id,date,patient,staff,care_list,five_classes', `V1001,2026-10-15,${patientId('P002')},${s06},Y,Y`, `V1002,115/10/15,${patientId('P001')},${s06},N,N`, `V1003,2026-10-20,${patientId('P003')},${staffId('S01')},Y,Y`].join('\r\n'),
  );
  k.store.send({ type: 'close-overlay' });
  k.store.send({ type: 'open-overlay', overlay: 'reports' });
  await until(k.store, () => k.store.getState().reports?.loading === false && k.store.getState().reports?.report?.careList.prescribingKnown === true, 'the figures with the visit list');
  const withVisits = k.store.getState().reports?.report;
  t.like(withVisits?.careList, { prescribingKnown: true, visitSource: 'visits', rate: { opened: 1, openedAndPrescribed: 1, openedNotPrescribed: 0, prescribedNotOpened: 1, denominator: 2, rate: 0.5 } });
  t.like(withVisits?.coverage, { visits: 3, patientsSeen: 3, patientsLookedUp: 1, meetsThreshold: false });

  // The export is on record once, with its period: the key itself leaves no flow row of its own.
  const rows = auditRows(k.home);
  t.deepEqual(
    rows.filter((r) => r.action.includes('export')).map((r) => [r.action, r.staffMasked, r.outcome, r.reason]),
    [['admin.export', maskNationalId(staffId('S01')), 'ok', 'from=2026-10-01 to=2026-10-31 by=week']],
  );
});

test.serial('first set-up on a new kiosk: the first PIN-verified card holder becomes administrator; after that the list applies, across a restart', async (t) => {
  // deckStaff: false — the kiosk's own list alone decides, as with real readers (--readers pcsc).
  const home = mkdtempSync(join(tmpdir(), 'yaoli-first-setup-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const k = await openKiosk('2026-11-02T02:00:00Z', home, false);
  const s02 = maskNationalId(staffId('S02'));
  const s03 = maskNationalId(staffId('S03'));

  await logIn(k, 'S02');
  t.is(k.store.getState().notice?.key, 'notice.first-admin');
  t.true(k.store.getState().staff?.profile.admin);
  k.store.send({ type: 'open-overlay', overlay: 'admin' });
  await until(k.store, () => k.store.getState().admin?.busy === false && (k.store.getState().admin?.staff?.length ?? 0) > 0, 'the staff list with the first administrator');
  t.deepEqual(k.store.getState().admin?.staff, [{ staffId: staffId('S02'), masked: s02, name: findStaff(deck, 'S02')?.name, role: 'pharmacist', enabled: true, admin: true }]);
  k.store.send({ type: 'admin-action', op: { kind: 'add-typed', staffId: staffId('S03'), role: 'pharmacist' } });
  await until(k.store, () => k.store.getState().admin?.message?.key === 'staff-added', 'S03 added');
  k.store.send({ type: 'close-overlay' });
  await pull(k, 'S02', 'idle');

  // S04 is not on the list: refused after the PIN, until the card is out.
  await logIn(k, 'S04', 'staff-refused');
  t.is(k.store.getState().notice?.key, 'error.staff-not-listed');
  k.store.send({ type: 'open-overlay', overlay: 'admin' });
  t.is(k.store.getState().overlay, null);
  await pull(k, 'S04', 'idle');
  // S03, just authorized, logs in and looks up P001.
  await logIn(k, 'S03');
  t.false(k.store.getState().staff?.profile.admin);
  await k.world.insertAtStart(['P001']);
  await phase(k.store, 'consent');
  k.store.send({ type: 'verbal-consent' });
  await phase(k.store, 'patient-view');
  k.world.tray?.toggle('P001');
  await phase(k.store, 'ready');
  await pull(k, 'S03', 'idle');
  await k.world.close();

  // After a restart: the list is kept; S02 disables S03, who is then refused.
  const again = await openKiosk('2026-11-02T03:00:00Z', home, false);
  t.teardown(() => again.world.close());
  await logIn(again, 'S02');
  t.is(again.store.getState().notice, null, 'no second first set-up');
  t.true(again.store.getState().staff?.profile.admin);
  again.store.send({ type: 'open-overlay', overlay: 'admin' });
  await until(again.store, () => again.store.getState().admin?.busy === false, 'the list');
  again.store.send({ type: 'admin-action', op: { kind: 'set-enabled', staffId: staffId('S03'), enabled: false } });
  await until(again.store, () => again.store.getState().admin?.message?.key === 'staff-disabled', 'S03 disabled');
  again.store.send({ type: 'close-overlay' });
  await pull(again, 'S02', 'idle');
  await logIn(again, 'S03', 'staff-refused');
  t.is(again.store.getState().notice?.key, 'error.staff-disabled');
  await pull(again, 'S03', 'idle');
  await again.world.close();

  const rows = auditRows(home);
  t.true(rows.length > 0);
  t.deepEqual(rows.filter((r) => r.action.startsWith('admin.')).map((r) => [r.action, r.staffMasked, r.outcome]), [
    ['admin.bootstrap', s02, 'ok'],
    ['admin.staff-add', s02, 'ok'],
    ['admin.staff-disable', s02, 'ok'],
  ]);
  t.deepEqual(rows.filter((r) => r.action === 'staff-login').map((r) => [r.staffMasked, r.outcome]), [
    [s02, 'first-setup'],
    [maskNationalId(staffId('S04')), 'staff-not-listed'],
    [s03, 'ok'],
    [s02, 'ok'],
    [s03, 'staff-disabled'],
  ]);
  t.deepEqual(rows.filter((r) => r.action === 'lookup').map((r) => [r.staffMasked, r.outcome]), [[s03, 'ok']]);
});
