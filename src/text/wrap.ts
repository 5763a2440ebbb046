// Text wrapped to a terminal's width by display cells: Chinese may break between any two
// characters, a Latin word only at a space (one longer than the line is cut by characters), and
// no line starts with closing punctuation or ends with an opening one (行首行尾禁則). Cut by
// characters, an English alert broke mid-word ("collecting ea|rly") and a zh-TW line could
// start with 「，」.
import { displayWidth } from './table.ts';
import { graphemes } from './graphemes.ts';
/** Closing punctuation: stays on the line of what it closes. */
const CLOSING = /^[，。、；：！？）」』】〉》〕｝,.;:!?)\]}…%％]$/u;
/** Opening punctuation: moves to the line of what it opens. */
const OPENING = /^[（「『【〈《〔｛([{]$/u;

/**
 * The pieces a line may break between: a run of narrow characters (a Latin word, a number, a
 * date), one wide character, or a space; punctuation is glued to its neighbour.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  let piece = '';
  let glueNext = false;
  // Whether the piece ends in a wide character: kept as a flag, since reading the piece's last
  // character flattened a growing string on every character (20 s on a 100,000-character name).
  let endsWide = false;
  const flush = () => {
    if (piece !== '') out.push(piece);
    piece = '';
  };
  for (const segment of graphemes(text.replace(/[\r\n\t]+/g, ' '))) {
    if (segment === ' ') {
      flush();
      out.push(' ');
      glueNext = false;
      continue;
    }
    const wide = displayWidth(segment) > 1;
    if (CLOSING.test(segment)) {
      // Onto the piece before it (across no space): 「天，」 and 'days,' stay whole.
      if (piece !== '') piece += segment;
      else if (out.length > 0 && out[out.length - 1] !== ' ') out[out.length - 1] += segment;
      else piece = segment;
      endsWide = wide;
      if (wide) flush();
    } else if (wide) {
      if (!glueNext) flush();
      piece += segment;
      endsWide = true;
      glueNext = OPENING.test(segment);
      if (!glueNext) flush();
      continue;
    } else {
      // A narrow character after a wide one starts a new piece unless an opening mark holds it.
      if (piece !== '' && !glueNext && endsWide) flush();
      piece += segment;
      endsWide = false;
    }
    glueNext = OPENING.test(segment);
  }
  flush();
  return out;
}

/**
 * `text` as lines of at most `width` cells; lines after the first start with `indent` spaces (a
 * hanging indent under an alert's [severity]). Spaces where a line breaks are dropped.
 */
export function wrapToWidth(text: string, width: number, indent = 0): string[] {
  const hang = Math.max(0, Math.min(indent, width - 8));
  // A text's own leading spaces stay: they indent its first line.
  const lead = Math.min((/^ */.exec(text)?.[0] ?? '').length, hang + 8);
  const lines: string[] = [];
  let line = ' '.repeat(lead);
  let used = lead;
  let start = lead;
  let space = false;
  const newLine = () => {
    lines.push(line);
    line = ' '.repeat(hang);
    used = start = hang;
    space = false;
  };
  for (const piece of pieces(text.slice(lead))) {
    if (piece === ' ') {
      space = used > start;
      continue;
    }
    const w = displayWidth(piece);
    const gap = space ? 1 : 0;
    if (used + gap + w > width && used > start) newLine();
    else if (gap === 1) {
      line += ' ';
      used += 1;
    }
    space = false;
    if (used + w <= width) {
      line += piece;
      used += w;
      continue;
    }
    // Wider than a whole line: as much as fits here, the rest on lines of their own (at least
    // one character a line). One pass over its characters: cutting off a copy of the rest for
    // every line took 20 s on a 100,000-character name.
    for (const segment of graphemes(piece)) {
      const cells = displayWidth(segment);
      if (used + cells > width && used > start) newLine();
      line += segment;
      used += cells;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line);
  return lines;
}
