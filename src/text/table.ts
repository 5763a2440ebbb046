// Plain-text tables for the CLI, aligned by display width: a CJK character takes two
// terminal cells, so `padEnd` on code units would skew every column after a Chinese name.
import stringWidth from 'string-width';
import { textPieces } from './graphemes.ts';

export type Align = 'left' | 'right';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: Align;
  /** Cells wider than this are cut with an ellipsis (display cells, not characters). */
  maxWidth?: number;
  /**
   * Set on free text (names, institutions) that may be cut to fit `TableOptions.width`, and
   * never cut narrower than this. Dates and numbers leave it unset: a cut date misleads.
   */
  minWidth?: number;
  /** Among the columns that may be cut, lower numbers are cut first (default 1). */
  cutOrder?: number;
}

export interface TableOptions {
  /** Spaces between columns. */
  gap?: number;
  /** Character drawn under the header; '' for none. */
  rule?: string;
  /** Fit every line into this many cells (see fittedLayout); unset = no limit. */
  width?: number;
}

const ELLIPSIS = '…';

/** string-width takes time growing with the square of a text's length (40k characters: 0.4 s). */
const MEASURED_AT_ONCE = 64;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (text.length <= MEASURED_AT_ONCE) return stringWidth(text);
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Long texts (a garbled field, an alert naming thousands of records) in pieces, never splitting a character.
  let width = 0;
  for (const piece of textPieces(text, MEASURED_AT_ONCE)) width += stringWidth(piece);
  return width;
}

/** The longest prefix that fits `width` cells, with '…' when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ELLIPSIS);
  let result = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > room) break;
    result += char;
    used += w;
  }
  return result + ELLIPSIS;
}

export function padToWidth(text: string, width: number, align: Align = 'left', textWidth = displayWidth(text)): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth));
  return align === 'right' ? fill + text : text + fill;
}

/** The narrowest a cut column gets when even its minWidth leaves the table too wide: 'AB…'. */
const LAST_RESORT_WIDTH = 4;

interface Layout {
  widths: number[];
  gap: number;
}

/** Cuts columns with a floor (null: not cut), one cell at a time from the widest, until `excess` is gone; returns what is left. */
function cutWidest(widths: number[], floors: readonly (number | null)[], excess: number): number {
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      const floor = floors[i];
      if (floor !== null && floor !== undefined && w > floor && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess -= 1;
  }
  return excess;
}

/**
 * Fits a table into `width` cells: first the gaps close to one space (as on the kiosk's
 * screens), then the cuttable columns are cut in cutOrder down to their minWidth, widest first
 * (so columns of one order end up equally wide and a short one stays whole), and as a last
 * resort down to LAST_RESORT_WIDTH. Dates and numbers are never cut, so a table can stay wider.
 */
function fittedLayout<Row>(columns: readonly Column<Row>[], natural: readonly number[], gap: number, width: number): Layout {
  const lineWidth = (g: number) => natural.reduce((sum, w) => sum + w, g * Math.max(0, columns.length - 1));
  if (lineWidth(gap) <= width) return { widths: [...natural], gap };
  const narrowGap = Math.min(gap, 1);
  const widths = [...natural];
  let excess = lineWidth(narrowGap) - width;
  const orders = [...new Set(columns.flatMap((c) => (c.minWidth === undefined ? [] : [c.cutOrder ?? 1])))].sort((a, b) => a - b);
  for (const order of orders) {
    excess = cutWidest(widths, columns.map((c) => (c.minWidth !== undefined && (c.cutOrder ?? 1) === order ? c.minWidth : null)), excess);
  }
  cutWidest(widths, columns.map((c) => (c.minWidth === undefined ? null : Math.min(c.minWidth, LAST_RESORT_WIDTH))), excess);
  return { widths, gap: narrowGap };
}

/** Rows of text, header first; trailing spaces trimmed so output diffs cleanly. */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], options: TableOptions = {}): string[] {
  const rule = options.rule ?? '─';
  // Each distinct text measured once: a 100k-row report repeats its institutions, dates and
  // frequencies, and measuring every cell four times took seconds.
  const measured = new Map<string, number>();
  const widthOf = (text: string): number => {
    let width = measured.get(text);
    if (width === undefined) measured.set(text, (width = displayWidth(text)));
    return width;
  };
  const cut = (text: string, width: number): string => (widthOf(text) <= width ? text : truncateToWidth(text, width));
  const cells = rows.map((row) => columns.map((column) => cut(column.value(row), column.maxWidth ?? Infinity)));
  const headers = columns.map((column) => cut(column.header, column.maxWidth ?? Infinity));
  // A loop, not Math.max(...cells): a spread of 130k rows overflows the stack.
  const natural = columns.map((_, i) => {
    let widest = widthOf(headers[i] ?? '');
    for (const line of cells) widest = Math.max(widest, widthOf(line[i] ?? ''));
    return widest;
  });
  const layout = options.width === undefined ? { widths: natural, gap: options.gap ?? 2 } : fittedLayout(columns, natural, options.gap ?? 2, options.width);
  const widths = layout.widths;
  const gap = ' '.repeat(layout.gap);
  // A cell cut before a two-cell character is one cell short of its column; padding fills it.
  const cell = (value: string, i: number): string => {
    const width = widths[i] ?? 0;
    const text = cut(value, width);
    return padToWidth(text, width, columns[i]?.align, widthOf(text));
  };
  const line = (values: string[]) => values.map(cell).join(gap).trimEnd();
  const lines = [line(headers)];
  if (rule !== '') lines.push(widths.map((w) => rule.repeat(Math.ceil(w / displayWidth(rule)))).join(gap));
  for (const row of cells) lines.push(line(row));
  return lines;
}
