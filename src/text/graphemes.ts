// A text's user-perceived characters (grapheme clusters), in order. V8's Intl.Segmenter takes
// time growing with the square of a text's length (40,000 characters: 0.4 s; a garbled
// 100,000-character name in a bundle took the report 25 s), so a long text is segmented in
// pieces of about CHUNK code units, cut only between two characters that never join.
const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'grapheme' });

const CHUNK = 256;

/**
 * A character that forms a cluster of its own with whatever stands beside it: Latin and other
 * alphabetic text below the combining marks (not CR or LF), and the CJK block (punctuation,
 * kana, ideographs) without kana's combining sound marks, and full-width ASCII.
 */
function standsAlone(code: number): boolean {
  if (code >= 0x20 && code < 0x300) return true;
  if (code >= 0x3000 && code < 0xa000) return code !== 0x3099 && code !== 0x309a && !(code >= 0x302a && code <= 0x302f);
  return code >= 0xff01 && code <= 0xff5e;
}

export function* graphemes(text: string): Generator<string> {
  if (text.length <= CHUNK) {
    for (const { segment } of segmenter.segment(text)) yield segment;
    return;
  }
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK);
    while (to < text.length && !(standsAlone(text.charCodeAt(to - 1)) && standsAlone(text.charCodeAt(to)))) to++;
    for (const { segment } of segmenter.segment(text.slice(from, to))) yield segment;
    from = to;
  }
}
