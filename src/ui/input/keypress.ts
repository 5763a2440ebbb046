// One terminal key sequence → a named key. Ink 6's useInput drops F-keys (they arrive as
// an empty input), and the kiosk wants F-key aliases (htop style), so the few sequences a
// clinic terminal sends are named here: xterm, rxvt, the Linux console and PuTTY forms.
export interface Keypress {
  /** 'f1'…'f12', 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end',
   *  'return', 'escape', 'tab', 'backspace', 'delete', or 'char' for printable text. */
  name: string;
  /** The printable text for 'char' (one key, or a pasted run); else ''. */
  input: string;
  ctrl: boolean;
  shift: boolean;
}

const SEQUENCES: Record<string, string> = {
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', OA: 'up', OB: 'down', OC: 'right', OD: 'left',
  '[H': 'home', '[F': 'end', OH: 'home', OF: 'end', '[1~': 'home', '[4~': 'end', '[7~': 'home', '[8~': 'end',
  '[3~': 'delete', '[5~': 'pageup', '[6~': 'pagedown', '[[5~': 'pageup', '[[6~': 'pagedown',
  '[Z': 'tab',
};

export function parseKeypress(sequence: string): Keypress {
  const plain = (name: string, extra: Partial<Keypress> = {}): Keypress => ({ name, input: '', ctrl: false, shift: false, ...extra });
  if (sequence === '\r' || sequence === '\n' || sequence === '\r\n') return plain('return');
  if (sequence === '\t') return plain('tab');
  if (sequence === '\x1b' || sequence === '\x1b\x1b') return plain('escape');
  if (sequence === '\x7f' || sequence === '\b') return plain('backspace');
  if (sequence.startsWith('\x1b')) {
    const body = sequence.slice(1);
    // Modifier forms like ESC[1;2A (shift+up) or ESC[15;5~ keep the base key.
    const base = body.replace(/^\[1;(\d)([A-Z])$/, '[$2').replace(/^\[(\d+);\d~$/, '[$1~');
    const name = SEQUENCES[base];
    if (name) return plain(name, { shift: body === '[Z' || /;2[A-Z~]?$/.test(body) });
    return plain('unknown');
  }
  if (sequence.length === 1) {
    const code = sequence.charCodeAt(0);
    if (code < 32) return plain('char', { input: String.fromCharCode(code + 96), ctrl: true });
  }
  // Printable text; a paste arrives as one run.
  const printable = [...sequence].filter((c) => c >= ' ' && c !== '\x7f').join('');
  return plain('char', { input: printable, shift: printable.length === 1 && /[A-Z]/.test(printable) });
}

/**
 * One stdin chunk → the key sequences in it. A fast typist (or tmux, or a PIN pad) can deliver
 * "123456\r" or two arrow keys in one read; parsed whole, the Enter or the second arrow was lost.
 * Printable runs stay together so a paste is still one input.
 */
export function splitKeySequences(chunk: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    const c = chunk[i] as string;
    if (c === '\x1b') {
      const end = escapeSequenceEnd(chunk, i);
      keys.push(chunk.slice(i, end));
      i = end;
    } else if (c === '\r' && chunk[i + 1] === '\n') {
      keys.push('\r\n');
      i += 2;
    } else if (c < ' ' || c === '\x7f') {
      keys.push(c);
      i += 1;
    } else {
      let end = i + 1;
      while (end < chunk.length && (chunk[end] as string) >= ' ' && chunk[end] !== '\x7f' && chunk[end] !== '\x1b') end++;
      keys.push(chunk.slice(i, end));
      i = end;
    }
  }
  return keys;
}

/** Where the escape sequence starting at `start` ends: CSI (ESC [ … final), SS3 (ESC O x), Linux console F-keys (ESC [[ x), or a lone ESC. */
function escapeSequenceEnd(chunk: string, start: number): number {
  const next = chunk[start + 1];
  if (next === undefined) return start + 1;
  if (next === '\x1b') return start + 2;
  if (next === 'O') return Math.min(chunk.length, start + 3);
  if (next !== '[') return start + 2;
  let end = start + 2;
  if (chunk[end] === '[') {
    if (/[A-E]/.test(chunk[end + 1] ?? '')) return end + 2;
    end++;
  }
  while (end < chunk.length) {
    const code = chunk.charCodeAt(end);
    end++;
    if (code >= 0x40 && code <= 0x7e) break;
  }
  return end;
}
