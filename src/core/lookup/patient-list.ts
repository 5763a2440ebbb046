// The 批次下載 patient list: one `nationalId,birthDate[,cardNumber]` per line, as a pharmacy
// exports tomorrow's chronic-refill patients from its HIS. Birth dates are ISO (1956-07-11)
// or ROC 7 digits as on the card (0450711). A header line is optional. Every bad line is
// reported with its number and skipped; the good ones still run.
import { catalogue, type Lang, translate } from '../../i18n/index.ts';
import { parseDate } from '../domain/dates.ts';
import { isValidNationalId } from '../domain/national-id.ts';
import type { IsoDate } from '../domain/types.ts';

export interface ListEntry {
  /** 1-based line number in the file. */
  line: number;
  nationalId: string;
  birthDate: IsoDate;
  /** 12-digit card number when the list carries it (the simulator's login checks it). */
  cardNumber: string | null;
}

export type ListProblemKind = 'columns' | 'national-id' | 'birth-date' | 'card-number' | 'duplicate';

export interface ListProblem {
  line: number;
  kind: ListProblemKind;
}

export const listMessages = catalogue<ListProblemKind>({
  columns: { 'zh-TW': '第 {line} 行：應為「身分證號,生日」兩欄', en: 'line {line}: expected "nationalId,birthDate"' },
  'national-id': { 'zh-TW': '第 {line} 行：身分證號格式或檢查碼錯誤', en: 'line {line}: national ID malformed or wrong check digit' },
  'birth-date': { 'zh-TW': '第 {line} 行：生日不是 YYYY-MM-DD 或民國 7 碼', en: 'line {line}: birth date is not YYYY-MM-DD or ROC 7 digits' },
  'card-number': { 'zh-TW': '第 {line} 行：卡號應為 12 位數字', en: 'line {line}: card number must be 12 digits' },
  duplicate: { 'zh-TW': '第 {line} 行：與前面重複，略過', en: 'line {line}: duplicate of an earlier line, skipped' },
});

export function listProblemMessage(problem: ListProblem, lang: Lang): string {
  return translate(listMessages, problem.kind, lang, { line: problem.line });
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ROC7 = /^\d{7}$/;

function birthDateOf(text: string): IsoDate | null {
  // Only the two documented forms: a list is typed by people, and 8 digits could be either.
  if (!ISO.test(text) && !ROC7.test(text)) return null;
  return parseDate(text);
}

/** A first line that names the columns rather than a patient. */
function isHeader(cells: string[]): boolean {
  const first = (cells[0] ?? '').toLowerCase();
  return /^[a-z_\s]*id|身分|身份|national|patient/.test(first) && !isValidNationalId((cells[0] ?? '').toUpperCase());
}

export function parsePatientList(text: string): { entries: ListEntry[]; problems: ListProblem[] } {
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
    if (entries.length === 0 && problems.length === 0 && isHeader(cells)) return;
    if (cells.length < 2 || cells.length > 3) return void problems.push({ line, kind: 'columns' });
    const nationalId = (cells[0] ?? '').toUpperCase();
    if (!isValidNationalId(nationalId)) return void problems.push({ line, kind: 'national-id' });
    const birthDate = birthDateOf(cells[1] ?? '');
    if (birthDate === null) return void problems.push({ line, kind: 'birth-date' });
    const card = cells[2] ?? '';
    if (card !== '' && !/^\d{12}$/.test(card)) return void problems.push({ line, kind: 'card-number' });
    if (seen.has(nationalId)) return void problems.push({ line, kind: 'duplicate' });
    seen.add(nationalId);
    entries.push({ line, nationalId, birthDate, cardNumber: card === '' ? null : card });
  });
  return { entries, problems };
}
