// NHI's exception ("virtual order") codes R001–R008 on recent records (research §1.2).
// A code silences the duplicate check for its record's group (duplicates.ts), so without a word
// a second prescriber's supply with 47 days still on hand vanished from the alerts (a pharmacist's
// scenario review): each code in the cloud window is named, with what it declares.
import type { Alert } from './types.ts';
import type { Bilingual } from './messages.ts';
import type { PreparedHistory } from './prepared-history.ts';
import { EXCEPTION } from './record-columns.ts';
import { newestRecordFacts } from './named-records.ts';

/** What each code declares (research §1.2, the 2019 letter). */
export const EXCEPTION_CODE_MEANINGS: Readonly<Record<string, Bilingual>> = {
  R001: { 'zh-TW': '藥品遺失或毀損', en: 'supply lost or damaged' },
  R002: { 'zh-TW': '醫師請假提前回診', en: 'physician on leave, early visit' },
  R003: { 'zh-TW': '醫師更換藥品或劑量', en: 'physician changed the drug or dose' },
  R004: { 'zh-TW': '病人其他原因，已切結或載於病歷', en: 'other patient reason, declared' },
  R005: { 'zh-TW': '健保卡異常無法查詢雲端', en: 'NHI card fault, cloud not queried' },
  R006: { 'zh-TW': '分級醫療轉診後首次就診', en: 'first visit after a referral' },
  R007: { 'zh-TW': '藥品回收重新開立', en: 'drug recall, re-prescribed' },
  R008: { 'zh-TW': '雲端提示重複但病人未領，餘藥 ≤ 10 日', en: 'flagged duplicate never collected, ≤ 10 days left' },
};

/** Records dispensed this many days ago or fewer are named: the cloud's medication window. */
const WINDOW_DAYS = 90;

/** One info alert per exception code on a record of the last 90 days, naming its newest records. */
export function exceptionCodeAlerts(history: PreparedHistory): Alert[] {
  const { preparer, columns } = history;
  const { flags, startDay } = columns;
  const since = preparer.todayDay - WINDOW_DAYS;
  const byCode = new Map<string, number[]>();
  for (let i = 0; i < flags.length; i++) {
    if (((flags[i] as number) & EXCEPTION) === 0 || !((startDay[i] as number) >= since)) continue;
    const code = (history.record(i).exceptionCode ?? '').toUpperCase();
    const list = byCode.get(code);
    if (list === undefined) byCode.set(code, [i]);
    else list.push(i);
  }
  return [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, positions]): Alert => {
    const meaning = EXCEPTION_CODE_MEANINGS[code];
    return {
      severity: 'info',
      key: 'record.exception-code',
      facts: {
        code,
        meaningZh: meaning === undefined ? '' : `（${meaning['zh-TW']}）`,
        meaningEn: meaning === undefined ? '' : ` (${meaning.en})`,
        ...newestRecordFacts(history, positions),
      },
    };
  });
}
