// Long texts in pieces, and their user-perceived characters (grapheme clusters). Both V8's
// Intl.Segmenter and string-width take time growing with the square of a text's length
// (40,000 characters: 0.4 s; a garbled 100,000-character name in a bundle took the report 25 s),
// so a long text is handled in pieces of a bounded size, cut only where no character can span
// the cut.
const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'grapheme' });

/** Code units segmented at once. */
const SEGMENTED_AT_ONCE = 256;

/**
 * A character that forms a cluster of its own with whatever stands beside it: Latin and other
 * alphabetic text below the combining marks (not CR or LF), the CJK block (punctuation, kana,
 * ideographs) without kana's combining sound marks, and full-width ASCII.
 */
function standsAlone(code: number): boolean {
  if (code >= 0x20 && code < 0x300) return true;
  if (code >= 0x3000 && code < 0xa000) return code !== 0x3099 && code !== 0x309a && !(code >= 0x302a && code <= 0x302f);
  return code >= 0xff01 && code <= 0xff5e;
}

/**
 * What joins the character at `at` to the one before it, elsewhere: a low surrogate, a mark, a
 * joiner or selector (or whatever follows a joiner), LF after CR, Hangul jamo, a second regional
 * indicator (a flag).
 */
const JOINS = /^[\uDC00-\uDFFF\p{M}\u200D\uFE00-\uFE0F\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;

function cutsCleanly(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (standsAlone(before) && standsAlone(text.charCodeAt(at))) return true;
  if (JOINS.test(text.slice(at, at + 1)) || before === 0x200d || (before === 0x0d && text.charCodeAt(at) === 0x0a)) return false;
  const next = String.fromCodePoint(text.codePointAt(at) as number);
  const previous = at >= 2 ? String.fromCodePoint(text.codePointAt(at - 2) as number) : '';
  return !(REGIONAL_INDICATOR.test(next) && REGIONAL_INDICATOR.test(previous));
}

/** `text` in pieces of at least `size` code units (the last may be shorter), never splitting a character. */
export function* textPieces(text: string, size: number): Generator<string> {
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    while (to < text.length && !cutsCleanly(text, to)) to++;
    yield text.slice(from, to);
    from = to;
  }
}

export function* graphemes(text: string): Generator<string> {
  for (const piece of textPieces(text, SEGMENTED_AT_ONCE)) for (const { segment } of segmenter.segment(piece)) yield segment;
}
