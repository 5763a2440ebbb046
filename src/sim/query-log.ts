// NHI logs every query made with insert_log=true (research anchors 1(b)); the simulator keeps
// the same log in memory so tests and trainers can see what the kiosk asked for. Only masked
// IDs are kept: patient data never leaves the data set, not even into the log.
import { maskNationalId } from '../core/domain/national-id.ts';
import type { EndpointId } from './endpoints.ts';

export interface QueryLogEntry {
  /** Server time of the request (ISO instant from the injected clock). */
  at: string;
  endpoint: EndpointId;
  /** Masked, e.g. 'A12****789'. */
  patient: string | null;
  staff: string | null;
  hospId: string | null;
  /** The client's `cli_datetime` exactly as sent. */
  cliDatetime: string | null;
  status: number;
}

export interface QueryLog {
  append(entry: Omit<QueryLogEntry, 'patient' | 'staff'> & { patientId: string | null; staffId: string | null }): void;
  entries(): QueryLogEntry[];
  clear(): void;
}

/** Bounded so a long training day cannot grow the process without limit. */
export const MAX_QUERY_LOG_ENTRIES = 10_000;

export function createQueryLog(limit = MAX_QUERY_LOG_ENTRIES): QueryLog {
  // A ring: once full, each append overwrites the oldest entry in place (no copy per request).
  let ring: QueryLogEntry[] = [];
  let oldest = 0;
  return {
    append({ patientId, staffId, ...rest }) {
      const entry = { ...rest, patient: patientId === null ? null : maskNationalId(patientId), staff: staffId === null ? null : maskNationalId(staffId) };
      if (ring.length < limit) {
        ring.push(entry);
        return;
      }
      ring[oldest] = entry;
      oldest = (oldest + 1) % limit;
    },
    entries: () => [...ring.slice(oldest), ...ring.slice(0, oldest)].map((e) => ({ ...e })),
    clear() {
      ring = [];
      oldest = 0;
    },
  };
}
