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
  const [form, setForm] = useState<Form>({ nationalId: '', birthDate: '', reason: '' });
  const [field, setField] = useState(0);
  const latest = useRef({ form, field });
  latest.current = { form, field };
  const onText = useCallback((text: string) => {
    const { field: index } = latest.current;
    const spec = FIELDS[index];
    if (!spec) return;
    setForm((f) => ({ ...f, [spec.key]: (f[spec.key] + text).slice(0, spec.max) }));
  }, []);
  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const spec = FIELDS[latest.current.field];
      switch (command) {
        case 'text.erase':
          if (spec) setForm((f) => ({ ...f, [spec.key]: [...f[spec.key]].slice(0, -1).join('') }));
          return true;
        case 'text.clear':
          if (spec) setForm((f) => ({ ...f, [spec.key]: '' }));
          return true;
        case 'text.next-field':
          setField((i) => (i + 1) % FIELDS.length);
          return true;
        case 'text.prev-field':
          setField((i) => (i + FIELDS.length - 1) % FIELDS.length);
          return true;
        case 'text.submit':
          send({ type: 'emergency-submit', ...latest.current.form });
          return true;
        default:
          return false;
      }
    },
    [send],
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
