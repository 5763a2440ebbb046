// Rebuilds dist/yaoli.mjs when it is missing or older than any source file, so
// `npm start` and `npx yaoli` never run a stale bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function ensureBuilt(root, { onlyIfStale = false } = {}) {
  const bundle = join(root, 'dist', 'yaoli.mjs');
  const srcDir = join(root, 'src');
  if (onlyIfStale && existsSync(bundle)) {
    if (!existsSync(srcDir) || statSync(bundle).mtimeMs >= newestMtime(srcDir)) return;
  }
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
