// The readable report of `yaoli analyze`, rendered in-process from the shipped examples (dates
// as in docs/analyze-json.md), some edited to make the case at hand.
import test from 'ava';
import { readFileSync } from 'node:fs';
import type { Lang } from '../../src/i18n/index.ts';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import { mapBundle } from '../../src/core/medicloud/index.ts';
import { carriedParts, renderReport } from '../../src/commands/analyze/report.ts';
import { summaryLines } from '../../src/ui/tabs/summary-lines.ts';
import { analysisJson } from '../../src/commands/analyze/json.ts';
import { BEERS_2019_EXAMPLES } from '../../src/core/domain/elderly-rules.ts';
import { BEERS_2019_INTERACTIONS } from '../../src/core/domain/elderly-interactions.ts';
import { DDD_TABLE_VERSION } from '../../src/core/domain/ddd.ts';
import { displayWidth } from '../../src/text/table.ts';
import { assertLinedUp, tablesIn } from '../text/lined-up.ts';

const examples = new URL('../../examples/', import.meta.url);

function reportOf(example: string, today: string, lang: Lang = 'zh-TW', edit: (bundle: any) => void = () => {}, width?: number): string {
  const bundle = JSON.parse(readFileSync(new URL(`${example}.json`, examples), 'utf8'));
  edit(bundle);
  const history = mapBundle(bundle);
  return renderReport(analyzeHistory(history, today), lang, history.cloudLeftover, { width, carried: carriedParts(bundle) });
}

function jsonOf(example: string, today: string): string {
  const bundle = JSON.parse(readFileSync(new URL(`${example}.json`, examples), 'utf8'));
  const history = mapBundle(bundle);
  return JSON.stringify(analysisJson(analyzeHistory(history, today), 'zh-TW', history.cloudLeftover));
}

/** The shipped examples and their query days (docs/analyze-json.md). */
const EXAMPLES: [string, string][] = [
  ['chronic-refill-elderly', '2025-11-03'],
  ['hypnotic-care-list', '2025-10-20'],
  ['combination-duplicate', '2025-11-10'],
  ['empty-history', '2025-11-03'],
];

const count = (text: string, part: string) => text.split(part).length - 1;

const penicillin = {
  upload_flag: 'Y', occur_date: '2019-04-02T00:00:00', data_type: '雲端系統登錄', data_source: '病人自述', drug_name: ';;;PENICILLIN',
  allerg_severity_level: '2-中度', sympton_name: '皮疹;搔癢', upload_d: '108/04/02', hosp: '示範醫學中心;9900000001', genetic_test: null,
};

/** The zolpidem patient with no medication records in the 3-month window: only the 6-month care list and an allergy remain. */
function noMedications(bundle: any): void {
  bundle.medications.robject = [];
  bundle.allergy.robject = [penicillin];
}

test('no medication records: 查無資料 once, as the info alert --json lists, the care list and allergies still shown', (t) => {
  const zh = reportOf('hypnotic-care-list', '2025-10-20', 'zh-TW', noMedications);
  t.is(count(zh, '查無資料'), 1);
  t.regex(zh, /■ 提醒\n(?:\[.*\n)*\[資訊\] 查無資料：雲端無此病人的西醫用藥與慢箋紀錄\n/);
  t.regex(zh, /■ 西醫用藥紀錄\n（無）\n/);
  t.regex(zh, /■ 特定管制用藥（關懷名單）/);
  t.is(zh.match(/^ZOLPIDEM.*$/gm)?.length, 6, 'six months of zolpidem');
  t.regex(zh, /■ 過敏紀錄[^■]*PENICILLIN/);
  const en = reportOf('hypnotic-care-list', '2025-10-20', 'en', noMedications);
  t.is(count(en, 'No data'), 1);
  t.regex(en, /^\[info\] No data: MediCloud has no medication or chronic-refill records for this patient$/m);
  t.regex(en, /■ Controlled drugs \(care list\)/);
  t.regex(en, /■ Allergies[^■]*PENICILLIN/);
});

test('the empty example lists the one alert --json has, and never says there are none', (t) => {
  const zh = reportOf('empty-history', '2025-11-03');
  t.regex(zh, /■ 提醒\n\[資訊\] 查無資料：雲端無此病人的西醫用藥與慢箋紀錄\n\n/);
  t.false(/■ 提醒\n（無）/.test(zh));
});

test('an endpoint the bundle carried says （無） when it answered nothing; one it did not carry is left out', (t) => {
  // empty-history carries chronic and allergy (both empty), not careList.
  const zh = reportOf('empty-history', '2025-11-03');
  t.regex(zh, /■ 慢性病連續處方箋\n（無）\n/);
  t.regex(zh, /■ 過敏紀錄\n（無）\n/);
  t.regex(zh, /■ 重複用藥[^\n]*\n（無）\n/, 'worked out from the records: none found');
  t.false(zh.includes('■ 特定管制用藥'));
  // combination-duplicate carries medications alone.
  const en = reportOf('combination-duplicate', '2025-11-10', 'en');
  t.false(en.includes('■ Allergies'));
  t.false(en.includes('■ Chronic'));
  t.regex(en, /■ Duplicate medication[^\n]*\nLevel [^\n]*\n[─ ]+\nL2 /);
  // A slip the cloud lists without its number of fills is not in the table, and its alert says why: no （無） beside it.
  const unlisted = reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', (bundle) => {
    bundle.chronic = { chrDataN: bundle.chronic.chrDataN.filter((row: any) => row.sort_code === '1').map((row: any) => ({ ...row, chr_num: null, chr_days: null })) };
  });
  t.regex(unlisted, /雲端未提供可調劑次數/);
  t.false(/■ 慢性病連續處方箋\n（無）/.test(unlisted));
});

test('every table of every example fits an 80- and a 60-column terminal in both languages, rows lined up, no date cut', (t) => {
  for (const [example, today] of EXAMPLES) {
    for (const lang of ['zh-TW', 'en'] as const) {
      for (const width of [80, 60]) {
        const report = reportOf(example, today, lang, undefined, width);
        for (const table of tablesIn(report)) {
          for (const line of table) t.true(displayWidth(line) <= width, `${example} ${lang} ${width}: ${line}`);
          assertLinedUp(t, table);
        }
        t.false(/\d{3}\/[\d/]{0,4}…/.test(report), `${example} ${lang} ${width}: a cut ROC date`);
        t.false(/\d{4}-[\d-]{0,5}…/.test(report), `${example} ${lang} ${width}: a cut ISO date`);
      }
    }
  }
});

test('with a width every line fits, not only the tables: alerts, headings and the patient line wrap, alerts hanging under their [severity]', (t) => {
  for (const [example, today] of [...EXAMPLES, ['chronic-refill-elderly', '2025-09-20'] as const]) {
    for (const lang of ['zh-TW', 'en'] as const) {
      for (const width of [80, 60]) {
        const report = reportOf(example, today, lang, undefined, width);
        for (const line of report.split('\n')) t.true(displayWidth(line) <= width, `${example} ${lang} ${width}: ${line}`);
      }
    }
  }
  // English breaks at spaces only: the wrapped lines, joined by a space, are the alert as a pipe prints it.
  const whole = reportOf('chronic-refill-elderly', '2025-11-03', 'en').split('\n').find((line) => line.startsWith('[warning] Chronic refill'));
  const en = reportOf('chronic-refill-elderly', '2025-11-03', 'en', undefined, 60).split('\n');
  const at = en.findIndex((line) => line.startsWith('[warning] Chronic refill'));
  const end = en.findIndex((line, i) => i > at && !line.startsWith('          '));
  t.true(end - at >= 3, 'wrapped');
  t.true(en.slice(at + 1, end).every((line) => /^ {10}\S/.test(line)), 'hanging under the text after [warning]');
  t.is(en.slice(at, end).map((line) => line.trim()).join(' '), whole ?? 'the alert, unwrapped');
});

test('without a width (output into a file or a pipe) no name is cut', (t) => {
  const report = reportOf('chronic-refill-elderly', '2025-11-03');
  t.false(report.includes('…'));
  t.regex(report, /ADALAT OROS EXTENDED RELEASE TABLETS 30MG \(NIFEDIPINE\) +NIFEDIPINE/);
  // Nor is an alert wrapped: one line each, for grep.
  t.regex(report, /^\[注意\] 慢箋 NORVASC TABLETS 5MG \(AMLODIPINE\)：第 3\/3 次最早 114\/11\/07 可領.*提前領藥視為重複用藥$/m);
});

test('the 用法 code is never cut: Q12HPRN stays whole at 60 columns, or PRN would be hidden', (t) => {
  const asNeeded = (bundle: any) => {
    bundle.medications.robject[0].drug_fre = 'Q12HPRN';
  };
  for (const lang of ['zh-TW', 'en'] as const) {
    const report = reportOf('chronic-refill-elderly', '2025-11-03', lang, asNeeded, 60);
    t.regex(report, / Q12HPRN /, lang);
    for (const table of tablesIn(report)) for (const line of table) t.true(displayWidth(line) <= 60, line);
  }
});

test('a duplicate pair is named by its ingredients before the product names, whole at 60 and 80 columns', (t) => {
  for (const width of [60, 80, undefined]) {
    t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', undefined, width), /^L4 +注意 +AMLODIPINE \/ NIFEDIPINE +NOR/m, `width ${width}`);
    t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'en', undefined, width), /^L4 +warning +AMLODIPINE \/ NIFEDIPINE +NOR/m, `width ${width}`);
  }
  t.regex(reportOf('hypnotic-care-list', '2025-10-20', 'en', undefined, 80), /^L2 +critical +ZOLPIDEM +/m);
});

test('the duplicates table says what its days are: on hand at the new dispensing for L1/L2, together from today for L3–L5', (t) => {
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03'), /■ 重複用藥（天數：L1\/L2 為領新藥時累計尚餘，L3–L5 為今日起重疊）\n/);
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'en'), /■ Duplicate medication \(days: L1\/L2 left when the new supply was dispensed, L3–L5 together from today\)\n/);
});

test('a cloud leftover row for an ingredient no record shows is listed in its own table, and in --json', (t) => {
  const rosuvastatin = (bundle: any) => {
    const [row] = bundle.medDays.robject;
    bundle.medDays.robject.push({ ...row, ingredient: 'ROSUVASTATIN , 一般錠劑膠囊劑', drug_group_code: 'C10ROS11111', edate: '2025/11/23', pres_med_day: '21' });
  };
  const zh = reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', rosuvastatin);
  t.regex(zh, /■ 雲端餘藥日數（上表無對應用藥紀錄）\n.*\n.*\nROSUVASTATIN +一般錠劑膠囊劑 +114\/10\/20 +114\/11\/23 +21\n/);
  // AMLODIPINE's row stays beside its group only.
  t.false(/■ 雲端餘藥日數[^■]*AMLODIPINE/.test(zh));
  t.false(reportOf('chronic-refill-elderly', '2025-11-03').includes('■ 雲端餘藥日數'));
});

test('an allergy is listed with the day the reaction occurred and its severity in words', (t) => {
  const zh = reportOf('chronic-refill-elderly', '2025-11-03');
  t.regex(zh, /■ 過敏紀錄\n發生日 +藥品名稱 +症狀 +嚴重度\n/);
  t.regex(zh, /^108\/04\/02 +PENICILLIN +皮疹、搔癢 +中度$/m);
  const en = reportOf('chronic-refill-elderly', '2025-11-03', 'en');
  t.regex(en, /■ Allergies\nOccurred +Drug +Symptoms +Severity\n/);
  // The symptoms are the cloud's words; the list between them is the language's.
  t.regex(en, /^2019-04-02 +PENICILLIN +皮疹, 搔癢 +moderate$/m);
});

test('allergy severities read as NHI writes them: 重度, 中度, 輕度 (not 嚴重, the critical alerts\' word)', (t) => {
  const levels = (bundle: any) => {
    const [row] = bundle.allergy.robject;
    bundle.allergy.robject = [
      { ...row, drug_name: ';;;PENICILLIN', allerg_severity_level: '1-重度' },
      { ...row, drug_name: ';;;ASPIRIN', allerg_severity_level: '3-輕度' },
    ];
  };
  const zh = reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', levels);
  t.regex(zh, /^108\/04\/02 +PENICILLIN +皮疹、搔癢 +重度$/m);
  t.regex(zh, /^108\/04\/02 +ASPIRIN +皮疹、搔癢 +輕度$/m);
});

test('a negative HLA-B 1502 test is an info line and shows its result in the allergy table, not in the allergy warning', (t) => {
  const hla = { ...penicillin, drug_name: ';;HLA-B 1502 基因檢測', genetic_test: '0-Negative', allerg_severity_level: '9-其他', sympton_name: null, occur_date: '2020-01-01T00:00:00' };
  const withTest = (bundle: any) => bundle.allergy.robject.push(hla);
  const zh = reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', withTest);
  t.regex(zh, /^\[注意\] 過敏紀錄：PENICILLIN$/m);
  t.regex(zh, /^\[資訊\] 基因檢測陰性：HLA-B 1502 基因檢測$/m);
  t.regex(zh, /^109\/01\/01 +HLA-B 1502 基因檢測 +基因檢測陰性 +其他$/m);
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'en', withTest), /^2020-01-01 +HLA-B 1502 基因檢測 +negative test +other$/m);
});

test('valid chronic prescriptions are listed apart from expired and completed ones, each with its prescriber and validity end', (t) => {
  const zh = reportOf('chronic-refill-elderly', '2025-11-03');
  t.regex(zh, /□ 有效處方\n開立日 +藥品名稱 +院所 +已領 +下次可領 +效期至 +狀態\n─.*\n114\/09\/26 +NORVASC TABLETS 5MG \(AMLODIPINE\) +示範醫學中心 +2\/3 +114\/11\/07 +114\/12\/18 +未到\n\n/);
  t.regex(zh, /□ 逾期或已領完\n開立日 +藥品名稱 +院所 +已領 +效期至 +狀態\n─.*\n114\/06\/02 +GLUCOPHAGE TABLETS 500MG \(METFORMIN\) +示範醫學中心 +3\/3 +114\/08\/24 +已領完\n/);
  const en = reportOf('chronic-refill-elderly', '2025-11-03', 'en');
  t.regex(en, /□ Valid\nPrescribed +Drug +Institution +Filled +Next fill +Valid to +Status\n/);
  t.regex(en, /□ Expired or completed\nPrescribed +Drug +Institution +Filled +Valid to +Status\n/);
});

test('once the amlodipine prescription has expired there is no valid list, and both sit under 逾期或已領完', (t) => {
  const zh = reportOf('chronic-refill-elderly', '2026-01-10');
  t.false(zh.includes('有效處方'));
  t.regex(zh, /□ 逾期或已領完\n.*\n─.*\n114\/09\/26 +NORVASC.* +2\/3 +114\/12\/18 +逾期\n114\/06\/02 +GLUCOPHAGE.* +已領完\n/);
});

test('care-list mg and DDD are printed with at most one decimal, as the alert says them (brotizolam: 45.6 mg a half-year)', (t) => {
  const zh = reportOf('hypnotic-care-list', '2025-10-20', 'zh-TW', (bundle) => {
    const zolpidem = bundle.careList.robject[0];
    bundle.careList.robject.push({ ...zolpidem, treat_d: '114/10/01', drug_rel_code_ename: 'BROTIZOLAM', drug_ing_code: '2824801900', drug_qty: 14.125, drug_ddd_qty: 56.5, memo: null });
  });
  t.regex(zh, /^BROTIZOLAM +114\/10 +1 +1 +14\.1 +56\.5 +45\.6$/m);
  t.regex(zh, /^ZOLPIDEM \(TARTRATE\+HEMITARTRATE\) +114\/09 +1 +1 +420 +42 +1825$/m, 'whole numbers stay whole');
  t.regex(zh, /BROTIZOLAM[^\n]*45\.6 mg/, 'the alert says the same');
});

test('every report ends with what the cloud cannot show, in the kiosk 摘要 words: self-paid drugs, the upload lag; then the rule tables\' versions', (t) => {
  for (const [example, today] of EXAMPLES) {
    const zh = reportOf(example, today);
    t.true(zh.endsWith(
      '\n\n■ 資料說明\n自費藥品不在雲端資料中\n院所上傳約有 24–48 小時延遲，最近就醫可能尚未出現\n' +
      `規則版本：高齡用藥 ${BEERS_2019_EXAMPLES.version}、交互作用 ${BEERS_2019_INTERACTIONS.version}、DDD ${DDD_TABLE_VERSION}`,
    ), example);
    t.false(zh.includes('主診斷'), `${example}: the report shows no diagnosis, so no diagnosis caveat`);
    const en = reportOf(example, today, 'en');
    t.true(en.endsWith(
      '\n\n■ About these data\nSelf-paid drugs are not in MediCloud\nInstitutions upload with a 24–48 h lag; the latest visits may be missing\n' +
      `Rule versions: elderly ${BEERS_2019_EXAMPLES.version}, interactions ${BEERS_2019_INTERACTIONS.version}, DDD ${DDD_TABLE_VERSION}`,
    ), example);
    t.like(JSON.parse(jsonOf(example, today)).ruleVersions, {
      elderly: { id: 'beers-2019-examples', version: BEERS_2019_EXAMPLES.version },
      interactions: { id: 'beers-2019-interactions', version: BEERS_2019_INTERACTIONS.version },
      ddd: DDD_TABLE_VERSION,
    });
  }
  const kiosk = summaryLines(analyzeHistory(mapBundle({}), '2025-11-03'), 'zh-TW').map((line) => line.text.trim());
  for (const line of reportOf('empty-history', '2025-11-03').split('\n').slice(-4, -1)) t.true(kiosk.includes(line.replace(/^■ /, '')), line);
});

test('at 80 columns the drug name gives way before the institution: both institutions of the L4 and each record\'s are whole', (t) => {
  const report = reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', undefined, 80);
  t.regex(report, /^L4 +注意 +AMLODIPINE \/ NIFEDIPINE +NORVASC[A-Z ]*… +示範醫學中心、示範內科診所 +18$/m);
  t.regex(report, /^114\/10\/28 +示範內科診所 +ADALAT ORO…/m);
});

test('at 60 columns the English care-list table keeps the ingredient readable: its headers are short (Sites, 6-mo ref mg)', (t) => {
  const en = reportOf('hypnotic-care-list', '2025-10-20', 'en', () => {}, 60);
  t.regex(en, /^Ingredient +Month +Visits +Sites +Total mg +DDDs +6-mo ref mg$/m);
  t.regex(en, /^ZOLPIDEM \(TA… +2025-10 +2 +2 +700 +70 +1825$/m);
});

test('an inpatient row shows its stay\'s last day in the 慢箋領藥日 column, marked, as NHI\'s 慢連箋領藥日(住院用藥迄日) does', (t) => {
  const inpatient = (bundle: any) => {
    bundle.medications.robject.push({
      ...bundle.medications.robject[0], r: 99, hosp: '示範醫學中心;住診;9900000001', drug_code: 'BC99000900', drug_ename: 'AUGMENTIN TABLETS 625MG',
      drug_ing_name: 'AMOXICILLIN；CLAVULANIC ACID', drug_atc7_code: 'J01CR02', drug_date: '2025/08/10', cure_e_date: '2025-08-16T00:00:00', drug_fre: 'TID', qty: 15, day: 5,
    });
  };
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', inpatient), /^114\/08\/10 +住院迄 114\/08\/16 +示範醫學中心 +AUGMENTIN/m);
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'en', inpatient), /^2025-08-10 +ward to 2025-08-16 +示範醫學中心 +AUGMENTIN/m);
  // A pickup's day is shown as it was.
  t.regex(reportOf('chronic-refill-elderly', '2025-11-03', 'zh-TW', inpatient), /^114\/09\/26 +114\/10\/20 +示範社區藥局/m);
});
