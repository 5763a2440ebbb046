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
