// The root frame: exactly rows − 1 tall (see size.ts), or a plain message when the
// terminal is smaller than 80x24. The screens stay mounted (hidden) behind the message, so
// the tab, sort, filter and scroll position are still there when the window grows again.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { MIN_COLUMNS, MIN_ROWS, type TerminalSize } from '../size.ts';

export function fits(size: TerminalSize): boolean {
  return size.columns >= MIN_COLUMNS && size.rows >= MIN_ROWS;
}

export function Frame({ size, lang, children }: { size: TerminalSize; lang: Lang; children: ReactNode }) {
  const ok = fits(size);
  // One tree shape either way: React keeps the screens' state only if their parent stays put.
  return (
    <Box flexDirection="column">
      {ok ? null : (
        <Box width={Math.max(1, size.columns - 1)}>
          <Text wrap="wrap">{tr(lang, 'app.too-small', { minColumns: MIN_COLUMNS, minRows: MIN_ROWS, columns: size.columns, rows: size.rows })}</Text>
        </Box>
      )}
      <Box display={ok ? 'flex' : 'none'} flexDirection="column" width={size.columns} height={Math.max(1, size.rows - 1)} overflowY="hidden">
        {children}
      </Box>
    </Box>
  );
}
