// The summary page's `txt` is HTML (`此病人腎功能不佳，<span class='red-sign'>…</span>`) that
// ends up on a terminal. Nothing of the markup may survive: tags go, entities become their
// characters, and anything a terminal would act on (ESC sequences, C0/C1 controls, bidi
// overrides that reorder a line, zero-width characters) is removed. The cloud's wording is
// kept otherwise, whitespace collapsed to single spaces.
import { CONTROL_CHARACTERS, INVISIBLE_FORMATTING } from './control-characters.ts';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  middot: '·', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  times: '×', divide: '÷', deg: '°', plusmn: '±', ge: '≥', le: '≤', micro: 'µ', copy: '©', reg: '®',
};

/** Whole elements whose content is never text for a reader. */
const HIDDEN_ELEMENTS = /<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
/** Line-breaking tags become a space so words on either side do not run together. */
const BREAKS = /<\/?(?:br|p|div|li|tr|td|th|h[1-6])\b[^>]*>/gi;
/** Any tag, declaration or processing instruction; also one cut off at the end of the text. */
const TAGS = /<[a-zA-Z/!?][^>]*(?:>|$)/g;
/** After decoding only whole tags count: a decoded `<` in prose ('eGFR<30') stays text. */
const CLOSED_TAGS = /<[a-zA-Z/!?][^<>]*>/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function decodeEntity(whole: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  // NUL, surrogates and values past Unicode are not characters: drop them.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
  return String.fromCodePoint(code);
}

/**
 * A real note is one or two sentences (< 300 characters). Longer input is cut first, so a
 * hostile or broken answer (thousands of unclosed `<script>`, `<a<a<a…>>>`) costs
 * milliseconds, not seconds: the passes below are quadratic in the worst case.
 */
export const MAX_NOTE_HTML = 4000;

/** HTML → one line of plain text, safe to print on a terminal. */
export function plainText(html: string): string {
  const cut = html.length > MAX_NOTE_HTML;
  const withoutMarkup = (cut ? html.slice(0, MAX_NOTE_HTML) : html).replace(HIDDEN_ELEMENTS, ' ').replace(COMMENTS, '').replace(BREAKS, ' ').replace(TAGS, '');
  // Tabs and line breaks separate words (a space); other controls and invisible formatting go.
  let result = withoutMarkup.replace(ENTITY, decodeEntity).replace(/[\t\n\r]/g, ' ').replace(CONTROL_CHARACTERS, '').replace(INVISIBLE_FORMATTING, '');
  // `&lt;b&gt;` decodes to a tag, and removing one tag can close another ('<a<b>>'): strip
  // until nothing tag-shaped is left, so no markup reaches the screen either way.
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(CLOSED_TAGS, '');
  }
  const line = result.replace(/\s+/g, ' ').trim();
  return cut && line !== '' ? `${line}…` : line;
}
