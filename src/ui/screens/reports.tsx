// Reports (機構管理者 only; the session refuses anyone else): the figures of `yaoli report` for
// one day, week or month — last month when opened. ← → move the period, d/w/m change its
// length, ↑↓ PgUp PgDn scroll, c exports the CSV files. The figures come from the session
// (an effect reads the cache); this screen only lays them out and scrolls.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../i18n/index.ts';
import type { SessionInput } from '../../core/session/store.ts';
import type { ReportsView } from '../../core/session/types.ts';
import { tr } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import { periodTitle, reportLines } from '../reports/report-lines.ts';
import { useTheme } from '../theme.ts';
import { truncate } from '../text/width.ts';
import { wrapToWidth } from '../../text/wrap.ts';

const SPANS: Partial<Record<CommandId, 'day' | 'week' | 'month'>> = { 'report.day': 'day', 'report.week': 'week', 'report.month': 'month' };

export function ReportsOverlay({ view, lang, width, height, send }: { view: ReportsView | null; lang: Lang; width: number; height: number; send: (input: SessionInput) => void }) {
  const theme = useTheme();
  const inner = width - 4;
  // Border 2, title 1, status 2 (an export's folder may need both).
  const body = Math.max(1, height - 5);
  const lines = useMemo(() => (view?.report ? reportLines(view.report, lang, inner) : []), [view?.report, lang, inner]);
  const [offset, setOffset] = useState(0);
  const max = Math.max(0, lines.length - body);
  const live = useRef({ offset, max, body, lang });
  live.current = { offset: Math.min(offset, max), max, body, lang };

  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const { offset: at, max: last, body: page } = live.current;
      const scroll = (to: number) => {
        const next = Math.max(0, Math.min(to, last));
        live.current.offset = next;
        setOffset(next);
      };
      const span = SPANS[command];
      if (span) return send({ type: 'report-period', span }), true;
      switch (command) {
        case 'report.prev':
        case 'report.next':
          send({ type: 'report-period', move: command === 'report.prev' ? -1 : 1 });
          scroll(0);
          return true;
        case 'report.export':
          send({ type: 'report-export', lang: live.current.lang });
          return true;
        case 'report.up':
          return scroll(at - 1), true;
        case 'report.down':
          return scroll(at + 1), true;
        case 'report.page-up':
          return scroll(at - page), true;
        case 'report.page-down':
          return scroll(at + page), true;
        default:
          return false;
      }
    },
    [send],
  );
  const layer = useMemo<KeyLayer>(() => ({ scopes: ['report'], onCommand, priority: 10 }), [onCommand]);
  useKeyLayer(layer);

  const start = Math.min(offset, max);
  const shown = lines.slice(start, start + body);
  const period = view ? periodTitle(view.from, view.to, lang) : { from: '', to: '' };
  const status = !view || view.loading
    ? tr(lang, 'reports.loading')
    : view.error
      ? tr(lang, 'reports.failed', { kind: view.error })
      : view.exported
        ? tr(lang, 'reports.exported', { files: view.exported.files, dir: view.exported.dir })
        : tr(lang, 'reports.position', { first: lines.length === 0 ? 0 : start + 1, last: start + shown.length, total: lines.length });
  const statusColor = view?.error ? 'status.error' : view?.exported ? 'status.ok' : 'text.secondary';
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        {truncate(tr(lang, 'reports.title', { ...period, span: tr(lang, `reports.span.${view?.span ?? 'month'}`) }), inner, theme.ellipsis)}
      </Text>
      <Box flexDirection="column" height={body}>
        {shown.map((line, i) => (
          <Text key={start + i} wrap="truncate" bold={line.kind === 'title'} color={line.kind === 'header' ? theme.color('text.accent') : undefined}>
            {line.text}
          </Text>
        ))}
      </Box>
      {wrapToWidth(status, inner).slice(0, 2).map((line, i) => (
        <Text key={`status-${i}`} color={theme.color(statusColor)} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
