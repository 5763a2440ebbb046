// A real terminal for end-to-end runs: a private tmux server (its own socket, so nothing
// else on the machine is touched), one 80x24 window, keys in, screen text out. Waiting is
// polling the screen for what should appear, with an overall deadline — never a fixed sleep.
import { execFileSync } from 'node:child_process';

export interface Terminal {
  send(...keys: string[]): void;
  /** Literal text (no key-name lookup), e.g. a PIN. */
  type(text: string): void;
  screen(): string;
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  resize(columns: number, rows: number): void;
  close(): void;
}

export interface TerminalOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd: string;
  /**
   * Variables of this process the program must not see (e.g. a developer's own YAOLI_* settings):
   * the private tmux server, and with it the program, starts from this process's environment.
   */
  dropEnv?: (name: string) => boolean;
}

/** Whether a tmux binary answers (CI installs it; without it the terminal tests are skipped with the reason). */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
}

export function openTerminal(command: string, options: TerminalOptions): Terminal {
  const socket = `yaoli-e2e-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const drop = options.dropEnv;
  const serverEnv = drop ? Object.fromEntries(Object.entries(process.env).filter(([name]) => !drop(name))) : process.env;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: serverEnv });
  // Ink draws nothing but the last frame when it thinks it runs in CI (is-in-ci reads CI=true,
  // which CI sets): the program under test is an interactive terminal, so say it is not CI.
  const env = Object.entries({ CI: 'false', ...options.env })
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  // The shell stays after the program ends, so its exit code and the restored screen can be read.
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'kiosk', '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), `cd ${JSON.stringify(options.cwd)} && env ${env} ${command}; echo "EXIT $?"; sleep 600`);
  tmux('set-option', '-g', 'status', 'off');
  const terminal: Terminal = {
    send: (...keys) => void tmux('send-keys', '-t', 'kiosk', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'kiosk', '-l', text),
    screen: () => tmux('capture-pane', '-p', '-t', 'kiosk'),
    async waitFor(predicate, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      while (Date.now() < deadline) {
        screen = terminal.screen();
        if (predicate(screen)) return screen;
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    },
    resize: (columns, rows) => void tmux('resize-window', '-t', 'kiosk', '-x', String(columns), '-y', String(rows)),
    close: () => {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
    },
  };
  return terminal;
}
