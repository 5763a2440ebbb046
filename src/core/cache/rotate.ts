// `yaoli cache rotate-key`: re-seal every sealed field and re-key every HMAC under a fresh key,
// in one transaction, then swap the key file atomically. Order (crash-safe at every step):
//   1. verify the audit chain (a broken chain is never re-sealed: rotation must not launder it);
//   2. write <key>.old (copy of the current key) and <key>.new (the new key), both 0600;
//   3. one IMMEDIATE transaction: patients, snapshots, staff, audit rows (re-chained), head,
//      key fingerprint, and a 'key-rotated' audit row naming the previous chain head;
//   4. rename <key>.new over <key>, fsync the folder, delete <key>.old.
// A crash before 3 commits leaves the old key valid (openCache deletes the leftovers); a crash
// between 3 and 4 leaves a database that matches <key>.new, and openCache finishes step 4.
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditLog } from './audit.ts';
import { patientAad, reasonAad, staffAad } from './audit.ts';
import { auditRowHash, GENESIS_HASH } from './audit-chain.ts';
import type { StoredAuditRow } from './audit-chain.ts';
import type { CacheContext } from './context.ts';
import { deriveKeys, identityKey, open, openText, seal, sealText } from './crypto.ts';
import type { CacheKeys } from './crypto.ts';
import { CacheError, toCacheError } from './errors.ts';
import { KEY_BYTES, syncDir, writeNewKeyFile } from './key-file.ts';
import { pendingKeyFile, previousKeyFile } from './keyring.ts';
import type { Keyring } from './keyring.ts';
import { AUDIT_GUARDS, DROP_AUDIT_GUARDS } from './migrations.ts';
import { patientIdAad, snapshotAad } from './snapshots.ts';
import { staffIdAad, staffNameAad } from './staff.ts';

export interface RotationResult {
  patients: number;
  snapshots: number;
  staff: number;
  auditRows: number;
  /** Rows that failed authentication under the old key and were dropped (cache only; never audit). */
  dropped: { patients: number; snapshots: number; staff: number };
}

interface RotationDeps {
  keyring: Keyring;
  setKeyring: (next: Keyring) => void;
  audit: AuditLog;
}

const tryOpen = (keys: CacheKeys, blob: Buffer, aad: string): Buffer | null => {
  try {
    return open(keys, blob, aad);
  } catch {
    return null;
  }
};

function resealPatientsAndSnapshots(ctx: CacheContext, from: CacheKeys, to: CacheKeys, result: RotationResult): void {
  const { db } = ctx;
  const patients = db.prepare<[], { key: string; id_sealed: Buffer }>('SELECT key, id_sealed FROM patients').all();
  const snapshotsOf = db.prepare<[string], { endpoint: string; payload: Buffer }>('SELECT endpoint, payload FROM snapshots WHERE patient_key = ?');
  const dropPatient = db.prepare('DELETE FROM patients WHERE key = ?');
  const dropSnapshot = db.prepare('DELETE FROM snapshots WHERE patient_key = ? AND endpoint = ?');
  const rekey = db.prepare('UPDATE patients SET key = ?, id_sealed = ? WHERE key = ?');
  const reseal = db.prepare('UPDATE snapshots SET payload = ? WHERE patient_key = ? AND endpoint = ?');
  for (const patient of patients) {
    const id = tryOpen(from, patient.id_sealed, patientIdAad(patient.key))?.toString('utf8');
    if (id === undefined) {
      result.dropped.patients++;
      dropPatient.run(patient.key);
      continue;
    }
    const newKey = identityKey(to, 'patient', id);
    const plain: { endpoint: string; payload: Buffer }[] = [];
    for (const snapshot of snapshotsOf.all(patient.key)) {
      const payload = tryOpen(from, snapshot.payload, snapshotAad(patient.key, snapshot.endpoint));
      if (payload === null) {
        result.dropped.snapshots++;
        dropSnapshot.run(patient.key, snapshot.endpoint);
      } else {
        plain.push({ endpoint: snapshot.endpoint, payload });
      }
    }
    rekey.run(newKey, sealText(to, id, patientIdAad(newKey), ctx.nonces), patient.key); // cascades to snapshots
    for (const snapshot of plain) {
      reseal.run(seal(to, snapshot.payload, snapshotAad(newKey, snapshot.endpoint), ctx.nonces), newKey, snapshot.endpoint);
      result.snapshots++;
    }
    result.patients++;
  }
}

function resealStaff(ctx: CacheContext, from: CacheKeys, to: CacheKeys, result: RotationResult): void {
  const { db } = ctx;
  const rows = db.prepare<[], { key: string; id_sealed: Buffer; name_sealed: Buffer }>('SELECT key, id_sealed, name_sealed FROM staff').all();
  const drop = db.prepare('DELETE FROM staff WHERE key = ?');
  const rekey = db.prepare('UPDATE staff SET key = ?, id_sealed = ?, name_sealed = ? WHERE key = ?');
  for (const row of rows) {
    const id = tryOpen(from, row.id_sealed, staffIdAad(row.key))?.toString('utf8');
    const name = tryOpen(from, row.name_sealed, staffNameAad(row.key))?.toString('utf8');
    if (id === undefined || name === undefined) {
      result.dropped.staff++;
      drop.run(row.key);
      continue;
    }
    const newKey = identityKey(to, 'staff', id);
    rekey.run(newKey, sealText(to, id, staffIdAad(newKey), ctx.nonces), sealText(to, name, staffNameAad(newKey), ctx.nonces), row.key);
    result.staff++;
  }
}

/** Re-seals audit fields and rebuilds the chain over the new bytes; the old chain was verified first. */
function resealAudit(ctx: CacheContext, from: CacheKeys, to: CacheKeys, result: RotationResult): void {
  const { db } = ctx;
  const rows = db.prepare<[], StoredAuditRow>('SELECT * FROM audit ORDER BY seq').all();
  const update = db.prepare(
    'UPDATE audit SET staff_sealed = ?, patient_key = ?, patient_sealed = ?, reason_sealed = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  );
  const reopen = (blob: Buffer | null, aad: string): string | null => {
    if (blob === null) return null;
    // The chain verified, so these bytes are as appended; failing here means a different key wrote them.
    return openText(from, blob, aad);
  };
  const resealOrNull = (text: string | null, aad: string): Buffer | null => (text === null ? null : sealText(to, text, aad, ctx.nonces));
  db.exec(DROP_AUDIT_GUARDS);
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const staffId = reopen(row.staff_sealed, staffAad(row.seq));
    const patientId = reopen(row.patient_sealed, patientAad(row.seq));
    const reason = reopen(row.reason_sealed, reasonAad(row.seq));
    const next: Omit<StoredAuditRow, 'hash'> = {
      ...row,
      staff_sealed: resealOrNull(staffId, staffAad(row.seq)),
      patient_key: patientId === null ? row.patient_key : identityKey(to, 'patient', patientId),
      patient_sealed: resealOrNull(patientId, patientAad(row.seq)),
      reason_sealed: resealOrNull(reason, reasonAad(row.seq)),
      prev_hash: previous,
    };
    const hash = auditRowHash(next);
    update.run(next.staff_sealed, next.patient_key, next.patient_sealed, next.reason_sealed, next.prev_hash, hash, row.seq);
    previous = hash;
    result.auditRows++;
  }
  db.prepare('UPDATE audit_head SET last_hash = ? WHERE id = 1').run(previous);
  db.exec(AUDIT_GUARDS);
}

export function rotateCacheKey(ctx: CacheContext, { keyring, setKeyring, audit }: RotationDeps): RotationResult {
  const before = audit.verify();
  if (!before.ok) throw new CacheError('audit-broken', { row: before.brokenAt ?? 0, reason: before.reason ?? '' });
  const oldHead = ctx.db.prepare<[], { last_hash: string }>('SELECT last_hash FROM audit_head WHERE id = 1').get()?.last_hash ?? GENESIS_HASH;

  const master = ctx.nonces(KEY_BYTES);
  const next: Keyring = { keys: deriveKeys(master), master, created: false, finishedRotation: false };
  const pending = pendingKeyFile(ctx.keyFile);
  const previous = previousKeyFile(ctx.keyFile);
  writeNewKeyFile(previous, keyring.master, { replace: true });
  writeNewKeyFile(pending, master, { replace: true });

  const result: RotationResult = { patients: 0, snapshots: 0, staff: 0, auditRows: 0, dropped: { patients: 0, snapshots: 0, staff: 0 } };
  try {
    ctx.db
      .transaction(() => {
        resealPatientsAndSnapshots(ctx, keyring.keys, next.keys, result);
        resealStaff(ctx, keyring.keys, next.keys, result);
        resealAudit(ctx, keyring.keys, next.keys, result);
        ctx.db.prepare("UPDATE meta SET value = ? WHERE key = 'key_check'").run(next.keys.check);
        setKeyring(next);
        audit.append({ action: 'key-rotated', outcome: 'ok', reason: `re-sealed ${result.auditRows} audit rows; previous chain head ${oldHead}` });
      })
      .immediate();
  } catch (error) {
    setKeyring(keyring);
    for (const leftover of [pending, previous]) if (existsSync(leftover)) unlinkSync(leftover);
    throw toCacheError(error, ctx.path);
  }
  try {
    renameSync(pending, ctx.keyFile);
    syncDir(dirname(ctx.keyFile));
    unlinkSync(previous);
  } catch (error) {
    // The database is committed under the new key and <key>.new holds it: openCache will finish.
    throw toCacheError(error, ctx.keyFile);
  }
  return result;
}
