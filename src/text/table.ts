// Plain-text tables for the CLI, aligned by display width: a CJK character takes two
// terminal cells, so `padEnd` on code units would skew every column after a Chinese name.
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: Align;
  /** Cells wider than this are cut with an ellipsis (display cells, not characters). */
  maxWidth?: number;
}

export interface TableOptions {
  /** Spaces between columns. */
  gap?: number;
  /** Character drawn under the header; '' for none. */
  rule?: string;
}

const ELLIPSIS = '…';

export function displayWidth(text: string): number {
  return stringWidth(text);
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

export function padToWidth(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Rows of text, header first; trailing spaces trimmed so output diffs cleanly. */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], options: TableOptions = {}): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const rule = options.rule ?? '─';
  const cells = rows.map((row) => columns.map((column) => truncateToWidth(column.value(row), column.maxWidth ?? Infinity)));
  const headers = columns.map((column) => truncateToWidth(column.header, column.maxWidth ?? Infinity));
  const widths = columns.map((_, i) => Math.max(displayWidth(headers[i] ?? ''), ...cells.map((line) => displayWidth(line[i] ?? ''))));
  const line = (values: string[]) =>
    values
      .map((value, i) => padToWidth(value, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join(gap)
      .trimEnd();
  const lines = [line(headers)];
  if (rule !== '') lines.push(widths.map((w) => rule.repeat(Math.ceil(w / displayWidth(rule)))).join(gap));
  for (const row of cells) lines.push(line(row));
  return lines;
}
