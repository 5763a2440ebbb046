// The bottom line: the keys that work right now, generated from the keymap (never typed
// by hand), cut to the terminal width.
import { Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { barBindings, keyLabel, type Scope } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { truncate } from '../text/width.ts';

export function hintText(scopes: readonly Scope[], lang: Lang): string {
  return barBindings(scopes)
    .map((b) => {
      const keys = b.command === 'tab.1' ? '1-6' : b.keys.slice(0, 2).map(keyLabel).join('/');
      return `${keys} ${tr(lang, b.label)}`;
    })
    .join('  ');
}

export function HintBar({ scopes, lang, width }: { scopes: readonly Scope[]; lang: Lang; width: number }) {
  const theme = useTheme();
  return (
    <Text color={theme.color('text.secondary')} wrap="truncate">
      {truncate(hintText(scopes, lang), width - 1, theme.ellipsis)}
    </Text>
  );
}
