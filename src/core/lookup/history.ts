// Cached snapshots and freshly fetched parts → one PatientHistory, through C's mappers. The
// cache keeps the raw JSON, so a cached answer is mapped again on every display: a fix to a
// mapper applies to yesterday's data too.
import { ENDPOINT_IDS, tryParseEndpoint, type EndpointId } from '../medicloud/index.ts';
import type { EndpointParts } from '../cloud/index.ts';
import type { Patient, PatientHistory } from '../domain/types.ts';

export interface StoredSnapshot {
  endpoint: string;
  payload: unknown;
  fetchedAt: Date;
}

export interface CachedParts {
  parts: EndpointParts;
  /** When each endpoint's data was fetched. */
  fetchedAt: Partial<Record<EndpointId, Date>>;
  /** Endpoints with no usable cached answer (never fetched, past the TTL, or no longer valid). */
  missing: EndpointId[];
}

function isEndpointId(value: string): value is EndpointId {
  return (ENDPOINT_IDS as readonly string[]).includes(value);
}

export function partsFromSnapshots(snapshots: readonly StoredSnapshot[]): CachedParts {
  const parts: Record<string, unknown> = {};
  const fetchedAt: Partial<Record<EndpointId, Date>> = {};
  for (const snapshot of snapshots) {
    if (!isEndpointId(snapshot.endpoint)) continue;
    // A cached answer the current schema rejects is treated as missing and fetched again.
    let parsed: ReturnType<typeof tryParseEndpoint>;
    try {
      parsed = tryParseEndpoint(snapshot.endpoint, snapshot.payload);
    } catch {
      continue; // a mapper failure on old data: refetch rather than crash the counter
    }
    if (!parsed.ok) continue;
    parts[snapshot.endpoint] = parsed.value;
    fetchedAt[snapshot.endpoint] = snapshot.fetchedAt;
  }
  const missing = ENDPOINT_IDS.filter((id) => !(id in parts));
  return { parts: parts as EndpointParts, fetchedAt, missing };
}

export function historyFromParts(patient: Patient | null, parts: EndpointParts): PatientHistory {
  return {
    patient,
    medications: parts.imue0008s02 ?? [],
    chronic: parts.imue0008s05 ?? [],
    cloudLeftover: parts.imue0120s01 ?? [],
    careList: parts.imue0009s02 ?? [],
    careListSummary: parts.imue0009s03 ?? [],
    allergies: parts.imue0040s02 ?? [],
    summary: parts.imue2000s01 ?? [],
  };
}

/** "Data as of": the oldest fetch time among the parts shown. */
export function oldest(dates: Iterable<Date | undefined>): Date | null {
  let result: Date | null = null;
  for (const date of dates) if (date && (result === null || date.getTime() < result.getTime())) result = date;
  return result;
}
