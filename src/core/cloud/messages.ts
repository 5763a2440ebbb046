// What the counter sees when the cloud fails, in both languages. Each CloudError kind has one
// message and a next step; NHI's own codes (research device §1.6) are quoted where staff know
// them from the NHI control software: 4061 網路不通, 9003 IDC timeout, 9004 service down,
// 9100 藥師藥局無權限.
import { catalogue, translate, type Lang, type Facts } from '../../i18n/index.ts';

export const cloudMessages = catalogue({
  'cloud.network': {
    'zh-TW': '網路中斷（4061）：無法連線到健保雲端 {detail}。請檢查網路線或 VPN，稍後再試。',
    en: 'Network down (4061): cannot reach MediCloud {detail}. Check the cable or VPN and try again.',
  },
  'cloud.timeout': {
    'zh-TW': '健保雲端回應逾時（9003）：{endpoint} 超過 {ms} 毫秒未回應。稍後再試。',
    en: 'MediCloud timed out (9003): {endpoint} gave no answer within {ms} ms. Try again later.',
  },
  'cloud.auth': {
    'zh-TW': '登入失效或驗證失敗：{detail}。請重新插入醫事人員卡與健保卡再登入。',
    en: 'Login expired or rejected: {detail}. Re-insert the staff and patient cards and log in again.',
  },
  'cloud.forbidden': {
    'zh-TW': '無查詢權限（9100）：此醫事人員不在本機構的使用者授權名單。請由機構管理者於 VPN 設定授權。',
    en: 'Not authorized (9100): this staff member is not on the institution’s user list. Ask the administrator to authorize them on the VPN.',
  },
  'cloud.not-found': {
    'zh-TW': '查無此病人或生日不符：{detail}。請確認健保卡。',
    en: 'Patient not found or birthday mismatch: {detail}. Check the NHI card.',
  },
  'cloud.server': {
    'zh-TW': '健保雲端服務異常（9004）：{endpoint} 回應 HTTP {status}。稍後再試。',
    en: 'MediCloud service error (9004): {endpoint} answered HTTP {status}. Try again later.',
  },
  'cloud.rejected': {
    'zh-TW': '健保雲端拒絕此請求：{endpoint} 回應 HTTP {status}。請回報技術人員。',
    en: 'MediCloud refused the request: {endpoint} answered HTTP {status}. Report this to a technician.',
  },
  'cloud.schema': {
    'zh-TW': '健保雲端資料格式不符：{detail}。請回報技術人員。',
    en: 'MediCloud data has an unexpected format: {detail}. Report this to a technician.',
  },
  'cloud.malformed': {
    'zh-TW': '健保雲端回傳的資料不完整或無法解讀：{endpoint}（{detail}）。稍後再試。',
    en: 'MediCloud sent incomplete or unreadable data: {endpoint} ({detail}). Try again later.',
  },
  'cloud.aborted': {
    'zh-TW': '查詢已取消：{endpoint}。',
    en: 'Query cancelled: {endpoint}.',
  },
});

export type CloudMessageKey = keyof typeof cloudMessages;

export function cloudMessage(key: CloudMessageKey, lang: Lang, facts?: Facts): string {
  return translate(cloudMessages, key, lang, facts);
}
