// Text of `yaoli analyze`: usage, input errors and the report's headings, zh-TW and English.
// Terms the kiosk also shows are the kiosk's words (src/ui/i18n/zh-TW.ts), so a pharmacist
// never reads two names for one thing; test/commands/analyze-terms.test.ts holds them equal.
import { catalogue } from '../../i18n/index.ts';
import { BUNDLE_PARTS } from '../../core/medicloud/index.ts';
import { BAD_ARGUMENTS } from '../args-problem.ts';

/** Every top-level key the bundle reader accepts, read from it so --help cannot fall behind. */
const BUNDLE_KEYS = ['patient', ...Object.keys(BUNDLE_PARTS)].join(', ');

export const analyzeMessages = catalogue({
  usage: {
    'zh-TW': [
      '用法：yaoli analyze --input 檔案.json [--today YYYY-MM-DD] [--holiday 起,迄,天數[,前幾日]]… [--json] [--lang zh-TW|en] [--width N] [--config 檔案]',
      `  --input   雲端藥歷 JSON，各 API 原始回應置於鍵：${BUNDLE_KEYS}（以 _ 開頭的鍵為註記）`,
      '  --today   查詢日（預設：台北時間今天）',
      '  --holiday 慢箋連假規則，可重複：連假首日,末日（YYYY-MM-DD 或民國 yyy/MM/dd）,提前領藥天數[,連假前幾日起可領]',
      '            例：2026 春節 2026-02-14,2026-02-22,14,14（藥在連假內用罄者，自連假前 14 天 1/31 起可領）',
      '  --json    輸出 JSON（欄位見 docs/analyze-json.md）',
      '  --lang    報表語言（預設：設定 YAOLI_LANG／config.json 的 lang，未設定則 zh-TW）',
      '  --width   報表寬度，N ≥ 60：表格截短名稱、提醒換行（預設：終端機寬度；輸出至檔案或管線時不限）',
      '  --config  設定檔（預設 $YAOLI_CONFIG 或 <資料夾>/config.json；設定值錯誤時結束碼 2）',
    ].join('\n'),
    en: [
      'usage: yaoli analyze --input FILE.json [--today YYYY-MM-DD] [--holiday FROM,TO,WINDOW[,BEFORE]]… [--json] [--lang zh-TW|en] [--width N] [--config FILE]',
      `  --input   MediCloud bundle JSON, the raw API responses under the keys: ${BUNDLE_KEYS} (keys starting with _ are notes)`,
      '  --today   query day (default: today in Asia/Taipei)',
      '  --holiday NHIA holiday rule for chronic refills, repeatable: first,last day of the holiday (YYYY-MM-DD or ROC yyy/MM/dd),',
      '            window days[,days before the holiday from which the next fill may be collected]',
      '            e.g. 2026 Lunar New Year 2026-02-14,2026-02-22,14,14 (a supply that runs out in the holiday: the next fill from 1/31, 14 days before it)',
      '  --json    print JSON (keys in docs/analyze-json.md)',
      '  --lang    report language (default: the configured lang, YAOLI_LANG or config.json; else zh-TW)',
      '  --width   report width, N ≥ 60: tables cut names, alerts wrap (default: the terminal\'s; none into a file or pipe)',
      '  --config  config file (default $YAOLI_CONFIG or <data folder>/config.json; a bad value exits 2)',
    ].join('\n'),
  },
  'error.args': BAD_ARGUMENTS,
  'error.no-input': { 'zh-TW': '缺少 --input 檔案', en: 'missing --input FILE' },
  'error.today': { 'zh-TW': '--today 不是有效日期（YYYY-MM-DD，1900–2199 年）：{value}', en: '--today is not a valid date (YYYY-MM-DD, years 1900–2199): {value}' },
  'error.holiday': {
    'zh-TW': '--holiday 須為 連假首日,末日,提前領藥天數[,連假前幾日起可領]（日期 YYYY-MM-DD 或民國 yyy/MM/dd；連假 1–{maxDays} 天；天數 0–{maxWindow}，前幾日 1–{maxWindow}）：{value}',
    en: '--holiday must be FROM,TO,WINDOW[,BEFORE] (dates YYYY-MM-DD or ROC yyy/MM/dd; a holiday of 1–{maxDays} days; WINDOW 0–{maxWindow}, BEFORE 1–{maxWindow} days): {value}',
  },
  'error.width': { 'zh-TW': '--width 須為至少 {min} 的整數：{value}', en: '--width must be a whole number of at least {min}: {value}' },
  'error.lang': { 'zh-TW': '--lang 只能是 zh-TW 或 en：{value}', en: '--lang must be zh-TW or en: {value}' },
  'error.unreadable': { 'zh-TW': '無法讀取檔案 {file}（{code}）', en: 'cannot read file {file} ({code})' },
  'error.encoding': {
    'zh-TW': '{file} 不是 UTF-8 文字（可能以 Big5／ANSI 存檔）：請以 UTF-8 另存後再試',
    en: '{file} is not UTF-8 text (saved as Big5/ANSI?): save it as UTF-8 and try again',
  },
  'error.shape': { 'zh-TW': '{file} 格式不符：{detail}', en: '{file} has an unexpected shape: {detail}' },

  title: { 'zh-TW': '雲端藥歷分析', en: 'MediCloud medication-history analysis' },
  'patient.line': { 'zh-TW': '病人 {id}  {name}  {sex}  {birth} 生（{age} 歲）  查詢日 {today}', en: 'Patient {id}  {name}  {sex}  born {birth} (age {age})  query day {today}' },
  'patient.none': { 'zh-TW': '（無病人資料）  查詢日 {today}', en: '(no patient profile)  query day {today}' },
  'sex.M': { 'zh-TW': '男', en: 'M' },
  'sex.F': { 'zh-TW': '女', en: 'F' },
  none: { 'zh-TW': '（無）', en: '(none)' },

  'section.alerts': { 'zh-TW': '提醒', en: 'Alerts' },
  'section.records': { 'zh-TW': '西醫用藥紀錄', en: 'Medication records' },
  'section.groups': { 'zh-TW': '餘藥日數（同成分同劑型）', en: 'Leftover days (same ingredient and form)' },
  'section.cloudOnly': { 'zh-TW': '雲端餘藥日數（上表無對應用藥紀錄）', en: 'Cloud leftover days (no matching medication record above)' },
  'section.refills': { 'zh-TW': '慢性病連續處方箋', en: 'Chronic refill prescriptions' },
  // The days column means two things, as the alerts say them: the heading tells which.
  'section.duplicates': { 'zh-TW': '重複用藥（天數：L1/L2 為領新藥時累計尚餘，L3–L5 為今日起重疊）', en: 'Duplicate medication (days: L1/L2 left when the new supply was dispensed, L3–L5 together from today)' },
  'section.careList': { 'zh-TW': '特定管制用藥（關懷名單）', en: 'Controlled drugs (care list)' },
  'section.allergies': { 'zh-TW': '過敏紀錄', en: 'Allergies' },

  'severity.critical': { 'zh-TW': '嚴重', en: 'critical' },
  'severity.warning': { 'zh-TW': '注意', en: 'warning' },
  'severity.info': { 'zh-TW': '資訊', en: 'info' },

  'col.date': { 'zh-TW': '就醫日', en: 'Visit' },
  'col.refillDate': { 'zh-TW': '慢箋領藥日', en: 'Pickup' },
  // NHI's column 慢連箋領藥日(住院用藥迄日) holds an inpatient order's last day: shown so, not as a pickup.
  'record.inpatientUntil': { 'zh-TW': '住院迄 {date}', en: 'ward to {date}' },
  'col.institution': { 'zh-TW': '院所', en: 'Institution' },
  'col.code': { 'zh-TW': '藥品代碼', en: 'Drug code' },
  'col.drug': { 'zh-TW': '藥品名稱', en: 'Drug' },
  'col.ingredient': { 'zh-TW': '成分', en: 'Ingredient' },
  'col.ingredients': { 'zh-TW': '成分', en: 'Ingredients' },
  'col.frequency': { 'zh-TW': '用法', en: 'Freq' },
  'col.days': { 'zh-TW': '天數', en: 'Days' },
  'col.leftover': { 'zh-TW': '餘藥', en: 'Left' },
  'col.form': { 'zh-TW': '劑型', en: 'Form' },
  'col.carry': { 'zh-TW': '累計餘藥', en: 'Carry' },
  'col.noCarry': { 'zh-TW': '單筆餘藥', en: 'Single' },
  'col.supplyEnd': { 'zh-TW': '用藥結束', en: 'Ends' },
  'col.lastDispensed': { 'zh-TW': '最近調劑', en: 'Dispensed' },
  'col.cloud': { 'zh-TW': '雲端餘藥', en: 'Cloud' },
  'col.note': { 'zh-TW': '備註', en: 'Note' },
  'col.prescribed': { 'zh-TW': '開立日', en: 'Prescribed' },
  'col.fill': { 'zh-TW': '已領', en: 'Filled' },
  'col.next': { 'zh-TW': '下次可領', en: 'Next fill' },
  'col.validUntil': { 'zh-TW': '效期至', en: 'Valid to' },
  'refills.valid': { 'zh-TW': '有效處方', en: 'Valid' },
  'refills.ended': { 'zh-TW': '逾期或已領完', en: 'Expired or completed' },
  'col.status': { 'zh-TW': '狀態', en: 'Status' },
  'col.level': { 'zh-TW': '層級', en: 'Level' },
  'col.severity': { 'zh-TW': '嚴重度', en: 'Severity' },
  'col.institutions': { 'zh-TW': '院所', en: 'Institutions' },
  'col.overlap': { 'zh-TW': '天數', en: 'Days' },
  'col.month': { 'zh-TW': '月份', en: 'Month' },
  'col.visits': { 'zh-TW': '次數', en: 'Visits' },
  'col.places': { 'zh-TW': '院所數', en: 'Sites' },
  'col.mg': { 'zh-TW': '總量mg', en: 'Total mg' },
  'col.ddd': { 'zh-TW': '總DDD', en: 'DDDs' },
  'care.no-ddd': { 'zh-TW': 'WHO 未訂 DDD', en: 'no WHO DDD' },
  'col.reference': { 'zh-TW': '半年參考mg', en: '6-mo ref mg' },
  'col.symptoms': { 'zh-TW': '症狀', en: 'Symptoms' },
  'col.occurred': { 'zh-TW': '發生日', en: 'Occurred' },
  'allergy.severe': { 'zh-TW': '重度', en: 'severe' },
  'allergy.moderate': { 'zh-TW': '中度', en: 'moderate' },
  'allergy.mild': { 'zh-TW': '輕度', en: 'mild' },
  'allergy.other': { 'zh-TW': '其他', en: 'other' },
  'allergy.unknown': { 'zh-TW': '不明', en: 'unknown' },

  // The reason is in --json's leftoverNotComputable; PRN and 依醫囑 also show in the 用法 column.
  'leftover.not-computable': { 'zh-TW': '無法試算', en: 'n/a' },
  'leftover.future': { 'zh-TW': '未開始', en: 'future' },
  'group.mayUnderestimate': { 'zh-TW': '可能低估', en: 'could be more' },

  'status.eligible': { 'zh-TW': '可領', en: 'eligible' },
  'status.too-early': { 'zh-TW': '未到', en: 'too early' },
  'status.replaced': { 'zh-TW': '有新處方', en: 'newer slip' },
  'status.expired': { 'zh-TW': '逾期', en: 'expired' },
  'status.no-fill-left': { 'zh-TW': '不能再領', en: 'no fill left' },
  'status.completed': { 'zh-TW': '已領完', en: 'completed' },
});

export type AnalyzeMessageKey = keyof typeof analyzeMessages;
