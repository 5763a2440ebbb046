// 1 摘要 2 西醫用藥 3 餘藥 4 慢箋 5 管制藥 6 過敏 — the active tab highlighted.
import { Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { TAB_IDS, type TabId } from '../../core/session/types.ts';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';

export function TabBar({ active, lang, counts }: { active: TabId; lang: Lang; counts: Partial<Record<TabId, number>> }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {TAB_IDS.map((tab, i) => {
        const count = counts[tab];
        const label = ` ${i + 1} ${tr(lang, `tab.${tab}`)}${count === undefined ? '' : `(${count})`} `;
        return (
          <Text key={tab} inverse={tab === active} bold={tab === active} color={tab === active ? theme.color('text.accent') : undefined}>
            {label}
          </Text>
        );
      })}
    </Text>
  );
}
