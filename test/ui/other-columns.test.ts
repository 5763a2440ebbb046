// The 餘藥 and 過敏 tabs: the cloud column pairs a group with the cloud row `yaoli analyze` uses,
// the form is named from one table (core/domain/messages.ts), a genetic test shows its result.
import test from 'ava';
import type { CloudGroupLeftover } from '../../src/core/domain/types.ts';
import type { GroupLeftover } from '../../src/core/domain/group-leftover.ts';
import { cloudLeftoverFor } from '../../src/commands/analyze/json.ts';
import { addDays } from '../../src/core/domain/dates.ts';
import { allergyColumns, leftoverColumns, leftoverRowKey, leftoverRows, refillColumns, type LeftoverRow } from '../../src/ui/tabs/other-columns.ts';
import type { RefillStatus } from '../../src/core/domain/refill.ts';

/** A row the cloud gave when queried on 2025-11-01: pres_med_day = edate − query date + 1. */
function cloudRow(dosageFormText: string, leftoverDays: number): CloudGroupLeftover {
  const supplyEnd = addDays('2025-11-01', leftoverDays - 1);
  return { groupCode: 'C08NIF41212', atc5Name: '', ingredient: 'NIFEDIPINE', dosageFormText, dosageForm: 'oral', lastDispensed: '2025-10-01', daysSupply: 28, supplyEnd, leftoverDays, institutionId: null };
}

test('the kiosk column and `yaoli analyze` show the same cloud value for a group, read as of the analysis day', (t) => {
  const cloud = [cloudRow('一般錠劑膠囊劑', 0), cloudRow('緩釋錠劑膠囊劑', 22)];
  const group = { key: 'NIFEDIPINE|oral', ingredient: 'NIFEDIPINE', dosageForm: 'oral' } as GroupLeftover;
  // On the query day the cloud's own figure; nine days later nine days fewer (SPEC §2: recompute against today).
  t.is(leftoverRows([group], cloud, '2025-11-01')[0]?.cloudDays, 22);
  t.is(cloudLeftoverFor(group, cloud, '2025-11-01'), 22);
  t.is(leftoverRows([group], cloud, '2025-11-10')[0]?.cloudDays, 13);
  t.is(cloudLeftoverFor(group, cloud, '2025-11-10'), 13);
  t.is(cloudLeftoverFor(group, cloud, '2025-12-30'), 0);
});

test('the form column names the dosage form in the chosen language, not its code', (t) => {
  const row = leftoverRows([{ key: 'FENTANYL|transdermal', ingredient: 'FENTANYL', dosageForm: 'transdermal' } as GroupLeftover], [], '2025-11-01')[0];
  const formText = (lang: 'zh-TW' | 'en') => leftoverColumns(lang).find((c) => c.id === 'form')?.text(row as NonNullable<typeof row>);
  t.is(formText('zh-TW'), '貼片');
  t.is(formText('en'), 'patch');
});

test('the allergy tab shows a genetic-test row\'s result where the symptoms go', (t) => {
  const hla = { date: '2020-01-01', drugNames: ['HLA-B 1502 基因檢測'], symptoms: [], severity: 'other', dataType: null, dataSource: null, institutionName: null, geneticTest: '0-Negative' } as const;
  const findings = (lang: 'zh-TW' | 'en') => allergyColumns(lang).find((c) => c.id === 'symptoms')?.text({ ...hla, drugNames: [...hla.drugNames], symptoms: [] });
  t.is(findings('zh-TW'), '基因檢測陰性');
  t.is(findings('en'), 'negative test');
});

test('the 慢箋 tab says 有新處方, not 可領, for a slip whose drug has a newer prescription', (t) => {
  const due: RefillStatus = {
    prescriptionId: 'old', prescriptionDate: '2025-08-01', drugCode: 'NORV000100', drugName: 'NORVASC 5MG', institution: '乙醫院', fill: 2, fills: 3, validFrom: '2025-08-01',
    validUntil: '2025-10-23', nextFrom: '2025-09-12', nextUntil: '2025-10-23', status: 'eligible', daysUntilAllowed: 0, anomalies: [], windowDays: 10, replacedBy: null, replacedByDrugName: null,
  };
  const status = (s: RefillStatus, lang: 'zh-TW' | 'en', today = '2025-09-25') => refillColumns(lang, today).find((c) => c.id === 'status')?.text(s);
  t.is(status(due, 'zh-TW'), '可領');
  t.is(status({ ...due, replacedBy: '2025-09-20' }, 'zh-TW'), '有新處方');
  t.is(status({ ...due, replacedBy: '2025-09-20' }, 'en'), 'newer Rx');
  t.is(status({ ...due, status: 'expired', replacedBy: '2025-09-20' }, 'zh-TW', '2025-10-24'), '逾期');
});

test('the 慢箋 tab says 不能再領, not 逾期, for a slip with no fill left while its validity has not ended', (t) => {
  // A late pickup put fill 3's first day past validity (2025-10-23): the slip has no fill left, yet is not past its end.
  const none: RefillStatus = {
    prescriptionId: 'late', prescriptionDate: '2025-08-01', drugCode: 'NORV000100', drugName: 'NORVASC 5MG', institution: '乙醫院', fill: 2, fills: 3, validFrom: '2025-08-01',
    validUntil: '2025-10-23', nextFrom: null, nextUntil: null, status: 'expired', daysUntilAllowed: 0, anomalies: [], windowDays: 10, replacedBy: null, replacedByDrugName: null,
  };
  const status = (lang: 'zh-TW' | 'en', today: string) => refillColumns(lang, today).find((c) => c.id === 'status')?.text(none);
  t.is(status('zh-TW', '2025-10-10'), '不能再領');
  t.is(status('en', '2025-10-23'), 'no fills');
  t.is(status('zh-TW', '2025-10-24'), '逾期');
});

test('a cloud leftover row no group matches is listed after the groups, marked cloud only, while it has days left', (t) => {
  const group = { key: 'NIFEDIPINE|oral', ingredient: 'NIFEDIPINE', dosageForm: 'oral', leftoverDays: 5, noCarryLeftoverDays: 5, mayUnderestimate: false, supplyEnd: '2025-11-06', institutions: ['示範診所'] } as unknown as GroupLeftover;
  const other = (ingredient: string, leftoverDays: number) => ({ ...cloudRow('一般錠劑膠囊劑', leftoverDays), ingredient });
  const rows = leftoverRows([group], [cloudRow('緩釋錠劑膠囊劑', 22), other('AMLODIPINE', 10), other('ATENOLOL', 0)], '2025-11-01');
  t.is(rows.length, 2);
  const [paired, cloudOnly] = rows as [LeftoverRow, LeftoverRow];
  t.is(paired.cloudDays, 22);
  const cell = (lang: 'zh-TW' | 'en', id: string, row: LeftoverRow) => leftoverColumns(lang).find((c) => c.id === id)?.text(row);
  t.is(cell('zh-TW', 'ingredient', cloudOnly), 'AMLODIPINE');
  t.is(cell('zh-TW', 'carry', cloudOnly), '-');
  t.is(cell('zh-TW', 'no-carry', cloudOnly), '-');
  t.is(cell('zh-TW', 'cloud', cloudOnly), '10');
  t.is(cell('zh-TW', 'end', cloudOnly), '114/11/10');
  t.is(cell('zh-TW', 'institutions', cloudOnly), '僅雲端（無用藥紀錄）');
  t.is(cell('en', 'institutions', cloudOnly), 'cloud only (no record)');
  t.is(cell('zh-TW', 'institutions', paired), '示範診所');
  t.not(leftoverRowKey(paired), leftoverRowKey(cloudOnly));
});

test('two cloud-only rows alike in every field still have keys of their own in the 餘藥 tab', (t) => {
  const row = { ...cloudRow('一般錠劑膠囊劑', 10), ingredient: 'AMLODIPINE' };
  const rows = leftoverRows([], [row, { ...row }, { ...row, institutionId: '9900000002' }], '2025-11-01');
  t.is(rows.length, 3);
  t.is(new Set(rows.map(leftoverRowKey)).size, 3);
});
