// The simulator's own record of what happened to a patient, before it is rendered into the
// cloud's JSON shapes: visits (one row per drug dispensed), chronic prescriptions with their
// pickups, allergies and summary notes. Renderers turn these into each endpoint's fields.
import type { IsoDate } from '../../core/domain/types.ts';
import type { DemoInstitution, DemoPatient } from '../../demo/deck.ts';
import type { CatalogueDrug } from './catalogue.ts';
import type { DiagnosisKey } from './classes.ts';

export type VisitType = '門診' | '急診' | '住診' | '藥局';

export interface SimVisit {
  drug: CatalogueDrug;
  /** drug_date: the visit or dispensing day. */
  date: IsoDate;
  /** 就醫時間 HHmmss. */
  time: string;
  days: number;
  quantity: number;
  frequency: string | null;
  institution: DemoInstitution;
  visitType: VisitType;
  /** 就醫序號: 4 digits, or IC02/IC03 for chronic refill pickups. */
  seqNo: string;
  diagnosis: DiagnosisKey;
  chronic: { rx: SimChronicRx; fill: number } | null;
  /** Inpatient discharge day (cure_e_date). */
  inpatientEnd: IsoDate | null;
}

export interface SimPickup {
  fill: number;
  date: IsoDate;
  where: DemoInstitution;
  seqNo: string;
}

/** One 慢性病連續處方箋: same institution, visit number and date (NHI's identity rule). */
export interface SimChronicRx {
  prescriber: DemoInstitution;
  date: IsoDate;
  seqNo: string;
  /** 就醫時間 HHmmss of the original visit. */
  time: string;
  items: { drug: CatalogueDrug; dose: number; frequency: string | null }[];
  daysPerFill: number;
  fills: number;
  diagnosis: DiagnosisKey;
  pickups: SimPickup[];
}

export interface SimAllergy {
  occurDate: IsoDate | null;
  uploadDate: IsoDate;
  dataType: '健保卡上傳' | '雲端系統登錄';
  dataSource: string;
  /** drug_name as the cloud sends it: ';'-joined slots. */
  drugName: string;
  severity: '1-重度' | '2-中度' | '3-輕度' | '9-其他' | null;
  symptoms: string;
  institution: DemoInstitution;
  drugGroup: string | null;
  geneticTest: string | null;
}

export interface SimSummaryNote {
  txt: string;
  img: string;
}

export interface PatientData {
  patient: DemoPatient;
  visits: SimVisit[];
  chronic: SimChronicRx[];
  allergies: SimAllergy[];
  /** eGFR for the CKD note on the summary page, when the story gives one. */
  egfr: { value: number; date: IsoDate } | null;
}
