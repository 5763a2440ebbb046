#!/usr/bin/env node
// Entry for `npx yaoli` / the installed bin: the shipped bundle, built on demand.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ensureBuilt } from '../scripts/ensure-built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'yaoli.mjs');
if (!existsSync(bundle) || process.env.YAOLI_REBUILD === '1') ensureBuilt(root);
else ensureBuilt(root, { onlyIfStale: true });
await import(bundle);
