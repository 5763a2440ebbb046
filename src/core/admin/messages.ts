// What the admin operations say, in zh-TW and English. Facts carry masked IDs only.
import { catalogue } from '../../i18n/index.ts';

export const adminMessages = catalogue({
  'staff-added': { 'zh-TW': '已將 {staff}（{role}）加入機構使用者名單', en: '{staff} ({role}) added to the authorized staff list' },
  'staff-updated': { 'zh-TW': '已更新 {staff} 的資料（{role}），並設為啟用', en: '{staff} updated ({role}) and enabled' },
  'first-admin': { 'zh-TW': '本機尚無機構管理者：{staff} 已設為第一位機構管理者', en: 'no administrator yet: {staff} is now the first administrator' },
  'staff-enabled': { 'zh-TW': '已啟用 {staff}', en: '{staff} enabled' },
  'staff-disabled': { 'zh-TW': '已停用 {staff}', en: '{staff} disabled' },
  'admin-granted': { 'zh-TW': '已將 {staff} 設為機構管理者', en: '{staff} is now an administrator' },
  'admin-revoked': { 'zh-TW': '已取消 {staff} 的機構管理者權限', en: '{staff} is no longer an administrator' },
  'setting-changed': { 'zh-TW': '設定 {key} 已由 {from} 改為 {to}', en: 'setting {key} changed from {from} to {to}' },
  'cache-purged': { 'zh-TW': '已清除 {snapshots} 筆快取資料（{patients} 位病人）', en: '{snapshots} cached records of {patients} patients purged' },
  'audit-ok': { 'zh-TW': '稽核紀錄完整（{rows} 筆）', en: 'audit log intact ({rows} rows)' },
  'audit-broken': { 'zh-TW': '稽核紀錄於第 {row} 筆起不一致（{reason}），共 {rows} 筆', en: 'audit log broken at row {row} ({reason}); {rows} rows' },
  'error.not-admin': { 'zh-TW': '只有機構管理者可以執行此操作', en: 'only an administrator may do this' },
  'error.invalid-staff-id': { 'zh-TW': '醫事人員身分證號格式或檢查碼錯誤', en: 'the staff ID is not a valid national ID' },
  'error.invalid-role': { 'zh-TW': '身分需為醫師、藥師或護理師', en: 'the role must be doctor, pharmacist or nurse' },
  'error.invalid-name': { 'zh-TW': '姓名過長（最多 100 字）', en: 'the name is too long (100 characters at most)' },
  'error.not-listed': { 'zh-TW': '{staff} 不在機構使用者名單中', en: '{staff} is not on the authorized staff list' },
  'error.last-admin': { 'zh-TW': '至少要保留一位啟用中的機構管理者', en: 'at least one enabled administrator must remain' },
  'error.unknown-setting': { 'zh-TW': '沒有這個設定：{key}', en: 'no such setting: {key}' },
  'error.invalid-setting': { 'zh-TW': '設定 {key} 的值無效：{value}', en: 'invalid value for {key}: {value}' },
  'error.invalid-days': { 'zh-TW': '天數需為 0 以上的整數', en: 'days must be a whole number, 0 or more' },
  'error.cache': { 'zh-TW': '本機快取錯誤：{detail}', en: 'local cache error: {detail}' },
});

export type AdminMessageKey = keyof typeof adminMessages;
