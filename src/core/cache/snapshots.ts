// Cached cloud responses: one current snapshot per patient and endpoint, sealed at rest.
// Patients are found by HMAC of the national ID; the ID itself is stored only sealed
// (rotate-key needs it to compute the new HMAC).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CacheContext } from './context.ts';
import { guarded } from './context.ts';
import { identityKey, open, seal, sealText } from './crypto.ts';
import { CacheError } from './errors.ts';

const DAY_MS = 86_400_000;

export interface Snapshot {
  /** Endpoint id, e.g. 'imue0008s02'. */
  endpoint: string;
  /** The raw JSON exactly as the cloud sent it. */
  payload: unknown;
  fetchedAt: Date;
}

export interface SnapshotInput {
  endpoint: string;
  payload: unknown;
  /** Defaults to the cache's clock. */
  fetchedAt?: Date;
}

export interface PurgeResult {
  snapshots: number;
  patients: number;
}

/** 身分證/居留證 shapes: a letter, then a digit or letter (old resident certificates), then 8 digits. */
const NATIONAL_ID = /^[A-Z][A-Z0-9][0-9]{8}$/;
const ENDPOINT = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function normalizeNationalId(nationalId: unknown): string {
  if (typeof nationalId !== 'string') throw new CacheError('bad-input', { what: 'national ID' });
  const id = nationalId.trim().toUpperCase();
  // The value itself never goes into the message.
  if (!NATIONAL_ID.test(id)) throw new CacheError('bad-input', { what: 'national ID' });
  return id;
}

export const snapshotAad = (patientKey: string, endpoint: string): string => `snapshot|${patientKey}|${endpoint}`;
export const patientIdAad = (patientKey: string): string => `patient-id|${patientKey}`;

export function patientKeyOf(ctx: CacheContext, nationalId: string): string {
  return identityKey(ctx.keys, 'patient', normalizeNationalId(nationalId));
}

/**
 * Plaintext layout inside the sealed blob: one codec byte, then the JSON text.
 * - small payloads: UTF-8 as is;
 * - the rest: deflate-raw of the text as UTF-16LE. MediCloud JSON repeats its field names and
 *   drug texts on every row, so a 500-record history shrinks ~30× (less to read and decrypt),
 *   and UTF-16LE decodes to a JS string about twice as fast as UTF-8 for text with CJK in it;
 *   see scripts/bench/cache.bench.ts. (Compressing before encrypting leaks only the length,
 *   and no attacker-chosen text is mixed with secrets.)
 */
const CODEC_UTF8_JSON = 0;
const CODEC_DEFLATE_UTF16_JSON = 1;
/** Below this, deflate's framing costs more than it saves. */
const DEFLATE_FROM_CHARS = 256;

function serialize(payload: unknown): Buffer {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch {
    text = undefined;
  }
  if (text === undefined) throw new CacheError('bad-input', { what: 'snapshot payload (not JSON)' });
  if (text.length < DEFLATE_FROM_CHARS) return Buffer.concat([Buffer.of(CODEC_UTF8_JSON), Buffer.from(text, 'utf8')]);
  return Buffer.concat([Buffer.of(CODEC_DEFLATE_UTF16_JSON), deflateRawSync(Buffer.from(text, 'utf16le'), { level: 6 })]);
}

function deserialize(plain: Buffer): unknown {
  const body = plain.subarray(1);
  if (plain[0] === CODEC_UTF8_JSON) return JSON.parse(body.toString('utf8'));
  if (plain[0] === CODEC_DEFLATE_UTF16_JSON) return JSON.parse(inflateRawSync(body).toString('utf16le'));
  throw new CacheError('tampered');
}

export interface SnapshotStore {
  get(nationalId: string, maxAgeDays: number): Snapshot[];
  put(nationalId: string, snapshots: readonly SnapshotInput[]): void;
  forget(nationalId: string): boolean;
  purgeOlderThan(days: number): PurgeResult;
  purgeAll(): PurgeResult;
}

export function createSnapshotStore(ctx: CacheContext): SnapshotStore {
  const { db } = ctx;
  const select = db.prepare<[string], { endpoint: string; payload: Buffer; fetched_at: number }>(
    'SELECT endpoint, payload, fetched_at FROM snapshots WHERE patient_key = ? ORDER BY endpoint',
  );
  const insertPatient = db.prepare('INSERT INTO patients (key, id_sealed, first_seen) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING');
  const upsert = db.prepare(
    `INSERT INTO snapshots (patient_key, endpoint, payload, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(patient_key, endpoint) DO UPDATE SET payload = excluded.payload, fetched_at = excluded.fetched_at`,
  );
  const deletePatient = db.prepare('DELETE FROM patients WHERE key = ?');
  const deleteOld = db.prepare('DELETE FROM snapshots WHERE fetched_at < ?');
  const deleteOrphans = db.prepare('DELETE FROM patients WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.patient_key = patients.key)');

  const purge = (cutoffMs: number): PurgeResult =>
    guarded(ctx, () =>
      db.transaction(() => ({ snapshots: deleteOld.run(cutoffMs).changes, patients: deleteOrphans.run().changes })).immediate(),
    );

  return {
    get(nationalId, maxAgeDays) {
      const key = patientKeyOf(ctx, nationalId);
      const cutoff = ctx.clock().getTime() - maxAgeDays * DAY_MS;
      const rows = guarded(ctx, () => select.all(key));
      const result: Snapshot[] = [];
      for (const row of rows) {
        if (row.fetched_at < cutoff) continue; // past the TTL: as good as purged
        try {
          const payload = deserialize(open(ctx.keys, row.payload, snapshotAad(key, row.endpoint)));
          result.push({ endpoint: row.endpoint, payload, fetchedAt: new Date(row.fetched_at) });
        } catch {
          // A row that fails authentication is treated as missing, so the lookup refetches it.
          ctx.log({ kind: 'tampered-entry', detail: { table: 'snapshots', endpoint: row.endpoint } });
        }
      }
      return result;
    },

    put(nationalId, snapshots) {
      const id = normalizeNationalId(nationalId);
      const key = identityKey(ctx.keys, 'patient', id);
      if (!Array.isArray(snapshots)) throw new CacheError('bad-input', { what: 'snapshots (not a list)' });
      const now = ctx.clock();
      // Validate and seal everything before the transaction: the write lock is held briefly.
      const rows = snapshots.map((snapshot) => {
        if (typeof snapshot?.endpoint !== 'string' || !ENDPOINT.test(snapshot.endpoint)) {
          throw new CacheError('bad-input', { what: 'snapshot endpoint' });
        }
        const fetchedAt = snapshot.fetchedAt ?? now;
        if (!(fetchedAt instanceof Date) || Number.isNaN(fetchedAt.getTime())) {
          throw new CacheError('bad-input', { what: 'snapshot fetchedAt' });
        }
        const sealed = seal(ctx.keys, serialize(snapshot.payload), snapshotAad(key, snapshot.endpoint), ctx.nonces);
        return { endpoint: snapshot.endpoint, sealed, fetchedAt: fetchedAt.getTime() };
      });
      if (rows.length === 0) return;
      const sealedId = sealText(ctx.keys, id, patientIdAad(key), ctx.nonces);
      guarded(ctx, () =>
        db
          .transaction(() => {
            insertPatient.run(key, sealedId, now.getTime());
            for (const row of rows) upsert.run(key, row.endpoint, row.sealed, row.fetchedAt);
          })
          .immediate(),
      );
    },

    forget(nationalId) {
      const key = patientKeyOf(ctx, nationalId);
      return guarded(ctx, () => deletePatient.run(key).changes > 0);
    },

    purgeOlderThan(days) {
      if (!Number.isFinite(days) || days < 0) throw new CacheError('bad-input', { what: 'purge days' });
      return purge(ctx.clock().getTime() - days * DAY_MS);
    },

    purgeAll() {
      return purge(Number.MAX_SAFE_INTEGER);
    },
  };
}
