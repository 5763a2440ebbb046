// One audit row per look-up (SPEC §3.2 audit log): who (staff), whom (the cache masks and
// seals the ID), what (lookup / prefetch), consent kind, per-endpoint latency and how it ended.
// Outcome tokens: `ok` (fresh), `cached` (cache young enough, cloud not asked), `superseded`
// (card swapped mid-fetch), `offline-<kind>` (cache shown, cloud unavailable), `failed-<kind>`.
import type { CloudError } from '../cloud/index.ts';
import type { LookupOptions, LookupOutcome } from './lookup.ts';

/** The audit entry as F's cache takes it (src/core/cache/audit.ts AuditEntry). */
export interface LookupAuditEntry {
  action: string;
  staffId?: string | null;
  staffRole?: string | null;
  patientId?: string | null;
  consent?: 'pin' | 'verbal' | 'emergency' | 'none';
  latencies?: Readonly<Record<string, number>>;
  outcome: string;
}

export interface LookupAudit {
  append(entry: LookupAuditEntry): unknown;
}

export function outcomeToken(outcome: LookupOutcome, error: CloudError | null): string {
  if (outcome === 'fresh') return 'ok';
  if (outcome === 'offline' || outcome === 'failed') return `${outcome}-${error?.kind ?? 'unknown'}`;
  return outcome;
}

/** Appends the row; an audit failure is returned as a warning, never thrown past the look-up. */
export function auditLookup(
  audit: LookupAudit,
  record: { options: LookupOptions; outcome: LookupOutcome; error: CloudError | null; latencies: Record<string, number> },
): Error | null {
  const { options } = record;
  try {
    audit.append({
      action: options.action ?? 'lookup',
      staffId: options.staff.staffId,
      staffRole: options.staff.role ?? null,
      patientId: options.patient.nationalId,
      consent: options.consent,
      latencies: record.latencies,
      outcome: outcomeToken(record.outcome, record.error),
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
