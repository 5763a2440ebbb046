// The pharmacy's vocabulary as plain data. Everything in core/domain takes and returns
// these shapes; cloud responses are mapped into them at the edge (core/domain/medicloud).
//
// Dates are ISO calendar days in Asia/Taipei ('YYYY-MM-DD'); the ROC form is only for display.

/** A calendar day, 'YYYY-MM-DD', always meant in Asia/Taipei. */
export type IsoDate = string;

/** Where a record came from, as the cloud's `hosp` field says (name;visit type;id). */
export type VisitKind = 'outpatient' | 'emergency' | 'inpatient' | 'pharmacy';

export interface Institution {
  /** 10-digit 醫事機構代碼. */
  id: string;
  /** 院所簡稱. */
  name: string;
  visitKind: VisitKind;
}

/**
 * Dosage form, normalised from the drug name and code. `oral` covers tablets, capsules and
 * oral liquids; leftover and duplicate rules treat the forms below as different products.
 */
export type DosageForm =
  | 'oral'
  | 'sublingual'
  | 'injection'
  | 'eye'
  | 'ear'
  | 'nasal'
  | 'inhalation'
  | 'topical'
  | 'transdermal'
  | 'rectal'
  | 'vaginal'
  | 'other';

/** One ingredient of a product; a combination product has several. */
export interface Ingredient {
  /** Upper-case English ingredient name as NHI writes it, e.g. 'VALSARTAN'. */
  name: string;
  /** WHO ATC level 5 substance code of this ingredient when known, e.g. 'C09CA03'. */
  atc7: string | null;
}

/** NHI exception ("virtual order") codes that excuse an early or duplicate dispensing. */
export type ExceptionCode = 'R001' | 'R002' | 'R003' | 'R004' | 'R005' | 'R006' | 'R007' | 'R008';

/** One 西醫用藥 row (imue0008s02), mapped. */
export interface MedicationRecord {
  /** Stable identity within one patient's history (date|institution|drug|row). */
  id: string;
  /** 10-character NHI drug code (藥品代碼). */
  drugCode: string;
  /** 藥品名稱 (brand + maker). */
  drugName: string;
  /** Ingredients; combination products are split here. Never empty. */
  ingredients: Ingredient[];
  /** The product's own ATC7 (a combination has its own code, e.g. C09DB01). */
  atc7: string | null;
  /** NHI 'ATC5' = first 5 characters (WHO level 4), e.g. 'C09CA'. */
  atc5: string | null;
  atc5Name: string | null;
  /** NHI 'ATC3' text, e.g. '利尿藥(Diuretics)'. */
  atc3Name: string | null;
  isCombination: boolean;
  dosageForm: DosageForm;
  /** 就醫(調劑)日期. */
  visitDate: IsoDate;
  /** 慢連箋領藥日 when this row is a chronic refill pickup; leftover starts here. */
  refillDate: IsoDate | null;
  /**
   * 住院用藥迄日: on an inpatient (住診) row the cloud's same column holds the order's last day
   * in hospital. Shown beside the row as NHI shows it; the supply still counts from the 就醫日期
   * (住院用藥起日), since which part of it was given on the ward cannot be told from the row.
   */
  inpatientEndDate: IsoDate | null;
  /** 給藥日數. */
  daysSupply: number;
  /** 總量 dispensed (units of the product). */
  quantity: number;
  /** 用法 code as sent (QD, BID, PRN, ASORDER…); null at some hospitals. */
  frequency: string | null;
  institution: Institution;
  /** 慢箋原處方機構 for refills of a chronic prescription. */
  chronicOriginInstitutionId: string | null;
  /** 就醫序號: 4 digits, or IC02/IC03 for refill pickups. */
  visitSeqNo: string | null;
  diagnosis: { code: string; name: string } | null;
  /** The cloud's own 單筆餘藥 (`drug_left`), frozen at the cloud's query time. */
  cloudLeftoverDays: number | null;
  /** The cloud's 高齡者宜注意用藥 mark (`drug_65_mark`). */
  cloudElderlyMark: boolean;
  exceptionCode: ExceptionCode | null;
  /** Strength of one unit in mg when it can be read from the name (for DDD); else null. */
  unitStrengthMg: number | null;
}

/** imue0008s05: one chronic prescription (慢性病連續處方箋) with its pickups. */
export interface ChronicPrescription {
  /** Identity: institution + visit number + prescription date (NHI's own definition). */
  id: string;
  prescriptionDate: IsoDate;
  institution: Institution;
  drugCode: string;
  drugName: string;
  /** Days per fill (N ≤ 30); 0 when no row gives it (`order_drug_day`), and `fills` is null then. */
  daysPerFill: number;
  /**
   * Number of fills allowed (n; n·N ≤ 90); null when the cloud sent neither `chr_num` nor
   * `chr_days` (anchors 1(c).9, M unknown), or no days per fill: the cycle cannot be judged,
   * and the analysis says so instead of listing a refill status (refill.fills-unknown).
   */
  fills: number | null;
  /** Dates of fills taken so far, fill 1 first. */
  fillDates: IsoDate[];
  /**
   * The highest fill number the cloud shows (IC03 is fill 3), when it is more than
   * fillDates.length: a pickup row is missing, but the fills before it were taken.
   */
  fillsTaken?: number;
  /** The cloud's own 'overdue' flag (chrDataY) when present. */
  cloudExpired: boolean | null;
  diagnosis: { code: string; name: string } | null;
}

/** imue0120s01 pres-med-day: the cloud's own per-group leftover. */
export interface CloudGroupLeftover {
  groupCode: string;
  atc5Name: string;
  ingredient: string;
  dosageFormText: string;
  /** The form text read as our dosage form (dosageFormOf); 'other' when it names none. */
  dosageForm: DosageForm;
  lastDispensed: IsoDate;
  daysSupply: number;
  supplyEnd: IsoDate;
  leftoverDays: number;
  institutionId: string | null;
}

/** imue0009s02: one controlled-drug dispensing (關懷名單 detail row). */
export interface CareListDispensing {
  date: IsoDate;
  ingredient: string;
  /** Ingredient code(s) as NHI prints them, e.g. '2824801820+2824801810'. */
  ingredientCode: string;
  institution: Institution;
  totalMg: number;
  cloudTotalDdd: number | null;
  memo: string | null;
  /** 就醫時間 (treat_t) as given; two visits of one institution on one day are told apart by it. */
  time?: string | null;
}

/** imue0009s03: the cloud's own monthly summary row. */
export interface CareListMonthSummary {
  ingredient: string;
  ingredientCode: string;
  /** 'YYYY-MM'. */
  month: string;
  visits: number;
  institutions: number;
  totalMg: number;
  totalDdd: number | null;
  memo: string | null;
}

export type AllergySeverity = 'severe' | 'moderate' | 'mild' | 'other' | 'unknown';

/** imue0040s02: one allergy entry, noise ('NP', '未過敏') already dropped. */
export interface AllergyRecord {
  date: IsoDate | null;
  drugNames: string[];
  symptoms: string[];
  severity: AllergySeverity;
  /** 健保卡上傳 / 雲端系統登錄. */
  dataType: string | null;
  /** 病人自述, 本院醫療人員… */
  dataSource: string | null;
  institutionName: string | null;
  geneticTest: string | null;
}

/**
 * imue2000s01 病人資訊 (摘要): NHI's own notes about the patient, told apart by the page's icon
 * (summary-icon-3 CKD/eGFR, -4 organ transplant abroad, -5 home care, -7 dental images or
 * implants such as a cochlear implant; research anchors 1(b)).
 */
export type SummaryNoteKind = 'ckd' | 'transplant-abroad' | 'home-care' | 'dental-implant' | 'other';

export interface SummaryNote {
  kind: SummaryNoteKind;
  /** The note as plain text: HTML stripped, entities decoded, whitespace collapsed. */
  text: string;
  /** 「最近一筆eGFR值為[34]」 on a CKD note. */
  egfr?: number;
  /** 「採檢日期為[114/02/28]」, as ISO. */
  egfrDate?: IsoDate;
  /** The icon's file name ('summary-icon-3.png'), or null when the row had none. */
  icon: string | null;
}

export type Sex = 'M' | 'F';

export interface Patient {
  /** National ID; never logged, masked on screen. */
  nationalId: string;
  name: string;
  birthDate: IsoDate;
  sex: Sex;
}

/** Everything known about one patient, as mapped from the cloud (any part may be absent). */
export interface PatientHistory {
  patient: Patient | null;
  medications: MedicationRecord[];
  chronic: ChronicPrescription[];
  cloudLeftover: CloudGroupLeftover[];
  careList: CareListDispensing[];
  careListSummary: CareListMonthSummary[];
  allergies: AllergyRecord[];
  /** imue2000s01 notes; empty when the cloud has none or the part was not fetched. */
  summary: SummaryNote[];
}

export type Severity = 'critical' | 'warning' | 'info';

/**
 * One alert for the pharmacist. `key` selects the zh-TW/en message template; `facts`
 * are the values it cites (drug names, institutions, dates, days) so the UI and the
 * audit can render it in either language.
 */
export interface Alert {
  severity: Severity;
  key: string;
  facts: Record<string, string | number | string[]>;
}
