// Idle: nobody logged in. Says what to insert and whether readers, SAM, network and the
// cache are ready, so a technician sees at a glance what is missing.
import { Box, Text } from 'ink';
import { tr } from '../i18n/index.ts';
import { useTheme, type Token } from '../theme.ts';
import { fit } from '../text/width.ts';
import type { ScreenProps } from './props.ts';

export function IdleScreen({ state, lang, demo }: ScreenProps & { demo: boolean }) {
  const theme = useTheme();
  const d = state.devices;
  const status = (ok: boolean | null, text?: string): [string, Token] =>
    ok === null ? [tr(lang, 'idle.unknown'), 'text.secondary'] : ok ? [text ?? tr(lang, 'idle.ok'), 'status.ok'] : [text ?? tr(lang, 'idle.missing'), 'status.error'];
  const readers = d.readers.length > 0 ? d.readers.join(', ') : tr(lang, 'idle.readers-none');
  const rows: [string, [string, Token]][] = [
    // Until the reader hub has reported, the readers are being checked, not missing.
    [tr(lang, 'idle.readers'), d.backend === 'unknown' ? status(null) : status(d.readers.length > 0, `${d.backend}: ${readers}`)],
    [tr(lang, 'idle.sam'), status(d.sam)],
    [tr(lang, 'idle.network'), d.network === 'unknown' ? status(null) : status(d.network === 'online', d.network === 'online' ? undefined : tr(lang, 'idle.offline'))],
    [tr(lang, 'idle.cache'), d.cache === 'unknown' ? status(null) : status(d.cache === 'ok')],
  ];
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Box marginY={1} borderStyle={theme.borderStyle} borderColor={theme.color('border')} paddingX={2} justifyContent="center">
        <Text bold color={theme.color('text.accent')}>
          {tr(lang, 'idle.insert-staff')}
        </Text>
      </Box>
      {rows.map(([label, [text, token]]) => (
        <Text key={label} wrap="truncate">
          {fit(label, 16)}
          <Text color={theme.color(token)}>{text}</Text>
        </Text>
      ))}
      {d.readerMessage ? <Text color={theme.color('text.secondary')} wrap="truncate">{d.readerMessage}</Text> : null}
      {demo ? (
        <Box marginTop={1}>
          <Text color={theme.color('text.secondary')}>{tr(lang, 'idle.tray-hint')}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
