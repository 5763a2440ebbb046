// Enter on a row: every field in full (nothing truncated), one per line; Esc closes.
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

export function DetailBox({ fields, lang, width, height }: { fields: [string, string][]; lang: Lang; width: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} paddingX={1} width={width} height={height} overflow="hidden">
      <Text bold>{tr(lang, 'detail.title')}</Text>
      {fields.map(([label, value], i) => (
        <Text key={i} wrap="wrap">
          <Text color={theme.color('text.secondary')}>{fit(label, 12)}</Text> {value}
        </Text>
      ))}
    </Box>
  );
}
