// Checklist for the whole analysis of one patient: 查無資料, the combined worked cases, the
// alert order, and that today and the settings are the only inputs besides the history.
import test from 'ava';
import { translate } from '../../../src/i18n/index.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { shownRefillState } from '../../../src/core/domain/refill.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/domain/settings.ts';
import { SEVERITY_ORDER } from '../../../src/core/domain/alerts.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import type { ChronicPrescription, PatientHistory } from '../../../src/core/domain/types.ts';
import { CLINIC_A, HOSPITAL_B, PHARMACY_C, chronic, record } from './record-builder.ts';

const emptyHistory: PatientHistory = { patient: null, medications: [], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
const ZOLPIDEM = { drugCode: 'AB0000ZOL0', drugName: 'STILNOX 10MG', ingredients: [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }], atc7: 'N05CF02', atc5: 'N05CF', unitStrengthMg: 10, frequency: 'HS' };

function fullHistory(): PatientHistory {
  return {
    ...emptyHistory,
    patient: { nationalId: 'A100000001', name: '測試長者', birthDate: '1950-05-01', sex: 'M' },
    medications: [
      record({ ...ZOLPIDEM, id: 'zol-a', visitDate: '2025-05-01', institution: CLINIC_A }),
      record({ ...ZOLPIDEM, id: 'zol-b', visitDate: '2025-05-10', institution: HOSPITAL_B }),
      record({ id: 'eye', drugName: 'EYE DROPS', dosageForm: 'eye', frequency: 'QID', ingredients: [{ name: 'LEVOFLOXACIN', atc7: 'S01AE05' }], atc7: 'S01AE05', visitDate: '2025-05-08', quantity: 1, daysSupply: 7 }),
      record({ id: 'amlo', visitDate: '2025-04-20', daysSupply: 28 }),
    ],
    chronic: [chronic({ id: 'rx-amlo', prescriptionDate: '2025-04-20', fillDates: ['2025-04-20'] })],
    allergies: [{ date: '2020-01-01', drugNames: ['PENICILLIN'], symptoms: ['皮疹'], severity: 'moderate', dataType: null, dataSource: null, institutionName: null, geneticTest: null }],
  };
}

test('empty history → 查無資料 (info) and nothing else', (t) => {
  const analysis = analyzeHistory(emptyHistory, '2025-10-28');
  t.true(analysis.empty);
  t.deepEqual(analysis.alerts, [{ severity: 'info', key: 'history.empty', facts: {} }]);
  t.deepEqual([analysis.records, analysis.groups, analysis.refills, analysis.duplicates, analysis.elderly], [[], [], [], [], []]);
  t.is(analysis.age, null);
});

test('one patient, all rules: duplicate zolpidem, elderly Z-drug, refill today, allergy, over 75', (t) => {
  const analysis = analyzeHistory(fullHistory(), '2025-05-10');
  t.false(analysis.empty);
  t.is(analysis.age, 75);
  // Records newest first, each with its own leftover and per-dose.
  t.deepEqual(analysis.records.map((r) => r.record.id), ['zol-b', 'eye', 'zol-a', 'amlo']);
  t.deepEqual(analysis.records.find((r) => r.record.id === 'zol-a')?.leftover, { days: 19, notComputable: null, future: false });
  t.is(analysis.records.find((r) => r.record.id === 'eye')?.leftover.notComputable, 'non-oral');
  t.deepEqual(analysis.records.find((r) => r.record.id === 'zol-b')?.dose, { kind: 'dose', amount: 1 });
  // Group carry-over: zolpidem runs to 6/25 (research §6 case 1).
  const zolpidem = analysis.groups.find((g) => g.atc7 === 'N05CF02');
  t.is(zolpidem?.supplyEnd, '2025-06-25');
  // Refill: 28 d from 4/20 → fill 2 from 5/8, so collectable on 5/10.
  t.is(analysis.refills[0]?.status, 'eligible');
  t.is(analysis.refills[0]?.nextFrom, '2025-05-08');
  // The duplicate across institutions on a controlled hypnotic is critical and comes first.
  t.true(analysis.duplicates.length >= 1);
  t.is(analysis.alerts[0]?.severity, 'critical');
  t.regex(analysis.alerts[0]?.key ?? '', /^duplicate\./);
  const keys = analysis.alerts.map((a) => a.key);
  for (const key of ['elderly.avoid', 'refill.eligible', 'allergy.on-record', 'patient.over-75']) t.true(keys.includes(key), key);
  const elderly = analysis.alerts.find((a) => a.key === 'elderly.avoid');
  t.is(elderly?.severity, 'warning');
  t.deepEqual(elderly?.facts.drugNames, ['STILNOX 10MG']);
  t.is(analysis.alerts.find((a) => a.key === 'refill.eligible')?.facts.nextUntil, '2025-07-12');
  t.deepEqual(analysis.alerts.find((a) => a.key === 'allergy.on-record')?.facts.drugNames, ['PENICILLIN']);
});

test('alerts are sorted critical → warning → info and every key has a message', (t) => {
  const { alerts } = analyzeHistory(fullHistory(), '2025-05-10');
  for (let i = 1; i < alerts.length; i += 1) {
    t.true(SEVERITY_ORDER[(alerts[i - 1] as { severity: 'info' }).severity] <= SEVERITY_ORDER[(alerts[i] as { severity: 'info' }).severity]);
  }
  for (const alert of alerts) t.true(alert.key in alertMessages, `no message for ${alert.key}`);
});

test('today is a parameter: the same history gives the same answer, and a later day less leftover', (t) => {
  const history = fullHistory();
  t.deepEqual(analyzeHistory(history, '2025-05-20'), analyzeHistory(history, '2025-05-20'));
  const later = analyzeHistory(history, '2025-05-20');
  t.is(later.records.find((r) => r.record.id === 'zol-a')?.leftover.days, 9);
  t.is(later.groups.find((g) => g.atc7 === 'N05CF02')?.leftoverDays, 37);
});

test('settings change the answer: elderly age 80 removes the elderly caution', (t) => {
  const analysis = analyzeHistory(fullHistory(), '2025-05-10', { ...DEFAULT_SETTINGS, elderlyAge: 80 });
  t.deepEqual(analysis.elderly, []);
  t.false(analysis.alerts.some((a) => a.key.startsWith('elderly.')));
});

test('refill alerts: each cites its own prescription\'s plan, also when two prescriptions share an id', (t) => {
  const history: PatientHistory = {
    ...emptyHistory,
    chronic: [
      chronic({ id: 'same', prescriptionDate: '2025-03-01', daysPerFill: 30, fills: 3, fillDates: ['2025-03-01'] }),
      chronic({ id: 'same', prescriptionDate: '2025-03-20', daysPerFill: 28, fills: 2, fillDates: ['2025-03-20'] }),
    ],
  };
  const analysis = analyzeHistory(history, '2025-03-25');
  const plans = analysis.alerts.map((a) => [a.facts.validFrom, a.facts.daysPerFill, a.facts.totalDays]);
  t.deepEqual(plans.sort(), [['2025-03-01', 30, 90], ['2025-03-20', 28, 56]]);
});

test('refills: too early is a warning; an expired prescription replaced by a newer one stays quiet', (t) => {
  const history: PatientHistory = {
    ...emptyHistory,
    chronic: [
      chronic({ id: 'old', prescriptionDate: '2025-01-01', fillDates: ['2025-01-01', '2025-01-25'] }),
      chronic({ id: 'new', prescriptionDate: '2025-03-20', fillDates: ['2025-03-20'] }),
    ],
  };
  const analysis = analyzeHistory(history, '2025-04-01');
  t.false(analysis.empty);
  t.deepEqual(analysis.refills.map((r) => [r.prescriptionId, r.status]), [['new', 'too-early'], ['old', 'expired']]);
  t.deepEqual(analysis.alerts.map((a) => [a.severity, a.key]), [['warning', 'refill.too-early']]);
  t.is(analysis.alerts[0]?.facts.nextFrom, '2025-04-07');
  t.is(analysis.alerts[0]?.facts.daysUntil, 6);
  const alone = analyzeHistory({ ...history, chronic: [history.chronic[0]!] }, '2025-04-01');
  t.deepEqual(alone.alerts.map((a) => [a.severity, a.key]), [['info', 'refill.expired']]);
});

test('refills: an older slip with a fill due while a newer slip of the same drug is in use warns, instead of saying "collect today"', (t) => {
  // The reviewer's case: 28 × 3 from 8/1, fill 2 on 8/25 (fill 3 due 9/12–10/23); a new slip on 9/20, fill 1 dispensed.
  const history: PatientHistory = {
    ...emptyHistory,
    chronic: [
      chronic({ id: 'old', prescriptionDate: '2025-08-01', fillDates: ['2025-08-01', '2025-08-25'] }),
      chronic({ id: 'new', prescriptionDate: '2025-09-20', fillDates: ['2025-09-20'] }),
    ],
  };
  const analysis = analyzeHistory(history, '2025-09-25');
  t.deepEqual(analysis.refills.map((r) => [r.prescriptionId, r.status, r.replacedBy]), [['old', 'eligible', '2025-09-20'], ['new', 'too-early', null]]);
  // The tables show 有新處方, not 可領, beside the warning.
  t.deepEqual(analysis.refills.map((r) => shownRefillState(r, analysis.today)), ['replaced', 'too-early']);
  t.deepEqual(analysis.alerts.map((a) => [a.severity, a.key]), [['warning', 'refill.replaced'], ['warning', 'refill.too-early']]);
  const replaced = analysis.alerts.find((a) => a.key === 'refill.replaced');
  t.like(replaced?.facts, { nextFill: 3, fills: 3, prescriptionDate: '2025-08-01', newerDate: '2025-09-20' });
  t.is(translate(alertMessages, 'refill.replaced', 'zh-TW', replaced?.facts), `慢箋 ${replaced?.facts.drugName}（114/08/01 開立）尚有第 3/3 次，但同成分已有 114/09/20 開立的新處方 ${replaced?.facts.drugName}；兩張都領將重複用藥，請確認病人手邊藥量`);
  // Alone, the old slip's fill 3 is simply due.
  t.deepEqual(analyzeHistory({ ...history, chronic: [history.chronic[0]!] }, '2025-09-25').alerts.map((a) => a.key), ['refill.eligible']);
  // The review's case: the new slip as the cloud lists it before its first pickup, without its
  // number of fills (chr_num comes with a pickup). It replaces the old one all the same.
  const unknownFills: ChronicPrescription = { ...history.chronic[1]!, fills: null };
  const beforePickup = analyzeHistory({ ...history, chronic: [history.chronic[0]!, unknownFills] }, '2025-09-25');
  t.deepEqual(beforePickup.refills.map((r) => [r.prescriptionId, r.replacedBy]), [['old', '2025-09-20']]);
  t.deepEqual(beforePickup.alerts.map((a) => a.key), ['refill.replaced', 'refill.fills-unknown']);
});

test('refills: no fill left before validity ends is said as such, not as 已逾效期', (t) => {
  // 28 × 3 from 1/1 (valid to 3/25); fill 2 collected late on 3/10, so fill 3 could start only on 3/28.
  const late = chronic({ id: 'late', prescriptionDate: '2025-01-01', fillDates: ['2025-01-01', '2025-03-10'] });
  const before = analyzeHistory({ ...emptyHistory, chronic: [late] }, '2025-03-20');
  t.deepEqual(before.alerts.map((a) => [a.severity, a.key]), [['info', 'refill.no-fill-left']]);
  t.true('refill.no-fill-left' in alertMessages);
  t.regex(alertMessages['refill.no-fill-left']?.['zh-TW'] ?? '', /不能再領/);
  const after = analyzeHistory({ ...emptyHistory, chronic: [late] }, '2025-03-26');
  t.deepEqual(after.alerts.map((a) => a.key), ['refill.expired']);
});

test('refills: a prescription the cloud lists without its number of fills is said, not listed as a status and not silently dropped', (t) => {
  const unknown: ChronicPrescription = { ...chronic({ id: 'no-m', prescriptionDate: '2025-03-01', fillDates: ['2025-03-01'], drugName: 'NORVASC 5MG' }), fills: null };
  const known = chronic({ id: 'rx', prescriptionDate: '2025-03-01', fillDates: ['2025-03-01', '2025-03-20'] });
  const analysis = analyzeHistory({ ...emptyHistory, chronic: [unknown, known] }, '2025-04-01');
  t.deepEqual(analysis.refills.map((s) => s.prescriptionId), ['rx']);
  t.false(analysis.empty);
  const said = analysis.alerts.find((a) => a.key === 'refill.fills-unknown');
  t.like(said, { severity: 'info', facts: { drugName: 'NORVASC 5MG', prescriptionDate: '2025-03-01', institution: HOSPITAL_B.name, fill: 1 } });
  t.regex(alertMessages['refill.fills-unknown']?.['zh-TW'] ?? '', /未提供可調劑次數/);
});

test('ACETAMINOPHEN and PARACETAMOL products stay one group, named as the first record writes it', (t) => {
  const tylenol = record({ id: 'tyl', drugCode: 'TYLE000100', drugName: 'TYLENOL 500MG', ingredients: [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }], atc7: 'N02BE01', atc5: 'N02BE', frequency: 'QID', quantity: 112, visitDate: '2025-05-01' });
  const panadol = record({ id: 'pan', drugCode: 'PANA000100', drugName: 'PANADOL 500MG', ingredients: [{ name: 'PARACETAMOL', atc7: 'N02BE01' }], atc7: 'N02BE01', atc5: 'N02BE', frequency: 'QID', quantity: 112, visitDate: '2025-05-20' });
  const analysis = analyzeHistory({ ...emptyHistory, medications: [tylenol, panadol] }, '2025-05-21');
  t.deepEqual(analysis.groups.map((g) => g.ingredient), ['ACETAMINOPHEN']);
});

test('a refill pickup whose prescriber has no record in the history is named from the chronic prescription it wrote (imue0008s05), not by its code', (t) => {
  const MEDICAL_CENTER = { id: '0401180014', name: '示範醫學中心', visitKind: 'outpatient' as const };
  // Fill 2 of amlodipine at a pharmacy; the prescribing visit is older than the 3-month window.
  const pickup = record({ id: 'pickup', visitDate: '2025-08-26', refillDate: '2025-10-20', institution: PHARMACY_C, chronicOriginInstitutionId: MEDICAL_CENTER.id, visitSeqNo: 'IC02' });
  const nifedipine = record({ id: 'nif', drugCode: 'NIF0000100', drugName: 'NIFEDIPINE TABLETS', ingredients: [{ name: 'NIFEDIPINE', atc7: 'C08CA05' }], atc7: 'C08CA05', visitDate: '2025-10-28', institution: HOSPITAL_B });
  const history: PatientHistory = { ...emptyHistory, medications: [pickup, nifedipine] };
  const named = (h: PatientHistory) => analyzeHistory(h, '2025-11-03').duplicates.find((d) => d.level === 'L4')?.institutions;
  t.deepEqual(named(history), [MEDICAL_CENTER.id, HOSPITAL_B.name], 'without the prescription only the code is known');
  const prescription = chronic({ id: 'rx', prescriptionDate: '2025-08-26', institution: MEDICAL_CENTER, fillDates: ['2025-08-26', '2025-10-20'] });
  t.deepEqual(named({ ...history, chronic: [prescription] }), [MEDICAL_CENTER.name, HOSPITAL_B.name]);
});

test('a birth date after today (a mistyped ROC year) or over 130 years ago warns that the elderly cautions were not checked', (t) => {
  const patient = (birthDate: string) => ({ nationalId: 'A100000001', name: '測試', birthDate, sex: 'M' as const });
  const zolpidem = record({ ...ZOLPIDEM, visitDate: '2025-10-20' });
  for (const birthDate of ['2047-05-20', '1890-01-01']) {
    const analysis = analyzeHistory({ ...emptyHistory, patient: patient(birthDate), medications: [zolpidem] }, '2025-11-03');
    t.is(analysis.age, null);
    const said = analysis.alerts.find((a) => a.key === 'patient.age-unknown');
    t.like(said, { severity: 'warning', facts: { birthDate } }, birthDate);
    t.false(analysis.alerts.some((a) => a.key.startsWith('elderly.')));
    // The cloud knows the age: its own mark is still shown, and the warning says so.
    const marked = analyzeHistory({ ...emptyHistory, patient: patient(birthDate), medications: [{ ...zolpidem, cloudElderlyMark: true }] }, '2025-11-03');
    t.deepEqual(marked.alerts.filter((a) => a.key.startsWith('elderly.') || a.key === 'patient.age-unknown').map((a) => a.key).sort(), ['elderly.cloud-mark', 'patient.age-unknown']);
  }
  t.is(translate(alertMessages, 'patient.age-unknown', 'zh-TW', { birthDate: '2047-05-20' }), '出生日期 136/05/20 不合理（晚於查詢日或逾 130 歲），無法判斷年齡，未依本機規則檢查高齡者用藥（雲端自身的高齡標示仍列出）');
  const plausible = analyzeHistory({ ...emptyHistory, patient: patient('1945-05-20'), medications: [zolpidem] }, '2025-11-03');
  t.false(plausible.alerts.some((a) => a.key === 'patient.age-unknown'));
  t.false(analyzeHistory({ ...emptyHistory, medications: [zolpidem] }, '2025-11-03').alerts.some((a) => a.key === 'patient.age-unknown'), 'no patient, nothing to say');
});

test('refills: a newer slip of another brand with the same ingredient and form replaces the older one; another ingredient or a combination does not', (t) => {
  const amlodipine = (drugCode: string, drugName: string, ingredients = [{ name: 'AMLODIPINE', atc7: 'C08CA01' }]) =>
    record({ drugCode, drugName, ingredients, atc7: ingredients.length > 1 ? 'C09DB01' : 'C08CA01', visitDate: '2025-08-01' });
  const history = (newer: ReturnType<typeof record>): PatientHistory => ({
    ...emptyHistory,
    medications: [amlodipine('NORV000100', 'NORVASC 5MG'), newer],
    chronic: [
      chronic({ id: 'old', drugCode: 'NORV000100', drugName: 'NORVASC 5MG', prescriptionDate: '2025-08-01', fillDates: ['2025-08-01', '2025-08-25'] }),
      chronic({ id: 'new', drugCode: newer.drugCode, drugName: newer.drugName, prescriptionDate: '2025-10-01', fillDates: ['2025-10-01'] }),
    ],
  });
  const switched = analyzeHistory(history(amlodipine('AMLO000100', 'AMLODIN 5MG')), '2025-10-05');
  t.deepEqual(switched.refills.map((r) => [r.prescriptionId, r.replacedBy, r.replacedByDrugName]), [['old', '2025-10-01', 'AMLODIN 5MG'], ['new', null, null]]);
  const alert = switched.alerts.find((a) => a.key === 'refill.replaced');
  t.like(alert?.facts, { drugName: 'NORVASC 5MG', newerDrugName: 'AMLODIN 5MG', newerDate: '2025-10-01' });
  t.regex(translate(alertMessages, 'refill.replaced', 'en', alert?.facts), /a newer prescription of the same ingredients, AMLODIN 5MG, was written on 2025-10-01/);
  const exforge = analyzeHistory(history(amlodipine('EXFO000100', 'EXFORGE 5/80MG', [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }])), '2025-10-05');
  t.deepEqual(exforge.refills.map((r) => r.replacedBy), [null, null]);
});

test('refills: a fill collectable today says how many days the patient still has on hand when that is over the threshold (chained early pickups)', (t) => {
  // 28 × 3 from 1/1; fill 2 on 1/19, ten days early: fill 1 lasts to 1/28, fill 2 is carried to 2/25; on 2/6 fill 3 is due with 20 days on hand.
  const history = (fill2: string): PatientHistory => ({
    ...emptyHistory,
    medications: [
      record({ visitDate: '2025-01-01', institution: HOSPITAL_B, visitSeqNo: '0001' }),
      record({ visitDate: '2025-01-01', refillDate: fill2, institution: PHARMACY_C, visitSeqNo: 'IC02', chronicOriginInstitutionId: HOSPITAL_B.id }),
    ],
    chronic: [chronic({ prescriptionDate: '2025-01-01', fillDates: ['2025-01-01', fill2] })],
  });
  const early = analyzeHistory(history('2025-01-19'), '2025-02-06');
  const [alert] = early.alerts.filter((a) => a.key.startsWith('refill.'));
  t.like(alert, { severity: 'info', key: 'refill.eligible.on-hand', facts: { nextFill: 3, onHandDays: 20 } });
  t.regex(translate(alertMessages, 'refill.eligible.on-hand', 'zh-TW', alert?.facts), /今日可領第 3\/3 次（可領至 114\/03\/25）；病人手邊尚有約 20 日藥量/);
  // Fill 2 on its due day (1/29): on 2/16 fill 3 is due with 10 days left, not over the threshold.
  const onTime = analyzeHistory(history('2025-01-29'), '2025-02-16');
  t.deepEqual(onTime.alerts.filter((a) => a.key.startsWith('refill.')).map((a) => [a.key, a.facts.onHandDays]), [['refill.eligible', 10]]);
});

test('refills: two newer slips of one substance on one day name the same one in either order', (t) => {
  const amlodipine = (drugCode: string, drugName: string) => record({ drugCode, drugName, visitDate: '2025-08-01' });
  const slips = [
    chronic({ id: 'b', drugCode: 'BMLO000100', drugName: 'B-AMLO 5MG', prescriptionDate: '2025-10-01', fillDates: ['2025-10-01'] }),
    chronic({ id: 'a', drugCode: 'AMLO000100', drugName: 'A-AMLO 5MG', prescriptionDate: '2025-10-01', fillDates: ['2025-10-01'] }),
  ];
  const old = chronic({ id: 'old', drugCode: 'NORV000100', drugName: 'NORVASC 5MG', prescriptionDate: '2025-08-01', fillDates: ['2025-08-01', '2025-08-25'] });
  const medications = [amlodipine('NORV000100', 'NORVASC 5MG'), amlodipine('AMLO000100', 'A-AMLO 5MG'), amlodipine('BMLO000100', 'B-AMLO 5MG')];
  const named = (chronicList: ChronicPrescription[]) => analyzeHistory({ ...emptyHistory, medications, chronic: chronicList }, '2025-10-05').refills.find((r) => r.prescriptionId === 'old')?.replacedByDrugName;
  t.is(named([old, ...slips]), 'A-AMLO 5MG');
  t.is(named([old, ...[...slips].reverse()]), 'A-AMLO 5MG');
});

test('refills: a drug its records describe two ways (one name without a form word) is matched the same in either row order', (t) => {
  const medications = [
    record({ drugCode: 'AMLO000100', drugName: 'AMLODIN TABLETS 5MG', visitDate: '2025-08-01' }),
    record({ drugCode: 'NORV000100', drugName: 'NORVASC 5MG', dosageForm: 'other', visitDate: '2025-06-01' }),
    record({ drugCode: 'NORV000100', drugName: 'NORVASC TABLETS 5MG', visitDate: '2025-10-20' }),
  ];
  const chronicList = [
    chronic({ id: 'old', drugCode: 'AMLO000100', drugName: 'AMLODIN TABLETS 5MG', prescriptionDate: '2025-08-01', fillDates: ['2025-08-01', '2025-08-25', '2025-09-20'], fills: 4 }),
    chronic({ id: 'new', drugCode: 'NORV000100', drugName: 'NORVASC TABLETS 5MG', prescriptionDate: '2025-10-20', fillDates: ['2025-10-20'] }),
  ];
  for (const rows of [medications, [medications[0]!, medications[2]!, medications[1]!]]) {
    const old = analyzeHistory({ ...emptyHistory, medications: rows, chronic: chronicList }, '2025-10-21').refills.find((r) => r.prescriptionId === 'old');
    t.is(old?.replacedBy, '2025-10-20');
  }
});

test('records dated after the query day (a query day set back, a PC clock behind) are one warning, first among the warnings, naming how many and the latest', (t) => {
  const old = record({ id: 'old', visitDate: '2025-09-01' });
  const todays = record({ id: 'todays', visitDate: '2025-09-20' });
  const later = record({ id: 'later', visitDate: '2025-10-28' });
  const pickup = record({ id: 'pickup', visitDate: '2025-09-01', refillDate: '2025-09-29', institution: PHARMACY_C, chronicOriginInstitutionId: CLINIC_A.id, visitSeqNo: 'IC02' });
  const analysis = analyzeHistory({ ...emptyHistory, medications: [old, later, todays, pickup] }, '2025-09-20');
  const said = analysis.alerts.filter((a) => a.key === 'history.after-today');
  t.deepEqual(said, [{ severity: 'warning', key: 'history.after-today', facts: { count: 2, latest: '2025-10-28', today: '2025-09-20' } }]);
  t.is(analysis.alerts.find((a) => a.severity === 'warning')?.key, 'history.after-today');
  t.is(translate(alertMessages, 'history.after-today', 'zh-TW', said[0]?.facts), '2 筆用藥紀錄日期晚於查詢日 114/09/20（最晚 114/10/28）：請確認查詢日與電腦日期；這些紀錄列為未開始，餘藥與可領日以查詢日計');
  // Dispensed today is not after today.
  t.false(analyzeHistory({ ...emptyHistory, medications: [old, todays] }, '2025-09-20').alerts.some((a) => a.key === 'history.after-today'));
});

test('a valid slip whose fill 2 was collected 6 days early says so (info), beside today\'s collectable fill 3', (t) => {
  const slip: ChronicPrescription = { id: 'm', prescriptionDate: '2025-09-01', institution: CLINIC_A, drugCode: 'MET0000100', drugName: 'METFORMIN 500MG', daysPerFill: 30, fills: 3, fillDates: ['2025-09-01', '2025-09-15'], cloudExpired: null, diagnosis: null };
  const analysis = analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2025-10-06');
  t.like(analysis.alerts.find((a) => a.key === 'refill.collected-early'), { severity: 'info', facts: { fill: 2, collected: '2025-09-15', allowedFrom: '2025-09-21', daysEarly: 6 } });
  // Once the slip's validity has ended, its history says nothing.
  t.false(analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2026-01-10').alerts.some((a) => a.key === 'refill.collected-early'));
});

// The review's case: every fill collected, fills 2 and 3 early, the slip valid until 11/29. A
// completed slip said nothing at all unless some unrelated anomaly made it speak.
test('a completed slip still valid says which fills were collected early: the supply piled up on hand', (t) => {
  const slip: ChronicPrescription = { id: 'c', prescriptionDate: '2025-09-01', institution: CLINIC_A, drugCode: 'MET0000100', drugName: 'METFORMIN 500MG', daysPerFill: 30, fills: 3, fillDates: ['2025-09-01', '2025-09-15', '2025-10-01'], cloudExpired: null, diagnosis: null };
  const analysis = analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2025-10-05');
  t.is(analysis.refills[0]?.status, 'completed');
  t.deepEqual(analysis.alerts.map((a) => [a.key, a.facts.fill, a.facts.daysEarly]), [['refill.collected-early', 2, 6], ['refill.collected-early', 3, 4]]);
  // Collected on time, a completed slip says nothing.
  const onTime = { ...slip, fillDates: ['2025-09-01', '2025-09-21', '2025-10-21'] };
  t.deepEqual(analyzeHistory({ ...emptyHistory, chronic: [onTime] }, '2025-10-25').alerts, []);
});

test('on the last day of validity a collectable fill says so: tomorrow a new prescription is needed', (t) => {
  const slip: ChronicPrescription = { id: 'l', prescriptionDate: '2025-07-01', institution: CLINIC_A, drugCode: 'LOS0000100', drugName: 'LOSARTAN 50MG', daysPerFill: 28, fills: 3, fillDates: ['2025-07-01', '2025-07-28'], cloudExpired: null, diagnosis: null };
  const lastDay = analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2025-09-22');
  t.like(lastDay.alerts.find((a) => a.key.startsWith('refill.eligible')), { key: 'refill.eligible.last-day', facts: { validUntil: '2025-09-22', nextFill: 3 } });
  t.is(analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2025-09-21').alerts.find((a) => a.key.startsWith('refill.eligible'))?.key, 'refill.eligible');
  t.like(analyzeHistory({ ...emptyHistory, chronic: [slip] }, '2025-09-23').alerts.find((a) => a.key.startsWith('refill.')), { key: 'refill.expired' });
});

test('a dose rule\'s caution says the dose found, or that it cannot be worked out', (t) => {
  const digoxin = (id: string, unitStrengthMg: number | null) =>
    record({ id, drugCode: `DIGO${id}`, drugName: `DIGOXIN ${unitStrengthMg ?? ''}`, ingredients: [{ name: 'DIGOXIN', atc7: 'C01AA05' }], atc7: 'C01AA05', unitStrengthMg, visitDate: '2025-05-01', quantity: 28 });
  const patient = { nationalId: 'A100000001', name: '測試長者', birthDate: '1940-05-01', sex: 'F' as const };
  const textOf = (medications: PatientHistory['medications'], lang: 'zh-TW' | 'en') => {
    const alert = analyzeHistory({ ...emptyHistory, patient, medications }, '2025-05-10').alerts.find((a) => a.key === 'elderly.avoid');
    return alert === undefined ? '' : translate(alertMessages, alert.key, lang, alert.facts);
  };
  t.regex(textOf([digoxin('a', 0.125), digoxin('b', 0.0625)], 'zh-TW'), /（避免作第一線用藥；每日 > 0\.125 mg；目前每日 0\.1875 mg）$/);
  t.regex(textOf([digoxin('a', 0.125), digoxin('b', 0.0625)], 'en'), / \(avoid as first line; > 0\.125 mg\/day; now 0\.1875 mg a day\)$/);
  t.regex(textOf([digoxin('c', null)], 'zh-TW'), /；每日劑量無法計算，請核對處方）$/);
  // A rule without a dose condition says no dose.
  const zolpidem = analyzeHistory({ ...emptyHistory, patient, medications: [record({ ...ZOLPIDEM, visitDate: '2025-05-01' })] }, '2025-05-10').alerts.find((a) => a.key === 'elderly.avoid');
  t.false(translate(alertMessages, 'elderly.avoid', 'zh-TW', zolpidem?.facts ?? {}).includes('目前每日'));
});

// From a review of allergy matching: the reaction to fill 1 is recorded after it, so no record
// after the allergy names the drug, and the refill alert said 可領 beside 「過敏紀錄：AMLODIPINE」.
test('a chronic slip with a fill to collect whose drug holds an allergen on record says so (critical for a severe allergy)', (t) => {
  const allergy = { date: '2025-04-25', drugNames: ['AMLODIPINE'], symptoms: ['水腫'], severity: 'severe' as const, dataType: null, dataSource: null, institutionName: null, geneticTest: null };
  const history: PatientHistory = { ...fullHistory(), allergies: [allergy] };
  const analysis = analyzeHistory(history, '2025-05-10');
  const alert = analysis.alerts.find((a) => a.key === 'allergy.refill');
  t.like(alert, { severity: 'critical', facts: { allergen: 'AMLODIPINE', prescriptionDate: '2025-04-20', nextFill: 2, fills: 3 } });
  t.regex(translate(alertMessages, 'allergy.refill', 'zh-TW', alert?.facts), /^慢箋藥品含過敏成分：病人對 AMLODIPINE 有過敏紀錄，慢箋 .+（114\/04\/20 開立）仍有第 2\/3 次待領；請勿逕行調劑/);
  // The amlodipine record came before the allergy: no allergy.prescribed for it.
  t.false(analysis.alerts.some((a) => a.key === 'allergy.prescribed'));
  // A slip without the drug in the records is read from its name; a completed slip says nothing.
  const named = { ...history, medications: [], chronic: [chronic({ id: 'rx-n', drugName: 'NORVASC TABLETS 5MG (AMLODIPINE)', prescriptionDate: '2025-04-20', fillDates: ['2025-04-20'] })] };
  t.true(analyzeHistory(named, '2025-05-10').alerts.some((a) => a.key === 'allergy.refill'));
  const done = { ...named, chronic: [chronic({ id: 'rx-d', drugName: 'NORVASC TABLETS 5MG (AMLODIPINE)', prescriptionDate: '2025-02-01', fillDates: ['2025-02-01', '2025-03-01', '2025-03-29'] })] };
  t.false(analyzeHistory(done, '2025-05-10').alerts.some((a) => a.key === 'allergy.refill'));
});
