// 特定管制用藥(關懷名單)開啟率 from the audit log (NHI 醫審及藥材組 114.11.06; reference/
// nhi-controlled-drug-care-list.txt): opened ÷ (care-list visits prescribed the five classes +
// visits opened but not prescribed), counted per staff member per visit: one staff member
// opening one patient several times in one visit counts once, different staff count
// separately. The arithmetic is helper B's `openRate`; this file decides what a visit is.
//
// A visit is the imported visit list's line for that patient on that Taipei day (the one with
// the same staff member if there are several), or — without a list, or for a day the list
// does not cover — the patient's Taipei calendar day itself.
import { openRate, type CareListOpenEvent } from '../domain/open-rate.ts';
import type { CareListFigure, Visit } from './types.ts';

export interface CareListTally {
  /** A `care-list-open` (ok) row: this staff member opened this patient's care list that day. */
  open(staff: string, patient: string, day: string): void;
  /** A `care-list-prescribed` (ok) row. */
  prescribed(staff: string, patient: string, day: string): void;
  finish(): { figure: CareListFigure; opensByStaff: Map<string, number> };
}

export function careListTally(visits: readonly Visit[] | undefined): CareListTally {
  const byPatientDay = new Map<string, Visit[]>();
  for (const visit of visits ?? []) {
    const key = `${visit.patientKey}|${visit.date}`;
    const list = byPatientDay.get(key);
    if (list) list.push(visit);
    else byPatientDay.set(key, [visit]);
  }
  const events: CareListOpenEvent[] = [];
  /** Listed visits whose care_list column says N: the patient is not on the care list that day. */
  const notOnList = new Set<string>();
  for (const visit of visits ?? []) if (visit.careList === false) notOnList.add(visit.visitId);
  /** Patients the log shows on the care list (an open is only recorded for them). */
  const onList = new Set<string>();
  let prescribingSeen = false;

  function visitOf(staff: string, patient: string, day: string): string {
    const candidates = byPatientDay.get(`${patient}|${day}`);
    if (!candidates || candidates.length === 0) return `day:${day}`;
    return (candidates.find((visit) => visit.staff === staff) ?? candidates[0])?.visitId ?? `day:${day}`;
  }

  return {
    open(staff, patient, day) {
      onList.add(patient);
      events.push({ staffId: staff, patientKey: patient, visitId: visitOf(staff, patient, day), opened: true, prescribedFiveClasses: false });
    },
    prescribed(staff, patient, day) {
      prescribingSeen = true;
      const visitId = visitOf(staff, patient, day);
      // The row is taken as a care-list patient's (its name), unless the visit list says the
      // patient is not on the list: NHI's denominator counts care-list visits only.
      if (notOnList.has(visitId)) return;
      events.push({ staffId: staff, patientKey: patient, visitId, opened: false, prescribedFiveClasses: true });
    },
    finish() {
      for (const visit of visits ?? []) {
        if (visit.fiveClasses !== null) prescribingSeen = true;
        // NHI rates care-list patients only: the list's care_list column, else the log's word.
        const careList = visit.careList ?? onList.has(visit.patientKey);
        if (!careList) continue;
        // Every care-list visit is a unit, so "neither opened nor prescribed" is counted (NHI's 9).
        events.push({ staffId: visit.staff, patientKey: visit.patientKey, visitId: visit.visitId, opened: false, prescribedFiveClasses: visit.fiveClasses === true });
      }
      const opensByStaff = new Map<string, number>();
      const counted = new Set<string>();
      for (const event of events) {
        if (!event.opened) continue;
        const unit = `${event.staffId}|${event.patientKey}|${event.visitId}`;
        if (counted.has(unit)) continue;
        counted.add(unit);
        opensByStaff.set(event.staffId, (opensByStaff.get(event.staffId) ?? 0) + 1);
      }
      const rate = openRate(events);
      // Without prescribing data the denominator is only "opened": a rate of 100 % would lie.
      if (!prescribingSeen) rate.rate = null;
      return {
        figure: { rate, prescribingKnown: prescribingSeen, visitSource: visits && visits.length > 0 ? 'visits' : 'audit' },
        opensByStaff,
      };
    },
  };
}
