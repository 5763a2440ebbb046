// Loading: one line per MediCloud endpoint with its state, so staff see what is slow. The
// steps are the look-up's own list (App's `endpoints`: login, each endpoint, the care-list API),
// then anything else it reports.
import { Box, Text } from 'ink';
import { maskNationalId } from '../../core/domain/national-id.ts';
import type { EndpointState } from '../../core/session/types.ts';
import { isUiKey, tr } from '../i18n/index.ts';
import { useTheme, type Theme, type Token } from '../theme.ts';
import { fit } from '../text/width.ts';
import type { ScreenProps } from './props.ts';

function mark(theme: Theme, state: EndpointState): [string, Token] {
  switch (state) {
    case 'done':
    case 'cached':
      return [theme.glyph.ok, 'status.ok'];
    case 'failed':
      return [theme.glyph.fail, 'status.error'];
    default:
      return [theme.glyph.pending, 'text.secondary'];
  }
}

export function LoadingScreen({ state, lang, endpoints: fetched }: ScreenProps & { endpoints: readonly string[] }) {
  const theme = useTheme();
  const phase = state.phase;
  if (phase.name !== 'loading') return null;
  const endpoints = [...new Set([...fetched, ...Object.keys(phase.progress)])];
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text bold color={theme.color('text.accent')}>
        {tr(lang, 'loading.title')} {phase.target.name ?? ''} {maskNationalId(phase.target.nationalId)}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {endpoints.map((endpoint) => {
          const endpointState = phase.progress[endpoint] ?? 'waiting';
          const [glyph, token] = mark(theme, endpointState);
          const nameKey = `endpoint.${endpoint}`;
          return (
            <Text key={endpoint} wrap="truncate">
              <Text color={theme.color(token)}>{glyph} </Text>
              {fit(isUiKey(nameKey) ? tr(lang, nameKey) : endpoint, 20)}
              <Text color={theme.color('text.secondary')}>{tr(lang, `loading.state.${endpointState}`)}</Text>
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
