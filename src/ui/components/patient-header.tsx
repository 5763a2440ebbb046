// Who is on screen and how fresh the data are: masked ID, name, age, sex, data-as-of,
// cache/offline state, care-list badge and alert counts.
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { countBySeverity } from '../../core/domain/alerts.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { onCareList } from '../../core/session/care-list.ts';
import type { Phase } from '../../core/session/types.ts';
import { tr } from '../i18n/index.ts';
import { useTheme } from '../theme.ts';
import { dayTimeIn } from '../../i18n/dates.ts';
import { truncate } from '../text/width.ts';

type View = Extract<Phase, { name: 'patient-view' }>;

export function PatientHeader({ view, lang, width }: { view: View; lang: Lang; width: number }) {
  const theme = useTheme();
  const { analysis } = view.data;
  const patient = analysis.patient;
  const name = patient?.name ?? view.target.name ?? '';
  const sex = patient?.sex ?? view.target.sex;
  const counts = countBySeverity(analysis.alerts);
  const identity = [
    name,
    sex ? tr(lang, sex === 'M' ? 'sex.M' : 'sex.F') : '',
    analysis.age === null ? '' : tr(lang, 'view.age', { age: analysis.age }),
    maskNationalId(view.target.nationalId),
  ]
    .filter(Boolean)
    .join('  ');
  const when = dayTimeIn(view.data.fetchedAt, lang);
  const freshness = view.offline
    ? tr(lang, 'view.offline', { when })
    : `${tr(lang, 'view.as-of', { when })}${view.data.source === 'cache' ? ` (${tr(lang, 'view.cache')})` : ''}${view.refreshing ? ` ${tr(lang, 'view.refreshing')}` : ''}`;
  const alertColor = counts.critical > 0 ? 'status.critical' : counts.warning > 0 ? 'status.warning' : 'text.secondary';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>{truncate(identity, Math.max(10, width - 30), theme.ellipsis)}</Text>
        {onCareList(view.data) ? <Text color={theme.color('status.warning')} inverse>{` ${tr(lang, 'view.care-list')} `}</Text> : null}
        <Text color={theme.color(alertColor)}>{`  ${tr(lang, 'view.alerts', { critical: counts.critical, warning: counts.warning, info: counts.info })}`}</Text>
      </Text>
      <Text color={view.offline ? theme.color('status.error') : theme.color('text.secondary')} wrap="truncate">
        {truncate(freshness, width - 1, theme.ellipsis)}
      </Text>
    </Box>
  );
}
