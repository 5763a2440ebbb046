// The audit log's hash chain, as pure functions over stored rows. Each row's hash is
// SHA-256 over a canonical serialisation of all its columns plus the previous row's hash,
// so editing a row breaks its own hash and deleting one breaks the next row's prev_hash.
import { createHash } from 'node:crypto';

export { GENESIS_HASH } from './migrations.ts';

/** An audit row exactly as stored. */
export interface StoredAuditRow {
  seq: number;
  at: string;
  staff_sealed: Buffer | null;
  staff_masked: string | null;
  staff_role: string | null;
  patient_masked: string | null;
  patient_key: string | null;
  patient_sealed: Buffer | null;
  action: string;
  consent: string;
  latencies: string;
  outcome: string;
  reason_sealed: Buffer | null;
  prev_hash: string;
  hash: string;
}

const b64 = (blob: Buffer | null): string | null => (blob === null ? null : Buffer.from(blob).toString('base64'));

/**
 * A JSON array in fixed column order: types are only strings, integers and null, so the
 * text is unambiguous (no key order, no float formatting, no separator collisions).
 */
export function canonicalAuditRow(row: Omit<StoredAuditRow, 'hash'>): string {
  return JSON.stringify([
    'yaoli-audit-v1',
    row.seq,
    row.at,
    b64(row.staff_sealed),
    row.staff_masked,
    row.staff_role,
    row.patient_masked,
    row.patient_key,
    b64(row.patient_sealed),
    row.action,
    row.consent,
    row.latencies,
    row.outcome,
    b64(row.reason_sealed),
    row.prev_hash,
  ]);
}

export function auditRowHash(row: Omit<StoredAuditRow, 'hash'>): string {
  return createHash('sha256').update(canonicalAuditRow(row), 'utf8').digest('hex');
}

export type AuditBreak =
  | 'missing-row' // a seq number is skipped: a row in the middle was deleted
  | 'prev-hash-mismatch' // the row does not follow the one before it
  | 'hash-mismatch' // the row's contents were edited
  | 'truncated' // fewer rows than the head says: the tail was deleted
  | 'extra-rows' // more rows than the head says: rows were inserted around the API
  | 'head-mismatch' // the head's last hash is not the last row's hash
  | 'head-missing';

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  /** seq of the first row where the chain breaks. */
  brokenAt?: number;
  reason?: AuditBreak;
}

export interface AuditHead {
  count: number;
  last_hash: string;
}

/** Walks rows in seq order; the first break wins. */
export function verifyChain(rows: Iterable<StoredAuditRow>, head: AuditHead | undefined, genesis: string): AuditVerifyResult {
  let previous = genesis;
  let expected = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expected) return { ok: false, rows: count, brokenAt: expected, reason: 'missing-row' };
    if (row.prev_hash !== previous) return { ok: false, rows: count, brokenAt: row.seq, reason: 'prev-hash-mismatch' };
    if (auditRowHash(row) !== row.hash) return { ok: false, rows: count, brokenAt: row.seq, reason: 'hash-mismatch' };
    previous = row.hash;
    expected++;
  }
  if (!head) return { ok: false, rows: count, brokenAt: count + 1, reason: 'head-missing' };
  if (head.count > count) return { ok: false, rows: count, brokenAt: count + 1, reason: 'truncated' };
  if (head.count < count) return { ok: false, rows: count, brokenAt: head.count + 1, reason: 'extra-rows' };
  if (head.last_hash !== previous) return { ok: false, rows: count, brokenAt: Math.max(count, 1), reason: 'head-mismatch' };
  return { ok: true, rows: count };
}
