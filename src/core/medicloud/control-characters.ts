// Cloud text ends up on the kiosk's terminal, where a control character is not text but a
// command: ESC [2J clears the screen, CR overwrites the line, a line feed forges a new row
// of the report. Each one becomes a space where the mapper reads text, so no screen has to.

/** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F; U+009B is a one-byte CSI on some terminals). */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** Each control character replaced with a space, then trimmed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').trim();
}
