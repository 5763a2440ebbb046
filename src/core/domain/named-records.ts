// How an alert names the records it is about: 'NAME (institution date)' as the duplicate alerts
// write them (the template shows the date in the reader's form, {drugs:day}), the newest few,
// and how many more there are.
import type { PreparedHistory } from './prepared-history.ts';

/** The newest records named in one alert; the count says the rest. */
export const NAMED_RECORDS = 3;

/** 'NAME (institution date)' of the record at position `i`; a pickup's institution is 'prescriber→pharmacy'. */
export function recordLabel(history: PreparedHistory, i: number): string {
  const { columns, preparer } = history;
  return `${columns.names[i] as string} (${history.alertInstitution(i)} ${preparer.isoOf(columns.startDay[i] as number)})`;
}

/** Facts naming the newest NAMED_RECORDS of `positions` (latest start first, then input order), with the count. */
export function newestRecordFacts(history: PreparedHistory, positions: number[]): { drugs: string[]; count: number; moreZh: string; moreEn: string } {
  const { startDay } = history.columns;
  const newest = [...positions].sort((x, y) => (startDay[y] as number) - (startDay[x] as number) || x - y).slice(0, NAMED_RECORDS);
  const more = positions.length - newest.length;
  return {
    drugs: newest.map((i) => recordLabel(history, i)),
    count: positions.length,
    moreZh: more > 0 ? `等共 ${positions.length} 筆` : '',
    moreEn: more > 0 ? ` and ${more} more` : '',
  };
}
