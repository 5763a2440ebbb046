// 特定管制用藥(關懷名單)開啟率, as NHIA defines it (醫審及藥材組 114.11.06, reference/
// nhi-controlled-drug-care-list.txt): for care-list patients' visits,
//   rate = opened ÷ (visits prescribed the five classes + visits opened but not prescribed).
// One staff member opening one patient's care list several times in one visit counts once;
// different staff opening the same patient count separately. Whether the five classes were
// prescribed is a fact of the visit (the IC card upload), not of who opened: a doctor who
// prescribes and a pharmacist who opens make one opened-and-prescribed count.
// Example: 150 / (120+21+30) = 87.7 %.

export interface CareListOpenEvent {
  /** Who opened (醫事人員), e.g. the staff card ID; read only for openings. */
  staffId: string;
  /** A stable, non-identifying key of the care-list patient. */
  patientKey: string;
  /** One visit (就醫) of that patient. */
  visitId: string;
  /** The care-list tab was opened and the query succeeded. */
  opened: boolean;
  /** The visit prescribed one of the five controlled classes (from the IC card upload). */
  prescribedFiveClasses: boolean;
}

export interface OpenRate {
  /** Numerator: counted visits with the care list opened (120 + 30 in the example). */
  opened: number;
  openedAndPrescribed: number;
  openedNotPrescribed: number;
  prescribedNotOpened: number;
  /** Neither opened nor prescribed: counted nowhere (9 in the example). */
  neither: number;
  /** prescribed (opened or not) + opened but not prescribed. */
  denominator: number;
  /** opened ÷ denominator, 0–1; null when the denominator is 0 (nothing to rate). */
  rate: number | null;
}

/** What one visit (patient + visit) adds up to: who opened it, and whether it prescribed. */
interface VisitUnit {
  openers: Set<string>;
  prescribed: boolean;
}

/**
 * Per visit: each distinct staff member who opened it is one count, opened-and-prescribed when
 * the visit prescribed the five classes; a visit nobody opened is one count, prescribed or not.
 */
export function openRate(events: readonly CareListOpenEvent[]): OpenRate {
  const units = new Map<string, VisitUnit>();
  for (const event of events) {
    const key = JSON.stringify([event.patientKey, event.visitId]);
    let unit = units.get(key);
    if (unit === undefined) {
      unit = { openers: new Set(), prescribed: false };
      units.set(key, unit);
    }
    if (event.opened) unit.openers.add(event.staffId);
    unit.prescribed ||= event.prescribedFiveClasses;
  }
  let openedAndPrescribed = 0;
  let openedNotPrescribed = 0;
  let prescribedNotOpened = 0;
  let neither = 0;
  for (const { openers, prescribed } of units.values()) {
    if (openers.size > 0 && prescribed) openedAndPrescribed += openers.size;
    else if (openers.size > 0) openedNotPrescribed += openers.size;
    else if (prescribed) prescribedNotOpened += 1;
    else neither += 1;
  }
  const opened = openedAndPrescribed + openedNotPrescribed;
  const denominator = openedAndPrescribed + prescribedNotOpened + openedNotPrescribed;
  return {
    opened, openedAndPrescribed, openedNotPrescribed, prescribedNotOpened, neither, denominator,
    rate: denominator === 0 ? null : opened / denominator,
  };
}

/** '87.7 %' style, one decimal, as NHIA prints it; '—' when there is nothing to rate. */
export function formatOpenRate(rate: OpenRate): string {
  return rate.rate === null ? '—' : `${(Math.round(rate.rate * 1000) / 10).toFixed(1)} %`;
}
