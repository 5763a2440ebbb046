// Just enough of a VT100 to follow Ink's frame writes: printable ASCII, newline (scrolls at the
// bottom), cursor up (clamped at the top; 0 counts as 1, as xterm does), next line, column,
// erase line / to end of line, clear screen, home; private modes (?2026h, ?25l …) are ignored.
export class ScreenModel {
  readonly lines: string[];
  row = 0;
  column = 0;
  readonly isTTY = true;
  private readonly waiters: { test: (screen: string[]) => boolean; resolve: () => void }[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => '');
  }

  write = (chunk: string | Uint8Array): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const pattern = /\x1b\[(\??)([\d;]*)([A-Za-z])|\n|[^\x1b\n]+/g;
    for (const [token, priv, args, command] of text.matchAll(pattern)) {
      if (token === '\n') this.newline();
      else if (command === undefined) this.print(token);
      else if (priv !== '?') this.control(command, Number(args || '0'), args ?? '');
    }
    for (const waiter of [...this.waiters]) {
      if (!waiter.test(this.text())) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return true;
  };

  /** Resolves after the first write that leaves `test` true of the screen. */
  until(test: (screen: string[]) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  // Ink subscribes to these on its stdout; a model never resizes.
  on(): this {
    return this;
  }
  off(): this {
    return this;
  }

  /** The screen as text, trailing spaces trimmed per line. */
  text(): string[] {
    return this.lines.map((line) => line.trimEnd());
  }

  private newline(): void {
    if (this.row === this.rows - 1) {
      this.lines.shift();
      this.lines.push('');
    } else this.row += 1;
    this.column = 0;
  }

  private print(text: string): void {
    const line = this.lines[this.row]!.padEnd(this.column);
    this.lines[this.row] = (line.slice(0, this.column) + text + line.slice(this.column + text.length)).slice(0, this.columns);
    this.column = Math.min(this.columns - 1, this.column + text.length);
  }

  private control(command: string, n: number, args: string): void {
    switch (command) {
      case 'A':
        this.row = Math.max(0, this.row - Math.max(1, n));
        break;
      case 'E':
        this.row = Math.min(this.rows - 1, this.row + Math.max(1, n));
        this.column = 0;
        break;
      case 'G':
        this.column = Math.max(1, n) - 1;
        break;
      case 'H':
        this.row = 0;
        this.column = 0;
        break;
      case 'K':
        this.lines[this.row] = n === 2 ? '' : this.lines[this.row]!.slice(0, this.column);
        break;
      case 'J':
        if (args === '2') this.lines.fill('');
        break;
      default:
        break;
    }
  }
}
