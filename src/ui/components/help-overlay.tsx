// The `?` help: every binding, grouped by scope, drawn from the keymap table.
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr, type UiKey } from '../i18n/index.ts';
import { KEYMAP, keyLabel, type Scope } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

const SCOPE_TITLES: Partial<Record<Scope, UiKey>> = {
  global: 'help.scope.global',
  patient: 'help.scope.patient',
  table: 'help.scope.table',
  consent: 'help.scope.consent',
  text: 'help.scope.text',
  list: 'help.scope.tray',
  report: 'help.scope.report',
  admin: 'help.scope.admin',
};

export function helpLines(lang: Lang): { scope: Scope; keys: string; description: string }[] {
  // Bindings that share a description (the six tab keys, ↑ and ↓) become one line.
  const byDescription = new Map<string, { scope: Scope; keys: string[]; description: string }>();
  for (const binding of KEYMAP) {
    const id = `${binding.scope}|${binding.description}`;
    const line = byDescription.get(id) ?? { scope: binding.scope, keys: [], description: tr(lang, binding.description) };
    line.keys.push(...binding.keys.map(keyLabel));
    byDescription.set(id, line);
  }
  return [...byDescription.values()].map((line) => ({ scope: line.scope, keys: line.keys.join(' '), description: line.description }));
}

/** The help as display lines (scope titles and key lines), for paging. */
export function helpRows(lang: Lang): { text: string; title: boolean }[] {
  const rows: { text: string; title: boolean }[] = [];
  let scope: Scope | null = null;
  for (const line of helpLines(lang)) {
    if (line.scope !== scope) {
      scope = line.scope;
      const title = SCOPE_TITLES[scope];
      if (title) rows.push({ text: tr(lang, title), title: true });
    }
    rows.push({ text: `  ${fit(line.keys, 20)} ${line.description}`, title: false });
  }
  return rows;
}

/** One column at full width, so nothing is cut at 80 columns; ↑↓ PgUp PgDn scroll it. */
export function HelpOverlay({ lang, width, height, offset }: { lang: Lang; width: number; height: number; offset: number }) {
  const theme = useTheme();
  const rows = helpRows(lang);
  const bodyHeight = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(offset, rows.length - bodyHeight));
  const more = start + bodyHeight < rows.length;
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        {tr(lang, 'help.title')}
        {more || start > 0 ? `  ${start + 1}-${Math.min(rows.length, start + bodyHeight)}/${rows.length} ↑↓` : ''}
      </Text>
      {rows.slice(start, start + bodyHeight).map((row, i) => (
        <Text key={start + i} bold={row.title} color={row.title ? theme.color('text.accent') : undefined} wrap="truncate">
          {fit(row.text, width - 4, 'left', theme.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
