// Notices and errors the kiosk flow raises, zh-TW first. The screens show them with a
// next step; the audit log keeps only the `kind`. Codes in brackets are the NHI control
// software's own (research/device-pcsc-nhi-cards.md §1.6) that technicians already know.
import { catalogue } from '../../i18n/index.ts';

export const sessionMessages = catalogue({
  'notice.staff-first': { 'zh-TW': '請先插入醫事人員卡 (4014)', en: 'Insert the healthcare staff card first (4014)' },
  'notice.card-unknown': { 'zh-TW': '無法辨識的卡片，請確認插入健保卡或醫事人員卡', en: 'Card not recognised: insert an NHI card or a staff card' },
  'notice.card-read-failed': { 'zh-TW': '讀卡失敗，請重新插卡 (4000)', en: 'Could not read the card; insert it again (4000)' },
  'notice.patient-card-removed': { 'zh-TW': '健保卡已取出，病人資料已清除', en: 'NHI card removed; patient data cleared' },
  'notice.staff-card-removed': { 'zh-TW': '醫事人員卡已取出，已登出', en: 'Staff card removed; logged out' },
  'notice.idle-timeout': { 'zh-TW': '閒置逾時，病人資料已清除', en: 'Idle timeout; patient data cleared' },
  'notice.patient-closed': { 'zh-TW': '已結束查詢，病人資料已清除', en: 'Lookup closed; patient data cleared' },
  'notice.logged-out': { 'zh-TW': '已登出', en: 'Logged out' },
  'notice.settings-saved': { 'zh-TW': '設定已儲存', en: 'Settings saved' },
  'notice.no-data': { 'zh-TW': '查無資料：雲端沒有此病人的西醫用藥與慢箋紀錄', en: 'No data: MediCloud has no medication or chronic-refill records for this patient' },
  'notice.cancelled': { 'zh-TW': '已取消', en: 'Cancelled' },
  'error.pin-format': { 'zh-TW': '密碼為 6 至 8 位數字', en: 'A PIN is 6 to 8 digits' },
  'error.pin-wrong': { 'zh-TW': '密碼錯誤，尚可再試 {tries} 次', en: 'Wrong PIN; {tries} tries left' },
  'error.staff-pin-locked': { 'zh-TW': '醫事人員卡密碼已鎖定 (9043)，請取出卡片並洽發卡單位解鎖', en: 'Staff card PIN locked (9043); remove the card and have it unlocked' },
  'error.patient-pin-locked': { 'zh-TW': '健保卡密碼已鎖定，無法以密碼同意；請病人至健保署解鎖，或改用緊急查詢', en: 'The NHI card PIN is locked: consent by PIN is not possible; the patient can have it unlocked, or use emergency lookup' },
  'error.staff-unauthorized': { 'zh-TW': '此醫事人員不在本機構使用者名單中 (403)，無法查詢', en: 'This staff member is not on the institution\'s user list (403); lookup refused' },
  'error.staff-not-listed': { 'zh-TW': '此醫事人員不在本機的機構使用者名單中，請機構管理者於「機構管理」(F11) 授權', en: 'This staff member is not on this kiosk\'s authorized staff list; ask the administrator to authorize them (F11)' },
  'error.staff-disabled': { 'zh-TW': '此醫事人員在本機的授權已停用，請洽機構管理者', en: 'This staff member\'s authorization on this kiosk is disabled; ask the administrator' },
  'notice.first-admin': { 'zh-TW': '本機尚無機構管理者：您已成為第一位機構管理者，請於「機構管理」(F11) 授權其他人員', en: 'No administrator yet: you are now the first administrator; authorize the other staff in administration (F11)' },
  'caveat.care-list-api': { 'zh-TW': '關懷名單查詢 API 未回應（{kind}），關懷名單標示依雲端藥歷 (s02/s03) 判斷', en: 'The care-list Web API did not answer ({kind}); the care-list badge follows the MediCloud rows (s02/s03)' },
  'error.not-admin': { 'zh-TW': '僅機構管理者可變更設定', en: 'Only the institution administrator can change settings' },
  'error.lookup-failed': { 'zh-TW': '雲端查詢失敗，且本機無快取資料', en: 'MediCloud lookup failed and nothing is cached' },
  'error.patient-unknown': { 'zh-TW': '雲端查無此病人或生日不符 (404)', en: 'MediCloud does not know this patient or the birth date does not match (404)' },
  'error.offline-cache': { 'zh-TW': '離線：顯示本機快取資料', en: 'Offline: showing cached data' },
  'error.emergency-id': { 'zh-TW': '身分證統一編號格式或檢查碼錯誤', en: 'National ID: wrong format or check digit' },
  'error.emergency-birth': { 'zh-TW': '出生日期無效，請輸入民國 yyy/MM/dd 或西元 YYYY-MM-DD', en: 'Invalid birth date: type ROC yyy/MM/dd or YYYY-MM-DD' },
  'error.emergency-reason': { 'zh-TW': '緊急查詢必須填寫原因（至少 2 個字）', en: 'Emergency lookup needs a reason (at least 2 characters)' },
  'error.emergency-not-allowed': { 'zh-TW': '請先登入醫事人員卡再使用緊急查詢', en: 'Log in with a staff card before using emergency lookup' },
});

export type SessionMessageKey = keyof typeof sessionMessages;
