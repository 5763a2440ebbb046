// The code a failed file or database call carries (ENOENT, EACCES, SQLITE_FULL…): what messages
// show and audit outcomes keep, since the code says more than the text and is the same in
// every language.

/** `error.code` when it is a string; otherwise `fallback` (not a system error: no code to give). */
export function errnoCode(error: unknown, fallback = 'EIO'): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : fallback;
}
