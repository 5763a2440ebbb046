// `yaoli` (the kiosk): the screen first, then the world behind it. The first frame must
// come quickly (SPEC §4: ≤ 300 ms), so the reader hub, the cache, the simulator and the
// cloud client are opened after Ink has drawn the idle screen, and report in as events.
import { render } from 'ink';
import { taipeiDateOf } from '../core/domain/dates.ts';
import type { IsoDate } from '../core/domain/types.ts';
import type { CloudTimeouts, Readers } from '../core/config.ts';
import { createSessionStore, initialSession, type SessionEffect, type SessionStore } from '../core/session/index.ts';
import { App } from '../ui/app.tsx';
import { ThemeContext, themeFromEnv } from '../ui/theme.ts';
import type { DemoTray, Diagnostics } from '../ui/ports.ts';
import { limitHeapGrowth } from './heap-limits.ts';
import { inkFrameStream, KIOSK_INK_OPTIONS, takeTerminal } from './terminal.ts';
import type { World } from './world.ts';

export interface KioskOptions {
  /** 'virtual' (embedded default, with the demo tray), 'pcsc' (real readers) or 'auto' (PC/SC when pcscd answers). */
  readers: Readers;
  /** MediCloud base URL; null = the embedded simulator on a random loopback port. */
  cloud: string | null;
  seed: number;
  /** The day the demo runs on (simulator and analysis); default today in Taipei. */
  today: IsoDate | null;
  samFolder: string | null;
  /** The cache database and key file (core/config); default: the data folder's. */
  cachePath?: string;
  keyFile?: string;
  /** MediCloud client timeouts (core/config); default: the client's. */
  timeouts?: CloudTimeouts;
  /** Demo: insert these deck cards at start (e.g. ['S01']). */
  insert: string[];
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

export async function startKiosk(options: KioskOptions): Promise<number> {
  limitHeapGrowth();
  const clock = () => Date.now();
  const today = (): IsoDate => options.today ?? taipeiDateOf(new Date());
  let world: World | null = null;
  const pending: SessionEffect[] = [];
  const store: SessionStore = createSessionStore(initialSession(undefined, clock()), {
    clock,
    // Effects that arrive before the world is open (none in practice: no cards yet) wait.
    onEffect: (effect) => (world ? world.run(effect) : pending.push(effect)),
  });
  let tray: DemoTray | null = null;
  let endpoints: readonly string[] = [];
  let diagnostics: Diagnostics | null = null;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  const guard = takeTerminal(options.stdout, () => quit(130));
  const ink = render(
    <ThemeContext.Provider value={themeFromEnv(options.env)}>
      <Root store={store} today={today} getTray={() => tray} getDiagnostics={() => diagnostics} onQuit={() => quit(0)} home={() => world?.homeInstitutionId ?? null} endpoints={endpoints} />
    </ThemeContext.Provider>,
    { stdout: inkFrameStream(options.stdout), stdin: options.stdin, exitOnCtrlC: false, patchConsole: false, ...KIOSK_INK_OPTIONS },
  );
  let quitting = false;
  async function quit(code: number): Promise<void> {
    if (quitting) return;
    quitting = true;
    ink.unmount();
    await world?.close().catch(() => undefined);
    guard.restore();
    finish(code);
  }
  try {
    // Loaded after the first frame: with code splitting, the simulator, cache, cloud client and
    // card code are not even parsed before the idle screen is up.
    const [{ openWorld }, steps] = await Promise.all([import('./world.ts'), import('../core/lookup/steps.ts')]);
    world = await openWorld({ ...options, store, clock, today });
    // The look-up's own steps (login, every endpoint fetchAll walks, the care-list API).
    endpoints = steps.LOOKUP_STEPS;
  } catch (error) {
    guard.restore();
    ink.unmount();
    throw error;
  }
  // No await from here to the rerender: a quit (or a signal) in between would have unmounted Ink,
  // and rerendering would mount the app again with stdin raw — the process could never exit.
  if (quitting) {
    // Quit (or a signal) came while the world was still opening: close what just opened.
    await world.close().catch(() => undefined);
    return done;
  }
  tray = world.tray;
  diagnostics = world.diagnostics;
  for (const effect of pending.splice(0)) world.run(effect);
  ink.rerender(
    <ThemeContext.Provider value={themeFromEnv(options.env)}>
      <Root store={store} today={today} getTray={() => tray} getDiagnostics={() => diagnostics} onQuit={() => quit(0)} home={() => world?.homeInstitutionId ?? null} endpoints={endpoints} />
    </ThemeContext.Provider>,
  );
  await world.insertAtStart(options.insert);
  const code = await done;
  for (const warning of world.warnings()) console.error(`yaoli: ${warning}`);
  return code;
}

function Root(props: { store: SessionStore; today: () => IsoDate; getTray: () => DemoTray | null; getDiagnostics: () => Diagnostics | null; onQuit: () => void; home: () => string | null; endpoints: readonly string[] }) {
  return <App store={props.store} today={props.today} homeInstitutionId={props.home()} tray={props.getTray()} diagnostics={props.getDiagnostics()} onQuit={props.onQuit} endpoints={props.endpoints} />;
}
