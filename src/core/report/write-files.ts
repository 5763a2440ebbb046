// The report as one CSV file per figure in a folder: what `yaoli report --out DIR` writes and
// the kiosk's reports screen exports (c). UTF-8 with a BOM, so Excel shows the Chinese headers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bothLanguages, type Lang } from '../../i18n/index.ts';
import { errnoCode } from '../errno.ts';
import { toCsv } from './csv.ts';
import { reportMessages } from './messages.ts';
import { reportTables } from './render-csv.ts';
import type { Report } from './types.ts';

export class ReportWriteError extends Error {
  readonly kind = 'report-write';
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(bothLanguages(reportMessages['error.write'], { file, code }));
    this.name = 'ReportWriteError';
  }
}

/** Writes `<dir>/<figure>.csv` for every figure (the folder is created); returns the files written. */
export function writeReportFiles(dir: string, report: Report, lang: Lang): string[] {
  const files: string[] = [];
  let file = dir;
  try {
    mkdirSync(dir, { recursive: true });
    for (const table of reportTables(report, lang)) {
      file = join(dir, `${table.name}.csv`);
      // The BOM tells Excel the file is UTF-8; without it the Chinese headers come out garbled.
      writeFileSync(file, `\ufeff${toCsv(table.rows)}`, 'utf8');
      files.push(file);
    }
  } catch (error) {
    throw new ReportWriteError(file, errnoCode(error));
  }
  return files;
}
