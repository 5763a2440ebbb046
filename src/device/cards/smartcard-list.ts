// Names for ATRs from pcsc-tools' smartcard_list.txt, when installed: the same names
// pcsc_scan prints, so the doctor screen and a technician's terminal agree. Format: an ATR
// regular expression (hex bytes separated by spaces, '.' wildcards) on its own line, then
// one or more tab-indented description lines.
import { readFileSync } from 'node:fs';

export const SMARTCARD_LIST_PATH = '/usr/share/pcsc/smartcard_list.txt';

interface Entry {
  pattern: RegExp;
  description: string;
}

const loaded = new Map<string, Entry[] | null>();

export function parseSmartcardList(text: string): Entry[] {
  const entries: Entry[] = [];
  let pattern: RegExp | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') {
      pattern = null;
      continue;
    }
    if (line.startsWith('\t')) {
      // Only the first description line names the card; the rest are notes and URLs.
      if (pattern) entries.push({ pattern, description: line.trim() });
      pattern = null;
      continue;
    }
    try {
      pattern = new RegExp(`^${line.trim().toUpperCase()}$`);
    } catch {
      pattern = null; // a malformed line in someone's copy of the list must not stop the rest
    }
  }
  return entries;
}

function entriesFrom(path: string): Entry[] | null {
  if (!loaded.has(path)) {
    try {
      loaded.set(path, parseSmartcardList(readFileSync(path, 'utf8')));
    } catch {
      loaded.set(path, null);
    }
  }
  return loaded.get(path) ?? null;
}

/** Description of an ATR ('3B FF 18 …'), or undefined when unknown or the list is not installed. */
export function describeAtr(atrHex: string, path: string = SMARTCARD_LIST_PATH): string | undefined {
  const entries = entriesFrom(path);
  if (!entries) return undefined;
  const atr = atrHex.toUpperCase().replace(/\s+/g, ' ').trim();
  return entries.find((e) => e.pattern.test(atr))?.description;
}
