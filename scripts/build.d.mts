/** The repository root. */
export const root: string;
/** Builds `entry` (default src/cli.ts) into `outfile` (default dist/yaoli.mjs) and its chunks folder; resolves with its path. */
export function buildEntry(entry?: string, outfile?: string, options?: { quiet?: boolean }): Promise<string>;
/** The product build: dist/yaoli.mjs. */
export function buildBundle(options?: { quiet?: boolean }): Promise<string>;
