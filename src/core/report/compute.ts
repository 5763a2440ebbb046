// computeReport: one pass over the audit rows (any iterable, so a cursor streams them) into
// every figure of `yaoli report` and the kiosk's reports screen. Pure: no clock, no I/O;
// rows outside the period are skipped, so the caller may hand over more than it needs.
import {
  CARE_LIST_OPEN,
  CARE_LIST_PRESCRIBED,
  FLOW_LOOKUP_CACHED,
  FLOW_LOOKUP_START,
  LOOKUP,
  PREFETCH,
  failureOf,
  isEmergencyEntry,
  isLookupAction,
  showedData,
} from './actions.ts';
import { CARE_LIST_STEP, LOGIN_STEP } from '../lookup/step-names.ts';
import { careListTally } from './care-list.ts';
import { bucketsOf, taipeiDayNumber } from './period.ts';
import { Samples, share, summarize } from './stats.ts';
import type { EmergencyFigure, FailureFigure, LatencyFigure, PeriodFigure, Report, ReportOptions, ReportRow, StaffFigure } from './types.ts';

/** NHI 「鼓勵醫療院所即時查詢病患就醫資訊方案」: 查詢藥歷病人數比率 of at least 45 %. */
export const COVERAGE_THRESHOLD = 0.45;

const NO_STAFF = '—';

interface StaffTally {
  role: string | null;
  lookups: number;
  patients: Set<number>;
  emergency: number;
}

export function computeReport(rows: Iterable<ReportRow>, options: ReportOptions): Report {
  const { buckets, bucketOfDay, firstDay } = bucketsOf(options.from, options.to, options.by);
  const lastDay = firstDay + bucketOfDay.length - 1;
  const periods: PeriodFigure[] = buckets.map((b) => ({ ...b, lookups: 0, patients: 0, emergency: 0, failed: 0, patientsSeen: null, patientsLookedUp: null }));
  // Patients are interned to small integers once per row, so the five distinct-patient sets
  // below hash a number rather than a 64-character key (half the cost over 100,000 rows).
  const patientIndex = new Map<string, number>();
  const intern = (key: string): number => {
    let index = patientIndex.get(key);
    if (index === undefined) patientIndex.set(key, (index = patientIndex.size));
    return index;
  };
  const width = buckets.length;
  /** (patient, bucket) pairs as patient × buckets + bucket. */
  const patientsByBucket = new Set<number>();
  const lookedUpByBucket = new Set<number>();
  const patients = new Set<number>();
  const lookedUp = new Set<number>();
  const latency = new Map<string, Samples>();
  const staff = new Map<string, StaffTally>();
  const failures = new Map<string, FailureFigure>();
  const admin = new Map<string, number>();
  const consent = { pin: 0, verbal: 0, emergency: 0, none: 0 };
  const emergency: EmergencyFigure[] = [];
  const visits = (options.visits ?? []).filter((v) => v.date >= options.from && v.date <= options.to);
  const careList = careListTally(visits);
  let count = 0;
  let lookups = 0;
  let prefetches = 0;
  let emergencyLookups = 0;
  let lookupHits = 0;
  let flowStarts = 0;
  let flowHits = 0;

  for (const row of rows) {
    const day = taipeiDayNumber(row.at.getTime());
    if (day < firstDay || day > lastDay) continue;
    count++;
    const bucket = bucketOfDay[day - firstDay] ?? 0;
    const period = periods[bucket] as PeriodFigure;
    const action = row.action;
    const who = row.staffMasked ?? NO_STAFF;
    const patient = row.patientKey ?? row.patientMasked;
    const pid = patient === null ? -1 : intern(patient);

    if (isLookupAction(action)) {
      for (const endpoint in row.latencies) {
        let samples = latency.get(endpoint);
        if (!samples) latency.set(endpoint, (samples = new Samples()));
        samples.push(row.latencies[endpoint] as number);
      }
      const failure = failureOf(row.outcome);
      if (failure) {
        let figure = failures.get(failure.kind);
        if (!figure) failures.set(failure.kind, (figure = { kind: failure.kind, failed: 0, offline: 0 }));
        figure[failure.ending]++;
        if (failure.ending === 'failed') period.failed++;
      }
      if (row.patientKey !== null && showedData(row.outcome)) {
        lookedUp.add(pid);
        lookedUpByBucket.add(pid * width + bucket);
      }
    }
    if (action === LOOKUP) {
      lookups++;
      period.lookups++;
      if (row.outcome === 'cached') lookupHits++;
      const kind = row.consent in consent ? (row.consent as keyof typeof consent) : 'none';
      consent[kind]++;
      if (kind === 'emergency') {
        emergencyLookups++;
        period.emergency++;
      }
      if (pid >= 0) {
        patients.add(pid);
        patientsByBucket.add(pid * width + bucket);
      }
      let tally = staff.get(who);
      if (!tally) staff.set(who, (tally = { role: null, lookups: 0, patients: new Set(), emergency: 0 }));
      tally.lookups++;
      tally.role = row.staffRole ?? tally.role;
      if (pid >= 0) tally.patients.add(pid);
      if (kind === 'emergency') tally.emergency++;
    } else if (action === PREFETCH) {
      prefetches++;
    } else if (action === FLOW_LOOKUP_START) {
      flowStarts++;
    } else if (action === FLOW_LOOKUP_CACHED) {
      flowHits++;
    } else if ((action === CARE_LIST_OPEN || action === CARE_LIST_PRESCRIBED) && row.outcome === 'ok' && patient !== null) {
      const isoDay = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (action === CARE_LIST_OPEN) careList.open(who, patient, isoDay);
      else careList.prescribed(who, patient, isoDay);
    } else if (action.startsWith('admin.')) {
      admin.set(action, (admin.get(action) ?? 0) + 1);
    }
    if (isEmergencyEntry(row)) {
      emergency.push({ at: row.at, staff: row.staffMasked, patient: row.patientMasked, action, outcome: row.outcome, reason: row.reason });
    }
  }

  for (const pair of patientsByBucket) (periods[pair % width] as PeriodFigure).patients++;

  let coverage: Report['coverage'] = null;
  if (options.visits !== undefined) {
    const seen = new Set<string>();
    const seenByBucket = buckets.map(() => new Set<string>());
    for (const visit of visits) {
      seen.add(visit.patientKey);
      const index = bucketOfDay[taipeiDayNumber(Date.parse(`${visit.date}T00:00:00+08:00`)) - firstDay] ?? 0;
      seenByBucket[index]?.add(visit.patientKey);
    }
    const wasLookedUp = (key: string, bucket?: number): boolean => {
      const pid = patientIndex.get(key);
      if (pid === undefined) return false;
      return bucket === undefined ? lookedUp.has(pid) : lookedUpByBucket.has(pid * width + bucket);
    };
    const matched = [...seen].filter((key) => wasLookedUp(key)).length;
    for (const [i, set] of seenByBucket.entries()) {
      const period = periods[i] as PeriodFigure;
      period.patientsSeen = set.size;
      period.patientsLookedUp = [...set].filter((key) => wasLookedUp(key, i)).length;
    }
    const threshold = options.coverageThreshold ?? COVERAGE_THRESHOLD;
    const rate = share(matched, seen.size);
    coverage = { visits: visits.length, patientsSeen: seen.size, patientsLookedUp: matched, rate, threshold, meetsThreshold: rate === null ? null : rate >= threshold };
  }

  const { figure: careListFigure, opensByStaff } = careList.finish();
  const staffFigures: StaffFigure[] = [...staff.entries()].map(([who, tally]) => ({
    staff: who,
    role: tally.role,
    lookups: tally.lookups,
    patients: tally.patients.size,
    emergency: tally.emergency,
    careListOpens: opensByStaff.get(who) ?? 0,
  }));
  // Staff who only opened care lists (no look-up in the period) still appear.
  for (const [who, opens] of opensByStaff) {
    if (!staff.has(who)) staffFigures.push({ staff: who, role: null, lookups: 0, patients: 0, emergency: 0, careListOpens: opens });
  }
  staffFigures.sort((a, b) => b.lookups - a.lookups || (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : 0));

  const latencyFigures: LatencyFigure[] = [...latency.entries()]
    .map(([endpoint, samples]) => ({ endpoint, ...summarize(samples) }))
    .sort((a, b) => endpointOrder(a.endpoint) - endpointOrder(b.endpoint) || (a.endpoint < b.endpoint ? -1 : 1));

  const kiosk = flowStarts > 0;
  return {
    from: options.from,
    to: options.to,
    by: options.by,
    rows: count,
    lookups,
    prefetches,
    patients: patients.size,
    periods,
    latency: latencyFigures,
    cacheHit: kiosk
      ? { basis: 'kiosk', hits: flowHits, lookups: flowStarts, share: share(Math.min(flowHits, flowStarts), flowStarts) }
      : { basis: 'lookup', hits: lookupHits, lookups, share: share(lookupHits, lookups) },
    staff: staffFigures,
    coverage,
    careList: careListFigure,
    consent,
    emergencyLookups,
    emergency,
    failures: [...failures.values()].sort((a, b) => b.failed + b.offline - (a.failed + a.offline) || (a.kind < b.kind ? -1 : 1)),
    admin: [...admin.entries()].map(([action, n]) => ({ action, count: n })).sort((a, b) => (a.action < b.action ? -1 : 1)),
  };
}

/** total first, then the steps in the order a look-up takes them, endpoints by id, the care-list Web API last. */
function endpointOrder(endpoint: string): number {
  if (endpoint === 'total') return 0;
  if (endpoint === 'cache') return 1;
  if (endpoint === LOGIN_STEP) return 2;
  // NHI's care-list Web API runs beside the endpoints; listed after them, apart from MediCloud's pages.
  if (endpoint === CARE_LIST_STEP) return 4;
  return 3;
}
