// Test helper: a test that cannot run on this machine (no pcscd, no tmux) is listed as skipped
// with its reason, never passed: `npm test` on a machine without tmux used to count the terminal
// tests as passed.
import test from 'ava';

/** `run` (ava's test or test.serial) when `reason` is null; else each test is declared skipped, its title saying why. */
export function orSkipped<T extends typeof test | typeof test.serial>(run: T, reason: string | null): T {
  return reason === null ? run : (((title: string) => test.skip(`${title} — SKIPPED: ${reason}`, () => undefined)) as never);
}
