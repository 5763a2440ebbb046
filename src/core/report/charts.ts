// Small terminal charts for trends: a sparkline for a whole series on one line and a bar
// per row. Block elements are one cell wide in every terminal font the counters use; with
// `ascii` (a Big5 console, NO_COLOR purists) plain characters stand in.

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII_SPARKS = ['_', '.', '-', '~', '=', '+', '*', '#'];
/** Eighths of a cell, for bars that end between cells. */
const PARTIALS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function sparkline(values: readonly number[], ascii = false): string {
  const marks = ascii ? ASCII_SPARKS : SPARKS;
  const max = Math.max(0, ...values);
  return values
    .map((value) => {
      if (max === 0 || value <= 0) return ascii ? ' ' : marks[0];
      return marks[Math.min(marks.length - 1, Math.floor((value / max) * (marks.length - 1) + 0.5))];
    })
    .join('');
}

/** A bar `width` cells long at `max`; a non-zero value always shows at least a sliver. */
export function bar(value: number, max: number, width: number, ascii = false): string {
  if (max <= 0 || value <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  const full = Math.floor(eighths / 8);
  if (ascii) return '#'.repeat(Math.max(1, Math.round(eighths / 8)));
  return '█'.repeat(full) + (PARTIALS[eighths % 8] ?? '');
}
