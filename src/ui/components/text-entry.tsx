// A labelled one-line entry; masked for PINs. The characters live in the screen's own
// state (for a PIN: only until Enter sends them in one event).
import { Text } from 'ink';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

export function TextEntry({ label, value, masked = false, focused, width, labelWidth = 14 }: { label: string; value: string; masked?: boolean; focused: boolean; width: number; labelWidth?: number }) {
  const theme = useTheme();
  // '*' rather than '●': U+25CF is East-Asian ambiguous width and misaligns on conhost.
  const shown = masked ? '*'.repeat(value.length) : value;
  return (
    <Text wrap="truncate">
      <Text color={focused ? theme.color('text.accent') : theme.color('text.secondary')}>{fit(label, labelWidth)}</Text>
      <Text inverse={focused}>{fit(`${shown}${focused ? '_' : ''}`, Math.max(4, width - labelWidth - 2))}</Text>
    </Text>
  );
}
