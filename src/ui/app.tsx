// The root: picks the screen from the session state, owns the one key listener and routes
// each key through the keymap to the top key layer or to the session. Nothing else.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Lang } from '../i18n/index.ts';
import type { IsoDate } from '../core/domain/types.ts';
import type { SessionStore } from '../core/session/store.ts';
import type { SessionState } from '../core/session/types.ts';
import { Frame, fits } from './components/frame.tsx';
import { HelpOverlay, helpRows } from './components/help-overlay.tsx';
import { HintBar } from './components/hint-bar.tsx';
import { NoticeLine } from './components/notice-line.tsx';
import { tr } from './i18n/index.ts';
import { useKeypress } from './input/use-keypress.ts';
import { parseKeypress, type Keypress } from './input/keypress.ts';
import { KeyLayerContext, topLayer, type KeyLayer } from './key-layer.ts';
import { commandFor, type CommandId, type Scope } from './keymap.ts';
import type { DemoTray, Diagnostics } from './ports.ts';
import { useTerminalSize } from './size.ts';
import { useTheme } from './theme.ts';
import { AdminOverlay } from './screens/admin.tsx';
import { ConsentScreen } from './screens/consent.tsx';
import { DiagnosticsOverlay } from './screens/diagnostics.tsx';
import { EmergencyScreen } from './screens/emergency.tsx';
import { FailedScreen } from './screens/failed.tsx';
import { IdleScreen } from './screens/idle.tsx';
import { LoadingScreen } from './screens/loading.tsx';
import { PatientViewScreen } from './screens/patient-view.tsx';
import { ReadyScreen } from './screens/ready.tsx';
import { ReportsOverlay } from './screens/reports.tsx';
import { SettingsOverlay } from './screens/settings.tsx';
import { StaffScreen } from './screens/staff.tsx';
import { TrayOverlay } from './screens/tray.tsx';
import type { ScreenProps } from './screens/props.ts';

const NO_ENDPOINTS: readonly string[] = [];

export interface AppProps {
  store: SessionStore;
  today: () => IsoDate;
  homeInstitutionId: string | null;
  tray: DemoTray | null;
  diagnostics: Diagnostics | null;
  onQuit: () => void;
  /**
   * The steps a look-up reports progress for, in its order, for the loading screen's lines: the
   * kiosk passes core/lookup's LOOKUP_STEPS (the three-card login, every MediCloud endpoint
   * fetchAll walks, the care-list Web API) once its world is open, so the idle screen does not
   * wait for the schemas to load. Without it the loading screen lists what the look-up has
   * reported so far.
   */
  endpoints?: readonly string[];
}

function Screen({ props, homeInstitutionId, demo, endpoints }: { props: ScreenProps; homeInstitutionId: string | null; demo: boolean; endpoints: readonly string[] }) {
  const phase = props.state.phase;
  switch (phase.name) {
    case 'idle':
      return <IdleScreen {...props} demo={demo} />;
    case 'staff-reading':
    case 'staff-pin':
    case 'staff-locked':
    case 'staff-refused':
      return <StaffScreen {...props} />;
    case 'ready':
    case 'patient-reading':
      return <ReadyScreen {...props} />;
    case 'consent':
      return <ConsentScreen {...props} />;
    case 'emergency':
      return <EmergencyScreen {...props} />;
    case 'loading':
      return <LoadingScreen {...props} endpoints={endpoints} />;
    case 'patient-view':
      return <PatientViewScreen key={phase.lookupId} {...props} homeInstitutionId={homeInstitutionId} />;
    case 'lookup-failed':
      return <FailedScreen {...props} />;
  }
}

function TitleLine({ state, lang, demo }: { state: SessionState; lang: Lang; demo: boolean }) {
  const theme = useTheme();
  const staff = state.staff ? `  ${state.staff.profile.name}` : '';
  return (
    <Text wrap="truncate">
      <Text bold color={theme.color('text.accent')}>{tr(lang, 'app.title')}</Text>
      <Text color={theme.color('text.secondary')}>{staff}{demo ? `  [${tr(lang, 'app.demo')}]` : ''}</Text>
    </Text>
  );
}

const NOTHING_HIDDEN: readonly CommandId[] = [];
/** Real readers have no demo tray: its key is not offered. */
const NO_TRAY: readonly CommandId[] = ['app.tray'];

export function App({ store, today, homeInstitutionId, tray, diagnostics, onQuit, endpoints = NO_ENDPOINTS }: AppProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const size = useTerminalSize();
  const [langOverride, setLangOverride] = useState<Lang | null>(null);
  const lang = langOverride ?? state.settings.lang;
  const [help, setHelp] = useState(false);
  const [helpOffset, setHelpOffset] = useState(0);
  const [trayOpen, setTrayOpen] = useState(false);
  const layers = useRef<KeyLayer[]>([]);
  const [scopes, setScopes] = useState<readonly Scope[]>([]);

  const register = useCallback((layer: KeyLayer) => {
    layers.current = [...layers.current, layer];
    setScopes(topLayer(layers.current)?.scopes ?? []);
    return () => {
      layers.current = layers.current.filter((l) => l !== layer);
      setScopes(topLayer(layers.current)?.scopes ?? []);
    };
  }, []);

  // Help rows beyond one page: how far ↓ may scroll (body = rows − title, notice, hints, spare; − 3 for the box).
  const helpMax = Math.max(0, helpRows(lang).length - (size.rows - 4 - 3));
  const live = useRef({ help, trayOpen, lang, overlay: state.overlay, rows: size.rows, helpMax, visible: fits(size) });
  live.current = { help, trayOpen, lang, overlay: state.overlay, rows: size.rows, helpMax, visible: fits(size) };

  const runGlobal = useCallback(
    (command: CommandId) => {
      switch (command) {
        case 'app.help':
          setHelpOffset(0);
          setHelp(true);
          return;
        case 'app.tray':
          if (tray) setTrayOpen((open) => !open);
          return;
        case 'app.lang':
          setLangOverride(live.current.lang === 'zh-TW' ? 'en' : 'zh-TW');
          return;
        case 'app.quit':
          onQuit();
          return;
        case 'app.diagnostics':
          store.send({ type: 'open-overlay', overlay: 'diagnostics' });
          return;
        case 'app.settings':
          store.send({ type: 'open-overlay', overlay: 'settings' });
          return;
        case 'app.reports':
          store.send({ type: 'open-overlay', overlay: 'reports', today: today() });
          return;
        case 'app.admin':
          store.send({ type: 'open-overlay', overlay: 'admin' });
          return;
        case 'session.back':
          if (live.current.trayOpen) setTrayOpen(false);
          else store.send(live.current.overlay ? { type: 'close-overlay' } : { type: 'cancel' });
          return;
        case 'session.emergency':
          store.send({ type: 'emergency-open' });
          return;
        case 'session.close':
          store.send({ type: 'close-patient' });
          return;
        case 'session.logout':
          store.send({ type: 'logout' });
          return;
        default:
          return;
      }
    },
    [store, tray, onQuit, today],
  );

  const onKey = useCallback(
    (press: Keypress) => {
      store.send({ type: 'key-activity' });
      if (!live.current.visible) {
        // Behind the too-small message nothing may act unseen (a PIN typed, a patient closed): only quit.
        if (commandFor(['global'], press) === 'app.quit') onQuit();
        return;
      }
      if (live.current.help) {
        // The help is modal: it scrolls, closes, or quits; nothing else acts under it.
        const command = commandFor(['table', 'global'], press);
        const page = Math.max(1, live.current.rows - 6);
        const scroll: Partial<Record<CommandId, number>> = { 'table.up': -1, 'table.down': 1, 'table.page-up': -page, 'table.page-down': page };
        if (command && scroll[command] !== undefined) setHelpOffset((o) => Math.max(0, Math.min(o + (scroll[command] ?? 0), live.current.helpMax)));
        if (command === 'app.help' || command === 'session.back') setHelp(false);
        if (command === 'app.quit') onQuit();
        return;
      }
      const layer = topLayer(layers.current);
      const layerScopes = layer?.liveScopes?.() ?? layer?.scopes ?? [];
      const command = commandFor([...layerScopes, 'global'], press);
      if (!command) {
        if (press.name !== 'char' || press.ctrl) return;
        if (layerScopes.includes('text')) layer?.onText?.(press.input);
        // Characters that came in one read while no text entry was open (typed faster than the
        // screen drew, as in "/met" or "34"): each is a key of its own, so a key that opens a
        // text entry hands it the rest instead of the whole run being dropped.
        else if (press.input.length > 1) for (const c of press.input) keyHandler.current(parseKeypress(c));
        return;
      }
      if (layer?.onCommand(command)) return;
      runGlobal(command);
    },
    [store, runGlobal, onQuit],
  );
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;
  useKeypress(onKey);

  const send = store.send;
  const closeTray = useCallback(() => setTrayOpen(false), []);
  const todayIso = today();
  const screenProps = useMemo<ScreenProps>(() => ({ state, lang, size, today: todayIso, send }), [state, lang, size, todayIso, send]);
  const demo = tray !== null;
  const overlayUp = help || (trayOpen && tray !== null) || state.overlay !== null;
  const patientView = state.phase.name === 'patient-view';
  const bodyHeight = size.rows - 1 - 2 - (patientView ? 0 : 1);
  const overlayWidth = size.columns - 1;
  const barScopes: Scope[] = [...(help ? [] : scopes), 'global'];

  return (
    <KeyLayerContext.Provider value={register}>
      <Frame size={size} lang={lang}>
        {patientView ? null : <TitleLine state={state} lang={lang} demo={demo} />}
        <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
          <Box display={overlayUp ? 'none' : 'flex'} flexDirection="column">
            <Screen props={screenProps} homeInstitutionId={homeInstitutionId} demo={demo} endpoints={endpoints} />
          </Box>
          {help ? <HelpOverlay lang={lang} width={overlayWidth} height={bodyHeight} offset={helpOffset} /> : null}
          {!help && trayOpen && tray ? <TrayOverlay tray={tray} lang={lang} width={overlayWidth} height={bodyHeight} onClose={closeTray} /> : null}
          {!help && !trayOpen && state.overlay === 'settings' ? <SettingsOverlay settings={state.settings} lang={lang} width={overlayWidth} today={todayIso} send={send} /> : null}
          {!help && !trayOpen && state.overlay === 'reports' ? <ReportsOverlay view={state.reports} lang={lang} width={overlayWidth} height={bodyHeight} send={send} /> : null}
          {!help && !trayOpen && state.overlay === 'admin' ? <AdminOverlay view={state.admin} lang={lang} width={overlayWidth} height={bodyHeight} send={send} /> : null}
          {!help && !trayOpen && state.overlay === 'diagnostics' ? <DiagnosticsOverlay diagnostics={diagnostics} lang={lang} width={overlayWidth} height={bodyHeight} /> : null}
        </Box>
        <NoticeLine notice={state.notice} lang={lang} width={size.columns} />
        <HintBar scopes={barScopes} lang={lang} width={size.columns} hidden={demo ? NOTHING_HIDDEN : NO_TRAY} />
      </Frame>
    </KeyLayerContext.Provider>
  );
}
