// Where yaoli keeps its data on this machine: the cache database and its key file.
// $YAOLI_HOME wins (kiosks, tests, portable installs); otherwise the platform's per-user
// data folder (XDG Base Directory on Linux/macOS, %APPDATA% on Windows).
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export interface DataPathsInput {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
}

/** The folder that holds cache.db and cache.key. */
export function dataDir({ env = process.env, platform = process.platform, home = homedir() }: DataPathsInput = {}): string {
  const own = env['YAOLI_HOME'];
  if (own) return own;
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, 'yaoli');
  }
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return join(xdg, 'yaoli');
  return join(home, '.local', 'share', 'yaoli');
}

export interface CachePaths {
  db: string;
  keyFile: string;
}

export function defaultCachePaths(input: DataPathsInput = {}): CachePaths {
  const dir = dataDir(input);
  const joiner = (input.platform ?? process.platform) === 'win32' ? win32.join : join;
  return { db: joiner(dir, 'cache.db'), keyFile: joiner(dir, 'cache.key') };
}
