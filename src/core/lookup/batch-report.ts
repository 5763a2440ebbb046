// What 批次下載 prints: a progress bar on a terminal, one plain line per patient otherwise
// (log files, cron mails), and a closing summary in both languages. Patients appear only as
// list line numbers and masked IDs.
import { bothLanguages, catalogue } from '../../i18n/index.ts';
import { maskNationalId } from '../domain/national-id.ts';
import type { BatchItem, BatchSummary } from './batch.ts';

export const batchMessages = catalogue({
  start: { 'zh-TW': '批次下載 {total} 位病人（同時 {concurrency} 位）', en: 'prefetching {total} patients ({concurrency} at a time)' },
  resumed: { 'zh-TW': '接續上次進度：已完成 {count} 位，略過', en: 'resuming: {count} already done, skipped' },
  summary: {
    'zh-TW': '完成：下載 {fetched}、快取 {cached}、失敗 {failed}、略過 {skipped}，共 {total} 位，{seconds} 秒',
    en: 'done: fetched {fetched}, cached {cached}, failed {failed}, skipped {skipped} of {total} in {seconds} s',
  },
  failures: { 'zh-TW': '失敗原因：{reasons}', en: 'failure reasons: {reasons}' },
  aborted: { 'zh-TW': '已中斷；再執行一次同樣的指令會從中斷處繼續（--restart 重新開始）', en: 'interrupted; run the same command again to resume (--restart starts over)' },
  stopped: {
    'zh-TW': '已停止：醫事人員卡登入被拒（{kind}），其餘病人不再嘗試',
    en: 'stopped: the staff card login was refused ({kind}); remaining patients not tried',
  },
  'bad-lines': { 'zh-TW': '清單中有 {count} 行格式錯誤，已略過：', en: '{count} bad lines in the list, skipped:' },
});

const BAR_WIDTH = 24;

export function progressBar(summary: BatchSummary): string {
  const done = summary.fetched + summary.cached + summary.failed + summary.skipped;
  const filled = summary.total === 0 ? BAR_WIDTH : Math.round((done / summary.total) * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
  return `[${bar}] ${done}/${summary.total}  下載 fetched ${summary.fetched}  快取 cached ${summary.cached}  失敗 failed ${summary.failed}`;
}

export function itemLine(item: BatchItem, summary: BatchSummary): string {
  const done = summary.fetched + summary.cached + summary.failed + summary.skipped;
  const reason = item.reason ? ` (${item.reason})` : '';
  return `${done}/${summary.total} line ${item.entry.line} ${maskNationalId(item.entry.nationalId)} ${item.outcome}${reason} ${item.ms} ms`;
}

export function summaryLines(summary: BatchSummary): string[] {
  const lines = [
    bothLanguages(batchMessages.summary, {
      fetched: summary.fetched,
      cached: summary.cached,
      failed: summary.failed,
      skipped: summary.skipped,
      total: summary.total,
      seconds: (summary.elapsedMs / 1000).toFixed(1),
    }),
  ];
  if (summary.failures.length > 0) {
    const counts = new Map<string, number[]>();
    for (const failure of summary.failures) {
      const key = failure.reason ?? 'unknown';
      counts.set(key, [...(counts.get(key) ?? []), failure.line]);
    }
    const reasons = [...counts].map(([reason, lines]) => `${reason} ×${lines.length} (line ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''})`);
    lines.push(bothLanguages(batchMessages.failures, { reasons: reasons.join('; ') }));
  }
  if (summary.stoppedBy) lines.push(bothLanguages(batchMessages.stopped, { kind: summary.stoppedBy }));
  else if (summary.aborted) lines.push(bothLanguages(batchMessages.aborted));
  return lines;
}
