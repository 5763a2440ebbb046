// 西醫用藥 columns and the source classification (本院/他院/藥局) the filter panel uses.
import type { Lang } from '../../i18n/index.ts';
import type { AnalyzedRecord } from '../../core/domain/analysis.ts';
import { tr, type UiKey } from '../i18n/index.ts';
import type { Column } from '../table/columns.ts';
import { dayIn, dayWidth } from '../../i18n/dates.ts';

export type RecordSource = 'home' | 'other' | 'pharmacy';

export function recordSource({ record }: AnalyzedRecord, homeInstitutionId: string | null): RecordSource {
  if (homeInstitutionId && record.institution.id === homeInstitutionId) return 'home';
  return record.institution.visitKind === 'pharmacy' ? 'pharmacy' : 'other';
}

export function leftoverText(record: AnalyzedRecord, lang: Lang): string {
  const left = record.leftover;
  if (left.days === null) return tr(lang, 'leftover.not-computable');
  return left.future ? `${left.days}*` : String(left.days);
}

export function ingredientText({ record }: AnalyzedRecord): string {
  return record.ingredients.map((i) => i.name).join('+');
}

export function recordColumns(lang: Lang, homeInstitutionId: string | null): Column<AnalyzedRecord>[] {
  const sourceKey: Record<RecordSource, UiKey> = { home: 'source.home', other: 'source.other', pharmacy: 'source.pharmacy' };
  return [
    { id: 'date', title: 'col.date', width: dayWidth(lang), text: ({ record: r }) => dayIn(r.refillDate ?? r.visitDate, lang), sortValue: ({ record: r }) => r.refillDate ?? r.visitDate },
    { id: 'source', title: 'col.source', width: 5, text: (r) => tr(lang, sourceKey[recordSource(r, homeInstitutionId)]) },
    { id: 'institution', title: 'col.institution', width: 6, flex: 1, text: (r) => r.record.institution.name },
    { id: 'drug', title: 'col.drug', width: 10, flex: 3, text: (r) => r.record.drugName },
    { id: 'ingredient', title: 'col.ingredient', width: 8, flex: 2, text: ingredientText },
    { id: 'atc5', title: 'col.atc5', width: 5, text: (r) => r.record.atc5 ?? '' },
    { id: 'days', title: 'col.days', width: 4, align: 'right', text: (r) => String(r.record.daysSupply), sortValue: (r) => r.record.daysSupply },
    // Seven cells: Q12HPRN whole, so a cut never hides PRN.
    { id: 'frequency', title: 'col.frequency', width: 7, text: (r) => r.record.frequency ?? '' },
    { id: 'leftover', title: 'col.leftover', width: 5, align: 'right', text: (r) => leftoverText(r, lang), sortValue: (r) => r.leftover.days },
  ];
}
