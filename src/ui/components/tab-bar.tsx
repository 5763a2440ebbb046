// 1 摘要 2 西醫用藥 3 餘藥 4 慢箋 5 管制藥 6 過敏 — the active tab highlighted.
import { Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { TAB_IDS, type TabId } from '../../core/session/types.ts';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { displayWidth } from '../text/width.ts';

export function TabBar({ active, lang, counts, width }: { active: TabId; lang: Lang; counts: Partial<Record<TabId, number>>; width: number }) {
  const theme = useTheme();
  const labels = (withCounts: boolean) =>
    TAB_IDS.map((tab, i) => {
      const count = counts[tab];
      return ` ${i + 1} ${tr(lang, `tab.${tab}`)}${withCounts && count !== undefined ? `(${count})` : ''} `;
    });
  // Row counts only when all six tabs still fit on the line.
  const full = labels(true);
  const shown = displayWidth(full.join('')) <= width - 1 ? full : labels(false);
  return (
    <Text wrap="truncate">
      {TAB_IDS.map((tab, i) => {
        const label = shown[i] ?? '';
        return (
          <Text key={tab} inverse={tab === active} bold={tab === active} color={tab === active ? theme.color('text.accent') : undefined}>
            {label}
          </Text>
        );
      })}
    </Text>
  );
}
