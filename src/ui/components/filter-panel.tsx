// The filter panel for 西醫用藥: text fields, a source selector and a leftover toggle.
// Editing happens on a draft; Enter applies it, Esc closes without applying.
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr, type UiKey } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import type { RecordFilter } from '../table/record-filter.ts';
import { TextEntry } from './text-entry.tsx';

export type FilterField = keyof RecordFilter;

export const FILTER_FIELDS: { field: FilterField; label: UiKey }[] = [
  { field: 'atc3', label: 'filter.atc3' },
  { field: 'atc5', label: 'filter.atc5' },
  { field: 'ingredient', label: 'filter.ingredient' },
  { field: 'drug', label: 'filter.drug' },
  { field: 'from', label: 'filter.from' },
  { field: 'to', label: 'filter.to' },
  { field: 'source', label: 'filter.source' },
  { field: 'leftoverOnly', label: 'filter.leftover' },
];

export function FilterPanel({ draft, field, lang, width }: { draft: RecordFilter; field: number; lang: Lang; width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} paddingX={1} width={width}>
      <Text bold>{tr(lang, 'filter.title')}</Text>
      {FILTER_FIELDS.map((spec, i) => {
        const value = draft[spec.field];
        const shown =
          spec.field === 'source'
            ? tr(lang, `source.${draft.source === 'all' ? 'all' : draft.source}`)
            : typeof value === 'boolean'
              ? tr(lang, value ? 'filter.yes' : 'filter.no')
              : String(value);
        return <TextEntry key={spec.field} label={tr(lang, spec.label)} value={shown} focused={i === field} width={width - 4} labelWidth={16} />;
      })}
      <Text color={theme.color('text.secondary')} wrap="truncate">
        {tr(lang, 'filter.hint')}
      </Text>
    </Box>
  );
}
