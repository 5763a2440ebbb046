// The root frame: exactly rows − 1 tall (see size.ts), or a plain message when the
// terminal is smaller than 80x24.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { MIN_COLUMNS, MIN_ROWS, type TerminalSize } from '../size.ts';

export function fits(size: TerminalSize): boolean {
  return size.columns >= MIN_COLUMNS && size.rows >= MIN_ROWS;
}

export function Frame({ size, lang, children }: { size: TerminalSize; lang: Lang; children: ReactNode }) {
  if (!fits(size)) {
    return (
      <Box width={Math.max(1, size.columns - 1)}>
        <Text wrap="wrap">{tr(lang, 'app.too-small', { minColumns: MIN_COLUMNS, minRows: MIN_ROWS, columns: size.columns, rows: size.rows })}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows - 1} overflowY="hidden">
      {children}
    </Box>
  );
}
