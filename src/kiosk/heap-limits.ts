// The kiosk runs all day on a 2-core / 4 GB clinic PC and must stay ≤ 120 MB resident, flat
// over 1,000 patients (SPEC §4). Its live JS heap is flat (~23 MB: nothing of old patients
// stays), but V8's default sizing for a machine with gigabytes of memory lets the committed
// heap run far ahead of it: the young generation grows to 2 × 16 MB, and the old generation's
// next-GC limit is set up to 4× the live size, so mostly empty old-space pages pile up.
// `npm run bench kiosk`: RSS 160–200 MB after 1,000 sessions with V8's sizing, ~115 with these.
//
// V8 reads both flags each time it resizes, so they work set at run time. On the command line
// they would not do the same: V8 raises a growth factor below 2 back to 2 when it sets up the
// heap, and the hard sizes (--max-semi-space-size) need a second Node process (first frame).
import { setFlagsFromString } from 'node:v8';

export const KIOSK_HEAP_FLAGS = [
  // The young generation keeps the few MB it has when the flags go in instead of doubling up
  // to 2 × 16 MB: what a frame allocates dies young in far less than that.
  '--semi-space-growth-factor=1',
  // The old generation's next limit is 1.3× the live size (V8 keeps a minimum step of a few
  // MB), not up to 4×: a full GC comes before mostly empty pages pile up.
  '--heap-growing-percent=30',
] as const;

/**
 * Sets the kiosk's heap limits for this process. bin/yaoli.mjs sets the same flags before the
 * bundle loads (loading Ink alone grows the young generation, which never shrinks back);
 * startKiosk calls this too, for a bundle started directly.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(KIOSK_HEAP_FLAGS.join(' '));
}
