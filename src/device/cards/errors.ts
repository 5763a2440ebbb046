// Every card, reader and SAM failure is one typed CardError: a `kind` the code branches on,
// the NHI control-software error code a field technician already knows (csHis ErrorCode.txt
// and the cloud-SAM 92xx additions; research/device-pcsc-nhi-cards.md §1.6) when one fits,
// and a message in zh-TW and English. Nothing here carries a PIN or patient data.
import { catalogue, format, type Bilingual, type Facts, type Lang } from '../../i18n/index.ts';

export type CardErrorKind =
  | 'no-pcsc' // pcscd / the Smart Card service is not running or pcsclite is missing
  | 'no-reader'
  | 'reader-timeout'
  | 'no-card'
  | 'patient-card-missing'
  | 'staff-card-missing'
  | 'sam-card-missing'
  | 'card-removed'
  | 'not-patient-card'
  | 'not-staff-card'
  | 'not-sam-card'
  | 'transmit-failed'
  | 'bad-response'
  | 'status-word'
  | 'bad-record'
  | 'bad-name-encoding'
  | 'bad-date'
  | 'pin-not-set'
  | 'pin-wrong'
  | 'pin-blocked'
  | 'pin-bad-format'
  | 'pin-not-verified'
  | 'staff-pin-not-verified'
  | 'sign-failed'
  | 'sam-missing'
  | 'sam-several'
  | 'sam-malformed'
  | 'sam-other-machine'
  | 'sam-environment-mixed';

/** NHI codes next to our own words (SPEC §3.1 "Error vocabulary"). */
const NHI_CODES: Partial<Record<CardErrorKind, number>> = {
  'reader-timeout': 4000,
  'no-reader': 9204, // 找不到讀卡機或 PCSC 環境異常
  'no-pcsc': 9204,
  'sam-card-missing': 4012,
  'patient-card-missing': 4013,
  'staff-card-missing': 4014,
  'not-sam-card': 4032,
  'not-patient-card': 4033,
  'not-staff-card': 4034,
  'staff-pin-not-verified': 4042,
  'pin-wrong': 9039,
  'pin-bad-format': 9041,
  'pin-blocked': 9043,
  'sign-failed': 5008,
  'sam-missing': 9200,
  'sam-several': 9200,
  'sam-malformed': 9201,
  'sam-other-machine': 9202,
  'sam-environment-mixed': 9203,
};

export const cardMessages = catalogue<CardErrorKind>({
  'no-pcsc': {
    'zh-TW': 'PC/SC 服務未啟動（pcscd）{detail}；請啟動 pcscd（Linux：sudo systemctl start pcscd）或 Windows 的 Smart Card 服務',
    en: 'PC/SC service not running (pcscd) {detail}; start pcscd (Linux: sudo systemctl start pcscd) or the Windows Smart Card service',
  },
  'no-reader': { 'zh-TW': '找不到讀卡機 {reader}', en: 'no card reader found {reader}' },
  'reader-timeout': { 'zh-TW': '讀卡機逾時（{ms} 毫秒）', en: 'card reader timed out ({ms} ms)' },
  'no-card': { 'zh-TW': '讀卡機 {reader} 內沒有卡片', en: 'no card in reader {reader}' },
  'patient-card-missing': { 'zh-TW': '未置入健保卡', en: 'patient NHI card not inserted' },
  'staff-card-missing': { 'zh-TW': '未置入醫事人員卡', en: 'healthcare professional card not inserted' },
  'sam-card-missing': { 'zh-TW': '未置入安全模組卡', en: 'SAM card not inserted' },
  'card-removed': { 'zh-TW': '卡片在讀取中被移除', en: 'the card was removed during the transaction' },
  'not-patient-card': { 'zh-TW': '此卡不是健保卡', en: 'this is not an NHI patient card' },
  'not-staff-card': { 'zh-TW': '此卡不是醫事人員卡', en: 'this is not a healthcare professional card' },
  'not-sam-card': { 'zh-TW': '此卡不是安全模組卡', en: 'this is not a SAM card' },
  'transmit-failed': { 'zh-TW': '與卡片通訊失敗 {detail}', en: 'card communication failed {detail}' },
  'bad-response': { 'zh-TW': '卡片回應格式錯誤：{detail}', en: 'malformed card response: {detail}' },
  'status-word': { 'zh-TW': '卡片回應 {sw}：{meaningZh}', en: 'card answered {sw}: {meaningEn}' },
  'bad-record': { 'zh-TW': '卡片資料格式錯誤：{detail}', en: 'malformed card data: {detail}' },
  'bad-name-encoding': { 'zh-TW': '卡片上的姓名不是有效的 Big5 編碼', en: 'the name on the card is not valid Big5' },
  'bad-date': { 'zh-TW': '卡片上的{field}不是有效的民國日期', en: 'the {field} on the card is not a valid ROC date' },
  'pin-not-set': { 'zh-TW': '此卡未設定密碼', en: 'this card has no PIN set' },
  'pin-wrong': { 'zh-TW': '密碼錯誤，尚可再試 {triesLeft} 次', en: 'wrong PIN, {triesLeft} tries left' },
  'pin-blocked': { 'zh-TW': '密碼已鎖住，請至發卡單位解鎖', en: 'PIN locked; have it unlocked by the card issuer' },
  'pin-bad-format': { 'zh-TW': '密碼長度須為 {min} 至 {max} 位數字', en: 'the PIN must be {min} to {max} digits' },
  'pin-not-verified': { 'zh-TW': '尚未驗證健保卡密碼', en: 'patient card PIN not verified yet' },
  'staff-pin-not-verified': { 'zh-TW': '醫事人員卡尚未驗證密碼', en: 'healthcare professional card PIN not verified' },
  'sign-failed': { 'zh-TW': '簽章失敗 {detail}', en: 'signing failed {detail}' },
  'sam-missing': {
    'zh-TW': '安全模組檔目錄 {folder} 不存在或沒有 .SAM 檔；請執行 yaoli card sam-init 或放入院所的 SAM 檔',
    en: 'SAM file folder {folder} missing or holds no .SAM file; run yaoli card sam-init or copy the institution SAM file there',
  },
  'sam-several': {
    'zh-TW': '安全模組檔目錄 {folder} 內有多個 .SAM 檔（{count} 個），只能留一個',
    en: 'SAM file folder {folder} holds {count} .SAM files; keep exactly one',
  },
  'sam-malformed': { 'zh-TW': '安全模組檔 {file} 讀取錯誤：{detail}', en: 'SAM file {file} unreadable: {detail}' },
  'sam-other-machine': {
    'zh-TW': '安全模組檔已在其他電腦使用過，請向健保署重新申請本機的 SAM 檔',
    en: 'the SAM file was already used on another computer; request a SAM file for this machine',
  },
  'sam-environment-mixed': {
    'zh-TW': '正式與測試環境混用（SAM 檔為 {found}，設定為 {expected}）',
    en: 'production and test mixed (SAM file is {found}, configured {expected})',
  },
});

export class CardError extends Error {
  readonly kind: CardErrorKind;
  /** NHI control-software code, when one means the same thing. */
  readonly nhiCode: number | null;
  readonly messageKey: `card.${CardErrorKind}`;
  readonly facts: Facts;

  constructor(kind: CardErrorKind, facts: Facts = {}, options?: { cause?: unknown; nhiCode?: number }) {
    super(renderCardMessage(kind, facts, 'en'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CardError';
    this.kind = kind;
    this.nhiCode = options?.nhiCode ?? NHI_CODES[kind] ?? null;
    this.messageKey = `card.${kind}`;
    this.facts = facts;
  }

  /** The message in one language, with the NHI code in front as technicians quote it. */
  text(lang: Lang): string {
    const body = renderCardMessage(this.kind, this.facts, lang);
    return this.nhiCode === null ? body : `[${this.nhiCode}] ${body}`;
  }

  /** Both languages, for the CLI. */
  bilingual(): string {
    const prefix = this.nhiCode === null ? '' : `[${this.nhiCode}] `;
    return `${prefix}${renderCardMessage(this.kind, this.facts, 'zh-TW')} / ${renderCardMessage(this.kind, this.facts, 'en')}`;
  }
}

function renderCardMessage(kind: CardErrorKind, facts: Facts, lang: Lang): string {
  const entry: Bilingual = cardMessages[kind];
  // Unfilled optional placeholders ({detail}, {reader}) read better gone than as braces.
  return format(entry[lang], facts, lang).replace(/\s*\{\w+\}/g, '').trim();
}

/** 4012/4013/4014: the code NHI uses when that kind of card is not (any more) in its reader. */
export function missingCardCode(kind: string): number | undefined {
  return kind === 'patient' ? 4013 : kind === 'staff' ? 4014 : kind === 'sam' ? 4012 : undefined;
}
