// Settings (機構管理者 only; the session refuses anyone else): language, idle timeout,
// refill window, the year's refill holiday, duplicate threshold and default tab. ←→ adjusts,
// Enter saves.
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
import { dayIn } from '../../i18n/dates.ts';
import { addDays, daysBetween } from '../../core/domain/dates.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import { MAX_HOLIDAY_DAYS, MAX_HOLIDAY_WINDOW_DAYS, type HolidayWindow } from '../../core/domain/refill.ts';

interface Item {
  label: UiKey;
  show(s: KioskSettings, lang: Lang): string;
  step(s: KioskSettings, by: 1 | -1, today: IsoDate): KioskSettings;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** A new holiday (→ on the start while none is set): from today, nine days, the normal window. */
function newHoliday(s: KioskSettings, today: IsoDate): HolidayWindow {
  return { from: today, to: addDays(today, 8), windowDays: s.refillWindowDays };
}

/** The holiday with one field changed; a length of 0 removes it. */
function withHoliday(s: KioskSettings, change: (holiday: HolidayWindow) => HolidayWindow | null): KioskSettings {
  return s.refillHoliday === null ? s : { ...s, refillHoliday: change(s.refillHoliday) };
}

const holidayDays = (holiday: HolidayWindow) => daysBetween(holiday.from, holiday.to) + 1;

/** A holiday field as shown: 「無」 while no holiday is set, or the field has no value. */
function showHoliday(s: KioskSettings, lang: Lang, text: (holiday: HolidayWindow) => string | null): string {
  return (s.refillHoliday === null ? null : text(s.refillHoliday)) ?? tr(lang, 'settings.none');
}

const ITEMS: Item[] = [
  { label: 'settings.lang', show: (s) => s.lang, step: (s) => ({ ...s, lang: s.lang === 'zh-TW' ? 'en' : 'zh-TW' }) },
  { label: 'settings.idle', show: (s) => String(s.idleTimeoutSeconds), step: (s, by) => ({ ...s, idleTimeoutSeconds: clamp(s.idleTimeoutSeconds + by * 15, 15, 3600) }) },
  { label: 'settings.refill', show: (s) => String(s.refillWindowDays), step: (s, by) => ({ ...s, refillWindowDays: clamp(s.refillWindowDays + by, 0, 10) }) },
  // The year's holiday rule (NHIA announces it; research §1.5): its range, then its two forms.
  {
    label: 'settings.holiday-start',
    show: (s, lang) => showHoliday(s, lang, (h) => dayIn(h.from, lang)),
    step: (s, by, today) => {
      if (s.refillHoliday === null) return by > 0 ? { ...s, refillHoliday: newHoliday(s, today) } : s;
      return withHoliday(s, (h) => ({ ...h, from: addDays(h.from, by), to: addDays(h.to, by) }));
    },
  },
  {
    label: 'settings.holiday-days',
    show: (s, lang) => showHoliday(s, lang, (h) => String(holidayDays(h))),
    step: (s, by) => withHoliday(s, (h) => {
      const days = clamp(holidayDays(h) + by, 0, MAX_HOLIDAY_DAYS);
      return days === 0 ? null : { ...h, to: addDays(h.from, days - 1) };
    }),
  },
  {
    label: 'settings.holiday-window',
    show: (s, lang) => showHoliday(s, lang, (h) => String(h.windowDays)),
    step: (s, by) => withHoliday(s, (h) => ({ ...h, windowDays: clamp(h.windowDays + by, 0, MAX_HOLIDAY_WINDOW_DAYS) })),
  },
  {
    label: 'settings.holiday-before',
    show: (s, lang) => showHoliday(s, lang, (h) => (h.fromDaysBeforeStart === undefined ? null : String(h.fromDaysBeforeStart))),
    step: (s, by) => withHoliday(s, (h) => {
      const days = clamp((h.fromDaysBeforeStart ?? 0) + by, 0, MAX_HOLIDAY_WINDOW_DAYS);
      const { fromDaysBeforeStart: _old, ...rest } = h;
      return days === 0 ? rest : { ...rest, fromDaysBeforeStart: days };
    }),
  },
  { label: 'settings.duplicate', show: (s) => String(s.duplicateThresholdDays), step: (s, by) => ({ ...s, duplicateThresholdDays: clamp(s.duplicateThresholdDays + by, 1, 60) }) },
  {
    label: 'settings.tab',
    show: (s, lang) => tr(lang, `tab.${s.defaultTab}`),
    step: (s, by) => ({ ...s, defaultTab: TAB_IDS[(TAB_IDS.indexOf(s.defaultTab) + by + TAB_IDS.length) % TAB_IDS.length] ?? s.defaultTab }),
  },
];

export function SettingsOverlay({ settings, lang, width, today, send }: { settings: KioskSettings; lang: Lang; width: number; today: IsoDate; send: (input: SessionInput) => void }) {
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
          if (spec) update({ ...current, draft: spec.step(current.draft, command === 'list.left' ? -1 : 1, today) });
          return true;
        case 'list.select':
          send({ type: 'settings-save', settings: current.draft });
          return true;
        default:
          return false;
      }
    },
    [send, today],
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
