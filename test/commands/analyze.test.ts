// `yaoli analyze` run as a pharmacist would: the real CLI in a child process on the shipped
// examples (dates pinned with --today, see docs/analyze-json.md), and on broken inputs.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { displayWidth } from '../../src/text/table.ts';
import { tablesIn } from '../text/lined-up.ts';

const run = promisify(execFile);
// Each case starts node + tsx (seconds on a busy 2-core machine); allow for that.
const SLOW_MS = 180_000;
const root = new URL('../../', import.meta.url).pathname;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function yaoli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'analyze', ...args], { cwd: root, env: { ...process.env, TZ: 'UTC' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function analyzeJson(example: string, today: string): Promise<any> {
  const outcome = await yaoli('--input', `examples/${example}.json`, '--today', today, '--json');
  if (outcome.code !== 0) throw new Error(`exit ${outcome.code}: ${outcome.stderr}`);
  return JSON.parse(outcome.stdout);
}

const scratch = mkdtempSync(join(tmpdir(), 'yaoli-analyze-'));
function scratchFile(name: string, text: string | Uint8Array): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** A shipped example, changed by `edit`, written to a scratch file. */
let edits = 0;
function editedExample(example: string, edit: (bundle: any) => void): string {
  const bundle = JSON.parse(readFileSync(join(root, 'examples', `${example}.json`), 'utf8'));
  edit(bundle);
  edits += 1;
  return scratchFile(`${example}-edit-${edits}.json`, JSON.stringify(bundle));
}

test('78-year-old on chronic refills: 3rd amlodipine fill is too early, L4 amlodipine + nifedipine across institutions, glimepiride caution', async (t) => {
  t.timeout(SLOW_MS);
  const out = await analyzeJson('chronic-refill-elderly', '2025-11-03');
  t.like(out.patient, { maskedId: 'A10****000', age: 78 });
  t.like(out.refills[0], { drugCode: 'BC99000100', fill: 2, fills: 3, status: 'too-early', nextFrom: '2025-11-07', nextUntil: '2025-12-18' });
  t.like(out.refills[1], { drugCode: 'AC99000600', status: 'completed', nextFrom: null });
  const l4 = out.duplicates.find((d: any) => d.level === 'L4');
  // Amlodipine's carried supply (18 days, to 114/11/20; the newest fill alone 14) with nifedipine's 22.
  t.like(l4, { severity: 'warning', crossInstitution: true, overlapDays: 18 });
  t.deepEqual([...l4.drugCodes].sort(), ['BC99000100', 'BC99000300']);
  // The amlodipine refill was dispensed by 示範社區藥局 for 示範醫學中心's prescription: the alert names the prescriber, and where it was collected.
  t.deepEqual(l4.institutions, ['示範醫學中心', '示範內科診所']);
  t.regex(out.alerts.find((a: any) => a.key === 'duplicate.L4').message, /NORVASC TABLETS 5MG \(AMLODIPINE\) \(示範醫學中心→示範社區藥局 114\/10\/20\)/);
  const pickup = out.records.find((r: any) => r.drugCode === 'BC99000100' && r.refillDate !== null);
  t.like(pickup, { startDate: '2025-10-20', daysSupply: 28, leftoverDays: 14 });
  t.like(out.groups.find((g: any) => g.ingredient === 'AMLODIPINE'), { leftoverDays: 18, noCarryLeftoverDays: 14, supplyEnd: '2025-11-20', cloudLeftoverDays: 18 });
  t.is(out.groups.find((g: any) => g.ingredient === 'GLIMEPIRIDE').cloudLeftoverDays, null);
  t.deepEqual(out.cloudLeftoverWithoutGroup, [], 'the one cloud row is AMLODIPINE\'s, beside its group');
  t.is(out.records.find((r: any) => r.drugCode === 'BC99000500').leftoverDays, null, 'eye drops: 無法試算');
  // 28 tablets or 56 tell apart: the quantity and the per-dose (null where the kiosk shows 總量X).
  t.like(pickup, { quantity: 28, perDose: 1 });
  t.like(out.records.find((r: any) => r.drugCode === 'BC99000500'), { quantity: 1, perDose: null });
  const keys = out.alerts.map((a: any) => a.key);
  for (const key of ['duplicate.L4', 'refill.too-early', 'elderly.avoid', 'allergy.on-record', 'patient.over-75']) t.true(keys.includes(key), key);
  t.is(out.allergies.length, 1, 'the NP row is noise');
  t.deepEqual(out.summary, [
    { kind: 'ckd', text: '此病人腎功能不佳，最近一筆eGFR值為[34]，採檢日期為[114/09/15]，開立藥品時請注意劑量調整。', egfr: 34, egfrDate: '2025-09-15', icon: 'summary-icon-3.png' },
  ]);
  t.like(out.alerts.find((a: any) => a.key === 'summary.ckd'), { severity: 'warning' });
});

test('zolpidem from two clinics is a critical L2; the care list matches the reference (420 mg = 42 DDD, 1825 mg per half year)', async (t) => {
  t.timeout(SLOW_MS);
  const out = await analyzeJson('hypnotic-care-list', '2025-10-20');
  t.like(out.duplicates[0], { level: 'L2', severity: 'critical', crossInstitution: true });
  t.deepEqual([...out.duplicates[0].institutions].sort(), ['示範家醫科診所', '示範身心科診所']);
  t.is(out.alerts[0].severity, 'critical');
  t.is(out.alerts[0].key.startsWith('duplicate.L2'), true);
  t.regex(out.alerts[0].message, /ZOLPIDEM/);
  t.regex(out.alerts[0].message, /示範家醫科診所/);
  const september = out.careList.find((m: any) => m.month === '2025-09');
  t.like(september, { visits: 1, institutions: 1, totalMg: 420, totalDdd: 42, dddMg: 10, halfYearReferenceMg: 1825, noDdd: false });
  t.like(out.careList.find((m: any) => m.month === '2025-10'), { visits: 2, institutions: 2, totalMg: 700, totalDdd: 70 });
  t.is(out.careList.length, 6);
});

test('valsartan + Exforge (valsartan/amlodipine) is an L2 same-ingredient duplicate found by splitting the combination', async (t) => {
  t.timeout(SLOW_MS);
  const out = await analyzeJson('combination-duplicate', '2025-11-10');
  const l2 = out.duplicates.find((d: any) => d.level === 'L2');
  t.like(l2, { severity: 'warning', crossInstitution: true, overlapDays: 20 });
  t.deepEqual([...l2.drugCodes].sort(), ['BC99002100', 'BC99002200']);
  t.like(out.groups.find((g: any) => g.ingredient === 'VALSARTAN'), { leftoverDays: 43, noCarryLeftoverDays: 23 });
  t.is(out.records.find((r: any) => r.drugCode === 'BC99002200').ingredient, 'AMLODIPINE + VALSARTAN');
});

test('an empty history says 查無資料 and exits 0', async (t) => {
  t.timeout(SLOW_MS);
  const out = await analyzeJson('empty-history', '2025-11-03');
  t.true(out.empty);
  t.deepEqual(out.alerts.map((a: any) => a.key), ['history.empty']);
  const text = await yaoli('--input', 'examples/empty-history.json', '--today', '2025-11-03');
  t.is(text.code, 0);
  t.is(text.stdout.split('查無資料').length - 1, 1, 'said once: the info alert --json also has, not again in place of a table');
  t.regex(text.stdout, /^\[資訊\] 查無資料：雲端無此病人的西醫用藥與慢箋紀錄$/m);
});

test('the readable report is in the chosen language, dates ROC in zh-TW and ISO in English, a masked national ID and the dosage form named', async (t) => {
  t.timeout(SLOW_MS);
  const zh = await yaoli('--input', 'examples/chronic-refill-elderly.json', '--today', '2025-11-03');
  t.is(zh.code, 0);
  t.regex(zh.stdout, /A10\*\*\*\*000/);
  t.false(zh.stdout.includes('A100000000'));
  t.regex(zh.stdout, /114\/11\/07\s+114\/12\/18\s+未到/);
  t.regex(zh.stdout, /慢箋 NORVASC TABLETS 5MG \(AMLODIPINE\)：第 3\/3 次最早 114\/11\/07 可領/);
  t.regex(zh.stdout, /^AMLODIPINE +口服 +18 /m);
  const en = await yaoli('--input', 'examples/chronic-refill-elderly.json', '--today', '2025-11-03', '--lang', 'en');
  t.regex(en.stdout, /too early/);
  t.regex(en.stdout, /Chronic refill NORVASC TABLETS 5MG \(AMLODIPINE\): fill 3\/3 not before 2025-11-07 \(in 4 days\)/);
  t.regex(en.stdout, /born 1947-05-20 \(age 78\) +query day 2025-11-03/);
  t.regex(en.stdout, /2025-11-07\s+2025-12-18\s+too early/);
  t.regex(en.stdout, /^AMLODIPINE +oral +18 /m);
});

test('--width 70 fits every table into 70 columns; into a pipe without --width the names are whole', async (t) => {
  t.timeout(SLOW_MS);
  const [narrow, piped] = await Promise.all([
    yaoli('--input', 'examples/chronic-refill-elderly.json', '--today', '2025-11-03', '--width', '70'),
    yaoli('--input', 'examples/chronic-refill-elderly.json', '--today', '2025-11-03'),
  ]);
  t.is(narrow.code, 0);
  const lines = tablesIn(narrow.stdout).flat();
  t.true(lines.length > 20);
  for (const line of lines) t.true(displayWidth(line) <= 70, line);
  t.regex(piped.stdout, /ADALAT OROS EXTENDED RELEASE TABLETS 30MG \(NIFEDIPINE\)/);
  t.false(piped.stdout.includes('…'));
});

test('--help lists every bundle key the reader accepts and --width, in zh-TW and English', async (t) => {
  t.timeout(SLOW_MS);
  const help = await yaoli('--help');
  t.is(help.code, 0);
  const [zh = '', en = ''] = help.stdout.split('\n\n');
  for (const usage of [zh, en]) {
    const input = usage.split('\n').find((line) => line.trimStart().startsWith('--input')) ?? '';
    for (const key of ['patient', 'medications', 'chronic', 'medDays', 'careList', 'careListSummary', 'allergy', 'summary']) t.regex(input, new RegExp(`\\b${key}\\b`), key);
    t.regex(usage, /--width N/);
  }
  t.regex(zh, /--width +報表寬度，N ≥ 60：表格截短名稱、提醒換行/);
  t.regex(en, /--width +report width, N ≥ 60: tables cut names, alerts wrap/);
});

test('a file that cannot be read exits 2 naming the file, in zh-TW and English', async (t) => {
  t.timeout(SLOW_MS);
  const out = await yaoli('--input', 'examples/no-such-file.json', '--today', '2025-11-03');
  t.is(out.code, 2);
  t.regex(out.stderr, /無法讀取檔案 examples\/no-such-file\.json（ENOENT）/);
  t.regex(out.stderr, /cannot read file examples\/no-such-file\.json \(ENOENT\)/);
});

test('a bundle saved as Big5 (Notepad\'s ANSI) exits 2 saying it is not UTF-8, in zh-TW and English', async (t) => {
  t.timeout(SLOW_MS);
  // {"patient":{"name":"範例"}} with the name in Big5.
  const big5 = Buffer.concat([Buffer.from('{"patient":{"name":"'), Buffer.from([0xbd, 0x64, 0xa8, 0xd2]), Buffer.from('"}}')]);
  const out = await yaoli('--input', scratchFile('big5.json', big5), '--today', '2025-11-03');
  t.is(out.code, 2);
  t.regex(out.stderr, /big5\.json 不是 UTF-8 文字（可能以 Big5／ANSI 存檔）/);
  t.regex(out.stderr, /big5\.json is not UTF-8 text/);
});

test('truncated JSON exits 2 with the position, without quoting the data', async (t) => {
  t.timeout(SLOW_MS);
  const file = scratchFile('truncated.json', '{\n  "patient": {"id": "A100000000", "name": "範例甲"');
  const out = await yaoli('--input', file, '--today', '2025-11-03');
  t.is(out.code, 2);
  t.regex(out.stderr, /JSON 格式錯誤/);
  t.regex(out.stderr, /invalid JSON .*position \d+ \(line 2, column \d+\)/);
  t.false(out.stderr.includes('A100000000'));
});

test('a shape error exits 2 naming the endpoint, row and field', async (t) => {
  t.timeout(SLOW_MS);
  const bundle = { medications: { log2time: 'x', robject: [{ drug_code: 'AC00000001', drug_ename: 'X TABLETS 1MG', drug_date: '2025/13/40', qty: 1, day: 1, hosp_id: '9900000001' }] } };
  const out = await yaoli('--input', scratchFile('shape.json', JSON.stringify(bundle)), '--today', '2025-11-03');
  t.is(out.code, 2);
  t.regex(out.stderr, /格式不符：imue0008s02 robject\[0\]\.drug_date：不是日期 "2025\/13\/40"/);
  t.regex(out.stderr, /unexpected shape: imue0008s02 robject\[0\]\.drug_date: not a date "2025\/13\/40"/);
});

test('bad arguments exit 2: an impossible --today, no --input, an unknown option, a --width under 60 or not a number', async (t) => {
  t.timeout(SLOW_MS);
  const [today, noInput, unknown, lang, narrow, notANumber] = await Promise.all([
    yaoli('--input', 'examples/empty-history.json', '--today', '2025-02-30'),
    yaoli('--today', '2025-11-03'),
    yaoli('--input', 'examples/empty-history.json', '--colour'),
    yaoli('--input', 'examples/empty-history.json', '--lang', 'fr'),
    yaoli('--input', 'examples/empty-history.json', '--width', '59'),
    yaoli('--input', 'examples/empty-history.json', '--width', '80x'),
  ]);
  t.is(today.code, 2);
  t.regex(today.stderr, /--today 不是有效日期（YYYY-MM-DD，1900–2199 年）：2025-02-30 \/ --today is not a valid date \(YYYY-MM-DD, years 1900–2199\): 2025-02-30/);
  const farOff = await yaoli('--input', 'examples/empty-history.json', '--today', '9999-12-31');
  t.is(farOff.code, 2, 'a year no record can have');
  t.is(noInput.code, 2);
  t.regex(noInput.stderr, /缺少 --input 檔案 \/ missing --input FILE/);
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /參數錯誤：不認得的選項 --colour \/ bad arguments: unknown option --colour/);
  // The usage after it in both languages, as --help prints it.
  t.regex(unknown.stderr, /用法：yaoli analyze --input[\s\S]*usage: yaoli analyze --input/);
  t.is(lang.code, 2);
  t.regex(lang.stderr, /--lang 只能是 zh-TW 或 en：fr/);
  t.is(narrow.code, 2);
  t.regex(narrow.stderr, /--width 須為至少 60 的整數：59 \/ --width must be a whole number of at least 60: 59/);
  t.is(notANumber.code, 2);
  t.regex(notANumber.stderr, /--width must be a whole number of at least 60: 80x/);
});

test('ESC sequences and line breaks in a drug name or the patient name never reach the terminal', async (t) => {
  t.timeout(SLOW_MS);
  const file = editedExample('chronic-refill-elderly', (bundle) => {
    bundle.patient.name = '\u001b[2J範例\r甲';
    bundle.medications.robject[0].drug_ename = '\u001b[31mNORVASC\nFAKE ROW 114/01/01 X 99 99\u001b[0m TABLETS 5MG';
  });
  const out = await yaoli('--input', file, '--today', '2025-11-03');
  t.is(out.code, 0);
  t.false(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(out.stdout), 'no control character but the report’s own line feeds');
  t.false(out.stdout.split('\n').some((line) => line.startsWith('FAKE ROW')), 'the name does not forge a row');
  t.regex(out.stdout, /\[2J範例 甲/);
});

test('a negative care-list dose exits 2 naming imue0009s02 and the field, in zh-TW and English', async (t) => {
  t.timeout(SLOW_MS);
  const file = editedExample('hypnotic-care-list', (bundle) => {
    bundle.careList.robject[1].drug_qty = -2000;
  });
  const out = await yaoli('--input', file, '--today', '2025-10-20');
  t.is(out.code, 2);
  t.regex(out.stderr, /格式不符：imue0009s02 robject\[1\]\.drug_qty：不合法的值 "-2000"/);
  t.regex(out.stderr, /unexpected shape: imue0009s02 robject\[1\]\.drug_qty: unexpected value "-2000"/);
});

test('a refill pickup without its pickup day exits 2 instead of judging the refill from the visit date', async (t) => {
  t.timeout(SLOW_MS);
  const file = editedExample('chronic-refill-elderly', (bundle) => {
    bundle.chronic.chrDataN[2].rel_date = null;
  });
  const out = await yaoli('--input', file, '--today', '2025-11-03');
  t.is(out.code, 2);
  t.is(out.stdout, '');
  t.regex(out.stderr, /格式不符：imue0008s05 chrDataN\[2\]\.rel_date：缺少必要欄位/);
  t.regex(out.stderr, /unexpected shape: imue0008s05 chrDataN\[2\]\.rel_date: required field missing/);
});

test('a medication row listed twice is counted once (AMLODIPINE still 18 days); a different row under its number exits 2', async (t) => {
  t.timeout(SLOW_MS);
  const twice = editedExample('chronic-refill-elderly', (bundle) => {
    bundle.medications.robject.splice(2, 0, { ...bundle.medications.robject[1] });
  });
  const [repeated, conflicting] = await Promise.all([
    yaoli('--input', twice, '--today', '2025-11-03', '--json'),
    yaoli(
      '--input',
      editedExample('chronic-refill-elderly', (bundle) => {
        bundle.medications.robject.splice(2, 0, { ...bundle.medications.robject[1], qty: 56, day: 56 });
      }),
      '--today',
      '2025-11-03',
    ),
  ]);
  t.is(repeated.code, 0, repeated.stderr);
  const out = JSON.parse(repeated.stdout);
  t.like(out.groups.find((g: any) => g.ingredient === 'AMLODIPINE'), { leftoverDays: 18, noCarryLeftoverDays: 14 });
  t.is(out.records.filter((r: any) => r.drugCode === 'BC99000100').length, 2);
  t.is(conflicting.code, 2);
  t.regex(conflicting.stderr, /imue0008s02 robject\[2\]\.r：列號重複但內容不同 "2"/);
  t.regex(conflicting.stderr, /imue0008s02 robject\[2\]\.r: row number repeated with different contents "2"/);
});

test('a misspelt bundle key ("medication") exits 2 naming it, instead of reading as "no medications"', async (t) => {
  t.timeout(SLOW_MS);
  const file = editedExample('chronic-refill-elderly', (bundle) => {
    bundle.medication = bundle.medications;
    delete bundle.medications;
  });
  const out = await yaoli('--input', file, '--today', '2025-11-03');
  t.is(out.code, 2);
  t.is(out.stdout, '');
  t.regex(out.stderr, /格式不符：bundle medication：無法辨識的欄位；可用的欄位：patient, medications, /);
  t.regex(out.stderr, /unexpected shape: bundle medication: unknown key; a bundle holds patient, medications, /);
});
