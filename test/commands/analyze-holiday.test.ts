// `yaoli analyze --holiday`: NHIA's holiday rule for 慢箋 refills on the command line. The
// fixture's losartan (3 × 28 days, fill 2 on 2026-01-22) has its supply end on 2026-02-18,
// inside the 2026 Lunar New Year (2026-02-14…22): fill 3 is due 2026-01-22 + 28 − 10 =
// 2026-02-09 under the 10-day window, 2026-01-22 + 28 − 14 = 2026-02-05 under a 14-day one.
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze, type AnalyzeRun } from './analyze-run.ts';
import { parseHoliday } from '../../src/commands/analyze/holiday.ts';

const BUNDLE = 'test/commands/fixtures/chronic-holiday.json';
/** An empty data folder: the machine's own YAOLI_LANG or config.json cannot change the language. */
const ENV = { YAOLI_HOME: mkdtempSync(join(tmpdir(), 'yaoli-analyze-holiday-')) };

function analyze(...args: string[]): Promise<AnalyzeRun> {
  return runAnalyze(['--input', BUNDLE, '--today', '2026-02-05', ...args], undefined, ENV);
}

test.serial('without --holiday, fill 3 on 2026-02-05 is 4 days too early (first day 2026-02-09)', async (t) => {
  const { code, stdout } = await analyze('--json');
  t.is(code, 0);
  t.like(JSON.parse(stdout).refills[0], { fill: 2, fills: 3, status: 'too-early', nextFrom: '2026-02-09', daysUntilAllowed: 4, windowDays: 10 });
});

test.serial('with the Lunar New Year 14-day window the same fill may be collected today, in ISO or ROC dates', async (t) => {
  for (const holiday of ['2026-02-14,2026-02-22,14', '115/02/14,115/02/22,14']) {
    const { code, stdout } = await analyze('--json', '--holiday', holiday);
    t.is(code, 0);
    t.like(JSON.parse(stdout).refills[0], { status: 'eligible', nextFrom: '2026-02-05', daysUntilAllowed: 0, windowDays: 14 }, holiday);
  }
  const report = await analyze('--holiday', '2026-02-14,2026-02-22,14');
  t.regex(report.stdout, /今日可領第 3\/3 次/);
});

test.serial('a holiday that allows collection from 10 days before it starts (the 2025 form) opens fill 3 on 2026-02-04', async (t) => {
  const { stdout } = await analyze('--json', '--holiday', '2026-02-14,2026-02-22,10,10');
  t.like(JSON.parse(stdout).refills[0], { status: 'eligible', nextFrom: '2026-02-04' });
});

test.serial('--holiday is repeatable; a holiday that does not hold the supply end changes nothing', async (t) => {
  const { stdout } = await analyze('--json', '--holiday', '2026-04-03,2026-04-06,14', '--holiday', '2026-02-14,2026-02-22,14');
  t.like(JSON.parse(stdout).refills[0], { status: 'eligible' });
  const other = await analyze('--json', '--holiday', '2026-04-03,2026-04-06,14');
  t.like(JSON.parse(other.stdout).refills[0], { status: 'too-early', nextFrom: '2026-02-09' });
});

test.serial('an implausible --holiday exits 2 with a message in zh-TW and English', async (t) => {
  for (const value of ['2026-02-14,2026-02-22,21', '2026-02-22,2026-02-14,14', '2026-02-14,2026-02-22', '2026-02-30,2026-03-02,14', '2026-02-14,2026-02-22,14,0', 'x']) {
    const { code, stdout, stderr } = await analyze('--holiday', value);
    t.is(code, 2, value);
    t.is(stdout, '');
    t.true(stderr.includes(`--holiday 須為 連假首日,末日,提前領藥天數[,連假前幾日起可領]`), value);
    t.true(stderr.includes(`--holiday must be FROM,TO,WINDOW[,BEFORE]`), value);
    t.true(stderr.endsWith(`: ${value}`), value);
  }
});

test('parseHoliday reads what the Settings screen keeps, and nothing looser', (t) => {
  t.deepEqual(parseHoliday('2026-02-14,2026-02-22,14'), { from: '2026-02-14', to: '2026-02-22', windowDays: 14 });
  t.deepEqual(parseHoliday(' 114/01/25 , 114/02/02 , 10 , 10 '), { from: '2025-01-25', to: '2025-02-02', windowDays: 10, fromDaysBeforeStart: 10 });
  for (const loose of ['20260214,20260222,14', '2026-02-14,2026-02-22,14.5', '2026-02-14,2026-02-22,-1', '2026-02-01,2026-03-15,14', '2026-02-14,2026-02-22,14,10,1']) {
    t.is(parseHoliday(loose), null, loose);
  }
});

test.serial("NHIA's 2026 rule as announced (from 1/31, 14 days before 2/14) opens fill 3 on 2026-01-31; the window alone would not", async (t) => {
  // 「慢性病連續處方箋給藥用罄日介於春節連假期間者，可提前14天、自1月31日起」: the documented setting.
  const announced = await runAnalyze(['--input', BUNDLE, '--today', '2026-01-31', '--json', '--holiday', '2026-02-14,2026-02-22,14,14'], undefined, ENV);
  t.like(JSON.parse(announced.stdout).refills[0], { status: 'eligible', nextFrom: '2026-01-31' });
  const windowOnly = await runAnalyze(['--input', BUNDLE, '--today', '2026-01-31', '--json', '--holiday', '2026-02-14,2026-02-22,14'], undefined, ENV);
  t.like(JSON.parse(windowOnly.stdout).refills[0], { status: 'too-early', nextFrom: '2026-02-05' });
});
