// The kiosk owns the whole screen: alternate buffer, hidden cursor, no autowrap (a full
// last column must not scroll the screen on Windows consoles, ink PR #971). Whatever ends
// the process — quit, crash, SIGINT/SIGTERM/SIGHUP — the terminal is given back as it was.
const ENTER = '\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[2J\x1b[H';
const LEAVE = '\x1b[?7h\x1b[?25h\x1b[?1049l';

export interface TerminalGuard {
  /** Restore the terminal (idempotent). */
  restore(): void;
}

export function takeTerminal(stdout: NodeJS.WriteStream, onSignal: (signal: NodeJS.Signals) => void): TerminalGuard {
  let restored = false;
  const isTTY = stdout.isTTY === true;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (isTTY) stdout.write(LEAVE);
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', restore);
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  };
  const crash = (error: unknown) => {
    restore();
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('exit', restore);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  if (isTTY) stdout.write(ENTER);
  return { restore };
}

// Ink 6.8's incremental writer (log-update createIncremental, ink#909, fixed only in Ink 7, which
// needs Node 22) starts every frame that is not shorter than the previous one with
// cursorUp(previousVisible − 1): it assumes the cursor sits ON the previous frame's last line. But
// every frame shorter than the terminal — all of ours: the Frame is rows − 1 tall so Ink stays
// off its clear-the-screen path — goes out with a trailing newline, which leaves the cursor one
// line BELOW it. Each redraw therefore starts one line low; at the bottom of the screen the
// newline scrolls instead, and the lines Ink skipped as unchanged end up one row off. Padding
// frames to a fixed height does not help (an equal height is exactly the failing case); a frame
// as tall as the screen has no newline but takes the clear-the-screen path on every render.
// So the stream Ink writes to drops that one trailing advance (the newline, or the next-line
// move Ink writes for an unchanged last line): the cursor then stays on the last line, where
// the incremental writer's arithmetic expects it. The kiosk's frames never shrink between two
// renders of one size (always rows − 1); Ink's other branch (erase the surplus) is reached only
// on a resize, and tmux at 80x24 → 100x30 → 80x26 → 70x20 → 80x24 redraws correctly with it.
const NEXT_LINE = '\x1b[E';

/** `stdout` for Ink with incremental rendering: each frame's trailing line advance dropped. */
export function inkFrameStream(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    let text = typeof chunk === 'string' ? chunk : null;
    if (text?.endsWith('\n')) text = text.slice(0, -1);
    else if (text?.endsWith(NEXT_LINE)) text = text.slice(0, -NEXT_LINE.length);
    return (stdout.write as (chunk: unknown, ...rest: unknown[]) => boolean)(text ?? chunk, ...rest);
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}


// Ink reads CI and CONTINUOUS_INTEGRATION once, when it is first imported (is-in-ci), and in
// "CI" draws nothing until the app exits; chalk (supports-color) likewise turns colour off when
// CI is set. A counter PC may well have CI=1 in its environment (a build agent's leftover,
// a vendor's installer), and the kiosk must still draw. src/cli.ts calls this before the
// kiosk command (and with it Ink) is loaded; other subcommands keep their environment.
const CI_VARIABLE = /^(CI|CONTINUOUS_INTEGRATION|CI_.*)$/;

/** Removes the CI markers from `env` (process.env by default); returns the names removed. */
export function forgetCiEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = Object.keys(env).filter((name) => CI_VARIABLE.test(name));
  for (const name of names) delete env[name];
  return names;
}

/**
 * How the kiosk has Ink draw (src/kiosk/start.tsx; `npm run bench kiosk` times keys the same
 * way): incremental rendering through inkFrameStream, at most 15 frames a second (a held arrow
 * key moves several rows per frame instead of queueing frames on a slow PC).
 */
export const KIOSK_INK_OPTIONS = { incrementalRendering: true, maxFps: 15 } as const;
