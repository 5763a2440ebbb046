// Resume for 批次下載: a progress file beside the list (`<list>.progress`) gets one line per
// patient done, appended the moment it is done, so an interrupted run (power cut, Ctrl-C,
// network gone) picks up where it stopped. Each line is keyed by line number plus a short
// digest of that line's content: if the list was edited, shifted lines are not mistaken for
// done ones. The header carries the day of the run: a list rerun on another day (the same
// file name every evening) starts over. The file holds no ID in clear (the list beside it
// does; protect both alike).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ListEntry } from './patient-list.ts';

const HEADER = '# yaoli prefetch progress v1';

export interface ProgressFile {
  readonly path: string;
  isDone(entry: ListEntry): boolean;
  markDone(entry: ListEntry, outcome: string): void;
  /** How many entries were already done when the file was opened. */
  readonly resumed: number;
}

export function progressPathFor(listPath: string): string {
  return `${listPath}.progress`;
}

function keyOf(entry: ListEntry): string {
  const digest = createHash('sha256').update(`${entry.nationalId}|${entry.birthDate}|${entry.cardNumber ?? ''}`).digest('hex').slice(0, 16);
  return `${entry.line}\t${digest}`;
}

/** Opens (or, with `restart` or on another `day`, starts over) the progress file of a list. */
export function openProgressFile(listPath: string, options: { restart?: boolean; day?: string } = {}): ProgressFile {
  const path = progressPathFor(listPath);
  const header = options.day ? `${HEADER} ${options.day}` : HEADER;
  const stale = existsSync(path) && readFileSync(path, 'utf8').split('\n', 1)[0] !== header;
  if (options.restart || stale) rmSync(path, { force: true });
  const done = new Set<string>();
  if (existsSync(path)) {
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      if (raw === '' || raw.startsWith('#')) continue;
      const [line, digest] = raw.split('\t');
      // A torn last line (kill mid-write) lacks its digest and is ignored: that patient reruns.
      if (line && digest && /^[0-9a-f]{16}$/.test(digest)) done.add(`${line}\t${digest}`);
    }
  } else {
    writeFileSync(path, `${header}\n`, { mode: 0o600 });
  }
  return {
    path,
    resumed: done.size,
    isDone: (entry) => done.has(keyOf(entry)),
    markDone(entry, outcome) {
      const key = keyOf(entry);
      done.add(key);
      appendFileSync(path, `${key}\t${outcome}\n`);
    },
  };
}
