// Diagnostics overlay for technicians: each check with pass/fail and its detail. The
// checks themselves live outside the UI (src/kiosk wires the device, cloud and cache).
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import type { DiagnosticCheck, Diagnostics } from '../ports.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

export function DiagnosticsOverlay({ diagnostics, lang, width, height }: { diagnostics: Diagnostics | null; lang: Lang; width: number; height: number }) {
  const theme = useTheme();
  const [checks, setChecks] = useState<DiagnosticCheck[] | null>(null);
  useEffect(() => {
    let alive = true;
    diagnostics?.run(lang).then(
      (result) => alive && setChecks(result),
      (error: unknown) => alive && setChecks([{ id: 'diagnostics', label: tr(lang, 'diag.title'), ok: false, detail: error instanceof Error ? error.message : String(error) }]),
    );
    return () => {
      alive = false;
    };
  }, [diagnostics, lang]);
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} height={height} paddingX={1}>
      <Text bold>{tr(lang, 'diag.title')}</Text>
      {(checks ?? []).slice(0, Math.max(1, height - 3)).map((check) => (
        <Text key={check.id} wrap="truncate">
          <Text color={theme.color(check.ok === null ? 'text.secondary' : check.ok ? 'status.ok' : 'status.error')}>
            {fit(check.ok === null ? '-' : check.ok ? tr(lang, 'diag.pass') : tr(lang, 'diag.fail'), 6)}
          </Text>
          {fit(check.label, 18)} {check.detail}
        </Text>
      ))}
      {checks === null ? <Text color={theme.color('text.secondary')}>{theme.glyph.pending}</Text> : null}
    </Box>
  );
}
