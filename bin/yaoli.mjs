#!/usr/bin/env node
// Entry for `npx yaoli` / the installed bin: the shipped bundle, built on demand.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ensureBuilt } from '../scripts/ensure-built.mjs';

// The kiosk (no subcommand, `kiosk`, or kiosk options) runs all day within 120 MB: its V8 heap
// limits (src/kiosk/heap-limits.ts, KIOSK_HEAP_FLAGS, kept equal by a test) go in before the
// bundle loads, because loading Ink alone grows the young generation, which never shrinks back.
const command = process.argv[2];
if (command === undefined || command === 'kiosk' || command.startsWith('-')) {
  setFlagsFromString('--semi-space-growth-factor=1 --heap-growing-percent=30');
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'yaoli.mjs');
if (!existsSync(bundle) || process.env.YAOLI_REBUILD === '1') ensureBuilt(root);
else ensureBuilt(root, { onlyIfStale: true });
await import(bundle);
