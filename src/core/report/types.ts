// The report's input (audit rows, an optional visit list) and its output: every figure as
// plain data, so the CLI, the CSV/JSON writers and the kiosk's reports screen render the same.
import type { IsoDate } from '../domain/types.ts';
import type { OpenRate } from '../domain/open-rate.ts';

export type Granularity = 'day' | 'week' | 'month';

/** One audit row as the report needs it (src/core/cache AuditRecord satisfies it). */
export interface ReportRow {
  at: Date;
  action: string;
  staffMasked: string | null;
  staffRole: string | null;
  patientMasked: string | null;
  /** HMAC of the patient's ID; null on rows that only carry the masked form. */
  patientKey: string | null;
  consent: string;
  latencies: Readonly<Record<string, number>>;
  outcome: string;
  reason: string | null;
}

/** One line of an imported visit list (see docs/reports.md for the CSV). */
export interface Visit {
  visitId: string;
  date: IsoDate;
  /** The patient key (as in the audit log) of the visit's patient. */
  patientKey: string;
  /** Masked staff ID ('B12****158'), '' when the list does not say. */
  staff: string;
  /** On NHI's 關懷名單 that month; null when the list has no care_list column. */
  careList: boolean | null;
  /** Prescribed one of the five controlled classes; null when the list has no five_classes column. */
  fiveClasses: boolean | null;
}

export interface ReportOptions {
  /** First and last Asia/Taipei day of the period, inclusive. */
  from: IsoDate;
  to: IsoDate;
  by: Granularity;
  visits?: readonly Visit[];
  /** NHI's 查詢藥歷病人數比率 target (45 %). */
  coverageThreshold?: number;
}

export interface PeriodFigure {
  /** 'YYYY-MM-DD' (day), the Monday 'YYYY-MM-DD' (week) or 'YYYY-MM' (month). */
  label: string;
  from: IsoDate;
  to: IsoDate;
  lookups: number;
  patients: number;
  emergency: number;
  failed: number;
  /** With a visit list: patients seen in this period and how many of them were looked up in it. */
  patientsSeen: number | null;
  patientsLookedUp: number | null;
}

export interface LatencyFigure {
  /** Endpoint id (`imue0008s02`…), `login`, `cache` or `total`. */
  endpoint: string;
  count: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

export interface CacheHitFigure {
  /** 'kiosk': flow rows (cached table drawn first) ÷ look-ups started; 'lookup': outcome `cached` ÷ look-ups. */
  basis: 'kiosk' | 'lookup';
  hits: number;
  lookups: number;
  share: number | null;
}

export interface StaffFigure {
  staff: string;
  role: string | null;
  lookups: number;
  patients: number;
  emergency: number;
  careListOpens: number;
}

export interface CoverageFigure {
  visits: number;
  patientsSeen: number;
  patientsLookedUp: number;
  rate: number | null;
  threshold: number;
  meetsThreshold: boolean | null;
}

export interface CareListFigure {
  rate: OpenRate;
  /** False when nothing says which visits prescribed the five classes: the rate is not computable. */
  prescribingKnown: boolean;
  /** Where visits came from: the imported list, or (patient, Taipei day) from the audit log. */
  visitSource: 'visits' | 'audit';
}

export interface EmergencyFigure {
  at: Date;
  staff: string | null;
  patient: string | null;
  action: string;
  outcome: string;
  reason: string | null;
}

export interface FailureFigure {
  kind: string;
  /** Nothing on screen. */
  failed: number;
  /** The cloud failed but cached data was shown. */
  offline: number;
}

export interface Report {
  from: IsoDate;
  to: IsoDate;
  by: Granularity;
  rows: number;
  lookups: number;
  prefetches: number;
  patients: number;
  periods: PeriodFigure[];
  latency: LatencyFigure[];
  cacheHit: CacheHitFigure;
  staff: StaffFigure[];
  coverage: CoverageFigure | null;
  careList: CareListFigure;
  consent: Record<'pin' | 'verbal' | 'emergency' | 'none', number>;
  emergencyLookups: number;
  emergency: EmergencyFigure[];
  failures: FailureFigure[];
  admin: { action: string; count: number }[];
}
