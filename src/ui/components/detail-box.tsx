// Enter on a row: every field in full (nothing truncated, long values wrapped), one per
// line; Esc closes. Lines are wrapped here by display width and drawn as single <Text>s:
// Ink 6's own wrapping of mixed CJK text is not reliable (ink PR #998).
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';
import { wrapToWidth } from '../../text/wrap.ts';

const LABEL = 12;

export function detailLines(fields: [string, string][], width: number): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  for (const [label, value] of fields) {
    wrapToWidth(value, Math.max(8, width - LABEL - 1)).forEach((part, i) => lines.push({ label: i === 0 ? fit(label, LABEL) : ' '.repeat(LABEL), value: part }));
  }
  return lines;
}

export function DetailBox({ fields, lang, width, height }: { fields: [string, string][]; lang: Lang; width: number; height: number }) {
  const theme = useTheme();
  const inner = width - 4;
  const room = Math.max(1, height - 3);
  const lines = detailLines(fields, inner);
  const shown = lines.length > room ? [...lines.slice(0, room - 1), { label: ' '.repeat(LABEL), value: theme.ellipsis }] : lines;
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} paddingX={1} width={width} height={height} overflow="hidden">
      <Text bold>{tr(lang, 'detail.title')}</Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          <Text color={theme.color('text.secondary')}>{line.label}</Text> {line.value}
        </Text>
      ))}
    </Box>
  );
}
