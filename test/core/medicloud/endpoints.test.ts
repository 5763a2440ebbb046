import test from 'ava';
import {
  ENDPOINT_IDS,
  MEDICLOUD_ENDPOINTS,
  MedicloudShapeError,
  mapAllergy,
  mapCareList,
  mapCareListSummary,
  mapMedDays,
  tryParseEndpoint,
} from '../../../src/core/medicloud/index.ts';

test('pres-med-day rows keep the cloud’s cumulative leftover, strings read as numbers', (t) => {
  const [group] = mapMedDays({
    log2time: '2025-04-14T10:00:00',
    robject: [
      {
        atc5: 'SULFONYLUREAS',
        ingredient: 'GLICLAZIDE , 緩釋錠劑膠囊劑',
        drug_group_code: 'A10GLI41212',
        drug_type: '03',
        funcDate: '20250406',
        order_drug_day: '28',
        edate: '2025/05/13',
        pres_med_day: '30',
        hosp_id: '0401180014',
        icd_code: 'E119',
      },
    ],
  });
  t.deepEqual(group, {
    groupCode: 'A10GLI41212',
    atc5Name: 'SULFONYLUREAS',
    ingredient: 'GLICLAZIDE',
    dosageFormText: '緩釋錠劑膠囊劑',
    dosageForm: 'oral',
    lastDispensed: '2025-04-06',
    daysSupply: 28,
    supplyEnd: '2025-05-13',
    leftoverDays: 30,
    institutionId: '0401180014',
  });
});

test('pres-med-day form texts read as our dosage forms; a text naming none is other', (t) => {
  const formOf = (text: string) => {
    const row = { ingredient: `NIFEDIPINE , ${text}`, drug_group_code: 'C08NIF41212', funcDate: '20250406', order_drug_day: '28', edate: '2025/05/13', pres_med_day: '30' };
    return mapMedDays({ log2time: '2025-04-14T10:00:00', robject: [row] })[0]?.dosageForm;
  };
  t.is(formOf('一般錠劑膠囊劑'), 'oral');
  t.is(formOf('緩釋錠劑膠囊劑'), 'oral');
  t.is(formOf('舌下錠'), 'sublingual');
  t.is(formOf('眼用製劑'), 'eye');
  t.is(formOf('注射劑'), 'injection');
  t.is(formOf('外用軟膏'), 'topical');
  t.is(formOf(''), 'other');
});

// The reference's own rows: zolpidem 420 mg = 42 DDD at 安捷幸福診所 on 114/10/10 and 114/09/10.
const zolpidemRow = (day: string) => ({
  treat_d: day,
  treat_t: '110126',
  drug_rel_code_ename: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)',
  drug_ing_code: '2824801820+2824801810',
  hosp: '安捷幸福診所;門診;3532052586',
  hosp_id: '3532052586',
  hosp_abbr: '安捷幸福診所',
  drug_qty: '420',
  drug_ddd_qty: 42,
  memo: '依WHOATC/DDDIndex建議每人日劑量為10mg，每半年約當1825mg。(mg:毫克)',
  fee_ym: '11410',
});

test('care-list detail rows (s02) map with ROC dates, mg and the cloud’s DDD', (t) => {
  const rows = mapCareList({ log2time: 'x', robject: [zolpidemRow('114/10/10'), zolpidemRow('114/09/10')] });
  t.deepEqual(rows.map((r) => r.date), ['2025-10-10', '2025-09-10']);
  t.like(rows[0], { ingredientCode: '2824801820+2824801810', totalMg: 420, cloudTotalDdd: 42, institution: { id: '3532052586', name: '安捷幸福診所' } });
});

test('the care-list summary (s03) is a bare array with ROC months', (t) => {
  const rows = mapCareListSummary([
    { drug_rel_code_ename: 'BROTIZOLAM', drug_ing_code: '2824202400', fee_ym: '114/03', hosp_times: '1', hosp_units: 1, drug_qty: 14, drug_ddd_qty: '56', code_cname: null },
    { drug_rel_code_ename: 'BROTIZOLAM', drug_ing_code: '(2824202400)', fee_ym: '11405', hosp_times: 2, hosp_units: 1, drug_qty: 28, drug_ddd_qty: 112 },
  ]);
  t.deepEqual(rows.map((r) => [r.month, r.visits, r.totalMg, r.totalDdd, r.ingredientCode]), [
    ['2025-03', 1, 14, 56, '2824202400'],
    ['2025-05', 2, 28, 112, '2824202400'],
  ]);
  const error = t.throws(() => mapCareListSummary([{ drug_rel_code_ename: 'X', drug_ing_code: '1', fee_ym: '114/13', hosp_times: 1, hosp_units: 1, drug_qty: 1 }]), {
    instanceOf: MedicloudShapeError,
  });
  t.is(error?.message, 'imue0009s03 [0].fee_ym: not a year-month "114/13"');
});

test('"no allergy" written as 無, NKDA, NKA, 無藥物過敏, 無過敏 or none is noise too, in any case and spacing', (t) => {
  const rows = ['無', 'NKDA', 'nkda', 'N K A', '無藥物過敏', '無過敏', '無已知藥物過敏', 'None', 'NIL'].map((drug_name) => ({ occur_date: '2024-01-01T00:00:00', drug_name }));
  t.deepEqual(mapAllergy({ robject: rows }), []);
  // A real allergy beside the words is kept, and a name merely containing 無 is not noise.
  const [kept] = mapAllergy({ robject: [{ occur_date: '2024-01-01T00:00:00', drug_name: ';NKDA;ASPIRIN;無水咖啡因' }] });
  t.deepEqual(kept?.drugNames, ['ASPIRIN', '無水咖啡因']);
});

test('"no allergy" as 無過敏史, N/A or in full-width letters (ＮＫＤＡ) is noise; a severity as the word alone or a full-width code reads the same', (t) => {
  const rows = ['無過敏史', '無藥物過敏史', 'N/A', 'ＮＫＤＡ', 'ｎｏｎｅ'].map((drug_name) => ({ occur_date: '2024-01-01T00:00:00', drug_name }));
  t.deepEqual(mapAllergy({ robject: rows }), []);
  const severity = (allerg_severity_level: string) => mapAllergy({ robject: [{ occur_date: '2024-01-01T00:00:00', drug_name: 'PENICILLIN', allerg_severity_level }] })[0]?.severity;
  t.deepEqual(['１-重度', '重度', '中度', '２-中度', '輕度', '其他', '5-?'].map(severity), ['severe', 'severe', 'moderate', 'moderate', 'mild', 'other', 'unknown']);
});

test('an allergy row listed twice is read once; two reactions to one drug on two days are two', (t) => {
  const row = { occur_date: '2024-03-01T00:00:00', drug_name: ';;;PENICILLIN', sympton_name: '皮疹', allerg_severity_level: '2-中度' };
  t.is(mapAllergy({ robject: [row, { ...row }] }).length, 1);
  t.is(mapAllergy({ robject: [row, { ...row, occur_date: '2024-05-01T00:00:00' }] }).length, 2);
});

test('allergy noise (NP, N.P, 未記錄, 未過敏) is dropped and ;-joined slots are split', (t) => {
  const allergies = mapAllergy({
    robject: [
      { occur_date: '2024-03-01T00:00:00', drug_name: ';;;PENICILLIN', sympton_name: '皮疹;;呼吸困難;', allerg_severity_level: '1-重度', data_type: '健保卡上傳', data_source: '病人自述', hosp: '示範醫院;0401180014', upload_d: '113/03/02' },
      { occur_date: null, upload_d: '113/05/02', drug_name: ';磺胺類抗生素(SULFONAMIDES);NP;', sympton_name: null, allerg_severity_level: '3-輕度' },
      { occur_date: '2024-01-01T00:00:00', drug_name: 'N.P.', sympton_name: '', allerg_severity_level: '9-其他' },
      { occur_date: '2024-01-02T00:00:00', drug_name: ';未過敏;', allerg_severity_level: null },
      { occur_date: null, drug_name: ' 未記錄 ' },
    ],
  });
  t.is(allergies.length, 2);
  t.deepEqual(allergies[0], {
    date: '2024-03-01',
    drugNames: ['PENICILLIN'],
    symptoms: ['皮疹', '呼吸困難'],
    severity: 'severe',
    dataType: '健保卡上傳',
    dataSource: '病人自述',
    institutionName: '示範醫院',
    geneticTest: null,
  });
  t.like(allergies[1], { date: '2024-05-02', drugNames: ['磺胺類抗生素(SULFONAMIDES)'], severity: 'mild' });
});

test('every endpoint id has a schema and a mapper, and tryParseEndpoint returns errors as values', (t) => {
  t.deepEqual(ENDPOINT_IDS, ['imue0008s02', 'imue0008s05', 'imue0120s01', 'imue0009s02', 'imue0009s03', 'imue0040s02', 'imue2000s01']);
  for (const id of ENDPOINT_IDS) t.is(MEDICLOUD_ENDPOINTS[id].id, id);
  const outcome = tryParseEndpoint('imue0120s01', { robject: [{ ingredient: 'X , 錠', drug_group_code: 'G', funcDate: '20250101', order_drug_day: 7, edate: 'soon', pres_med_day: 1 }] });
  t.false(outcome.ok);
  if (!outcome.ok) t.is(outcome.error.message, 'imue0120s01 robject[0].edate: not a date "soon"');
  t.true(tryParseEndpoint('imue0040s02', { robject: [] }).ok);
});
