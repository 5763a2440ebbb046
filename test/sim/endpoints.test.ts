// Each endpoint's shape over real HTTP: envelope, field names and the real date formats
// (research anchors 1(b), 1(c).12), the query log and the numbers computed at query time.
import test from 'ava';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { API_PREFIX, DATA_ENDPOINTS } from '../../src/sim/endpoints.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { getData, login, manualClock } from './helpers.ts';

const clock = manualClock('2026-11-23T02:00:00Z'); // 10:00 in Taipei
let sim: RunningSimulator;
const tokens = new Map<string, string>();

test.before(async () => {
  sim = await startSimulator({ seed: 20261123, clock: clock.now });
  for (const id of ['P001', 'P002', 'P006']) tokens.set(id, await login(sim.url, sim.deck, findStaff(sim.deck, 'S01')!, findPatient(sim.deck, id)!));
});
test.after.always(() => sim.close());

type Row = Record<string, unknown>;
async function json(id: string, endpoint: keyof typeof DATA_ENDPOINTS): Promise<unknown> {
  const res = await getData(sim.url, endpoint, tokens.get(id)!);
  if (res.status !== 200) throw new Error(`${endpoint}: ${res.status}`);
  return res.json();
}

test.serial('today defaults to the Taipei date of the injected clock; Date header follows the clock', async (t) => {
  const res = await fetch(`${sim.url}/__sim/health`);
  t.deepEqual(await res.json(), { ok: true, seed: 20261123, today: '2026-11-23', queryDate: '2026-11-23', patients: 240 });
  t.is(res.headers.get('date'), 'Mon, 23 Nov 2026 02:00:00 GMT');
});

test('imue0008s02: {log2time, robject} with the real field names and date formats', async (t) => {
  const body = (await json('P001', 'imue0008s02')) as { log2time: string; robject: Row[] };
  t.deepEqual(Object.keys(body), ['log2time', 'robject']);
  t.is(body.log2time, '2026-11-23T10:00:00');
  const row = body.robject[0]!;
  for (const field of ['hosp', 'hosp_id', 'icd_code', 'icd_cname', 'drug_code', 'drug_ename', 'drug_ing_name', 'drug_ing_code', 'drug_atc7_code', 'drug_atc5_code', 'drug_atc5_name', 'drug_atc3_code', 'drug_multi_mark', 'drug_65_mark', 'dup_drug_mark', 'drug_date', 'cure_e_date', 'drug_fre', 'qty', 'day', 'drug_std_qty', 'drug_left', 'func_seq_no', 'chr_hosp_id', 'fee_ym', 'ay_flag', 'r']) {
    t.true(field in row, field);
  }
  for (const r of body.robject) {
    t.regex(String(r.drug_date), /^\d{4}\/\d{2}\/\d{2}$/);
    if (r.cure_e_date !== null) t.regex(String(r.cure_e_date), /^\d{4}-\d{2}-\d{2}T00:00:00$/);
    t.regex(String(r.hosp), /^[^;]+;(門診|急診|住診|藥局);\d{10}$/);
    t.regex(String(r.drug_atc7_code), /^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
    t.regex(String(r.func_seq_no), /^(\d{4}|IC0[23])$/);
  }
  // drug_left = start + day − query day, no carry-over.
  const any = body.robject.find((r) => r.cure_e_date === null)!;
  const start = Date.parse(String(any.drug_date).replaceAll('/', '-'));
  t.is(any.drug_left, Math.max(0, (start + Number(any.day) * 86_400_000 - Date.parse('2026-11-23')) / 86_400_000));
});

test('drug_left is computed at query time: a day later it is one less', async (t) => {
  const local = manualClock('2026-11-23T02:00:00Z');
  const other = await startSimulator({ seed: 20261123, clock: local.now });
  t.teardown(() => other.close());
  const signIn = () => login(other.url, other.deck, findStaff(other.deck, 'S01')!, findPatient(other.deck, 'P002')!);
  const rowsNow = async () => ((await (await getData(other.url, 'imue0008s02', await signIn())).json()) as { robject: Row[] }).robject;
  const first = await rowsNow();
  local.advance(86_400_000);
  t.is(other.queryDate(), '2026-11-24');
  const second = await rowsNow();
  const positive = first.findIndex((r) => Number(r.drug_left) > 1);
  t.true(positive >= 0);
  t.is(second[positive]!.drug_code, first[positive]!.drug_code);
  t.is(Number(second[positive]!.drug_left), Number(first[positive]!.drug_left) - 1);
});

test('imue0008s05: {chrDataN, chrDataY} without robject; ROC func_date; sort_code 1/2/3', async (t) => {
  const body = (await json('P006', 'imue0008s05')) as { chrDataN: Row[]; chrDataY: Row[] };
  t.deepEqual(Object.keys(body), ['chrDataN', 'chrDataY']);
  const rows = [...body.chrDataN, ...body.chrDataY];
  for (const r of rows) {
    t.regex(String(r.func_date), /^\d{3}\/\d{2}\/\d{2}$/);
    t.regex(String(r.rel_date), /^\d{3}\/\d{2}\/\d{2}$/);
    t.true(['1', '2', '3'].includes(String(r.sort_code)));
  }
  const pickup = rows.find((r) => r.sort_code === '3')!;
  t.regex(String(pickup.func_seq_no), /^IC0[23]$/);
  t.is(typeof pickup.chr_num, 'number');
  t.true(rows.some((r) => r.sort_code === '2' && typeof r.chr_days === 'number'));
  t.true(body.chrDataY.every((r) => r.overdue === 'Y') && body.chrDataN.every((r) => r.overdue === 'N'));
});

test('imue0120s01 pres-med-day: YYYYMMDD funcDate, YYYY/MM/DD edate, string pres_med_day counting both ends', async (t) => {
  const body = (await json('P001', 'imue0120s01')) as { robject: Row[] };
  t.true(body.robject.length > 0);
  for (const r of body.robject) {
    t.regex(String(r.funcDate), /^\d{8}$/);
    t.regex(String(r.edate), /^\d{4}\/\d{2}\/\d{2}$/);
    t.regex(String(r.ingredient), /^[A-Z0-9 ().,；-]+ , .+劑$/);
    t.regex(String(r.drug_group_code), /^[A-Z]\d{2}[A-Z]{2,3}\d{5}$/);
    t.regex(String(r.drug_type), /^\d{2}$/);
    t.is(typeof r.pres_med_day, 'string');
    const edate = Date.parse(String(r.edate).replaceAll('/', '-'));
    t.is(Number(r.pres_med_day), Math.max(0, (edate - Date.parse('2026-11-23')) / 86_400_000 + 1));
  }
});

test('imue0009s02 detail rows and imue0009s03 as a bare array', async (t) => {
  const detail = (await json('P002', 'imue0009s02')) as { robject: Row[] };
  const row = detail.robject[0]!;
  t.regex(String(row.treat_d), /^\d{3}\/\d{2}\/\d{2}$/);
  t.regex(String(row.treat_t), /^\d{6}$/);
  for (const field of ['drug_rel_code_ename', 'drug_ing_code', 'hosp', 'hosp_id', 'hosp_abbr', 'drug_qty', 'drug_ddd_qty', 'memo', 'fee_ym']) t.true(field in row, field);
  const summary = await json('P002', 'imue0009s03');
  t.true(Array.isArray(summary));
  const first = (summary as Row[])[0]!;
  t.deepEqual(Object.keys(first), ['drug_rel_code_ename', 'drug_ing_code', 'fee_ym', 'hosp_times', 'hosp_units', 'drug_qty', 'drug_ddd_qty', 'code_cname']);
});

test('imue0040s02 allergy: ISO occur_date, ROC upload_d, name;id hosp', async (t) => {
  const body = (await json('P001', 'imue0040s02')) as { robject: Row[] };
  t.true(body.robject.length >= 2);
  for (const r of body.robject) {
    if (r.occur_date !== null) t.regex(String(r.occur_date), /^\d{4}-\d{2}-\d{2}T00:00:00$/);
    t.regex(String(r.upload_d), /^\d{3}\/\d{2}\/\d{2}$/);
    t.regex(String(r.hosp), /^[^;]+;\d{10}$/);
  }
});

test('imue2000s01 summary: [{txt, img}] with the eGFR note the analyzers read', async (t) => {
  const body = (await json('P001', 'imue2000s01')) as { robject: { txt: string; img: string }[] };
  const ckd = body.robject.find((r) => r.img === 'summary-icon-3.png');
  t.truthy(ckd);
  t.regex(ckd!.txt, /最近一筆eGFR值為\[34\]，採檢日期為\[\d{3}\/\d{2}\/\d{2}\]/);
  const care = (await json('P002', 'imue2000s01')) as { robject: { txt: string }[] };
  t.true(care.robject.some((r) => r.txt.includes('關懷名單')));
});

test.serial('insert_log=true queries are logged with masked IDs and the cli_datetime; others are not', async (t) => {
  await fetch(`${sim.url}/__sim/log`, { method: 'DELETE' });
  const token = tokens.get('P001')!;
  const headers = { Authorization: `Bearer ${token}` };
  await fetch(`${sim.url}${API_PREFIX}${DATA_ENDPOINTS.imue0008s02}?cli_datetime=2026-11-23T09:59:58&insert_log=true`, { headers });
  await fetch(`${sim.url}${API_PREFIX}${DATA_ENDPOINTS.imue0008s05}?cli_datetime=2026-11-23T09:59:59`, { headers });
  const log = (await (await fetch(`${sim.url}/__sim/log`)).json()) as Row[];
  t.is(log.length, 1);
  const p001 = findPatient(sim.deck, 'P001')!;
  t.is(log[0]!.endpoint, 'imue0008s02');
  t.is(log[0]!.cliDatetime, '2026-11-23T09:59:58');
  t.is(log[0]!.patient, `${p001.nationalId.slice(0, 3)}****${p001.nationalId.slice(-3)}`);
  t.false(JSON.stringify(log).includes(p001.nationalId));
  t.false(JSON.stringify(log).includes(findStaff(sim.deck, 'S01')!.staffId));
});

test('a malformed cli_datetime is 400', async (t) => {
  const res = await fetch(`${sim.url}${API_PREFIX}${DATA_ENDPOINTS.imue0008s02}?cli_datetime=2026/11/23&insert_log=true`, { headers: { Authorization: `Bearer ${tokens.get('P001')!}` } });
  t.is(res.status, 400);
  t.is(((await res.json()) as Row).rtnCode, 'BAD_CLI_DATETIME');
});

test('unknown paths are 404 and wrong methods 405', async (t) => {
  t.is((await fetch(`${sim.url}/imu/api/imue9999/x`)).status, 404);
  t.is((await fetch(`${sim.url}${API_PREFIX}${DATA_ENDPOINTS.imue0008s02}`, { method: 'POST' })).status, 405);
});
