// Cloud text ends up on the kiosk's terminal, where some characters are not text but
// commands or tricks: ESC [2J clears the screen, CR overwrites the line, a line feed forges a
// new row of the report, a bidi override (U+202E) draws a line backwards, a zero-width
// character hides inside a name. The mapper cleans text once where it reads it, and the
// summary note (summary-text.ts) with the same two patterns, so no screen has to.

/** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F; U+009B is a one-byte CSI on some terminals). */
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Characters that change how a line is drawn without being text: zero-width characters, bidi
 * embeddings/overrides/isolates, line and paragraph separators, word joiners, BOM,
 * interlinear annotation marks, and lone surrogates.
 */
export const INVISIBLE_FORMATTING =
  /[\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Each control character replaced with a space, invisible formatting removed, then trimmed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(INVISIBLE_FORMATTING, '').trim();
}
