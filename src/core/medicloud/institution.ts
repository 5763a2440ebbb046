// The cloud names the source of a record in one `hosp` string, 'name;visit type;id'
// (research anchors 1(b)), and repeats the id in `hosp_id`. Allergy rows use 'name;id'.
import type { Institution, VisitKind } from '../domain/types.ts';

const VISIT_KINDS: Record<string, VisitKind> = {
  門診: 'outpatient',
  急診: 'emergency',
  住診: 'inpatient',
  住院: 'inpatient',
  藥局: 'pharmacy',
};

/** 'outpatient' unless the segment or the name says otherwise (community pharmacies say 藥局). */
export function visitKindOf(segment: string | null, name: string): VisitKind {
  const kind = segment ? VISIT_KINDS[segment.trim()] : undefined;
  if (kind) return kind;
  return name.includes('藥局') ? 'pharmacy' : 'outpatient';
}

export function institutionFromHosp(hosp: string | null, hospId: string | null, abbreviation: string | null = null): Institution {
  const parts = (hosp ?? '').split(';').map((part) => part.trim());
  const idFromHosp = parts.find((part) => /^[0-9A-Z]{10}$/.test(part)) ?? null;
  const id = hospId ?? idFromHosp ?? '';
  const name = abbreviation ?? (parts[0] || null) ?? id;
  const segment = parts.length >= 3 ? (parts[1] ?? null) : null;
  return { id, name, visitKind: visitKindOf(segment, name) };
}
