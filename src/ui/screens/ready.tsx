// Staff logged in, no patient yet (or reading the patient card).
import { Box, Text } from 'ink';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import type { ScreenProps } from './props.ts';

export function ReadyScreen({ state, lang }: ScreenProps) {
  const theme = useTheme();
  const reading = state.phase.name === 'patient-reading';
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text color={theme.color('text.secondary')}>{tr(lang, 'ready.logged-in', { name: state.staff?.profile.name ?? '' })}</Text>
      <Box marginY={1} borderStyle={theme.borderStyle} borderColor={theme.color('border')} paddingX={2} justifyContent="center">
        <Text bold color={theme.color('text.accent')}>
          {tr(lang, reading ? 'patient.reading' : 'ready.insert-patient')}
        </Text>
      </Box>
      {reading ? null : <Text color={theme.color('text.secondary')}>{tr(lang, 'ready.emergency-hint')}</Text>}
    </Box>
  );
}
