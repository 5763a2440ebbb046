/** Builds src/cli.ts into one production ESM bundle at `outfile`; resolves with its path. */
export function buildKioskBundle(outfile?: string): Promise<string>;
