// Text for `yaoli cache …` and `yaoli audit …` (technicians read either language).
import { catalogue } from '../../i18n/index.ts';
import { BAD_ARGUMENTS } from '../args-problem.ts';

export const cliMessages = catalogue({
  'cache.usage': {
    'zh-TW': `用法：yaoli cache <info|purge|rotate-key> [--db 路徑] [--key 路徑] [--config 檔案]
  info [--json]                      顯示快取大小、病人數、最舊快照、完整性、金鑰檔權限
  purge [--older-than 天數] [--all]  刪除超過保存天數（預設依設定 cacheTtlDays）或全部的快照；稽核紀錄保留
  rotate-key                         以新金鑰重新加密全部資料並替換金鑰檔`,
    en: `usage: yaoli cache <info|purge|rotate-key> [--db PATH] [--key PATH] [--config FILE]
  info [--json]                      size, patients, oldest snapshot, integrity, key file permissions
  purge [--older-than DAYS] [--all]  delete snapshots older than DAYS (default: the cacheTtlDays setting) or all; the audit log stays
  rotate-key                         re-encrypt everything under a new key and replace the key file`,
  },
  'audit.usage': {
    'zh-TW': `用法：yaoli audit <verify|tail> [--db 路徑] [--key 路徑] [--config 檔案]
  verify [--json]   檢查稽核紀錄雜湊鏈；完整時結束碼 0，中斷時 1
  tail [-n 筆數]    顯示最後幾筆稽核紀錄（身分證號遮蔽）`,
    en: `usage: yaoli audit <verify|tail> [--db PATH] [--key PATH] [--config FILE]
  verify [--json]   check the audit log's hash chain; exit 0 when intact, 1 when broken
  tail [-n N]       show the last N audit rows (IDs masked)`,
  },
  'error.args': BAD_ARGUMENTS,
  'error.subcommand': { 'zh-TW': '未知的子指令：{name}', en: 'unknown subcommand: {name}' },
  'error.days': { 'zh-TW': '--older-than 需為 0 以上的天數：{value}', en: '--older-than needs a number of days ≥ 0: {value}' },
  'error.count': { 'zh-TW': '-n 需為正整數：{value}', en: '-n needs a positive whole number: {value}' },
  'error.both': { 'zh-TW': '--all 與 --older-than 只能擇一', en: 'use either --all or --older-than, not both' },
  'info.title': { 'zh-TW': '本機快取', en: 'Local cache' },
  'info.file': { 'zh-TW': '檔案', en: 'file' },
  'info.size': { 'zh-TW': '大小', en: 'size' },
  'info.patients': { 'zh-TW': '病人數', en: 'patients' },
  'info.snapshots': { 'zh-TW': '快照數', en: 'snapshots' },
  'info.oldest': { 'zh-TW': '最舊快照', en: 'oldest snapshot' },
  'info.newest': { 'zh-TW': '最新快照', en: 'newest snapshot' },
  'info.integrity': { 'zh-TW': '完整性', en: 'integrity' },
  'info.schema': { 'zh-TW': '結構版本', en: 'schema version' },
  'info.audit': { 'zh-TW': '稽核紀錄', en: 'audit rows' },
  'info.staff': { 'zh-TW': '授權人員', en: 'authorized staff' },
  'info.ttl': { 'zh-TW': '保存天數', en: 'TTL (days)' },
  'info.key': { 'zh-TW': '金鑰檔', en: 'key file' },
  'info.none': { 'zh-TW': '（無）', en: '(none)' },
  'purged': { 'zh-TW': '已刪除 {snapshots} 筆快照、{patients} 位病人的快取', en: 'deleted {snapshots} snapshots and {patients} patients from the cache' },
  'rotated': {
    'zh-TW': '金鑰已更換：重新加密 {patients} 位病人、{snapshots} 筆快照、{staff} 位人員、{auditRows} 筆稽核紀錄',
    en: 'key rotated: re-encrypted {patients} patients, {snapshots} snapshots, {staff} staff, {auditRows} audit rows',
  },
  'rotated.dropped': {
    'zh-TW': '無法驗證而捨棄：{patients} 位病人、{snapshots} 筆快照、{staff} 位人員（將自雲端重新下載或重新設定）',
    en: 'dropped as unauthenticated: {patients} patients, {snapshots} snapshots, {staff} staff (refetch or re-add them)',
  },
  'verify.ok': { 'zh-TW': '稽核紀錄完整（{rows} 筆）', en: 'audit log intact ({rows} rows)' },
  'verify.broken': {
    'zh-TW': '稽核紀錄遭變更：第 {row} 筆起雜湊鏈中斷（{reason}），共 {rows} 筆',
    en: 'audit log altered: the hash chain breaks at row {row} ({reason}); {rows} rows',
  },
  'tail.empty': { 'zh-TW': '尚無稽核紀錄', en: 'no audit rows yet' },
});
