// The demo card tray (F2 / t): every staff and patient card of the demo deck; Enter puts
// the chosen card into its virtual reader or takes it out, so every screen can be tried
// without hardware.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import type { DemoTray } from '../ports.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

export function TrayOverlay({ tray, lang, width, height, onClose }: { tray: DemoTray; lang: Lang; width: number; height: number; onClose: () => void }) {
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const [, redraw] = useState(0);
  const cards = tray.cards();
  // Keys can arrive faster than renders: the cursor the next key acts on is kept here.
  const at = useRef(0);
  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const list = tray.cards();
      const move = (by: number) => {
        at.current = Math.max(0, Math.min(list.length - 1, at.current + by));
        setCursor(at.current);
      };
      switch (command) {
        case 'list.up':
          move(-1);
          return true;
        case 'list.down':
          move(1);
          return true;
        case 'list.select':
        case 'list.toggle': {
          const card = list[at.current];
          if (card) tray.toggle(card.id);
          redraw((n) => n + 1);
          return true;
        }
        case 'session.back':
        case 'app.tray':
          onClose();
          return true;
        default:
          return false;
      }
    },
    [tray, onClose],
  );
  const layer = useMemo<KeyLayer>(() => ({ scopes: ['list'], onCommand, priority: 10 }), [onCommand]);
  useKeyLayer(layer);
  const bodyHeight = Math.max(3, height - 3);
  const offset = Math.max(0, Math.min(cursor - Math.floor(bodyHeight / 2), cards.length - bodyHeight));
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('text.accent')} width={width} height={height} paddingX={1}>
      <Text bold>{tr(lang, 'tray.title')}</Text>
      {cards.slice(offset, offset + bodyHeight).map((card, i) => {
        const index = offset + i;
        const kind = tr(lang, card.kind === 'staff' ? 'tray.staff' : 'tray.patients');
        const pin = card.pin ? tr(lang, 'tray.pin', { pin: card.pin }) : '';
        const line = `${index === cursor ? theme.glyph.cursor : ' '} ${fit(card.id, 5)}${fit(kind, 12)}${fit(card.label, Math.max(10, width - 44))} ${fit(pin, 12)}${card.inserted ? tr(lang, 'tray.inserted') : ''}`;
        return (
          <Text key={card.id} inverse={index === cursor} color={card.inserted ? theme.color('status.ok') : undefined} wrap="truncate">
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
