// The lookup ended without data: say why (from the session's error) and what to do next.
import { Box, Text } from 'ink';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { noticeText, tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import type { ScreenProps } from './props.ts';

export function FailedScreen({ state, lang }: ScreenProps) {
  const theme = useTheme();
  const phase = state.phase;
  if (phase.name !== 'lookup-failed') return null;
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text bold color={theme.color('status.error')}>
        {tr(lang, 'failed.title')} {maskNationalId(phase.target.nationalId)}
      </Text>
      <Text wrap="wrap">{noticeText(lang, phase.error)} ({phase.error.kind})</Text>
      <Box marginTop={1}>
        <Text color={theme.color('text.secondary')} wrap="wrap">
          {tr(lang, 'failed.next')}
        </Text>
      </Box>
    </Box>
  );
}
