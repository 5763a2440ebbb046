// Runner-level texts (each probe keeps its own titles and hints next to its code), and small
// helpers to build Bilingual values from templates.
import { catalogue, format, type Bilingual, type Facts } from '../../i18n/index.ts';

export const runnerMessages = catalogue({
  'timed-out': { 'zh-TW': '逾時（{ms} 毫秒內沒有結果）', en: 'timed out (no answer within {ms} ms)' },
  'timed-out-hint': {
    'zh-TW': '此項檢查卡住了；請重新執行 yaoli doctor，若仍逾時請檢查對應的裝置或網路',
    en: 'this check got stuck; run yaoli doctor again and, if it still times out, look at that device or network',
  },
  deadline: { 'zh-TW': '整體檢查時限已到，未執行', en: 'the overall time limit was reached before this check ran' },
  crashed: { 'zh-TW': '檢查程式發生錯誤：{detail}', en: 'the check itself failed: {detail}' },
  'crashed-hint': { 'zh-TW': '請把 --json 報告寄回技術支援', en: 'send the --json report back to support' },
  'needs-failed': { 'zh-TW': '未執行：需要先通過「{title}」', en: 'not run: needs "{title}" to pass first' },
  cancelled: { 'zh-TW': '已取消', en: 'cancelled' },
  none: { 'zh-TW': '', en: '' },
});

/** Fills both languages of a template with the same facts. */
export function bi(entry: Bilingual, facts: Facts = {}): Bilingual {
  return { 'zh-TW': format(entry['zh-TW'], facts, 'zh-TW'), en: format(entry.en, facts, 'en') };
}

/** The same text in both languages (paths, numbers, names). */
export function same(text: string): Bilingual {
  return { 'zh-TW': text, en: text };
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/** A CardError's message in both languages, without the "[9200] " prefix (the check shows nhiCode itself). */
export function cardErrorDetail(error: { text(lang: 'zh-TW' | 'en'): string }): Bilingual {
  const strip = (s: string): string => s.replace(/^\[\d+\]\s*/, '');
  return { 'zh-TW': strip(error.text('zh-TW')), en: strip(error.text('en')) };
}
