/** Builds src/cli.ts into one production ESM bundle at `outfile`; resolves with its path. */
export function buildKioskBundle(outfile?: string): Promise<string>;
/** Builds any entry the same way into `outfile` (and its chunks folder); resolves with its path. */
export function buildEntry(entry: string, outfile: string): Promise<string>;
