// CSV both ways (RFC 4180): quoted fields may hold commas, quotes ("" inside quotes) and line
// breaks; CRLF or LF; a UTF-8 BOM (Excel writes one) is dropped on reading.

export interface CsvRecord {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  cells: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Lines where a quoted field was never closed (the rest of the file is dropped). */
  unterminated: number | null;
}

export function parseCsv(text: string): CsvParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteStart = 0;
  let any = false;
  const endRecord = (): void => {
    cells.push(cell);
    // A blank line is no record.
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (!any) {
      start = line;
      any = true;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteStart = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else cell += ch;
  }
  if (quoted) return { records, unterminated: quoteStart };
  if (any || cell !== '' || cells.length > 0) endRecord();
  return { records, unterminated: null };
}

/** Quotes a field only when it must: comma, quote, CR/LF, or leading/trailing space. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ makes spreadsheets evaluate the cell (CSV injection): keep it text.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
