// Test helper: do a table's rows line up in a terminal, where a CJK character takes two cells?
import { displayWidth } from '../../src/text/table.ts';

/** Each line as terminal cells: a two-cell character is followed by a '' placeholder. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  for (const char of line) cells.push(char, ...(displayWidth(char) === 2 ? [''] : []));
  return cells;
}

/** Every row starts each column where the rule under the header does (no character straddles a gap). */
export function assertLinedUp(t: { true(ok: boolean, message?: string): void }, lines: readonly string[]): void {
  const rule = cellsOf(lines[1] ?? '');
  const starts = rule.flatMap((cell, i) => (cell !== ' ' && rule[i - 1] === ' ' ? [i] : []));
  for (const line of lines) {
    const cells = cellsOf(line);
    for (const start of starts) {
      if (start >= cells.length) continue;
      t.true(cells[start - 1] === ' ' && cells[start] !== '', `column at ${start} in: ${line}`);
    }
  }
}


/** The tables of a report: each one's header, rule and rows (a rule line starts with '─'). */
export function tablesIn(report: string): string[][] {
  const lines = report.split('\n');
  const tables: string[][] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('─') || i === 0) return;
    const table = [lines[i - 1] ?? '', line];
    for (let j = i + 1; j < lines.length && (lines[j] ?? '') !== '' && !/^[■□]/.test(lines[j] ?? ''); j++) table.push(lines[j] ?? '');
    tables.push(table);
  });
  return tables;
}
