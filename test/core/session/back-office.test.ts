// The reports and administration overlays, the care-list open record and the daily purge as
// pure reducer steps: who may open them, which effects they ask for, what state they keep.
import test from 'ava';
import { initialSession, type PatientData, type SessionState } from '../../../src/core/session/index.ts';
import { computeReport } from '../../../src/core/report/index.ts';
import { findStaff } from '../../../src/demo/deck.ts';
import { PATIENT_READER, deck, loading, loggedIn, nonAudit, patientData, patientProfile, run } from './flow.ts';

const TODAY = '2026-11-23';
const emptyReport = (from: string, to: string) => computeReport([], { from, to, by: 'week' });

test('reports: refused to staff who are not administrators, audited; S01 opens last month and asks for its figures', (t) => {
  const other = run(loggedIn('S02'), [{ type: 'open-overlay', at: 5000, overlay: 'reports', today: TODAY }]);
  t.is(other.state.overlay, null);
  t.is(other.state.reports, null);
  t.is(other.state.notice?.key, 'error.not-admin');
  t.deepEqual(nonAudit(other.effects), []);
  t.like(other.audits[0], { action: 'reports-open', outcome: 'not-admin' });
  t.is(run(initialSession(), [{ type: 'open-overlay', at: 1, overlay: 'reports' }]).state.overlay, null, 'nobody logged in: refused');

  const admin = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'reports', today: TODAY }]);
  t.is(admin.state.overlay, 'reports');
  t.like(admin.state.reports, { from: '2026-10-01', to: '2026-10-31', span: 'month', loading: true, report: null });
  t.deepEqual(nonAudit(admin.effects), [{ type: 'load-report', from: '2026-10-01', to: '2026-10-31', by: 'week' }]);
  t.like(admin.audits[0], { action: 'open-reports', outcome: 'ok' });
});

test('reports: ← → move the period by its length, d/w/m change it; a late answer for another period is dropped', (t) => {
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'reports', today: TODAY }]).state;
  const back = run(open, [{ type: 'report-period', at: 5001, move: -1 }]);
  t.like(back.state.reports, { from: '2026-09-01', to: '2026-09-30', span: 'month' });
  const week = run(back.state, [{ type: 'report-period', at: 5002, span: 'week' }]);
  // The week holding the period's last day, Monday to Sunday.
  t.like(week.state.reports, { from: '2026-09-28', to: '2026-10-04', span: 'week' });
  t.deepEqual(nonAudit(week.effects), [{ type: 'load-report', from: '2026-09-28', to: '2026-10-04', by: 'day' }]);
  const nextWeek = run(week.state, [{ type: 'report-period', at: 5003, move: 1 }]);
  t.like(nextWeek.state.reports, { from: '2026-10-05', to: '2026-10-11' });
  const day = run(nextWeek.state, [{ type: 'report-period', at: 5004, span: 'day' }, { type: 'report-period', at: 5005, move: -1 }]);
  t.like(day.state.reports, { from: '2026-10-10', to: '2026-10-10', span: 'day' });

  const stale = run(day.state, [{ type: 'report-loaded', at: 5006, from: '2026-10-01', to: '2026-10-31', report: emptyReport('2026-10-01', '2026-10-31') }]);
  t.like(stale.state.reports, { loading: true, report: null });
  const fresh = run(day.state, [{ type: 'report-loaded', at: 5007, from: '2026-10-10', to: '2026-10-10', report: emptyReport('2026-10-10', '2026-10-10') }]);
  t.like(fresh.state.reports, { loading: false, report: { from: '2026-10-10' } });
  t.deepEqual(fresh.audits, [], 'the answer itself is not a flow row');
});

test('reports: c exports the shown period once the figures are there, in the screen language; Esc drops the figures', (t) => {
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'reports', today: TODAY }]).state;
  t.deepEqual(nonAudit(run(open, [{ type: 'report-export', at: 5001, lang: 'en' }]).effects), [], 'nothing to export before the figures came');
  const october = emptyReport('2026-10-01', '2026-10-31');
  const loaded = run(open, [{ type: 'report-loaded', at: 5002, from: '2026-10-01', to: '2026-10-31', report: october }]).state;
  const s01 = findStaff(deck, 'S01');
  const exported = run(loaded, [{ type: 'report-export', at: 5003, lang: 'en' }]);
  const actor = { staffId: s01?.staffId ?? '', role: 'pharmacist' };
  t.deepEqual(nonAudit(exported.effects), [{ type: 'export-report', from: '2026-10-01', to: '2026-10-31', by: 'week', lang: 'en', actor, report: october }], 'the figures on screen go along: the export does not compute them again');
  t.deepEqual(exported.audits, [], 'no session row: the back office writes the export\'s one `admin.export` row');
  // ← while September loads: October's figures stay on screen, but they are not September's.
  const moving = run(loaded, [{ type: 'report-period', at: 5003, move: -1 }, { type: 'report-export', at: 5003, lang: 'en' }]);
  t.deepEqual(nonAudit(moving.effects).at(-1), { type: 'export-report', from: '2026-09-01', to: '2026-09-30', by: 'week', lang: 'en', actor, report: null });
  const done = run(exported.state, [{ type: 'report-exported', at: 5004, dir: '/data/exports/2026-11-23-2026-10-01_2026-10-31', files: 10 }]);
  t.deepEqual(done.state.reports?.exported, { dir: '/data/exports/2026-11-23-2026-10-01_2026-10-31', files: 10 });
  t.deepEqual(done.audits, []);
  const failed = run(exported.state, [{ type: 'report-export-failed', at: 5005, kind: 'write-EACCES' }]);
  t.like(failed.state.reports, { error: 'write-EACCES' });
  t.deepEqual(failed.audits, [], 'the failure is on the back office\'s `admin.export` row, not a second one');
  const failedWhileMoving = run(moving.state, [{ type: 'report-export-failed', at: 5005, kind: 'write-ENOSPC' }]);
  t.like(failedWhileMoving.state.reports, { from: '2026-09-01', loading: true, error: 'write-ENOSPC' }, 'September is still loading');
  const loadFailed = run(open, [{ type: 'report-failed', at: 5005, kind: 'disk-full' }]);
  t.like(loadFailed.state.reports, { loading: false, error: 'disk-full' });
  t.deepEqual(loadFailed.audits.map((a) => [a.action, a.outcome]), [['report-failed', 'disk-full']], 'figures that could not be read: the session\'s row is their only record');
  const closed = run(done.state, [{ type: 'cancel', at: 5006 }]);
  t.is(closed.state.overlay, null);
  t.is(closed.state.reports, null);
});

test('reports: c by someone no longer an administrator exports nothing and is on record as refused', (t) => {
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'reports', today: TODAY }]).state;
  const loaded = run(open, [{ type: 'report-loaded', at: 5001, from: '2026-10-01', to: '2026-10-31', report: emptyReport('2026-10-01', '2026-10-31') }]).state;
  const demoted = { ...loaded, staff: loaded.staff && { ...loaded.staff, profile: { ...loaded.staff.profile, admin: false } } };
  const refused = run(demoted, [{ type: 'report-export', at: 5002, lang: 'en' }]);
  t.deepEqual(nonAudit(refused.effects), []);
  t.is(refused.state.notice?.key, 'error.not-admin');
  t.deepEqual(refused.audits.map((a) => [a.action, a.outcome]), [['report-export', 'not-admin']]);
});

test('admin: refused to non-administrators; S01 gets the list; a typed ID is checked before it leaves the screen', (t) => {
  const other = run(loggedIn('S02'), [{ type: 'open-overlay', at: 5000, overlay: 'admin' }, { type: 'admin-action', at: 5001, op: { kind: 'verify-audit' } }]);
  t.is(other.state.overlay, null);
  t.deepEqual(nonAudit(other.effects), []);
  t.deepEqual(other.audits.map((a) => [a.action, a.outcome]), [['admin-open', 'not-admin'], ['admin-action', 'not-admin']]);

  const s01 = findStaff(deck, 'S01');
  const actor = { staffId: s01?.staffId ?? '', role: 'pharmacist' };
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'admin' }]);
  t.deepEqual(nonAudit(open.effects), [{ type: 'admin-op', op: { kind: 'list' }, actor }]);
  const listed = run(open.state, [{ type: 'admin-loaded', at: 5001, staff: [{ staffId: 'B120863158', masked: 'B12****158', name: '陳藥師', role: 'pharmacist', enabled: true, admin: true }], message: null }]).state;
  t.like(listed.admin, { busy: false, staff: [{ masked: 'B12****158' }] });

  const bad = run(listed, [{ type: 'admin-action', at: 5002, op: { kind: 'add-typed', staffId: 'A123456788', role: 'pharmacist' } }]);
  t.deepEqual(nonAudit(bad.effects), []);
  t.like(bad.state.admin?.message, { ok: false, key: 'error.invalid-staff-id' });
  const role = run(listed, [{ type: 'admin-action', at: 5002, op: { kind: 'add-typed', staffId: 'A123456789', role: 'janitor' } }]);
  t.like(role.state.admin?.message, { key: 'error.invalid-role' });
  const good = run(listed, [{ type: 'admin-action', at: 5003, op: { kind: 'add-typed', staffId: ' a123456789 ', role: 'pharmacist' } }]);
  t.deepEqual(nonAudit(good.effects), [{ type: 'admin-op', op: { kind: 'add-typed', staffId: 'A123456789', role: 'pharmacist' }, actor }]);
  t.true(good.state.admin?.busy);
  t.deepEqual(nonAudit(run(good.state, [{ type: 'admin-action', at: 5004, op: { kind: 'verify-audit' } }]).effects), [], 'one operation at a time');
  t.false(JSON.stringify(good.state).includes('A123456789'), 'the typed ID is in the effect, not the state');
  t.false(JSON.stringify(good.audits).includes('A123456789'));
});

test('admin: purging every patient asks for y first; add-card needs a staff card in the other reader', (t) => {
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'admin' }, { type: 'admin-loaded', at: 5001, staff: [], message: null }]).state;
  const asked = run(open, [{ type: 'admin-action', at: 5002, op: { kind: 'purge', scope: 'all' } }]);
  t.deepEqual(nonAudit(asked.effects), []);
  t.is(asked.state.admin?.confirm, 'purge-all');
  const no = run(asked.state, [{ type: 'admin-confirm', at: 5003, yes: false }]);
  t.deepEqual(nonAudit(no.effects), []);
  t.is(no.state.admin?.confirm, null);
  const yes = run(asked.state, [{ type: 'admin-confirm', at: 5003, yes: true }]);
  t.like(nonAudit(yes.effects)[0], { type: 'admin-op', op: { kind: 'purge', scope: 'all' } });
  t.like(nonAudit(run(open, [{ type: 'admin-action', at: 5002, op: { kind: 'purge', scope: 'expired' } }]).effects)[0], { op: { kind: 'purge', scope: 'expired' } });

  const noCard = run(open, [{ type: 'admin-action', at: 5004, op: { kind: 'add-card' } }]);
  t.like(noCard.state.admin?.message, { key: 'admin.no-card' });
  const withCard = run(open, [
    { type: 'card-inserted', at: 5005, reader: PATIENT_READER, kind: 'staff' },
    { type: 'admin-action', at: 5006, op: { kind: 'add-card' } },
  ]);
  t.like(nonAudit(withCard.effects)[0], { type: 'admin-op', op: { kind: 'add-card', reader: PATIENT_READER } });
  t.is(withCard.state.overlay, 'admin', 'a staff card in the other reader does not disturb the session');
});

function withCareList(data: PatientData): PatientData {
  const row = { date: '2026-10-01', ingredient: 'ZOLPIDEM', ingredientCode: '2824801820', institution: { id: '3532052586', name: '仁愛診所', visitKind: 'outpatient' as const }, totalMg: 280, cloudTotalDdd: 28, memo: null };
  return { ...data, history: { ...data.history, careList: [row] } };
}

function viewing(data: PatientData): SessionState {
  return run(loading('P001'), [{ type: 'lookup-fresh', at: 3000, lookupId: 1, data }]).state;
}

test('care-list open: tab 5 with a care-list patient records one open per look-up; other tabs and patients none', (t) => {
  const state = viewing(withCareList(patientData()));
  const p001 = deck.patients.find((p) => p.deckId === 'P001');
  const s01 = findStaff(deck, 'S01');
  t.deepEqual(nonAudit(run(state, [{ type: 'tab-shown', at: 3001, tab: 'records' }]).effects), []);
  const opened = run(state, [{ type: 'tab-shown', at: 3002, tab: 'controlled' }, { type: 'tab-shown', at: 3003, tab: 'summary' }, { type: 'tab-shown', at: 3004, tab: 'controlled' }]);
  t.deepEqual(nonAudit(opened.effects), [{ type: 'care-list-open', at: 3002, staff: { staffId: s01?.staffId ?? '', role: 'pharmacist' }, patientId: p001?.nationalId ?? '' }]);
  t.deepEqual(opened.audits, [], 'the care-list row is the record; no flow row beside it');
  t.deepEqual(nonAudit(run(viewing(patientData()), [{ type: 'tab-shown', at: 3002, tab: 'controlled' }]).effects), [], 'not on the care list');
  t.deepEqual(nonAudit(run(loading('P001'), [{ type: 'tab-shown', at: 3002, tab: 'controlled' }]).effects), [], 'no data on screen yet');
  t.is(opened.state.careListOpenedFor, 1, 'remembers only a look-up id');
  // The card inserted again later: a new look-up, a new visit, one more open.
  const again = run(opened.state, [
    { type: 'close-patient', at: 4000 },
    { type: 'card-removed', at: 4001, reader: PATIENT_READER },
    { type: 'card-inserted', at: 4002, reader: PATIENT_READER, kind: 'patient' },
    { type: 'patient-profile-read', at: 4003, reader: PATIENT_READER, profile: patientProfile('P001') },
    { type: 'verbal-consent', at: 4004 },
    { type: 'lookup-cached', at: 4005, lookupId: 2, data: withCareList(patientData()) },
    { type: 'tab-shown', at: 4006, tab: 'controlled' },
    { type: 'lookup-fresh', at: 4007, lookupId: 2, data: withCareList(patientData()) },
    { type: 'tab-shown', at: 4008, tab: 'controlled' },
  ]);
  t.deepEqual(nonAudit(again.effects).filter((e) => e.type === 'care-list-open').map((e) => e.type === 'care-list-open' && e.at), [4006]);
});

test('daily purge: the first tick notes the Taipei day, the next day purges once', (t) => {
  const day1 = Date.parse('2026-11-23T15:59:00Z'); // 23:59 in Taipei
  const first = run(initialSession(), [{ type: 'tick', at: day1 }, { type: 'tick', at: day1 + 30_000 }]);
  t.deepEqual(nonAudit(first.effects), []);
  const next = run(first.state, [{ type: 'tick', at: day1 + 61_000 }, { type: 'tick', at: day1 + 62_000 }]);
  t.deepEqual(nonAudit(next.effects), [{ type: 'purge-expired' }]);
  t.deepEqual(next.audits, [], 'no session row: the back office writes the purge\'s one `cache-purge` row with its counts');
});

test('daily purge on the tick that also times out the patient: both happen, and the one row is the idle timeout\'s', (t) => {
  const state = viewing(patientData());
  const noted = run(state, [{ type: 'tick', at: 3500 }]).state;
  const next = run(noted, [{ type: 'tick', at: 3500 + 86_400_000 }]);
  t.is(next.state.phase.name, 'ready');
  t.deepEqual(nonAudit(next.effects), [{ type: 'purge-expired' }]);
  t.is(next.audits.length, 1);
  t.like(next.audits[0], { action: 'tick', from: 'patient-view', to: 'ready', outcome: 'idle-timeout' });
});

test('an overlay closed by logout or the staff card leaving takes its data along', (t) => {
  const open = run(loggedIn('S01'), [{ type: 'open-overlay', at: 5000, overlay: 'admin' }, { type: 'admin-loaded', at: 5001, staff: [{ staffId: 'B120863158', masked: 'B12****158', name: '陳藥師', role: 'pharmacist', enabled: true, admin: true }], message: null }]).state;
  const out = run(open, [{ type: 'logout', at: 5002 }]);
  t.is(out.state.overlay, null);
  t.is(out.state.admin, null);
});
