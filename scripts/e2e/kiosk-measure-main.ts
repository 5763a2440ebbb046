// Entry of the bundled in-process benchmark driver (see scripts/bench/kiosk.bench.ts).
// The heap limits go in first, as bin/yaoli.mjs sets them before the kiosk's bundle loads:
// loading Ink alone grows V8's young generation to 2 × 8 MB, and it never shrinks back.
import { setFlagsFromString } from 'node:v8';
import { limitHeapGrowth } from '../../src/kiosk/heap-limits.ts';

// For comparisons: YAOLI_HEAP_DEFAULTS=1 keeps V8's own sizing, YAOLI_HEAP_FLAGS tries other flags.
if (process.env.YAOLI_HEAP_FLAGS) setFlagsFromString(process.env.YAOLI_HEAP_FLAGS);
else if (process.env.YAOLI_HEAP_DEFAULTS !== '1') limitHeapGrowth();
const { inProcess } = await import('./kiosk-measure.tsx');
await inProcess();
process.exit(0);
