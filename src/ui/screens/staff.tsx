// Staff card: reading, PIN (masked, tries left from the card), locked, refused (403).
import { Box, Text } from 'ink';
import { useCallback } from 'react';
import { isUiKey, tr, type UiKey } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { PinEntry } from '../components/pin-entry.tsx';
import type { ScreenProps } from './props.ts';

function roleText(lang: ScreenProps['lang'], role: string): string {
  const key = `staff.role.${role}`;
  return isUiKey(key) ? tr(lang, key) : role;
}

export function StaffScreen({ state, lang, size, send }: ScreenProps) {
  const theme = useTheme();
  const phase = state.phase;
  const onPin = useCallback((pin: string) => send({ type: 'staff-pin-entered', pin }), [send]);
  if (phase.name === 'staff-pin') {
    return (
      <Box flexDirection="column" paddingX={1} marginTop={1}>
        <Text bold color={theme.color('text.accent')}>
          {tr(lang, 'staff.pin-title')}
        </Text>
        <Text wrap="truncate">{tr(lang, 'staff.pin-prompt', { name: phase.profile.name, role: roleText(lang, phase.profile.role) })}</Text>
        <Box marginY={1}>
          <PinEntry label="PIN" onSubmit={onPin} disabled={phase.verifying} width={Math.min(40, size.columns - 4)} />
        </Box>
        <Text color={phase.profile.pinTriesLeft <= 1 ? theme.color('status.warning') : theme.color('text.secondary')}>
          {phase.verifying ? tr(lang, 'staff.verifying') : tr(lang, 'staff.tries-left', { tries: phase.profile.pinTriesLeft })}
        </Text>
      </Box>
    );
  }
  const message: UiKey = phase.name === 'staff-locked' ? 'staff.locked' : phase.name === 'staff-refused' ? 'staff.refused' : 'staff.reading';
  const bad = phase.name !== 'staff-reading';
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text bold color={bad ? theme.color('status.error') : theme.color('text.accent')}>
        {tr(lang, message)}
      </Text>
    </Box>
  );
}
