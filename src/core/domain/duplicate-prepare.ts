// The duplicate check's view of the prepared records (prepare.ts): carry order (research
// §5(b) step 2) on prepared records; PreparedHistory.startOrder sorts by it once.
import type { Candidate } from './prepare.ts';

export { Preparer, type Candidate } from './prepare.ts';

/** Carry order (research §5(b) step 2): S ascending, larger N first, then input order. */
export function byStart(a: Candidate, b: Candidate): number {
  return a.order - b.order || a.index - b.index;
}
