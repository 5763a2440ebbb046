// The visit list (`--visits FILE.csv`): who was seen, so the report can give NHI's
// 查詢藥歷病人數比率 (patients looked up ÷ patients seen) and the care-list open rate's
// denominator (visits that prescribed the five classes, from the IC card upload).
//
//   visit_id,date,patient,staff,care_list,five_classes
//   V0001,2026-10-01,<patient national ID>,<staff national ID>,Y,N
//
// date: ISO, ROC 115/10/01 or 1151001; patient: national ID or the audit log's 64-hex patient
// key; staff: national ID or masked ID (may be empty); care_list and five_classes: Y/N (1/0,
// 是/否), optional columns. With a header line the columns may come in any order; without one
// they are positional. A bad line is reported with its number and skipped; the rest is used.
import { parseDate } from '../domain/dates.ts';
import { isValidNationalId, maskNationalId } from '../domain/national-id.ts';
import type { IsoDate } from '../domain/types.ts';
import { parseCsv } from './csv.ts';
import type { Visit } from './types.ts';

export type VisitProblemKind = 'columns' | 'visit-id' | 'date' | 'patient' | 'staff' | 'flag' | 'quote';

export interface VisitProblem {
  line: number;
  kind: VisitProblemKind;
}

export interface ParsedVisit {
  line: number;
  visitId: string;
  date: IsoDate;
  patient: { nationalId: string } | { key: string };
  staff: string;
  careList: boolean | null;
  fiveClasses: boolean | null;
}

const FIELDS = ['visit_id', 'date', 'patient', 'staff', 'care_list', 'five_classes'] as const;
type Field = (typeof FIELDS)[number];

const ALIASES: Record<string, Field> = {
  visit_id: 'visit_id', visit: 'visit_id', 就醫序號: 'visit_id', 就醫編號: 'visit_id',
  date: 'date', visit_date: 'date', 日期: 'date', 就醫日期: 'date',
  patient: 'patient', national_id: 'patient', patient_key: 'patient', 病人: 'patient', 身分證號: 'patient',
  staff: 'staff', staff_id: 'staff', 醫事人員: 'staff',
  care_list: 'care_list', 關懷名單: 'care_list',
  five_classes: 'five_classes', 五類藥: 'five_classes', 開立五類藥: 'five_classes',
};

const PATIENT_KEY = /^[0-9a-f]{64}$/;
const MASKED = /^[A-Z0-9]{1,4}\*{2,}[A-Z0-9]{0,4}$/;

function flag(text: string | undefined): boolean | null | 'bad' {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return null;
  if (['y', 'yes', '1', 'true', '是'].includes(value)) return true;
  if (['n', 'no', '0', 'false', '否'].includes(value)) return false;
  return 'bad';
}

export function parseVisits(text: string): { visits: ParsedVisit[]; problems: VisitProblem[] } {
  const { records, unterminated } = parseCsv(text);
  const problems: VisitProblem[] = [];
  const visits: ParsedVisit[] = [];
  let columns: Partial<Record<Field, number>> = { visit_id: 0, date: 1, patient: 2, staff: 3, care_list: 4, five_classes: 5 };
  let body = records;
  const first = records[0];
  if (first && first.cells.some((cell) => ALIASES[cell.trim().toLowerCase()] !== undefined)) {
    columns = {};
    for (const [index, cell] of first.cells.entries()) {
      const field = ALIASES[cell.trim().toLowerCase()];
      if (field !== undefined && columns[field] === undefined) columns[field] = index;
    }
    body = records.slice(1);
  }
  const hasHeader = body !== records;
  for (const record of body) {
    const cell = (field: Field): string | undefined => {
      const index = columns[field];
      return index === undefined ? undefined : record.cells[index]?.trim();
    };
    const fail = (kind: VisitProblemKind): void => void problems.push({ line: record.line, kind });
    // Positional lists need the four required columns; a header names them.
    if ((!hasHeader && record.cells.length < 4) || [cell('visit_id'), cell('date'), cell('patient')].includes(undefined)) {
      fail('columns');
      continue;
    }
    const visitId = cell('visit_id') ?? '';
    if (visitId === '' || visitId.length > 64) {
      fail('visit-id');
      continue;
    }
    const date = parseDate(cell('date'));
    if (!date) {
      fail('date');
      continue;
    }
    const rawPatient = cell('patient') ?? '';
    const upper = rawPatient.toUpperCase();
    let patient: ParsedVisit['patient'];
    if (isValidNationalId(upper)) patient = { nationalId: upper };
    else if (PATIENT_KEY.test(rawPatient.toLowerCase())) patient = { key: rawPatient.toLowerCase() };
    else {
      fail('patient');
      continue;
    }
    const rawStaff = (cell('staff') ?? '').toUpperCase();
    let staff: string;
    if (rawStaff === '') staff = '';
    else if (isValidNationalId(rawStaff)) staff = maskNationalId(rawStaff);
    else if (MASKED.test(rawStaff)) staff = rawStaff;
    else {
      fail('staff');
      continue;
    }
    const careList = flag(cell('care_list'));
    const fiveClasses = flag(cell('five_classes'));
    if (careList === 'bad' || fiveClasses === 'bad') {
      fail('flag');
      continue;
    }
    visits.push({ line: record.line, visitId, date, patient, staff, careList, fiveClasses });
  }
  if (unterminated !== null) problems.push({ line: unterminated, kind: 'quote' });
  return { visits, problems };
}

/** Turns national IDs into the log's patient keys (the cache's HMAC), so IDs go no further. */
export function resolveVisits(parsed: readonly ParsedVisit[], patientKeyOf: (nationalId: string) => string): Visit[] {
  return parsed.map(({ visitId, date, patient, staff, careList, fiveClasses }) => ({
    visitId,
    date,
    patientKey: 'key' in patient ? patient.key : patientKeyOf(patient.nationalId),
    staff,
    careList,
    fiveClasses,
  }));
}
