// Audit chain: append-only by trigger, tamper-evident by hash chain + head. The tamper
// tests go around the API with a second raw connection, as an attacker with the file would.
import test from 'ava';
import Database from 'better-sqlite3';
import { CacheError } from '../../../src/core/cache/index.ts';
import { auditRowHash } from '../../../src/core/cache/audit-chain.ts';
import type { StoredAuditRow } from '../../../src/core/cache/audit-chain.ts';
import type { Cache } from '../../../src/core/cache/index.ts';
import { open, OTHER_PATIENT_ID, PATIENT_ID, STAFF_ID, tempPlace, testClock } from './helpers.ts';
import type { Place } from './helpers.ts';

function fill(cache: Cache, rows: number): void {
  for (let i = 0; i < rows; i++) {
    cache.audit.append({
      action: 'lookup',
      staffId: STAFF_ID,
      staffRole: 'pharmacist',
      patientId: i % 2 === 0 ? PATIENT_ID : OTHER_PATIENT_ID,
      consent: 'pin',
      latencies: { imue0008s02: 120 + i, imue0040s02: 80 },
      outcome: 'ok',
    });
  }
}

/** A second connection that lifts the append-only guard, as anyone holding the file can. */
function tamper(place: Place, sql: string): void {
  const raw = new Database(place.db);
  raw.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  raw.exec(sql);
  raw.close();
}

test('appended rows chain and verify; rows come back masked with the staff ID unsealed', (t) => {
  const clock = testClock('2026-03-02T01:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  fill(cache, 5);
  t.deepEqual(cache.audit.verify(), { ok: true, rows: 5 });
  const [first] = cache.audit.tail(5);
  t.is(first?.seq, 1);
  t.is(first?.at.toISOString(), '2026-03-02T01:00:00.000Z');
  t.is(first?.patientMasked, 'A12****789');
  t.is(first?.staffMasked, 'B12****158');
  t.is(first?.staffId, STAFF_ID);
  t.is(first?.consent, 'pin');
  t.deepEqual(first?.latencies, { imue0008s02: 120, imue0040s02: 80 });
  t.false(JSON.stringify(cache.audit.tail(5)).includes(PATIENT_ID), 'no clear patient ID in rows');
});

test('the patient HMAC lets reports count distinct patients and find one patient', (t) => {
  const { cache } = open(t, tempPlace(t));
  fill(cache, 5);
  const rows = cache.audit.list();
  t.is(new Set(rows.map((r) => r.patientKey)).size, 2);
  t.deepEqual(
    cache.audit.forPatient(OTHER_PATIENT_ID).map((r) => r.seq),
    [2, 4],
  );
});

test('an empty log verifies', (t) => {
  const { cache } = open(t, tempPlace(t));
  t.deepEqual(cache.audit.verify(), { ok: true, rows: 0 });
});

test('UPDATE and DELETE through SQL are refused by the append-only triggers', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 2);
  const raw = new Database(place.db);
  const refusal = (sql: string): string => {
    try {
      raw.exec(sql);
      return 'allowed';
    } catch (error) {
      return `${(error as { code?: string }).code}: ${(error as { message?: string }).message}`;
    }
  };
  t.is(refusal("UPDATE audit SET outcome = 'x' WHERE seq = 1"), 'SQLITE_CONSTRAINT_TRIGGER: audit rows are append-only');
  t.is(refusal('DELETE FROM audit WHERE seq = 2'), 'SQLITE_CONSTRAINT_TRIGGER: audit rows are append-only');
  raw.close();
  t.true(cache.audit.verify().ok);
});

test('an edited row is found by its hash', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 6);
  tamper(place, "UPDATE audit SET outcome = 'refused' WHERE seq = 3");
  t.deepEqual(cache.audit.verify(), { ok: false, rows: 6, brokenAt: 3, reason: 'hash-mismatch' });
});

test('an edited row whose own hash is recomputed breaks the link from the next row', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 4);
  const raw = new Database(place.db);
  raw.exec('DROP TRIGGER audit_no_update');
  const row = raw.prepare('SELECT * FROM audit WHERE seq = 2').get() as StoredAuditRow;
  const edited = { ...row, outcome: 'refused' };
  raw.prepare('UPDATE audit SET outcome = ?, hash = ? WHERE seq = 2').run(edited.outcome, auditRowHash(edited));
  raw.close();
  t.deepEqual(cache.audit.verify(), { ok: false, rows: 4, brokenAt: 3, reason: 'prev-hash-mismatch' });
});

test('a deleted middle row is reported where the gap starts', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 6);
  tamper(place, 'DELETE FROM audit WHERE seq = 4');
  t.deepEqual(cache.audit.verify(), { ok: false, rows: 5, brokenAt: 4, reason: 'missing-row' });
});

test('a deleted middle row with the rest renumbered breaks the prev-hash link', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 5);
  tamper(place, 'DELETE FROM audit WHERE seq = 3; UPDATE audit SET seq = seq - 1 WHERE seq > 3; UPDATE audit_head SET count = 4');
  t.deepEqual(cache.audit.verify(), { ok: false, rows: 4, brokenAt: 3, reason: 'prev-hash-mismatch' });
});

test('a deleted last row is caught by the head (truncation)', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 6);
  tamper(place, 'DELETE FROM audit WHERE seq = 6');
  t.deepEqual(cache.audit.verify(), { ok: false, rows: 5, brokenAt: 6, reason: 'truncated' });
});

test('after a truncated tail, new rows keep the gap visible', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 3);
  tamper(place, 'DELETE FROM audit WHERE seq = 3');
  fill(cache, 1);
  const result = cache.audit.verify();
  t.false(result.ok);
  t.is(result.brokenAt, 3);
  t.is(result.reason, 'missing-row');
});

test('a deleted head row is reported', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  fill(cache, 2);
  tamper(place, 'DELETE FROM audit_head');
  t.is(cache.audit.verify().reason, 'head-missing');
});

test('an emergency reason is stored sealed and read back; a refused attempt without one is still recorded', (t) => {
  const place = tempPlace(t);
  const { cache } = open(t, place);
  const row = cache.audit.append({
    action: 'emergency-lookup',
    staffId: STAFF_ID,
    patientId: PATIENT_ID,
    consent: 'emergency',
    outcome: 'ok',
    reason: '病人昏迷，無法出示健保卡',
  });
  t.is(row.reason, '病人昏迷，無法出示健保卡');
  t.is(cache.audit.tail(1)[0]?.reason, '病人昏迷，無法出示健保卡');
  const refused = cache.audit.append({ action: 'emergency-refused', staffId: STAFF_ID, consent: 'emergency', outcome: 'refused', reason: '  ' });
  t.is(refused.reason, null);
  t.is(cache.audit.count(), 2);
  t.throws(() => cache.audit.append({ action: 'x', outcome: 'ok', reason: 'x'.repeat(501) }), { instanceOf: CacheError });
});

test('session-style entries: a masked staff ID in staffId and an epoch-ms time', (t) => {
  const { cache } = open(t, tempPlace(t));
  const row = cache.audit.append({ action: 'card-inserted', at: Date.UTC(2026, 2, 1, 1, 2, 3), staffId: 'B12****158', patientId: 'A12****789', outcome: 'ok' });
  t.is(row.staffMasked, 'B12****158');
  t.is(row.staffId, null);
  t.is(row.patientMasked, 'A12****789');
  t.is(row.patientKey, null);
  t.is(row.at.toISOString(), '2026-03-01T01:02:03.000Z');
  t.throws(() => cache.audit.append({ action: 'x', staffId: 'B1*', outcome: 'ok' }), { instanceOf: CacheError });
  t.throws(() => cache.audit.append({ action: 'x', at: Number.NaN, outcome: 'ok' }), { instanceOf: CacheError });
  t.true(cache.audit.verify().ok);
});

test('masked-only entries are accepted; a clear ID in a masked field is refused', (t) => {
  const { cache } = open(t, tempPlace(t));
  const row = cache.audit.append({ action: 'card-inserted', staffMasked: 'B12****158', patientMasked: 'A12****789', outcome: null, consent: null });
  t.is(row.patientKey, null);
  t.is(row.outcome, 'none');
  t.is(row.consent, 'none');
  t.throws(() => cache.audit.append({ action: 'x', patientMasked: PATIENT_ID, outcome: 'ok' }), { instanceOf: CacheError });
  t.throws(() => cache.audit.append({ action: 'bad action!', outcome: 'ok' }), { instanceOf: CacheError });
  t.throws(() => cache.audit.append({ action: 'x', outcome: 'ok', latencies: { a: -1 } }), { instanceOf: CacheError });
  t.true(cache.audit.verify().ok);
});

test('list() filters by time range', (t) => {
  const clock = testClock('2026-03-01T00:00:00.000Z');
  const { cache } = open(t, tempPlace(t), { clock });
  fill(cache, 1);
  clock.advanceDays(1);
  fill(cache, 2);
  t.is(cache.audit.list({ since: new Date('2026-03-01T12:00:00Z') }).length, 2);
  t.is(cache.audit.list({ until: new Date('2026-03-01T12:00:00Z') }).length, 1);
});
