// zh-TW + English templates for every alert the domain raises. `{name}` placeholders are
// filled from the alert's facts by src/i18n `format`/`translate` (this object is a valid
// i18n Catalogue). Dates in facts are ISO; `{name:day}` and `{name:month}` show them as ROC
// 'yyy/MM/dd' and 'yyy/MM' at the zh-TW counter and as ISO in English.

import type { Bilingual } from '../../i18n/index.ts';
import type { DosageForm } from './types.ts';

export type { Bilingual };

/**
 * What MediCloud cannot show, under the kiosk's 摘要 and at the end of `yaoli analyze`'s report:
 * drugs bought without NHI never reach it, institutions upload late, and 主診斷 is the visit's,
 * not the drug's (said only where a diagnosis is shown).
 */
export const dataCaveatMessages = {
  heading: { 'zh-TW': '資料說明', en: 'About these data' },
  'self-paid': { 'zh-TW': '自費藥品不在雲端資料中', en: 'Self-paid drugs are not in MediCloud' },
  lag: { 'zh-TW': '院所上傳約有 24–48 小時延遲，最近就醫可能尚未出現', en: 'Institutions upload with a 24–48 h lag; the latest visits may be missing' },
  diagnosis: { 'zh-TW': '主診斷僅供參考', en: 'Main diagnosis is for reference only' },
} satisfies Record<string, Bilingual>;

/** A genetic-test row's result, where the allergy tables show symptoms (allergies.ts). */
export const geneticTestNames: Record<'negative' | 'positive', Bilingual> = {
  negative: { 'zh-TW': '基因檢測陰性', en: 'negative test' },
  positive: { 'zh-TW': '基因檢測陽性', en: 'positive test' },
};

/** A group's dosage form as the kiosk's 餘藥 tab and `yaoli analyze` show it (six columns wide in English). */
export const dosageFormNames: Record<DosageForm, Bilingual> = {
  oral: { 'zh-TW': '口服', en: 'oral' },
  sublingual: { 'zh-TW': '舌下', en: 'subling' },
  injection: { 'zh-TW': '注射', en: 'inject' },
  eye: { 'zh-TW': '眼用', en: 'eye' },
  ear: { 'zh-TW': '耳用', en: 'ear' },
  nasal: { 'zh-TW': '鼻用', en: 'nasal' },
  inhalation: { 'zh-TW': '吸入', en: 'inhal' },
  topical: { 'zh-TW': '外用', en: 'topical' },
  transdermal: { 'zh-TW': '貼片', en: 'patch' },
  rectal: { 'zh-TW': '肛門', en: 'rectal' },
  vaginal: { 'zh-TW': '陰道', en: 'vaginal' },
  other: { 'zh-TW': '其他', en: 'other' },
};

export const alertMessages = {
  // ── history ────────────────────────────────────────────────────────────────
  'history.empty': {
    'zh-TW': '查無資料：雲端無此病人的西醫用藥與慢箋紀錄',
    en: 'No data: MediCloud has no medication or chronic-refill records for this patient',
  },
  'history.after-today': {
    'zh-TW': '{count} 筆用藥紀錄日期晚於查詢日 {today:day}（最晚 {latest:day}）：請確認查詢日與電腦日期；這些紀錄列為未開始，餘藥與可領日以查詢日計',
    en: '{count} medication records are dated after the query day {today:day} (the latest {latest:day}): check the query day and the computer\'s clock; they are shown as future supplies, and leftover and refill days count from the query day',
  },
  'patient.age-unknown': {
    'zh-TW': '出生日期 {birthDate:day} 不合理（晚於查詢日或逾 130 歲），無法判斷年齡，未依本機規則檢查高齡者用藥（雲端自身的高齡標示仍列出）',
    en: 'Birth date {birthDate:day} is implausible (after the query day or over 130 years ago): no age, so our elderly rules were not checked (MediCloud\'s own elderly marks are still shown)',
  },
  'patient.over-75': {
    'zh-TW': '病人 {age} 歲（75 歲以上）：請優先完整查閱用藥',
    en: 'Patient is {age} (75 or older): review the full medication history first',
  },
  // An allergen dispensed on or after the allergy was recorded (allergen-matches.ts). {drugs:day} = 'NAME (institution date)', newest first.
  'allergy.prescribed': {
    'zh-TW': '過敏藥品再開立：病人對 {allergen} 有過敏紀錄（{allergyDate:day}），其後仍領有 {drugs:day}{moreZh}；請與病人及處方醫師確認',
    en: 'Allergen dispensed again: {allergen} is on the allergy record ({allergyDate:day}), yet {drugs:day}{moreEn} came after it; check with the patient and the prescriber',
  },
  'allergy.refill': {
    'zh-TW': '慢箋藥品含過敏成分：病人對 {allergen} 有過敏紀錄，慢箋 {drugName}（{prescriptionDate:day} 開立）仍有第 {nextFill}/{fills} 次待領；請勿逕行調劑，與病人及處方醫師確認',
    en: 'Chronic refill holds an allergen: {allergen} is on the allergy record, yet the slip for {drugName} ({prescriptionDate:day}) has fill {nextFill}/{fills} to collect; do not dispense before checking with the patient and the prescriber',
  },
  'allergy.gene-refill': {
    'zh-TW': '慢箋藥品與基因檢測：{allergen} 陽性，慢箋 {drugName}（{prescriptionDate:day} 開立）仍有第 {nextFill}/{fills} 次待領；有嚴重皮膚不良反應風險，請勿逕行調劑，與處方醫師確認',
    en: 'Chronic refill and a gene test: {allergen} is positive, yet the slip for {drugName} ({prescriptionDate:day}) has fill {nextFill}/{fills} to collect; risk of severe skin reactions: do not dispense before checking with the prescriber',
  },
  'allergy.prescribed.undated': {
    'zh-TW': '過敏藥品在用藥紀錄中：病人對 {allergen} 有過敏紀錄（日期不明），用藥紀錄有 {drugs:day}{moreZh}；請與病人及處方醫師確認',
    en: 'Allergen in the medication history: {allergen} is on the allergy record (date unknown), and {drugs:day}{moreEn} is in the history; check with the patient and the prescriber',
  },
  'allergy.gene-prescribed': {
    'zh-TW': '基因檢測 {allergen} 陽性，卻領有 {drugs:day}{moreZh}：嚴重皮膚不良反應（SJS/TEN）風險，請立即與處方醫師確認',
    en: 'Gene test {allergen} is positive, yet {drugs:day}{moreEn} was dispensed: a risk of severe skin reactions (SJS/TEN); check with the prescriber at once',
  },
  'allergy.on-record': {
    'zh-TW': '過敏紀錄：{drugNames}',
    en: 'Allergy on record: {drugNames}',
  },
  'allergy.genetic-negative': {
    'zh-TW': '基因檢測陰性：{tests}',
    en: 'Negative genetic test: {tests}',
  },
  // ── chronic refills (慢性病連續處方箋) ─────────────────────────────────────────
  'refill.eligible': {
    'zh-TW': '慢箋 {drugName}：今日可領第 {nextFill}/{fills} 次（可領至 {nextUntil:day}）',
    en: 'Chronic refill {drugName}: fill {nextFill}/{fills} may be collected today (until {nextUntil:day})',
  },
  'refill.eligible.last-day': {
    'zh-TW': '慢箋 {drugName}：今日為效期最後一天（{validUntil:day}），可領第 {nextFill}/{fills} 次；明日起需重新開立處方',
    en: 'Chronic refill {drugName}: today is the last day of validity ({validUntil:day}); fill {nextFill}/{fills} may be collected today, from tomorrow a new prescription is needed',
  },
  'refill.eligible.on-hand': {
    'zh-TW': '慢箋 {drugName}：今日可領第 {nextFill}/{fills} 次（可領至 {nextUntil:day}）；病人手邊尚有約 {onHandDays} 日藥量（累計餘藥），請確認是否需要現在領',
    en: 'Chronic refill {drugName}: fill {nextFill}/{fills} may be collected today (until {nextUntil:day}); the patient still has about {onHandDays} days on hand (carried leftover) — check whether it is needed now',
  },
  'refill.too-early': {
    'zh-TW': '慢箋 {drugName}：第 {nextFill}/{fills} 次最早 {nextFrom:day} 可領（還有 {daysUntil} 天）；此前不得調劑（醫療辦法 §24），提前領藥視為重複用藥',
    en: 'Chronic refill {drugName}: fill {nextFill}/{fills} not before {nextFrom:day} (in {daysUntil} days); it may not be dispensed before then (NHI Medical Care Regulations §24), and collecting early counts as duplicate medication',
  },
  'refill.expired': {
    'zh-TW': '慢箋 {drugName}：已逾效期（{validUntil:day}），已領 {fill}/{fills} 次，需重新開立處方',
    en: 'Chronic prescription {drugName} expired ({validUntil:day}) after {fill}/{fills} fills; a new prescription is needed',
  },
  'refill.no-fill-left': {
    'zh-TW': '慢箋 {drugName}：第 {nextFill}/{fills} 次最早可領日已在效期（{validUntil:day}）之後，不能再領，已領 {fill}/{fills} 次，需重新開立處方',
    en: 'Chronic prescription {drugName}: fill {nextFill}/{fills} could only be collected after validity ends ({validUntil:day}); {fill}/{fills} fills taken, a new prescription is needed',
  },
  'refill.replaced': {
    'zh-TW': '慢箋 {drugName}（{prescriptionDate:day} 開立）尚有第 {nextFill}/{fills} 次，但同成分已有 {newerDate:day} 開立的新處方 {newerDrugName}；兩張都領將重複用藥，請確認病人手邊藥量',
    en: 'Chronic prescription {drugName} ({prescriptionDate:day}) still has fill {nextFill}/{fills}, but a newer prescription of the same ingredients, {newerDrugName}, was written on {newerDate:day}; collecting both duplicates the medication — check what the patient has on hand',
  },
  'refill.fills-unknown': {
    'zh-TW': '慢箋 {drugName}（{institution} {prescriptionDate:day} 開立）：雲端未提供可調劑次數或每次給藥日數，無法判斷下次可領日；雲端列為效期內，已領 {fill} 次，請看處方箋',
    en: 'Chronic prescription {drugName} ({institution}, {prescriptionDate:day}): the cloud gives no number of fills or days per fill, so the next fill date cannot be worked out; listed as valid, {fill} fills taken — check the slip',
  },
  'refill.collected-early': {
    'zh-TW': '慢箋 {drugName}：第 {fill} 次於 {collected:day} 領取，早於可領日 {allowedFrom:day}（提前 {daysEarly} 天）；手邊藥量可能累積',
    en: 'Chronic refill {drugName}: fill {fill} was collected on {collected:day}, before its first day {allowedFrom:day} ({daysEarly} days early); supply may be piling up',
  },
  'refill.anomaly.days-per-fill-over-30': {
    'zh-TW': '慢箋 {drugName}：每次給藥 {daysPerFill} 天超過 30 天，資料異常',
    en: 'Chronic prescription {drugName}: {daysPerFill} days per fill exceeds 30 (data anomaly)',
  },
  'refill.anomaly.total-days-over-90': {
    'zh-TW': '慢箋 {drugName}：總給藥 {totalDays} 天超過 90 天，資料異常',
    en: 'Chronic prescription {drugName}: {totalDays} days in all exceeds 90 (data anomaly)',
  },
  'refill.anomaly.invalid-plan': {
    'zh-TW': '慢箋 {drugName}：給藥天數或次數無效，資料異常',
    en: 'Chronic prescription {drugName}: invalid days per fill or number of fills (data anomaly)',
  },
  'refill.anomaly.more-fills-than-allowed': {
    'zh-TW': '慢箋 {drugName}：已領次數超過可領次數 {fills}，資料異常',
    en: 'Chronic prescription {drugName}: more fills collected than the {fills} allowed (data anomaly)',
  },
  'refill.anomaly.fill-before-prescription': {
    'zh-TW': '慢箋 {drugName}：領藥日早於處方日 {validFrom:day}，資料異常',
    en: 'Chronic prescription {drugName}: a fill is dated before the prescription date {validFrom:day} (data anomaly)',
  },
  'refill.anomaly.fill-after-validity': {
    'zh-TW': '慢箋 {drugName}：領藥日晚於效期 {validUntil:day}，資料異常',
    en: 'Chronic prescription {drugName}: a fill is dated after validity ended {validUntil:day} (data anomaly)',
  },
  'refill.anomaly.cloud-says-expired': {
    'zh-TW': '慢箋 {drugName}：雲端標示已逾期，但依處方日計算仍在效期內（至 {validUntil:day}），請確認',
    en: 'Chronic prescription {drugName}: the cloud marks it expired, but by its dates it is valid until {validUntil:day}; please check',
  },
  // ── elderly cautions (高齡者宜注意用藥) ─────────────────────────────────────────
  'record.exception-code': {
    'zh-TW': '例外代碼 {code}{meaningZh}：{drugs:day}{moreZh}；有此代碼的同成分紀錄不列重複用藥提示，請核對',
    en: 'Exception code {code}{meaningEn}: {drugs:day}{moreEn}; the duplicate check stays silent for its ingredient, so check it',
  },
  'elderly.interaction': {
    'zh-TW': '{age} 歲：{aZh} 與 {bZh} 併用（{drugs:day}）：{riskZh}，高齡者宜避免（Beers 2019 藥物交互作用）',
    en: 'Age {age}: {aEn} with {bEn} ({drugs:day}): {riskEn}; avoid in older adults (Beers 2019 drug interactions)',
  },
  'elderly.cns-active': {
    'zh-TW': '{age} 歲：同時使用 {count} 種中樞神經作用藥（{drugs:day}）：跌倒與骨折風險增加，高齡者宜避免 3 種以上併用（Beers 2019）',
    en: 'Age {age}: {count} CNS-active drugs in use together ({drugs:day}): a higher risk of falls and fractures; avoid three or more in older adults (Beers 2019)',
  },
  'elderly.avoid': {
    'zh-TW': '{age} 歲：{drugNames}（{categoryZh}）高齡者宜避免使用{conditionZh}',
    en: 'Age {age}: {drugNames} ({categoryEn}) should be avoided in older adults{conditionEn}',
  },
  'elderly.caution': {
    'zh-TW': '{age} 歲：{drugNames}（{categoryZh}）高齡者宜注意{conditionZh}',
    en: 'Age {age}: use {drugNames} ({categoryEn}) with caution in older adults{conditionEn}',
  },
  'elderly.cloud-mark': {
    'zh-TW': '{drugNames}：雲端標示為高齡者宜注意用藥品項',
    en: '{drugNames}: marked by MediCloud as a caution medication for patients over 65',
  },
  // ── duplicates and care list ─────────────────────────────────────────────────
  // Duplicates (重複用藥, research §5(c)). {drugs:day} = 'NAME (institution date)' per record.
  // L1/L2 count the days on hand on the day the newest was dispensed ({newestDate:day}); L3–L5 from today.
  // L1/L2's days are the group's carried total (early refills add up), which the two records
  // listed need not show on their own, so the text says 累計 / accumulated.
  'duplicate.L1': {
    'zh-TW': '同院所同藥品重複：{drugs:day}；{newestDate:day} 領新藥時累計尚餘 {overlapDays} 天（超過 {threshold} 天）{doseHintZh}',
    en: 'Same drug again from the same institution: {drugs:day}; accumulated leftover when the new supply was dispensed on {newestDate:day}: {overlapDays} days (more than {threshold}){doseHintEn}',
  },
  'duplicate.L1.cross': {
    'zh-TW': '跨院所同藥品重複：{drugs:day}；{newestDate:day} 領新藥時累計尚餘 {overlapDays} 天（超過 {threshold} 天）',
    en: 'Same drug from different institutions: {drugs:day}; accumulated leftover when the new supply was dispensed on {newestDate:day}: {overlapDays} days (more than {threshold})',
  },
  'duplicate.L2': {
    'zh-TW': '同院所同成分同劑型重複（{ingredients}）：{drugs:day}；{newestDate:day} 領新藥時累計尚餘 {overlapDays} 天（超過 {threshold} 天）{doseHintZh}',
    en: 'Same ingredient and dosage form again from the same institution ({ingredients}): {drugs:day}; accumulated leftover when the new supply was dispensed on {newestDate:day}: {overlapDays} days (more than {threshold}){doseHintEn}',
  },
  'duplicate.L2.cross': {
    'zh-TW': '跨院所同成分同劑型重複（{ingredients}）：{drugs:day}；{newestDate:day} 領新藥時累計尚餘 {overlapDays} 天（超過 {threshold} 天）',
    en: 'Same ingredient and dosage form from different institutions ({ingredients}): {drugs:day}; accumulated leftover when the new supply was dispensed on {newestDate:day}: {overlapDays} days (more than {threshold})',
  },
  // A PRN, as-ordered or non-daily supply (eye drops) has no daily regimen to carry: its days
  // are the days supplied (NHI counts 給藥日數), which the records table shows as 無法試算.
  'duplicate.L1.supplied': {
    'zh-TW': '同院所同藥品重複：{drugs:day}；{newestDate:day} 領新藥時依給藥日數尚餘 {overlapDays} 天（超過 {threshold} 天）{doseHintZh}',
    en: 'Same drug again from the same institution: {drugs:day}; by the days supplied, {overlapDays} days were left when the new supply was dispensed on {newestDate:day} (more than {threshold}){doseHintEn}',
  },
  'duplicate.L1.cross.supplied': {
    'zh-TW': '跨院所同藥品重複：{drugs:day}；{newestDate:day} 領新藥時依給藥日數尚餘 {overlapDays} 天（超過 {threshold} 天）',
    en: 'Same drug from different institutions: {drugs:day}; by the days supplied, {overlapDays} days were left when the new supply was dispensed on {newestDate:day} (more than {threshold})',
  },
  'duplicate.L2.supplied': {
    'zh-TW': '同院所同成分同劑型重複（{ingredients}）：{drugs:day}；{newestDate:day} 領新藥時依給藥日數尚餘 {overlapDays} 天（超過 {threshold} 天）{doseHintZh}',
    en: 'Same ingredient and dosage form again from the same institution ({ingredients}): {drugs:day}; by the days supplied, {overlapDays} days were left when the new supply was dispensed on {newestDate:day} (more than {threshold}){doseHintEn}',
  },
  'duplicate.L2.cross.supplied': {
    'zh-TW': '跨院所同成分同劑型重複（{ingredients}）：{drugs:day}；{newestDate:day} 領新藥時依給藥日數尚餘 {overlapDays} 天（超過 {threshold} 天）',
    en: 'Same ingredient and dosage form from different institutions ({ingredients}): {drugs:day}; by the days supplied, {overlapDays} days were left when the new supply was dispensed on {newestDate:day} (more than {threshold})',
  },
  'duplicate.L3': {
    'zh-TW': '同成分不同劑型（{ingredients}）：{drugs:day}；同時使用約 {overlapDays} 天',
    en: 'Same ingredient in different dosage forms ({ingredients}): {drugs:day}; both in use for about {overlapDays} more days',
  },
  'duplicate.L4': {
    'zh-TW': '同藥理類別重複 {classCode}（{ingredients}）：{drugs:day}；各尚餘超過 {threshold} 天，今日起重疊 {overlapDays} 天',
    en: 'Two drugs of one class {classCode} ({ingredients}): {drugs:day}; each has more than {threshold} days left, overlapping {overlapDays} days from today',
  },
  'duplicate.L5': {
    'zh-TW': '治療等效重複 {classNameZh}（{ingredients}）：{drugs:day}；各尚餘超過 {threshold} 天，今日起重疊 {overlapDays} 天',
    en: 'Therapeutic duplication, {classNameEn} ({ingredients}): {drugs:day}; each has more than {threshold} days left, overlapping {overlapDays} days from today',
  },
  'duplicate.L4.in-use': {
    'zh-TW': '同藥理類別重複 {classCode}（{ingredients}）：{drugs:day}；目前同時在用，今日起重疊 {overlapDays} 天',
    en: 'Two drugs of one class {classCode} ({ingredients}): {drugs:day}; both in use now, overlapping {overlapDays} days from today',
  },
  'duplicate.L5.in-use': {
    'zh-TW': '治療等效重複 {classNameZh}（{ingredients}）：{drugs:day}；目前同時在用，今日起重疊 {overlapDays} 天',
    en: 'Therapeutic duplication, {classNameEn} ({ingredients}): {drugs:day}; both in use now, overlapping {overlapDays} days from today',
  },
  // Controlled-drug care list (特定管制用藥關懷名單, research §5(e)): the last {days} days, {from} to {to}.
  'careList.overReference': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg（{totalDdd} DDD），超過 WHO 每半年約當 {referenceMg} mg{cloudZh}{caveatZh}',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg ({totalDdd} DDD) over the last {days} days ({from:day} to {to:day}), more than half a year at the WHO DDD ({referenceMg} mg){cloudEn}{caveatEn}',
  },
  'careList.withinReference': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg（{totalDdd} DDD）；WHO 每半年約當 {referenceMg} mg{cloudZh}{caveatZh}',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg ({totalDdd} DDD) over the last {days} days ({from:day} to {to:day}); half a year at the WHO DDD is {referenceMg} mg{cloudEn}{caveatEn}',
  },
  'careList.noDdd': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg；WHO 未訂 DDD',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg over the last {days} days ({from:day} to {to:day}); WHO has set no DDD',
  },
  'careList.cloudDdd.over': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg（雲端 {totalDdd} DDD），超過每半年約當 182.5 DDD；本機 DDD 表未收載',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg (the cloud says {totalDdd} DDD) over the last {days} days ({from:day} to {to:day}), more than half a year at 1 DDD a day (182.5 DDD); not in our DDD table',
  },
  'careList.cloudDdd': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg（雲端 {totalDdd} DDD）；本機 DDD 表未收載，無半年參考量',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg (the cloud says {totalDdd} DDD) over the last {days} days ({from:day} to {to:day}); not in our DDD table, no half-year reference',
  },
  'careList.classTotal.over': {
    'zh-TW': '管制藥關懷名單：安眠鎮靜與抗焦慮藥合計（{ingredients}）近 {days} 日（{from:day} 至 {to:day}）共 {totalDdd} DDD，超過每半年約當 182.5 DDD（每日 1 DDD）',
    en: 'Controlled-drug care list: hypnotics and anxiolytics together ({ingredients}) total {totalDdd} DDD over the last {days} days ({from:day} to {to:day}), more than half a year at 1 DDD a day (182.5 DDD)',
  },
  'careList.classTotal': {
    'zh-TW': '管制藥關懷名單：安眠鎮靜與抗焦慮藥合計（{ingredients}）近 {days} 日（{from:day} 至 {to:day}）共 {totalDdd} DDD；每半年約當 182.5 DDD（每日 1 DDD）',
    en: 'Controlled-drug care list: hypnotics and anxiolytics together ({ingredients}) total {totalDdd} DDD over the last {days} days ({from:day} to {to:day}); half a year at 1 DDD a day is 182.5 DDD',
  },
  'careList.unknownDdd': {
    'zh-TW': '管制藥關懷名單：{ingredient} 近 {days} 日（{from:day} 至 {to:day}）共 {totalMg} mg；本機 DDD 表未收載',
    en: 'Controlled-drug care list: {ingredient} totals {totalMg} mg over the last {days} days ({from:day} to {to:day}); not in our DDD table',
  },
  // NHI's own 摘要 notes (imue2000s01). {text} is the cloud's note as plain text.
  'summary.ckd': {
    'zh-TW': '最近一筆 eGFR {egfr}（{date:day}）：腎功能不佳，請注意用藥劑量',
    en: 'Latest eGFR {egfr} ({date:day}): impaired kidney function, check the doses',
  },
  'summary.ckd.no-date': {
    'zh-TW': '最近一筆 eGFR {egfr}：腎功能不佳，請注意用藥劑量',
    en: 'Latest eGFR {egfr}: impaired kidney function, check the doses',
  },
  'summary.ckd.text': {
    'zh-TW': '腎功能不佳，請注意用藥劑量（雲端摘要：{text}）',
    en: 'Impaired kidney function, check the doses (MediCloud summary: {text})',
  },
  'summary.transplant-abroad': {
    'zh-TW': '雲端摘要（境外器官移植）：{text}',
    en: 'MediCloud summary (organ transplant abroad): {text}',
  },
  'summary.home-care': {
    'zh-TW': '雲端摘要（居家醫療照護）：{text}',
    en: 'MediCloud summary (home care): {text}',
  },
  'summary.dental-implant': {
    'zh-TW': '雲端摘要（牙科影像／植入物）：{text}',
    en: 'MediCloud summary (dental images / implants): {text}',
  },
  'summary.other': {
    'zh-TW': '雲端摘要：{text}',
    en: 'MediCloud summary: {text}',
  },
} satisfies Record<string, Bilingual>;

export type AlertMessageKey = keyof typeof alertMessages;
