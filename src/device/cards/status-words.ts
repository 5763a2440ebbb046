// ISO/IEC 7816-4 status words (SW1 SW2) with their meaning in both languages, so a
// technician reading a log or the doctor screen sees "6983 密碼已鎖住" rather than a number.
import type { Bilingual } from '../../i18n/index.ts';

export const SW_OK = 0x9000;

const EXACT: Record<number, Bilingual> = {
  0x9000: { 'zh-TW': '成功', en: 'success' },
  0x6281: { 'zh-TW': '回傳資料可能已損毀', en: 'part of returned data may be corrupted' },
  0x6282: { 'zh-TW': '已到檔案或紀錄結尾', en: 'end of file or record reached' },
  0x6283: { 'zh-TW': '所選檔案已失效', en: 'selected file deactivated' },
  0x6581: { 'zh-TW': '卡片記憶體錯誤', en: 'memory failure' },
  0x6700: { 'zh-TW': '長度錯誤', en: 'wrong length' },
  0x6881: { 'zh-TW': '不支援此邏輯通道', en: 'logical channel not supported' },
  0x6882: { 'zh-TW': '不支援安全傳訊', en: 'secure messaging not supported' },
  0x6981: { 'zh-TW': '指令與檔案結構不符', en: 'command incompatible with file structure' },
  0x6982: { 'zh-TW': '安全狀態不符（尚未驗證密碼）', en: 'security status not satisfied (PIN not verified)' },
  0x6983: { 'zh-TW': '密碼已鎖住', en: 'authentication method blocked (PIN locked)' },
  0x6984: { 'zh-TW': '參考資料無效', en: 'reference data not usable' },
  0x6985: { 'zh-TW': '使用條件不符', en: 'conditions of use not satisfied' },
  0x6986: { 'zh-TW': '指令不允許（未選擇檔案）', en: 'command not allowed (no current EF)' },
  0x6A80: { 'zh-TW': '資料欄位參數錯誤', en: 'incorrect parameters in the data field' },
  0x6A81: { 'zh-TW': '不支援此功能', en: 'function not supported' },
  0x6A82: { 'zh-TW': '找不到檔案或應用程式', en: 'file or application not found' },
  0x6A83: { 'zh-TW': '找不到紀錄', en: 'record not found' },
  0x6A86: { 'zh-TW': 'P1-P2 參數錯誤', en: 'incorrect parameters P1-P2' },
  0x6A88: { 'zh-TW': '找不到參考資料（未設定密碼）', en: 'referenced data not found (no PIN set)' },
  0x6B00: { 'zh-TW': '參數錯誤（超出範圍）', en: 'wrong parameters P1-P2 (offset outside the EF)' },
  0x6D00: { 'zh-TW': '不支援此指令', en: 'instruction code not supported' },
  0x6E00: { 'zh-TW': '不支援此類別', en: 'class not supported' },
  0x6F00: { 'zh-TW': '卡片內部錯誤', en: 'no precise diagnosis (card internal error)' },
};

/** Meaning of a status word; families (61xx, 63Cx, 6Cxx) are described with their parameter. */
export function statusWordMeaning(sw: number): Bilingual {
  const exact = EXACT[sw];
  if (exact) return exact;
  const sw1 = sw >> 8;
  const sw2 = sw & 0xff;
  if (sw1 === 0x61) return { 'zh-TW': `尚有 ${sw2} 位元組資料可取`, en: `${sw2} more bytes available` };
  if (sw1 === 0x6c) return { 'zh-TW': `長度錯誤，正確長度為 ${sw2}`, en: `wrong Le, exact length is ${sw2}` };
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) {
    const tries = sw2 & 0x0f;
    return { 'zh-TW': `驗證失敗，尚可再試 ${tries} 次`, en: `verification failed, ${tries} tries left` };
  }
  if (sw1 === 0x62 || sw1 === 0x63) return { 'zh-TW': '警告（非揮發記憶體狀態）', en: 'warning (non-volatile memory state)' };
  if (sw1 === 0x64 || sw1 === 0x65) return { 'zh-TW': '執行錯誤', en: 'execution error' };
  return { 'zh-TW': '未知的狀態碼', en: 'unknown status word' };
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
