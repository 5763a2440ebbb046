// `npm start`: build when needed, then run the kiosk on its embedded default — through the bin,
// which sets the kiosk's V8 heap limits before the bundle loads.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';
import { root } from './build.mjs';

ensureBuilt(root, { onlyIfStale: true });
const result = spawnSync(process.execPath, [join(root, 'bin', 'yaoli.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
