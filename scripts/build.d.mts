/** The repository root. */
export const root: string;
/** Builds `entry` (default src/cli.ts) into `outfile` (default dist/yaoli.mjs) and its chunks folder; resolves with its path. */
export function buildEntry(entry?: string, outfile?: string, options?: { quiet?: boolean }): Promise<string>;
/** The product build: dist/yaoli.mjs. */
export function buildBundle(options?: { quiet?: boolean }): Promise<string>;
/** How many entries each of Ink's text caches holds in the bundle before it starts over. */
export const INK_TEXT_CACHE_LIMIT: number;
/** Ink's `measure-text.js` / `wrap-text.js` source with its cache capped; throws when Ink's source changed. */
export function capInkTextCache(name: string, source: string): string;
