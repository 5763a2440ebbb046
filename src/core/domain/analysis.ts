// Everything the counter screen shows for one patient, computed from the mapped cloud history
// and today's date: each record's leftover and per-dose, per-group carry-over leftover,
// chronic refill status, duplicates, the controlled-drug care list, elderly cautions and
// allergies, plus one sorted alert list. Pure: the same history and day give the same answer.
import type { AllergyRecord, Alert, ChronicPrescription, IsoDate, Patient, PatientHistory, SummaryNote } from './types.ts';
import { compareIso, daysBetween } from './dates.ts';
import { recordStart } from './leftover.ts';
import { groupsOfPrepared, type GroupLeftover } from './group-leftover.ts';
import { PreparedHistory } from './prepared-history.ts';
import { sortedByKeys } from './day-order.ts';
import { allergenMatchAlerts } from './allergen-matches.ts';
import { interactionAlerts } from './elderly-interactions.ts';
import { exceptionCodeAlerts } from './exception-codes.ts';
import type { AnalyzedRecord } from './analyzed-record.ts';
import { earlyFills, fillsKnown, fillsTaken, refillStatus, sortRefills, type EarlyFill, type JudgedPrescription, type RefillRules, type RefillStatus } from './refill.ts';
import { elderlyOfPrepared, patientAge, type ElderlyCaution } from './elderly.ts';
import { duplicatesOfPrepared, type DuplicateAlert } from './duplicates.ts';
import { duplicateAlerts } from './duplicate-alerts.ts';
import { careListAlerts, careListStats, type CareListMonth } from './care-list.ts';
import { sortAlerts } from './alerts.ts';
import { summaryAlerts } from './summary-alerts.ts';
import { allergyAlerts } from './allergies.ts';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './settings.ts';
import { OnHand, substanceKey, substanceOfDrug } from './drug-substances.ts';

export type { AnalyzedRecord } from './analyzed-record.ts';

export interface Analysis {
  today: IsoDate;
  patient: Patient | null;
  age: number | null;
  /** Newest first (by leftover start date), as the cloud lists them. */
  records: AnalyzedRecord[];
  /** Per 同成分同劑型 group, largest leftover first. */
  groups: GroupLeftover[];
  /** Valid prescriptions first (eligible, too early), then expired, then completed. */
  refills: RefillStatus[];
  duplicates: DuplicateAlert[];
  careList: CareListMonth[];
  elderly: ElderlyCaution[];
  allergies: AllergyRecord[];
  /** NHI's 摘要 notes (imue2000s01), as the cloud lists them. */
  summary: SummaryNote[];
  /** critical → warning → info. */
  alerts: Alert[];
  /** 「查無資料」: the cloud returned no medication records and no chronic prescriptions. */
  empty: boolean;
}

/** The seed material asks staff to review patients over 75 first (reference: 大於75歲中高齡就醫者). */
const REVIEW_FIRST_AGE = 75;

function byNewest(a: AnalyzedRecord, b: AnalyzedRecord): number {
  return compareIso(recordStart(b.record), recordStart(a.record)) || compareIso(b.record.visitDate, a.record.visitDate);
}

function refillFacts(s: RefillStatus, totalDays: number, daysPerFill: number, onHandDays: number): Alert['facts'] {
  return {
    drugName: s.drugName, drugCode: s.drugCode, fill: s.fill, fills: s.fills, nextFill: s.fill + 1,
    nextFrom: s.nextFrom ?? '', nextUntil: s.nextUntil ?? '',
    validFrom: s.validFrom, validUntil: s.validUntil, daysUntil: s.daysUntilAllowed, totalDays, daysPerFill,
    // One shape for every refill alert (refill.replaced cites these two).
    prescriptionDate: s.prescriptionDate, newerDate: s.replacedBy ?? '', newerDrugName: s.replacedByDrugName ?? '', onHandDays,
  };
}

const NO_EARLY_FILLS: readonly EarlyFill[] = Object.freeze([]);

/**
 * Refill alerts: collectable today (info), too early (warning: dispensing now is an early
 * refill NHI deducts), expired with fills left (info; 'no fill left' while validity has not
 * ended yet), and every data anomaly (warning). Completed prescriptions say nothing.
 * A prescription a newer one of the same drug has replaced says so instead (warning while it
 * still has fills to collect: the patient holds two slips, and collecting the older one on top
 * of the newer is a duplicate; nothing once it has expired).
 * `prescriptions` are in the statuses' order.
 */
function refillAlerts(statuses: RefillStatus[], prescriptions: JudgedPrescription[], today: IsoDate, onHand: OnHand, rules: RefillRules): Alert[] {
  const alerts: Alert[] = [];
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i] as RefillStatus;
    const p = prescriptions[i] as JudgedPrescription;
    const valid = compareIso(today, s.validUntil) <= 0;
    // A completed prescription says nothing of its status, only its early pickups while still
    // valid (every fill collected early piled supply up): no facts to build for the rest.
    const early = valid ? earlyFills(p, rules) : NO_EARLY_FILLS;
    if (s.status === 'completed' && s.anomalies.length === 0 && early.length === 0) continue;
    // Days still on hand count only where a fill is collectable today.
    const onHandDays = s.status === 'eligible' && s.replacedBy === null ? onHand.daysOf(s.drugCode) : 0;
    const facts = refillFacts(s, p.daysPerFill * p.fills, p.daysPerFill, onHandDays);
    if (s.replacedBy !== null) {
      if (s.status !== 'expired' && s.status !== 'completed') alerts.push({ severity: 'warning', key: 'refill.replaced', facts });
    } else if (s.status === 'eligible') {
      // The validity's last day: tomorrow the slip is gone, whatever is on hand.
      const key = compareIso(today, s.validUntil) === 0 ? 'refill.eligible.last-day' : onHandDays > onHand.thresholdDays ? 'refill.eligible.on-hand' : 'refill.eligible';
      alerts.push({ severity: 'info', key, facts });
    }
    else if (s.status === 'too-early') alerts.push({ severity: 'warning', key: 'refill.too-early', facts });
    // Expired before validity ends: the next fill's first day is past it (a late pickup).
    else if (s.status === 'expired') alerts.push({ severity: 'info', key: compareIso(today, s.validUntil) <= 0 ? 'refill.no-fill-left' : 'refill.expired', facts });
    for (const anomaly of s.anomalies) alerts.push({ severity: 'warning', key: `refill.anomaly.${anomaly}`, facts });
    // Early pickups of a slip still valid: what piled up on hand, fill by fill.
    for (const fill of early) {
      alerts.push({ severity: 'info', key: 'refill.collected-early', facts: { ...facts, fill: fill.fill, collected: fill.collected, allowedFrom: fill.allowedFrom, daysEarly: daysBetween(fill.collected, fill.allowedFrom) } });
    }
  }
  return alerts;
}

/**
 * Marks each status with fills left that a newer prescription of the same substance has
 * replaced: the same drug code, or another brand whose records show the same ingredients and
 * form (a formulary switch from NORVASC to AMLODIN left two amlodipine slips both 可領). The
 * newest prescription per substance is found once, and only when some prescription has fills
 * left: a per-status scan made this quadratic (1.6 × 10⁹ comparisons at 100k records).
 * `prescriptions` are all the cloud listed: a new slip whose number of fills it does not give yet
 * (only its visit row, before the first pickup's chr_num) replaces the old one all the same.
 */
function markReplaced(statuses: RefillStatus[], prescriptions: ChronicPrescription[], history: PreparedHistory): void {
  let newest: Map<string, ChronicPrescription> | null = null;
  let substances: Map<string, string> | null = null;
  for (const s of statuses) {
    if (s.status === 'completed') continue;
    substances ??= substanceOfDrug(history);
    newest ??= newestPrescriptions(prescriptions, substances);
    const newer = newest.get(substanceKey(s.drugCode, substances));
    if (newer !== undefined && compareIso(newer.prescriptionDate, s.prescriptionDate) > 0) {
      s.replacedBy = newer.prescriptionDate;
      s.replacedByDrugName = newer.drugName;
    }
  }
}

/** The prescriptions whose cycle can be judged; the same array when all can (the usual case). */
function judgedPrescriptions(chronic: ChronicPrescription[]): JudgedPrescription[] {
  return chronic.every(fillsKnown) ? chronic : chronic.filter(fillsKnown);
}

/**
 * A prescription the cloud lists without its number of fills (anchors 1(c).9: M unknown, not
 * marked overdue; the mapper leaves out the overdue ones, as the reference tool does): still
 * valid by the cloud's word, but when the next fill may be collected cannot be said. Info, so
 * the pharmacist reads the slip instead of the prescription silently missing from the list.
 */
function unjudgedRefillAlerts(chronic: ChronicPrescription[]): Alert[] {
  const alerts: Alert[] = [];
  for (const p of chronic) {
    if (fillsKnown(p)) continue;
    alerts.push({
      severity: 'info', key: 'refill.fills-unknown',
      facts: { drugName: p.drugName, drugCode: p.drugCode, prescriptionDate: p.prescriptionDate, institution: p.institution.name, fill: fillsTaken(p) },
    });
  }
  return alerts;
}

/** Later, or of one day the smaller drug code, then id: the one named does not depend on the cloud's order. */
function newerPrescription(a: ChronicPrescription, b: ChronicPrescription): boolean {
  const byDate = compareIso(a.prescriptionDate, b.prescriptionDate);
  if (byDate !== 0) return byDate > 0;
  return a.drugCode < b.drugCode || (a.drugCode === b.drugCode && a.id < b.id);
}

/**
 * The latest prescription of each substance (a status carries its prescription's code and
 * date); of two on one day, newerPrescription's pick. Read in the cloud's order, the order the
 * prescriptions lie in memory: in the statuses' sorted order the reads were scattered over a
 * 100,000-record heap.
 */
function newestPrescriptions(prescriptions: ChronicPrescription[], substances: Map<string, string>): Map<string, ChronicPrescription> {
  const newest = new Map<string, ChronicPrescription>();
  for (let i = 0; i < prescriptions.length; i++) {
    const p = prescriptions[i] as ChronicPrescription;
    const key = substanceKey(p.drugCode, substances);
    const seen = newest.get(key);
    if (seen === undefined || newerPrescription(p, seen)) newest.set(key, p);
  }
  return newest;
}

/**
 * The condition in brackets; for a dose rule with it, the dose found (the latest record's
 * prescriber's day) or that it could not be worked out, so the pharmacist knows what to check.
 */
function conditionText(c: ElderlyCaution, lang: 'zh-TW' | 'en'): string {
  if (c.condition === null) return '';
  let dose = '';
  if (c.doseLimitMg !== null) {
    const mg = c.dailyMg === null ? null : Number(c.dailyMg.toPrecision(4));
    if (lang === 'zh-TW') dose = mg === null ? '；每日劑量無法計算，請核對處方' : `；目前每日 ${mg} mg`;
    else dose = mg === null ? '; the daily dose cannot be worked out: check the prescription' : `; now ${mg} mg a day`;
  }
  return lang === 'zh-TW' ? `（${c.condition['zh-TW']}${dose}）` : ` (${c.condition.en}${dose})`;
}

/** Active cautions only: 'avoid' is a warning, 'caution' and the cloud's bare mark are info. */
function elderlyAlerts(cautions: ElderlyCaution[], age: number | null): Alert[] {
  return cautions.filter((c) => c.active).map((c): Alert => {
    if (c.ruleId === null) return { severity: 'info', key: 'elderly.cloud-mark', facts: { drugNames: c.drugNames } };
    const facts: Alert['facts'] = {
      age: age ?? '', drugNames: c.drugNames, ruleId: c.ruleId, ruleSet: c.ruleSet?.id ?? '',
      categoryZh: c.category?.['zh-TW'] ?? '', categoryEn: c.category?.en ?? '',
      conditionZh: conditionText(c, 'zh-TW'), conditionEn: conditionText(c, 'en'),
    };
    return { severity: c.tier === 'avoid' ? 'warning' : 'info', key: c.tier === 'avoid' ? 'elderly.avoid' : 'elderly.caution', facts };
  });
}

/**
 * Records dispensed after the query day: with a query day set back (`yaoli analyze --today`) or
 * a counter PC whose clock has fallen behind, the history holds supplies that have not started,
 * and every leftover and refill answer is as of the wrong day. Said once, with the latest day.
 */
function futureRecordsAlert(history: PreparedHistory): Alert[] {
  const { startDay } = history.columns;
  const today = history.preparer.todayDay;
  let count = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < startDay.length; i++) {
    const day = startDay[i] as number;
    if (!(day > today)) continue;
    count++;
    if (day > latest) latest = day;
  }
  if (count === 0) return [];
  return [{ severity: 'warning', key: 'history.after-today', facts: { count, latest: history.preparer.isoOf(latest), today: history.preparer.today } }];
}

function patientAlerts(history: PatientHistory, age: number | null, empty: boolean): Alert[] {
  const alerts: Alert[] = [];
  if (empty) alerts.push({ severity: 'info', key: 'history.empty', facts: {} });
  if (age !== null && age >= REVIEW_FIRST_AGE) alerts.push({ severity: 'info', key: 'patient.over-75', facts: { age } });
  // A birth date after today or over 130 years ago (a mistyped ROC year) gives no age: say so,
  // since the elderly cautions cannot be checked without one.
  if (history.patient !== null && age === null) alerts.push({ severity: 'warning', key: 'patient.age-unknown', facts: { birthDate: history.patient.birthDate } });
  alerts.push(...allergyAlerts(history.allergies));
  return alerts;
}

/**
 * The records table: each record with its leftover and per-dose (made by prepare, in input
 * order), newest first (S, then the visit date, descending; equal records keep the cloud's
 * order). Sorted once by their day numbers (sortedByKeys), byNewest where a day is unreadable.
 */
function analyzedRecords(history: PreparedHistory): AnalyzedRecord[] {
  const { startDay, visitDay } = history.columns;
  const rows = history.rows as AnalyzedRecord[];
  const n = rows.length;
  const starts = new Float64Array(n);
  const visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = -(startDay[i] as number);
    visits[i] = -(visitDay[i] as number);
  }
  return sortedByKeys(rows, [starts, visits], byNewest);
}

export function analyzeHistory(history: PatientHistory, today: IsoDate, settings: AnalysisSettings = DEFAULT_SETTINGS): Analysis {
  const medications = history.medications;
  // Every record prepared once (day numbers, regimen, ingredients); each part below reads these.
  const prepared = PreparedHistory.withRows(medications, today, history.chronic);
  const records = analyzedRecords(prepared);
  const age = patientAge(history.patient, today);
  const empty = medications.length === 0 && history.chronic.length === 0;
  const judged = judgedPrescriptions(history.chronic);
  const refills = new Array<RefillStatus>(judged.length);
  for (let i = 0; i < refills.length; i++) refills[i] = refillStatus(judged[i] as JudgedPrescription, today, settings.refill);
  // The prescriptions in the statuses' order: each refill alert reads its prescription's plan.
  const prescriptions = judged.slice();
  sortRefills(refills, prescriptions);
  markReplaced(refills, history.chronic, prepared);
  const duplicates = duplicatesOfPrepared(prepared, {
    duplicateThresholdDays: settings.duplicateThresholdDays,
    equivalenceSets: settings.equivalenceSets,
    shortCourseDays: settings.shortCourseDays,
  });
  const careList = careListStats(history.careList, today, settings.careListMonths);
  const elderly = elderlyOfPrepared(history.patient, prepared, { elderlyAge: settings.elderlyAge });
  const groups = groupsOfPrepared(prepared);
  const alerts = sortAlerts([
    // First among the warnings: it says whether the rest are answers for the right day.
    ...futureRecordsAlert(prepared),
    ...allergenMatchAlerts(history.allergies, prepared, refills),
    ...duplicateAlerts(duplicates, settings.duplicateThresholdDays),
    ...exceptionCodeAlerts(prepared),
    ...refillAlerts(refills, prescriptions, today, new OnHand(prepared, groups, settings.duplicateThresholdDays), settings.refill),
    ...unjudgedRefillAlerts(history.chronic),
    ...careListAlerts(history.careList, today, settings.careListMonths),
    ...elderlyAlerts(elderly, age),
    ...interactionAlerts(prepared, age, settings.elderlyAge),
    ...patientAlerts(history, age, empty),
    ...summaryAlerts(history.summary),
  ]);
  return {
    today, patient: history.patient, age, records, groups, refills,
    duplicates, careList, elderly, allergies: history.allergies, summary: history.summary, alerts, empty,
  };
}
