// Shared set-up for report tests: a real cache file in a temp folder, synthetic national IDs
// with valid check digits (they belong to nobody), and audit rows built the way the look-up
// (src/core/lookup/audit.ts) and the kiosk flow (src/core/session/audit.ts) append them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { openCache } from '../../../src/core/cache/index.ts';
import type { AuditEntry, Cache } from '../../../src/core/cache/index.ts';
import { nationalIdCheckDigit } from '../../../src/core/domain/national-id.ts';
import type { ReportRow } from '../../../src/core/report/index.ts';

export const STAFF_A = 'B120863158';
export const STAFF_B = 'A123456789';

export function syntheticId(n: number, letter = 'Q', sex = '2'): string {
  const first9 = `${letter}${sex}${String(n).padStart(7, '0')}`;
  return `${first9}${nationalIdCheckDigit(first9)}`;
}

export function tempCache(t: ExecutionContext): { cache: Cache; dir: string; db: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-report-'));
  const db = join(dir, 'cache.db');
  const keyFile = join(dir, 'cache.key');
  const { cache } = openCache({ path: db, keyFile, clock: () => new Date('2026-11-02T02:00:00Z') });
  t.teardown(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { cache, dir, db, keyFile };
}

/** The look-up's own row (G's auditLookup): full IDs, latencies, outcome token. */
export function lookupEntry(at: string, patientId: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    action: 'lookup',
    at: new Date(at),
    staffId: STAFF_A,
    staffRole: 'pharmacist',
    patientId,
    consent: 'pin',
    latencies: { cache: 2, login: 200, imue0008s02: 300, total: 520 },
    outcome: 'ok',
    ...extra,
  };
}

/** A row for the pure computeReport tests. */
export function row(at: string, extra: Partial<ReportRow> = {}): ReportRow {
  return {
    at: new Date(at),
    action: 'lookup',
    staffMasked: 'B12****158',
    staffRole: 'pharmacist',
    patientMasked: 'Q20****001',
    patientKey: 'k1',
    consent: 'pin',
    latencies: {},
    outcome: 'ok',
    reason: null,
    ...extra,
  };
}
