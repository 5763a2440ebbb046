// The 西醫用藥 filter panel's criteria as data and one predicate (pure, testable): ATC3
// text, ATC5 prefix, ingredient, drug name, date range (ROC or ISO as typed), source,
// and leftover > 0.
import { compareIso, parseDate } from '../../core/domain/dates.ts';
import { normalIngredientName } from '../../core/domain/ingredients.ts';
import type { AnalyzedRecord } from '../../core/domain/analysis.ts';
import { recordSource, type RecordSource } from '../tabs/records-columns.ts';

export interface RecordFilter {
  atc3: string;
  atc5: string;
  ingredient: string;
  drug: string;
  from: string;
  to: string;
  source: 'all' | RecordSource;
  leftoverOnly: boolean;
}

export const NO_FILTER: RecordFilter = { atc3: '', atc5: '', ingredient: '', drug: '', from: '', to: '', source: 'all', leftoverOnly: false };

export const SOURCES: readonly RecordFilter['source'][] = ['all', 'home', 'other', 'pharmacy'];

export function isFiltering(filter: RecordFilter): boolean {
  return JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
}

const has = (text: string | null, needle: string) => !needle || (text ?? '').toLowerCase().includes(needle.trim().toLowerCase());

export function recordMatches(row: AnalyzedRecord, filter: RecordFilter, homeInstitutionId: string | null): boolean {
  const record = row.record;
  if (!has(record.atc3Name, filter.atc3)) return false;
  if (filter.atc5 && !(record.atc5 ?? '').toUpperCase().startsWith(filter.atc5.trim().toUpperCase())) return false;
  // The name as written (ACETAMINOPHEN) or the WHO name it is matched by (PARACETAMOL).
  if (filter.ingredient && !record.ingredients.some((i) => has(i.name, filter.ingredient) || has(normalIngredientName(i.name), filter.ingredient))) return false;
  if (!has(record.drugName, filter.drug)) return false;
  const day = record.refillDate ?? record.visitDate;
  // A date the staff is still typing (or mistyped) does not filter anything out.
  const from = parseDate(filter.from);
  const to = parseDate(filter.to);
  if (from && compareIso(day, from) < 0) return false;
  if (to && compareIso(day, to) > 0) return false;
  if (filter.source !== 'all' && recordSource(row, homeInstitutionId) !== filter.source) return false;
  if (filter.leftoverOnly && !((row.leftover.days ?? 0) > 0)) return false;
  return true;
}
