// The session's latest notice or error, one line, coloured by what it is.
import { Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import type { SessionError } from '../../core/session/types.ts';
import { noticeText } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { truncate } from '../text/width.ts';

export function NoticeLine({ notice, lang, width }: { notice: SessionError | null; lang: Lang; width: number }) {
  const theme = useTheme();
  if (!notice) return <Text> </Text>;
  const isError = notice.key.startsWith('error.');
  return (
    <Text color={theme.color(isError ? 'status.error' : 'status.warning')} bold={isError} wrap="truncate">
      {truncate(noticeText(lang, notice), width - 1, theme.ellipsis)}
    </Text>
  );
}
