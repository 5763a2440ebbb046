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

export function HelpOverlay({ lang, width, height }: { lang: Lang; width: number; height: number }) {
  const theme = useTheme();
  const lines = helpLines(lang);
  const rows: { text: string; title: boolean }[] = [];
  let scope: Scope | null = null;
  for (const line of lines) {
    if (line.scope !== scope) {
      scope = line.scope;
      const title = SCOPE_TITLES[scope];
      if (title) rows.push({ text: tr(lang, title), title: true });
    }
    rows.push({ text: `  ${fit(line.keys, 20)} ${line.description}`, title: false });
  }
  // Two columns when the list is taller than the screen.
  const inner = width - 4;
  const bodyHeight = Math.max(1, height - 3);
  const columns = rows.length > bodyHeight ? 2 : 1;
  const perColumn = Math.ceil(rows.length / columns);
  const columnWidth = Math.floor(inner / columns);
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} height={height}>
      <Text bold>{tr(lang, 'help.title')}</Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {rows.slice(c * perColumn, c * perColumn + Math.min(perColumn, bodyHeight)).map((row, i) => (
              <Text key={i} bold={row.title} color={row.title ? theme.color('text.accent') : undefined} wrap="truncate">
                {fit(row.text, columnWidth - 1, 'left', theme.ellipsis)}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
