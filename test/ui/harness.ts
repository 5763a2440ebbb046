// Renders Ink trees into a fake terminal of any size (ink-testing-library fixes 100
// columns and has no rows; the kiosk lays out by both), and waits for frames by polling,
// never by fixed sleeps.
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1) ?? '';
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface Rendered {
  stdout: FakeStdout;
  stdin: FakeStdin;
  instance: Instance;
  lastFrame(): string;
  /** Poll the frame until `predicate` holds; throws with the last frame after `timeoutMs`. */
  waitFor(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  press(...keys: string[]): Promise<void>;
}

export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  backspace: '\x7f',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  f1: '\x1bOP',
  f2: '\x1bOQ',
  f3: '\x1bOR',
  f4: '\x1bOS',
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function renderAt(tree: ReactElement, columns = 80, rows = 24): Rendered {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const rendered: Rendered = {
    stdout,
    stdin,
    instance,
    lastFrame: () => stdout.lastFrame(),
    async waitFor(predicate, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = stdout.lastFrame();
        if (predicate(frame)) return frame;
        if (Date.now() > deadline) throw new Error(`timed out waiting; last frame:\n${frame}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async press(...keys) {
      // Input listeners attach in effects after a render; let them settle between keys.
      for (const key of keys) {
        await tick();
        stdin.write(key);
        await tick();
      }
    },
  };
  return rendered;
}
