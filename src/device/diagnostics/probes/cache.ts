// The local cache database, checked read-only (F's checkCacheFile: PRAGMA quick_check on a
// read-only connection). A missing file is normal before the first lookup; a damaged one is
// moved aside and rebuilt by the kiosk's next start, which the technician should know about.
import { checkCacheFile } from '../../../core/cache/index.ts';
import { bi } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  title: { 'zh-TW': '本機快取資料庫', en: 'local cache database' },
  ok: { 'zh-TW': '{path} 完整（quick_check ok，{kb} KB）', en: '{path} is intact (quick_check ok, {kb} KB)' },
  missing: { 'zh-TW': '{path} 尚不存在，第一次查詢時建立', en: '{path} does not exist yet; it will be created on the first lookup' },
  notDb: { 'zh-TW': '{path} 不是 SQLite 資料庫', en: '{path} is not an SQLite database' },
  damaged: { 'zh-TW': '{path} 已損壞：{problems}', en: '{path} is damaged: {problems}' },
  unreadable: { 'zh-TW': '{path} 無法讀取：{detail}', en: '{path} cannot be read: {detail}' },
  damagedHint: {
    'zh-TW': '下次啟動 yaoli 會把壞檔移到一旁（保留稽核紀錄）並重建快取；也可先備份後刪除',
    en: 'the next yaoli start moves the damaged file aside (keeping the audit log) and rebuilds; or back it up and delete it',
  },
  unreadableHint: {
    'zh-TW': '確認執行 yaoli 的帳號可讀寫此檔案，且沒有其他程式鎖住它',
    en: 'make sure the account running yaoli can read and write this file and nothing else locks it',
  },
};

export const cacheProbe: Probe = {
  id: 'cache.integrity',
  title: text.title,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    const result = checkCacheFile(setup.cacheDb);
    const path = result.path;
    switch (result.state) {
      case 'missing':
        return { status: 'WARN', detail: bi(text.missing, { path }), data: { path, state: result.state } };
      case 'ok':
        return { status: 'PASS', detail: bi(text.ok, { path, kb: Math.ceil(result.bytes / 1024) }), data: { path, state: result.state, bytes: result.bytes } };
      case 'not-a-database':
        return { status: 'FAIL', detail: bi(text.notDb, { path }), hint: text.damagedHint, data: { path, state: result.state } };
      case 'damaged':
        return { status: 'FAIL', detail: bi(text.damaged, { path, problems: result.problems.join('; ') }), hint: text.damagedHint, data: { path, state: result.state } };
      case 'unreadable':
        return { status: 'FAIL', detail: bi(text.unreadable, { path, detail: result.detail }), hint: text.unreadableHint, data: { path, state: result.state } };
    }
  },
};
