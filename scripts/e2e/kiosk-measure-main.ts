// Entry of the bundled in-process benchmark driver (see scripts/bench/kiosk.bench.ts).
import { inProcess } from './kiosk-measure.tsx';

await inProcess();
process.exit(0);
