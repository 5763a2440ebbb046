// Types of jit-quiet.mjs (plain JavaScript: the counter runs without a TypeScript loader).
export function compilesPerRun(output: string): number[];
export function quietStart(compiles: readonly number[], from: number, length: number): number;
