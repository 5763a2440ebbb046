// Display-width text for fixed columns. Ink 6 cannot be trusted to truncate CJK (ink#927)
// and its wrap cache collides (ink PR #998), so every cell reaches <Text> already exactly
// as wide as its column: measured with string-width, cut at grapheme boundaries.
import stringWidth from 'string-width';
import { remembered } from '../../core/domain/remembered.ts';
import { graphemes } from '../../text/graphemes.ts';
const measuredWidth = remembered(stringWidth);

export function displayWidth(text: string): number {
  // Printable ASCII is one column per character: skip the measurement.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return measuredWidth(text);
}

/** Cut to at most `width` columns, ending in `ellipsis` when anything was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room < 0) return '';
  let used = 0;
  let out = '';
  for (const segment of graphemes(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

/** Exactly `width` columns: truncated, then padded with spaces (left or right aligned). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  const cut = truncate(text.replace(/[\r\n\t]+/g, ' '), width, ellipsis);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'right' ? pad + cut : cut + pad;
}
