// imue0040s02 過敏紀錄 (research anchors 1(b)). Drug names and symptoms are ';'-joined slots
// (';;;PENICILLIN'); clinics often record "no allergy" as a row ('NP', 'N.P', '未記錄',
// '未過敏', 'NKDA', '無'), which the analyzer tools drop and so do we: a row that says nothing
// must not look like an allergy on screen.
import { z } from 'zod';
import type { AllergyRecord, AllergySeverity } from '../domain/types.ts';
import { envelope, optionalDate, optionalText } from './fields.ts';

export const allergyRowSchema = z.object({
  occur_date: optionalDate(),
  upload_d: optionalDate(),
  data_type: optionalText(),
  data_source: optionalText(),
  drug_name: optionalText(),
  allerg_severity_level: optionalText(),
  sympton_name: optionalText(),
  hosp: optionalText(),
  genetic_test: optionalText(),
});

export const allergySchema = envelope(allergyRowSchema);

export type AllergyRow = z.output<typeof allergyRowSchema>;

// Ways clinics write "none" (whole slots, spaces removed, upper case): NKDA / NKA (no known
// (drug) allergies), 無, 無過敏, 無藥物過敏 …
const NOISE = new Set([
  'NP', 'N.P', 'N.P.', '未記錄', '未過敏', '無', '無過敏', '無過敏史', '無藥物過敏', '無藥物過敏史', '無已知過敏', '無已知藥物過敏',
  'NKDA', 'NKA', 'NONE', 'NIL', 'N/A', 'NA',
]);

/** Full-width letters read as ASCII (ＮＫＤＡ is NKDA), spaces dropped, upper case. */
export function isNoise(name: string): boolean {
  return NOISE.has(name.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
}

function slots(text: string | null): string[] {
  return (text ?? '')
    .split(/[;；]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** '1-重度' → severe … '9-其他' → other (the cloud's own codes); the word alone ('重度') or a full-width code reads the same. */
function severityOf(level: string | null): AllergySeverity {
  const text = level?.normalize('NFKC').trim() ?? '';
  const code = text.charAt(0);
  if (code === '1' || text.startsWith('重度')) return 'severe';
  if (code === '2' || text.startsWith('中度')) return 'moderate';
  if (code === '3' || text.startsWith('輕度')) return 'mild';
  if (code === '9' || text.startsWith('其他')) return 'other';
  return 'unknown';
}

/** The record, or null when nothing but noise is left. */
export function mapAllergyRow(row: AllergyRow): AllergyRecord | null {
  const drugNames = slots(row.drug_name).filter((name) => !isNoise(name));
  if (drugNames.length === 0) return null;
  return {
    date: row.occur_date ?? row.upload_d,
    drugNames,
    symptoms: slots(row.sympton_name).filter((name) => !isNoise(name)),
    severity: severityOf(row.allerg_severity_level),
    dataType: row.data_type,
    dataSource: row.data_source,
    institutionName: row.hosp?.split(';')[0]?.trim() || null,
    geneticTest: row.genetic_test,
  };
}
