// Settings (機構管理者 only; the session refuses anyone else): language, idle timeout,
// refill window, duplicate threshold and default tab. ←→ adjusts, Enter saves.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../i18n/index.ts';
import { TAB_IDS, type KioskSettings } from '../../core/session/types.ts';
import type { SessionInput } from '../../core/session/store.ts';
import { tr, type UiKey } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { fit } from '../text/width.ts';

interface Item {
  label: UiKey;
  show(s: KioskSettings, lang: Lang): string;
  step(s: KioskSettings, by: 1 | -1): KioskSettings;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

const ITEMS: Item[] = [
  { label: 'settings.lang', show: (s) => s.lang, step: (s) => ({ ...s, lang: s.lang === 'zh-TW' ? 'en' : 'zh-TW' }) },
  { label: 'settings.idle', show: (s) => String(s.idleTimeoutSeconds), step: (s, by) => ({ ...s, idleTimeoutSeconds: clamp(s.idleTimeoutSeconds + by * 15, 15, 3600) }) },
  { label: 'settings.refill', show: (s) => String(s.refillWindowDays), step: (s, by) => ({ ...s, refillWindowDays: clamp(s.refillWindowDays + by, 0, 10) }) },
  { label: 'settings.duplicate', show: (s) => String(s.duplicateThresholdDays), step: (s, by) => ({ ...s, duplicateThresholdDays: clamp(s.duplicateThresholdDays + by, 1, 60) }) },
  {
    label: 'settings.tab',
    show: (s, lang) => tr(lang, `tab.${s.defaultTab}`),
    step: (s, by) => ({ ...s, defaultTab: TAB_IDS[(TAB_IDS.indexOf(s.defaultTab) + by + TAB_IDS.length) % TAB_IDS.length] ?? s.defaultTab }),
  },
];

export function SettingsOverlay({ settings, lang, width, send }: { settings: KioskSettings; lang: Lang; width: number; send: (input: SessionInput) => void }) {
  const theme = useTheme();
  const [draft, setDraft] = useState(settings);
  const [item, setItem] = useState(0);
  // Keys can arrive faster than renders: what the next key acts on is kept here.
  const live = useRef({ draft, item });
  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const current = live.current;
      const spec = ITEMS[current.item];
      const update = (next: { draft: KioskSettings; item: number }) => {
        live.current = next;
        setDraft(next.draft);
        setItem(next.item);
      };
      switch (command) {
        case 'list.up':
          update({ ...current, item: (current.item + ITEMS.length - 1) % ITEMS.length });
          return true;
        case 'list.down':
          update({ ...current, item: (current.item + 1) % ITEMS.length });
          return true;
        case 'list.left':
        case 'list.right':
        case 'list.toggle':
          if (spec) update({ ...current, draft: spec.step(current.draft, command === 'list.left' ? -1 : 1) });
          return true;
        case 'list.select':
          send({ type: 'settings-save', settings: current.draft });
          return true;
        default:
          return false;
      }
    },
    [send],
  );
  const layer = useMemo<KeyLayer>(() => ({ scopes: ['list'], onCommand, priority: 10 }), [onCommand]);
  useKeyLayer(layer);
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} paddingX={1}>
      <Text bold>{tr(lang, 'settings.title')}</Text>
      {ITEMS.map((spec, i) => (
        <Text key={spec.label} inverse={i === item} wrap="truncate">
          {fit(tr(lang, spec.label), 24)} {`< ${spec.show(draft, lang)} >`}
        </Text>
      ))}
      <Text color={theme.color('text.secondary')} wrap="truncate">
        {tr(lang, 'settings.hint')}
      </Text>
    </Box>
  );
}
