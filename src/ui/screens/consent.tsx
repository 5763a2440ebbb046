// Consent: the patient types the card PIN, or — for a card without a PIN — staff confirm
// the patient's verbal consent with one key. A locked PIN offers neither.
import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import { ageOn } from '../../core/domain/dates.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { tr } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { PinEntry } from '../components/pin-entry.tsx';
import type { ScreenProps } from './props.ts';

export function ConsentScreen({ state, lang, size, today, send }: ScreenProps) {
  const theme = useTheme();
  const phase = state.phase;
  const verbal = phase.name === 'consent' && !phase.patient.pinSet;
  const onPin = useCallback((pin: string) => send({ type: 'patient-pin-entered', pin }), [send]);
  const onCommand = useCallback(
    (command: CommandId) => {
      if (command !== 'session.consent') return false;
      send({ type: 'verbal-consent' });
      return true;
    },
    [send],
  );
  const layer = useMemo<KeyLayer | null>(() => (verbal ? { scopes: ['consent'], onCommand } : null), [verbal, onCommand]);
  useKeyLayer(layer);
  if (phase.name !== 'consent') return null;
  const p = phase.patient;
  const locked = p.pinSet && p.pinBlocked;
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text bold color={theme.color('text.accent')}>
        {tr(lang, 'consent.title')}
      </Text>
      <Text wrap="truncate">
        {tr(lang, 'consent.patient', { name: p.name, sex: tr(lang, p.sex === 'M' ? 'sex.M' : 'sex.F'), age: ageOn(p.birthDate, today), id: maskNationalId(p.nationalId) })}
      </Text>
      <Box marginY={1} flexDirection="column">
        {locked ? (
          <Text color={theme.color('status.error')}>{tr(lang, 'consent.locked')}</Text>
        ) : verbal ? (
          <Text bold>{tr(lang, 'consent.verbal-prompt')}</Text>
        ) : (
          <>
            <Text>{tr(lang, 'consent.pin-prompt')}</Text>
            <PinEntry label="PIN" onSubmit={onPin} disabled={phase.verifying} width={Math.min(40, size.columns - 4)} />
          </>
        )}
      </Box>
    </Box>
  );
}
