// 緊急查詢: staff type the national ID, the birth date and a reason. Validation happens in
// the session reducer (so it is tested and audited); this screen only collects the text.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import { tr, type UiKey } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { TextEntry } from '../components/text-entry.tsx';
import type { ScreenProps } from './props.ts';

const FIELDS: { key: 'nationalId' | 'birthDate' | 'reason'; label: UiKey; max: number }[] = [
  { key: 'nationalId', label: 'emergency.id', max: 10 },
  { key: 'birthDate', label: 'emergency.birth', max: 10 },
  { key: 'reason', label: 'emergency.reason', max: 60 },
];

type Form = Record<(typeof FIELDS)[number]['key'], string>;

export function EmergencyScreen({ lang, size, send }: ScreenProps) {
  const theme = useTheme();
  const [{ form, field }, setEntry] = useState<{ form: Form; field: number }>({ form: { nationalId: '', birthDate: '', reason: '' }, field: 0 });
  // The entry as of the latest key (keys may come faster than renders).
  const latest = useRef({ form, field });
  const update = useCallback((next: { form: Form; field: number }) => {
    latest.current = next;
    setEntry(next);
  }, []);
  const edit = useCallback(
    (change: (value: string) => string) => {
      const { form: f, field: index } = latest.current;
      const spec = FIELDS[index];
      if (spec) update({ field: index, form: { ...f, [spec.key]: change(f[spec.key]).slice(0, spec.max) } });
    },
    [update],
  );
  const onText = useCallback((text: string) => edit((value) => value + text), [edit]);
  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const { form: f, field: index } = latest.current;
      switch (command) {
        case 'text.erase':
          edit((value) => [...value].slice(0, -1).join(''));
          return true;
        case 'text.clear':
          edit(() => '');
          return true;
        case 'text.next-field':
          update({ form: f, field: (index + 1) % FIELDS.length });
          return true;
        case 'text.prev-field':
          update({ form: f, field: (index + FIELDS.length - 1) % FIELDS.length });
          return true;
        case 'text.submit':
          send({ type: 'emergency-submit', ...latest.current.form });
          return true;
        default:
          return false;
      }
    },
    [send, edit, update],
  );
  const layer = useMemo<KeyLayer>(() => ({ scopes: ['text'], onCommand, onText }), [onCommand, onText]);
  useKeyLayer(layer);
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text bold color={theme.color('status.warning')}>
        {tr(lang, 'emergency.title')}
      </Text>
      <Box flexDirection="column" marginY={1}>
        {FIELDS.map((spec, i) => (
          <TextEntry key={spec.key} label={tr(lang, spec.label)} value={form[spec.key]} focused={i === field} width={size.columns - 4} />
        ))}
      </Box>
      <Text color={theme.color('text.secondary')} wrap="truncate">
        {tr(lang, 'emergency.hint')}
      </Text>
    </Box>
  );
}
