// Semantic colour tokens; screens never name a colour. NO_COLOR (no-color.org) drops every
// colour; the ASCII mode swaps box borders and glyphs that are East-Asian "ambiguous" width
// (drawn double-wide by old Windows consoles with CJK fonts) for plain ASCII.
import { createContext, useContext } from 'react';
import type { Severity } from '../core/domain/types.ts';

export type Token =
  | 'text.primary'
  | 'text.secondary'
  | 'text.accent'
  | 'status.ok'
  | 'status.error'
  | 'status.critical'
  | 'status.warning'
  | 'status.info'
  | 'border'
  | 'selection';

const PALETTE: Record<Token, string> = {
  'text.primary': 'white',
  'text.secondary': 'gray',
  'text.accent': 'cyan',
  'status.ok': 'green',
  'status.error': 'red',
  'status.critical': 'redBright',
  'status.warning': 'yellow',
  'status.info': 'cyan',
  border: 'gray',
  selection: 'blue',
};

export interface Theme {
  color(token: Token): string | undefined;
  severity(severity: Severity): Token;
  borderStyle: 'round' | 'classic';
  ellipsis: string;
  /** Marks for list rows and progress, never ambiguous-width in ASCII mode. */
  glyph: { cursor: string; ok: string; fail: string; pending: string; up: string; down: string; bullet: string };
  noColor: boolean;
}

export function makeTheme(options: { noColor?: boolean; ascii?: boolean } = {}): Theme {
  const noColor = options.noColor ?? false;
  const ascii = options.ascii ?? false;
  return {
    color: (token) => (noColor ? undefined : PALETTE[token]),
    severity: (severity) => (severity === 'critical' ? 'status.critical' : severity === 'warning' ? 'status.warning' : 'status.info'),
    borderStyle: ascii ? 'classic' : 'round',
    ellipsis: ascii ? '~' : '…',
    glyph: ascii
      ? { cursor: '>', ok: '+', fail: 'x', pending: '.', up: '^', down: 'v', bullet: '*' }
      : { cursor: '▶', ok: '✓', fail: '✗', pending: '…', up: '▲', down: '▼', bullet: '•' },
    noColor,
  };
}

/** NO_COLOR set to anything non-empty turns colour off (no-color.org). */
export function themeFromEnv(env: NodeJS.ProcessEnv): Theme {
  return makeTheme({ noColor: !!env.NO_COLOR, ascii: env.YAOLI_ASCII === '1' || env.TERM === 'dumb' });
}

export const ThemeContext = createContext<Theme>(makeTheme());

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
