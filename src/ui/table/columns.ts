// Column definitions and their layout at a given terminal width. Fixed columns keep their
// width; flexible ones share what is left (gemini-cli TableRenderer idea, simplified to
// what a 80-column counter screen needs).
import type { UiKey } from '../i18n/index.ts';
import { fit } from '../text/width.ts';

export interface Column<Row> {
  id: string;
  title: UiKey;
  /** Minimum (and for fixed columns the only) display width. */
  width: number;
  /** Share of the leftover width; 0/undefined = fixed. */
  flex?: number;
  align?: 'left' | 'right';
  text(row: Row): string;
  /** What sorting compares; defaults to the text. Numbers sort numerically. */
  sortValue?(row: Row): string | number | null;
}

export const COLUMN_GAP = 1;

export function columnWidths<Row>(columns: readonly Column<Row>[], total: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + c.width, 0) + COLUMN_GAP * Math.max(0, columns.length - 1);
  const flexTotal = columns.reduce((sum, c) => sum + (c.flex ?? 0), 0);
  let spare = Math.max(0, total - fixed);
  const widths = columns.map((c) => c.width);
  if (flexTotal > 0) {
    const shares = columns.map((c) => Math.floor((spare * (c.flex ?? 0)) / flexTotal));
    columns.forEach((_, i) => {
      widths[i] = (widths[i] ?? 0) + (shares[i] ?? 0);
    });
    spare -= shares.reduce((a, b) => a + b, 0);
    const lastFlex = columns.findLastIndex((c) => (c.flex ?? 0) > 0);
    if (lastFlex >= 0) widths[lastFlex] = (widths[lastFlex] ?? 0) + spare;
  }
  return widths;
}

/** One row as one exact-width line: cells fitted, joined by the gap. */
export function formatLine(cells: readonly string[], widths: readonly number[], aligns: readonly ('left' | 'right')[], ellipsis: string): string {
  return cells.map((cell, i) => fit(cell, widths[i] ?? 0, aligns[i] ?? 'left', ellipsis)).join(' '.repeat(COLUMN_GAP));
}
