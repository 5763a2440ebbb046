// The bottom line: the keys that work right now, generated from the keymap (never typed
// by hand), cut to the terminal width.
import { Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { barBindings, keyLabel, type CommandId, type Scope } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { truncate } from '../text/width.ts';

/** `hidden`: commands with nothing behind them here (the demo tray on real readers). */
export function hintText(scopes: readonly Scope[], lang: Lang, hidden: readonly CommandId[] = []): string {
  return barBindings(scopes)
    .filter((b) => !hidden.includes(b.command))
    .map((b) => {
      const keys = b.command === 'tab.1' ? '1-6' : b.keys.slice(0, 2).map(keyLabel).join('/');
      return `${keys} ${tr(lang, b.label)}`;
    })
    .join('  ');
}

export function HintBar({ scopes, lang, width, hidden }: { scopes: readonly Scope[]; lang: Lang; width: number; hidden?: readonly CommandId[] }) {
  const theme = useTheme();
  return (
    <Text color={theme.color('text.secondary')} wrap="truncate">
      {truncate(hintText(scopes, lang, hidden), width - 1, theme.ellipsis)}
    </Text>
  );
}
