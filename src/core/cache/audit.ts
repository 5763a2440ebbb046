// The audit log (SPEC §3.2): who looked up whom, when, with what consent, how fast, and how it
// ended. Append-only (triggers refuse UPDATE/DELETE) and tamper-evident (hash chain + head).
// Staff and patient IDs are stored sealed plus masked; the patient's HMAC lets reports count
// distinct patients and find one patient's accesses without ever storing the ID in clear.
import { maskNationalId } from '../domain/national-id.ts';
import { auditRowHash, verifyChain } from './audit-chain.ts';
import type { AuditHead, AuditVerifyResult, StoredAuditRow } from './audit-chain.ts';
import type { CacheContext } from './context.ts';
import { guarded } from './context.ts';
import { identityKey, openText, sealText } from './crypto.ts';
import { CacheError } from './errors.ts';
import { GENESIS_HASH } from './migrations.ts';
import { normalizeNationalId } from './snapshots.ts';

export type ConsentKind = 'pin' | 'verbal' | 'emergency' | 'none';
export const CONSENT_KINDS: readonly ConsentKind[] = ['pin', 'verbal', 'emergency', 'none'];

export interface AuditEntry {
  /** What happened, e.g. 'lookup', 'refresh', 'login', 'cache-purge'. */
  action: string;
  /** When it happened (the event's time, Date or epoch ms); defaults to the cache's clock. */
  at?: Date | number;
  /** The staff card holder's ID; stored sealed + masked. Null for system actions. A masked
   *  value ('B12****158') is accepted too and stored as the masked form only. */
  staffId?: string | null;
  /** Only when the full staff ID is not at hand: the masked form as is. */
  staffMasked?: string | null;
  staffRole?: string | null;
  /** The patient's national ID; stored sealed + masked + HMAC, never in clear (a masked value is accepted as above). */
  patientId?: string | null;
  /** Only when the full patient ID is not at hand (no HMAC then: not counted as a distinct patient). */
  patientMasked?: string | null;
  consent?: ConsentKind | null;
  /** Milliseconds per endpoint id (and e.g. 'total'). */
  latencies?: Readonly<Record<string, number>>;
  /** 'ok' or an error kind; null is stored as 'none'. */
  outcome: string | null;
  /** The reason given for emergency access (緊急查詢的理由); stored sealed. */
  reason?: string | null;
}

export interface AuditRow {
  seq: number;
  at: Date;
  staffId: string | null;
  staffMasked: string | null;
  staffRole: string | null;
  patientMasked: string | null;
  /** HMAC of the patient ID: equal for the same patient, meaningless without the key. */
  patientKey: string | null;
  action: string;
  consent: ConsentKind;
  latencies: Record<string, number>;
  outcome: string;
  reason: string | null;
}

export interface AuditLog {
  append(entry: AuditEntry): AuditRow;
  verify(): AuditVerifyResult;
  /** The last `n` rows, oldest first. */
  tail(n: number): AuditRow[];
  /** Rows with `since <= at < until`, oldest first (for reports). */
  list(range?: { since?: Date; until?: Date }): AuditRow[];
  /** Every access to one patient (looked up by HMAC), oldest first. */
  forPatient(nationalId: string): AuditRow[];
  count(): number;
}

const TOKEN = /^[A-Za-z][A-Za-z0-9._:-]{0,63}$/;
/** A masked ID has stars where the middle was; a clear ID must never land in the masked column. */
const MASKED = /^[A-Z0-9]{1,4}\*{2,}[A-Z0-9]{0,4}$/;
const ROLE = /^[a-z][a-z-]{0,31}$/;

export const staffAad = (seq: number): string => `audit-staff|${seq}`;
export const patientAad = (seq: number): string => `audit-patient|${seq}`;
export const reasonAad = (seq: number): string => `audit-reason|${seq}`;

function canonicalLatencies(latencies: Readonly<Record<string, number>> | undefined): string {
  const entries = Object.entries(latencies ?? {});
  const clean: [string, number][] = [];
  for (const [endpoint, ms] of entries) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new CacheError('bad-input', { what: 'audit latency' });
    clean.push([endpoint, Math.round(ms)]);
  }
  clean.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(clean));
}

function validate(entry: AuditEntry): void {
  if (!entry || typeof entry !== 'object') throw new CacheError('bad-input', { what: 'audit entry' });
  if (typeof entry.action !== 'string' || !TOKEN.test(entry.action)) throw new CacheError('bad-input', { what: 'audit action' });
  if (entry.outcome !== null && (typeof entry.outcome !== 'string' || !TOKEN.test(entry.outcome))) throw new CacheError('bad-input', { what: 'audit outcome' });
  if (entry.consent != null && !CONSENT_KINDS.includes(entry.consent)) throw new CacheError('bad-input', { what: 'audit consent' });
  for (const [field, value] of [['staff', entry.staffMasked], ['patient', entry.patientMasked]] as const) {
    if (value != null && (typeof value !== 'string' || !MASKED.test(value))) throw new CacheError('bad-input', { what: `audit ${field} masked ID` });
  }
  if (entry.at !== undefined && Number.isNaN(timeOf(entry.at))) throw new CacheError('bad-input', { what: 'audit time' });
  if (entry.staffRole != null && (typeof entry.staffRole !== 'string' || !ROLE.test(entry.staffRole))) {
    throw new CacheError('bad-input', { what: 'audit staff role' });
  }
  if (entry.reason != null && (typeof entry.reason !== 'string' || entry.reason.trim().length > 500)) throw new CacheError('bad-input', { what: 'audit reason' });
  // No rule here that an emergency row must carry a reason: the session refuses an emergency
  // lookup without one, and a refused or abandoned attempt must still be recorded as it was.
}

function timeOf(at: Date | number): number {
  if (at instanceof Date) return at.getTime();
  return typeof at === 'number' && Number.isFinite(at) ? new Date(at).getTime() : Number.NaN;
}

/** A full ID is sealed and HMACed; an already-masked one is kept as the masked form only. */
function splitId(id: string | null | undefined, masked: string | null | undefined, what: string): { id: string | null; masked: string | null } {
  if (id == null) return { id: null, masked: masked ?? null };
  if (typeof id === 'string' && id.includes('*')) {
    if (!MASKED.test(id)) throw new CacheError('bad-input', { what: `audit ${what} masked ID` });
    return { id: null, masked: id };
  }
  return { id: normalizeNationalId(id), masked: null };
}

export function createAuditLog(ctx: CacheContext): AuditLog {
  const { db } = ctx;
  const head = db.prepare<[], AuditHead>('SELECT count, last_hash FROM audit_head WHERE id = 1');
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit (seq, at, staff_sealed, staff_masked, staff_role, patient_masked, patient_key, patient_sealed,
       action, consent, latencies, outcome, reason_sealed, prev_hash, hash)
     VALUES (@seq, @at, @staff_sealed, @staff_masked, @staff_role, @patient_masked, @patient_key, @patient_sealed,
       @action, @consent, @latencies, @outcome, @reason_sealed, @prev_hash, @hash)`,
  );
  const moveHead = db.prepare('UPDATE audit_head SET count = ?, last_hash = ? WHERE id = 1');
  const all = db.prepare<[], StoredAuditRow>('SELECT * FROM audit ORDER BY seq');
  const total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM audit');
  const tail = db.prepare<[number], StoredAuditRow>('SELECT * FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT ?) ORDER BY seq');
  const range = db.prepare<[string, string], StoredAuditRow>('SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY seq');
  const byPatient = db.prepare<[string], StoredAuditRow>('SELECT * FROM audit WHERE patient_key = ? ORDER BY seq');

  function unsealOrNull(blob: Buffer | null, aad: string): string | null {
    if (blob === null) return null;
    try {
      return openText(ctx.keys, blob, aad);
    } catch {
      ctx.log({ kind: 'tampered-entry', detail: { table: 'audit' } });
      return null;
    }
  }

  function toRow(stored: StoredAuditRow): AuditRow {
    let latencies: Record<string, number> = {};
    try {
      latencies = JSON.parse(stored.latencies) as Record<string, number>;
    } catch {
      latencies = {};
    }
    return {
      seq: stored.seq,
      at: new Date(stored.at),
      staffId: unsealOrNull(stored.staff_sealed, staffAad(stored.seq)),
      staffMasked: stored.staff_masked,
      staffRole: stored.staff_role,
      patientMasked: stored.patient_masked,
      patientKey: stored.patient_key,
      action: stored.action,
      consent: (CONSENT_KINDS as readonly string[]).includes(stored.consent) ? (stored.consent as ConsentKind) : 'none',
      latencies,
      outcome: stored.outcome,
      reason: unsealOrNull(stored.reason_sealed, reasonAad(stored.seq)),
    };
  }

  return {
    append(entry) {
      validate(entry);
      const staff = splitId(entry.staffId, entry.staffMasked, 'staff');
      const patient = splitId(entry.patientId, entry.patientMasked, 'patient');
      const staffId = staff.id;
      const patientId = patient.id;
      const at = entry.at === undefined ? ctx.clock() : new Date(timeOf(entry.at));
      const latencies = canonicalLatencies(entry.latencies);
      const reason = typeof entry.reason === 'string' && entry.reason.trim() !== '' ? entry.reason.trim() : null;
      const stored = guarded(ctx, () =>
        db
          .transaction((): StoredAuditRow => {
            // The head is the source of truth for position: if the tail was deleted, the next
            // row still continues from the deleted row's hash, so the gap stays visible.
            const current = head.get();
            const previous = current ?? (() => {
              const row = last.get();
              return row ? { count: row.seq, last_hash: row.hash } : { count: 0, last_hash: GENESIS_HASH };
            })();
            const seq = previous.count + 1;
            const row: Omit<StoredAuditRow, 'hash'> = {
              seq,
              at: at.toISOString(),
              staff_sealed: staffId === null ? null : sealText(ctx.keys, staffId, staffAad(seq), ctx.nonces),
              staff_masked: staffId === null ? staff.masked : maskNationalId(staffId),
              staff_role: entry.staffRole ?? null,
              patient_masked: patientId === null ? patient.masked : maskNationalId(patientId),
              patient_key: patientId === null ? null : identityKey(ctx.keys, 'patient', patientId),
              patient_sealed: patientId === null ? null : sealText(ctx.keys, patientId, patientAad(seq), ctx.nonces),
              action: entry.action,
              consent: entry.consent ?? 'none',
              latencies,
              outcome: entry.outcome ?? 'none',
              reason_sealed: reason === null ? null : sealText(ctx.keys, reason, reasonAad(seq), ctx.nonces),
              prev_hash: previous.last_hash,
            };
            const full: StoredAuditRow = { ...row, hash: auditRowHash(row) };
            insert.run(full);
            if (current) moveHead.run(seq, full.hash);
            return full;
          })
          .immediate(),
      );
      return toRow(stored);
    },

    verify() {
      return guarded(ctx, () => {
        const result = verifyChain(all.iterate(), head.get(), GENESIS_HASH);
        return { ...result, rows: total.get()?.n ?? 0 };
      });
    },

    tail(n) {
      const limit = Number.isInteger(n) && n > 0 ? n : 20;
      return guarded(ctx, () => tail.all(limit)).map(toRow);
    },

    list({ since, until } = {}) {
      const from = since ? since.toISOString() : '';
      const to = until ? until.toISOString() : '\uffff';
      return guarded(ctx, () => range.all(from, to)).map(toRow);
    },

    forPatient(nationalId) {
      const key = identityKey(ctx.keys, 'patient', normalizeNationalId(nationalId));
      return guarded(ctx, () => byPatient.all(key)).map(toRow);
    },

    count() {
      return guarded(ctx, () => total.get()?.n ?? 0);
    },
  };
}
