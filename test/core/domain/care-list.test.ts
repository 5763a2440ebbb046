// Pharmacist's checklist for the 特定管制用藥(關懷名單) page, reproducing the NHI reference
// (reference/nhi-controlled-drug-care-list.txt): zolpidem 420 mg = 42 DDD with 「每半年約當
// 1825mg」, brotizolam 14 mg = 56 DDD with 「每半年約當46mg」.
import test from 'ava';
import type { CareListDispensing, Institution } from '../../../src/core/domain/types.ts';
import { careListAlerts, careListStats } from '../../../src/core/domain/care-list.ts';

const ANJIE: Institution = { id: '3532052586', name: '安捷幸福診所', visitKind: 'outpatient' };
const OTHER: Institution = { id: '3501200002', name: '乙醫院', visitKind: 'outpatient' };

function zolpidem(date: string, totalMg = 420, institution = ANJIE): CareListDispensing {
  return {
    date, ingredient: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)', ingredientCode: '2824801820+2824801810',
    institution, totalMg, cloudTotalDdd: totalMg / 10, memo: null,
  };
}

function brotizolam(date: string, totalMg = 14): CareListDispensing {
  return { date, ingredient: 'BROTIZOLAM', ingredientCode: '2824202400', institution: ANJIE, totalMg, cloudTotalDdd: null, memo: null };
}

test('zolpidem 420 mg = 42 DDD; reference 1825 mg per half year', (t) => {
  const rows = careListStats([zolpidem('2025-10-10'), zolpidem('2025-09-10')], '2025-10-20');
  t.is(rows.length, 2);
  const october = rows.find((r) => r.month === '2025-10');
  t.like(october, {
    atc7: 'N05CF02', ingredientCode: '2824801820+2824801810', visits: 1, institutions: 1, totalMg: 420, totalDdd: 42,
    dddMg: 10, halfYearReferenceMg: 1825, noDdd: false,
  });
});

test('brotizolam months as the cloud prints them: 14 mg = 56 DDD, 28 mg in two visits = 112 DDD, ≈ 46 mg reference', (t) => {
  const rows = careListStats(
    [brotizolam('2025-03-05'), brotizolam('2025-04-05'), brotizolam('2025-05-02'), brotizolam('2025-05-30'),
      brotizolam('2025-07-01'), brotizolam('2025-07-29'), brotizolam('2025-08-26')],
    '2025-08-31',
  );
  t.deepEqual(rows.map((r) => [r.month, r.visits, r.institutions, r.totalMg, r.totalDdd]), [
    ['2025-03', 1, 1, 14, 56], ['2025-04', 1, 1, 14, 56], ['2025-05', 2, 1, 28, 112], ['2025-07', 2, 1, 28, 112], ['2025-08', 1, 1, 14, 56],
  ]);
  t.is(rows[0]?.halfYearReferenceMg, 45.625);
  t.is(rows[0]?.atc7, 'N05CD09');
});

test('only the last 6 calendar months up to today count; future rows do not', (t) => {
  const rows = careListStats([zolpidem('2025-04-30'), zolpidem('2025-05-01'), zolpidem('2025-10-21')], '2025-10-20');
  t.deepEqual(rows.map((r) => r.month), ['2025-05']);
  t.deepEqual(careListStats([zolpidem('2025-08-01')], '2025-10-20', 2), []);
});

test('same day, two institutions = two visits, two institutions; same day same institution = one visit', (t) => {
  const rows = careListStats([zolpidem('2025-07-01'), zolpidem('2025-07-01', 140, OTHER), zolpidem('2025-07-01', 140)], '2025-07-31');
  t.like(rows[0], { visits: 2, institutions: 2, totalMg: 700, totalDdd: 70 });
});

test('rows without an institution code (only hosp_abbr) are told apart by name', (t) => {
  const named = (name: string): Institution => ({ id: '', name, visitKind: 'outpatient' });
  const rows = careListStats([zolpidem('2025-07-01', 140, named('甲診所')), zolpidem('2025-07-01', 140, named('乙醫院')), zolpidem('2025-07-09', 140, named('甲診所'))], '2025-07-31');
  t.like(rows[0], { visits: 3, institutions: 2 });
});

test('「WHO 未訂 DDD」: etizolam shows mg only, no DDD, no reference', (t) => {
  const rows = careListStats(
    [{ date: '2025-07-01', ingredient: 'ETIZOLAM', ingredientCode: '2820000000', institution: ANJIE, totalMg: 30, cloudTotalDdd: null, memo: null }],
    '2025-07-31',
  );
  t.like(rows[0], { atc7: 'N05BA19', totalMg: 30, totalDdd: null, dddMg: null, halfYearReferenceMg: null, noDdd: true });
});

test('「WHO 未訂 DDD」 stays mg only when the cloud sends a DDD for it (nimetazepam with drug_ddd_qty 0)', (t) => {
  const row: CareListDispensing = { date: '2025-07-01', ingredient: 'NIMETAZEPAM', ingredientCode: '2824200000', institution: ANJIE, totalMg: 150, cloudTotalDdd: 0, memo: null };
  t.like(careListStats([row], '2025-07-31')[0], { atc7: 'N05CD15', totalMg: 150, totalDdd: null, dddMg: null, halfYearReferenceMg: null, noDdd: true });
});

test('fentanyl patches are compared with the transdermal DDD 1.2 mg, not the sublingual 0.6 (research §3.2: 219 mg TD)', (t) => {
  // A 25 mcg/h patch worn 42 days: 25 × 24 × 42 / 1000 = 25.2 mg.
  const row: CareListDispensing = { date: '2025-07-01', ingredient: 'FENTANYL', ingredientCode: '2811000000', institution: ANJIE, totalMg: 25.2, cloudTotalDdd: null, memo: null };
  t.like(careListStats([row], '2025-07-31')[0], { atc7: 'N02AB03', dddMg: 1.2, totalDdd: 21, halfYearReferenceMg: 219 });
});

test('an ingredient we cannot map keeps the cloud\'s own DDD sum when every row has one', (t) => {
  const row: CareListDispensing = { date: '2025-07-01', ingredient: 'NEWHYPNOTIC', ingredientCode: '2899999999', institution: ANJIE, totalMg: 50, cloudTotalDdd: 5, memo: null };
  t.like(careListStats([row, { ...row, date: '2025-07-15' }], '2025-07-31')[0], { atc7: null, totalMg: 100, totalDdd: 10, dddMg: null, noDdd: false });
  t.like(careListStats([row, { ...row, cloudTotalDdd: null }], '2025-07-31')[0], { totalDdd: null });
});

test('bracketed codes from the Web API are the same ingredient', (t) => {
  const rows = careListStats([zolpidem('2025-07-01'), { ...zolpidem('2025-07-20'), ingredientCode: '(2824801820+2824801810)' }], '2025-07-31');
  t.is(rows.length, 1);
  t.is(rows[0]?.totalMg, 840);
});

test('alert: 3080 mg zolpidem in six months exceeds the 1825 mg reference (the Web API example) → warning', (t) => {
  const dispensings = ['2025-04-10', '2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10', '2025-09-10', '2025-09-20'].map((d) => zolpidem(d, 440));
  const [alert] = careListAlerts(dispensings, '2025-09-30');
  t.like(alert, { severity: 'warning', key: 'careList.overReference' });
  t.like(alert?.facts, { totalMg: 3080, totalDdd: 308, referenceMg: 1825, days: 183, from: '2025-04-01', to: '2025-09-30', visits: 7, institutions: 1 });
});

test('alert: the window is the 183 days ending today, so a dispensing 175 days old still counts on the 1st of a month', (t) => {
  const dispensings = ['2025-05-10', '2025-06-05', '2025-07-01', '2025-08-01', '2025-09-01'].map((d) => zolpidem(d));
  const on = (today: string) => careListAlerts(dispensings, today)[0];
  t.like(on('2025-10-31'), { severity: 'warning', facts: { totalMg: 2100 } });
  // Calendar months dropped May on 11/01 and the warning went off overnight.
  t.like(on('2025-11-01'), { severity: 'warning', facts: { totalMg: 2100, from: '2025-05-03' } });
  t.like(on('2025-11-08'), { severity: 'warning', facts: { totalMg: 2100, from: '2025-05-10' } });
  t.like(on('2025-11-09'), { severity: 'info', key: 'careList.withinReference', facts: { totalMg: 1680 } });
  // The months setting sets the window: 3 months are 91 days.
  t.like(careListAlerts(dispensings, '2025-10-31', 3)[0], { facts: { days: 91, from: '2025-08-02', totalMg: 420 } });
  // The monthly table keeps calendar months, as the cloud's 「近6個月」 does.
  t.deepEqual(careListStats(dispensings, '2025-11-01').map((row) => row.month), ['2025-06', '2025-07', '2025-08', '2025-09']);
});

test('alert: a substance our DDD table lacks takes the cloud\'s DDD sum, as the table beside it does; clonazepam says its DDD is the antiepileptic one', (t) => {
  const nalbuphine = { date: '2025-07-01', ingredient: 'NALBUPHINE HCL', ingredientCode: '2830000000', institution: ANJIE, totalMg: 200, cloudTotalDdd: 5, memo: null };
  t.like(careListStats([nalbuphine], '2025-07-31')[0], { totalDdd: 5, dddMg: null });
  t.like(careListAlerts([nalbuphine], '2025-07-31')[0], { severity: 'info', key: 'careList.cloudDdd', facts: { totalMg: 200, totalDdd: 5 } });
  // The cloud's DDDs above 182.5 in the window: over 1 DDD a day for half a year, a warning.
  t.like(careListAlerts([{ ...nalbuphine, cloudTotalDdd: 150 }, { ...nalbuphine, date: '2025-07-20', cloudTotalDdd: 150 }], '2025-07-31')[0], { severity: 'warning', key: 'careList.cloudDdd.over', facts: { totalDdd: 300 } });
  t.like(careListAlerts([{ ...nalbuphine, cloudTotalDdd: null }], '2025-07-31')[0], { key: 'careList.unknownDdd' });
  const clonazepam = { ...nalbuphine, ingredient: 'CLONAZEPAM', totalMg: 90, cloudTotalDdd: null };
  const [alert] = careListAlerts([clonazepam], '2025-07-31');
  t.like(alert, { key: 'careList.withinReference', facts: { totalDdd: 11.3, referenceMg: 1460 } });
  t.regex(String(alert?.facts.caveatZh), /抗癲癇/);
  t.regex(String(alert?.facts.caveatEn), /antiepileptic/);
  t.like(careListAlerts([zolpidem('2025-07-01')], '2025-07-31')[0], { facts: { caveatZh: '', caveatEn: '' } });
});

test('alert: within the reference is info; no-DDD substances are info with mg only', (t) => {
  const within = careListAlerts([brotizolam('2025-08-26')], '2025-08-31');
  t.like(within[0], { severity: 'info', key: 'careList.withinReference' });
  t.like(within[0]?.facts, { totalMg: 14, totalDdd: 56, referenceMg: 45.6 });
  const none = careListAlerts(
    [{ date: '2025-07-01', ingredient: 'ETIZOLAM', ingredientCode: '2820000000', institution: ANJIE, totalMg: 30, cloudTotalDdd: null, memo: null }],
    '2025-07-31',
  );
  t.like(none[0], { severity: 'info', key: 'careList.noDdd' });
  t.false('totalDdd' in (none[0]?.facts ?? {}));
});

test('no dispensings, no rows and no alerts', (t) => {
  t.deepEqual(careListStats([], '2025-07-31'), []);
  t.deepEqual(careListAlerts([], '2025-07-31'), []);
});

test('bad rows never crash the care list: unreadable dates are skipped, NaN mg counts as 0', (t) => {
  const rows = careListStats([zolpidem('garbage'), zolpidem(''), zolpidem('2025-07-0x'), zolpidem('2025-07-01', Number.NaN), zolpidem('2025-07-02')], '2025-07-31');
  t.is(rows.length, 1);
  t.like(rows[0], { visits: 2, totalMg: 420, totalDdd: 42 });
});

test('alert: where the cloud\'s own DDD sum differs from ours (the rows carry no route), both are shown', (t) => {
  const morphine = { date: '2025-07-01', ingredient: 'MORPHINE HCL', ingredientCode: '2810000000', institution: ANJIE, totalMg: 300, cloudTotalDdd: 10, memo: null };
  t.like(careListStats([morphine], '2025-07-31')[0], { totalDdd: 3, cloudTotalDdd: 10 });
  const [alert] = careListAlerts([morphine], '2025-07-31');
  t.like(alert, { key: 'careList.withinReference', facts: { totalDdd: 3 } });
  t.regex(String(alert?.facts.cloudZh), /雲端計 10 DDD/);
  t.regex(String(alert?.facts.cloudEn), /the cloud counts 10 DDD/);
  // Agreeing, or the cloud silent on a row: nothing more is said.
  t.like(careListAlerts([zolpidem('2025-07-01')], '2025-07-31')[0], { facts: { cloudZh: '', cloudEn: '' } });
  t.like(careListAlerts([{ ...morphine, cloudTotalDdd: null }], '2025-07-31')[0], { facts: { cloudZh: '' } });
});

test('an ingredient code whose rows spell the name two ways is named and looked up the same in either order', (t) => {
  const named = (ingredient: string, date: string) => ({ ...zolpidem(date, 500), ingredient, cloudTotalDdd: null });
  const rows = [named('ZOLPIDEM TARTRATE EXTENDED-RELEASE', '2025-07-01'), named('ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-08-01'), named('ZOLPIDEM TARTRATE EXTENDED-RELEASE', '2025-09-01'), named('ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-10-01')];
  for (const order of [rows, [...rows].reverse()]) {
    t.like(careListAlerts(order, '2025-10-31')[0], { severity: 'warning', key: 'careList.overReference', facts: { ingredient: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)', totalDdd: 200 } });
    t.deepEqual(careListStats(order, '2025-10-31').map((m) => [m.ingredient, m.month, m.totalDdd]), [
      ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-07', 50], ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-08', 50],
      ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-09', 50], ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', '2025-10', 50],
    ]);
  }
});

test('one ingredient code written with its parts swapped, a full-width plus or another separator is one ingredient, shown as NHI prints it', (t) => {
  const spelled = (ingredientCode: string, date: string) => ({ ...zolpidem(date, 1000), ingredientCode });
  for (const other of ['2824801810+2824801820', '2824801820＋2824801810', '（2824801810,2824801820）']) {
    const rows = [spelled('2824801820+2824801810', '2025-09-01'), spelled(other, '2025-10-01')];
    for (const order of [rows, [...rows].reverse()]) {
      const alerts = careListAlerts(order, '2025-10-31');
      t.is(alerts.length, 1, other);
      t.like(alerts[0], { severity: 'warning', facts: { totalMg: 2000 } });
      t.deepEqual([...new Set(careListStats(order, '2025-10-31').map((m) => m.ingredientCode))].length, 1);
    }
  }
  t.is(careListStats([spelled('(2824801820+2824801810)', '2025-10-01')], '2025-10-31')[0]?.ingredientCode, '2824801820+2824801810');
});

test('hypnotics together: zolpidem and brotizolam each within their references add up past 182.5 DDD (a class-total warning); one hypnotic alone makes none', (t) => {
  // Zolpidem 4 × 420 mg = 168 DDD (within its 1825 mg); brotizolam 3.5 mg = 14 DDD (within its 45.6 mg): 182 DDD together.
  const rows = [zolpidem('2025-07-10'), zolpidem('2025-08-10'), zolpidem('2025-09-10'), zolpidem('2025-10-10'), brotizolam('2025-10-01', 3.5)];
  const alerts = careListAlerts(rows, '2025-10-20');
  t.deepEqual(alerts.filter((a) => a.key.startsWith('careList.classTotal')).map((a) => [a.severity, a.key, a.facts.totalDdd, a.facts.ingredients]), [
    ['info', 'careList.classTotal', 182, ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', 'BROTIZOLAM']],
  ]);
  const more = careListAlerts([...rows, brotizolam('2025-10-15', 0.25)], '2025-10-20');
  t.like(more.find((a) => a.key.startsWith('careList.classTotal')), { severity: 'warning', key: 'careList.classTotal.over', facts: { totalDdd: 183 } });
  t.false(careListAlerts(rows.slice(0, 4), '2025-10-20').some((a) => a.key.startsWith('careList.classTotal')));
});

// Reviewer's case: ethyl loflazepate (VICTAN) has no DDD in our table but the cloud gives its DDDs;
// unknown to the ingredient table it had no class, and the class total left it out.
test('a benzodiazepine outside the DDD table counts in the class total by the cloud\'s DDDs: zolpidem 140 + ethyl loflazepate 140 DDD is over 182.5', (t) => {
  const victan = (date: string): CareListDispensing => ({
    date, ingredient: 'ETHYL LOFLAZEPATE', ingredientCode: '2824299900', institution: OTHER, totalMg: 56, cloudTotalDdd: 28, memo: null,
  });
  const months = ['2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10', '2025-09-10'];
  const rows = months.flatMap((date) => [zolpidem(date, 280), victan(date)]);
  const total = careListAlerts(rows, '2025-09-20').find((a) => a.key.startsWith('careList.classTotal'));
  t.like(total, { severity: 'warning', key: 'careList.classTotal.over', facts: { totalDdd: 280 } });
  t.deepEqual(total?.facts.ingredients, ['ZOLPIDEM (TARTRATE+HEMITARTRATE)', 'ETHYL LOFLAZEPATE']);
});

// Reviewer's case: two clinics of one hospital on one day (09:00 and 15:00) were one 就醫次數,
// hiding the pattern the care list is for; rows of one visit share their 就醫時間.
test('two visits of one institution on one day are two visits when their 就醫時間 differ; rows of one visit are one', (t) => {
  const at = (time: string | null): CareListDispensing => ({ ...zolpidem('2025-08-10'), time });
  const [twoVisits] = careListStats([at('0900'), at('1500')], '2025-09-01');
  t.like(twoVisits, { visits: 2, institutions: 1, totalMg: 840, totalDdd: 84 });
  t.like(careListStats([at('0900'), at('0900')], '2025-09-01')[0], { visits: 1 });
  t.like(careListStats([at(null), at(null)], '2025-09-01')[0], { visits: 1 });
});
