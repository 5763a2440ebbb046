// The report from a real cache file: audit rows appended through F's API the way the look-up
// and the kiosk flow append them (injected times), read back by the streaming reader.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { CacheError } from '../../../src/core/cache/index.ts';
import { openAuditReader } from '../../../src/core/cache/audit-query.ts';
import { careListOpenEntry, percent, renderReportText, reportFromCache } from '../../../src/core/report/index.ts';
import { STAFF_A, STAFF_B, lookupEntry, syntheticId, tempCache } from './helpers.ts';

test('NHI’s example 150 / (120 + 21 + 30) = 87.7 % reproduced from audit rows and a visit list', (t) => {
  const { cache } = tempCache(t);
  const lines = ['visit_id,date,patient,staff,care_list,five_classes'];
  const open = (staffId: string, patientId: string, at: string) => cache.audit.append(careListOpenEntry({ staffId, role: 'pharmacist' }, patientId, new Date(at)));
  // 175 care-list visits of 100 patients over two days (NHI: 100 care-list patients that month).
  for (let i = 0; i < 175; i++) {
    const patient = syntheticId(i % 100);
    const day = i < 100 ? '2026-10-05' : '2026-10-06';
    const prescribed = i < 120 || (i >= 145 && i < 166);
    lines.push(`V${i},${day},${patient},${STAFF_A},Y,${prescribed ? 'Y' : 'N'}`);
    const opened = i < 145;
    if (opened) open(STAFF_A, patient, `${day}T02:00:00Z`);
    // Opened again later in the same visit (23:30 at the counter, 15:30 UTC): still once.
    if (i < 10) open(STAFF_A, patient, `${day}T15:30:00Z`);
  }
  // A second pharmacist opens five of the same visits (V120–V124, which did not prescribe): counted separately.
  for (let i = 120; i < 125; i++) open(STAFF_B, syntheticId(i % 100), '2026-10-06T03:00:00Z');
  // Not on the care list: prescribed, never opened, not rated.
  lines.push(`V999,2026-10-05,${syntheticId(500)},${STAFF_A},N,Y`);
  // A failed open (the query did not succeed) is no opening (NHI: 成功查詢個案資訊後才記為已開啟).
  cache.audit.append({ action: 'care-list-open', at: new Date('2026-10-06T04:00:00Z'), staffId: STAFF_A, patientId: syntheticId(170 % 100), outcome: 'failed-timeout' });

  const { report, visitProblems } = reportFromCache(cache, { from: '2026-10-01', to: '2026-10-31', by: 'month', visitsCsv: lines.join('\n') });
  t.deepEqual(visitProblems, []);
  t.like(report.careList.rate, { opened: 150, openedAndPrescribed: 120, openedNotPrescribed: 30, prescribedNotOpened: 21, neither: 9, denominator: 171 });
  t.is(percent(report.careList.rate.rate), '87.7 %');
  t.is(report.careList.visitSource, 'visits');
  t.deepEqual(report.staff.map((s) => [s.staff, s.careListOpens]), [['A12****789', 5], ['B12****158', 145]]);
  const text = renderReportText(report, { lang: 'zh-TW' }).join('\n');
  t.regex(text, /開啟率 = 150 \/ 171 = 87\.7 %/);
  t.regex(text, /分母：有開立五類藥之人次 141（有開啟 120 \+ 未開啟 21）\+ 有開啟未開立 30 = 171/);
  t.regex(renderReportText(report, { lang: 'en' }).join('\n'), /open rate = 150 \/ 171 = 87\.7 %/);
});

test('month boundary at the counter: 10-31 23:59 Taipei is October, 11-01 00:00 is November (TZ=UTC machine)', (t) => {
  const { cache } = tempCache(t);
  cache.audit.append(lookupEntry('2026-09-30T15:59:59Z', syntheticId(1))); // 09-30 23:59:59 Taipei
  cache.audit.append(lookupEntry('2026-09-30T16:00:00Z', syntheticId(2))); // 10-01 00:00 Taipei
  cache.audit.append(lookupEntry('2026-10-31T15:59:59Z', syntheticId(3))); // 10-31 23:59:59 Taipei
  cache.audit.append(lookupEntry('2026-10-31T16:00:00Z', syntheticId(4))); // 11-01 00:00 Taipei
  const { report } = reportFromCache(cache, { from: '2026-10-01', to: '2026-11-30', by: 'month' });
  t.deepEqual(report.periods.map((p) => [p.label, p.lookups]), [['2026-10', 2], ['2026-11', 1]]);
  t.is(report.rows, 3, 'the September row is not even read');
});

test('查詢率 from a visit list of national IDs, matched to the log by the cache’s patient key; IDs never reach the output', (t) => {
  const { cache } = tempCache(t);
  const seen = [1, 2, 3, 4, 5].map((n) => syntheticId(n));
  cache.audit.append(lookupEntry('2026-10-02T01:00:00Z', seen[0] as string));
  cache.audit.append(lookupEntry('2026-10-02T01:10:00Z', seen[1] as string, { outcome: 'offline-network' }));
  cache.audit.append(lookupEntry('2026-10-02T01:20:00Z', seen[2] as string, { outcome: 'failed-timeout' }));
  cache.audit.append(lookupEntry('2026-10-01T10:00:00Z', seen[3] as string, { action: 'prefetch', consent: 'none' }));
  const visits = ['visit_id,date,patient,staff', ...seen.map((id, i) => `V${i},2026-10-02,${id},${STAFF_A}`), 'broken line', `V9,2026-13-01,${seen[0]},`].join('\n');
  const { report, visitProblems } = reportFromCache(cache, { from: '2026-10-01', to: '2026-10-31', by: 'month', visitsCsv: visits });
  t.deepEqual(visitProblems, [{ line: 7, kind: 'columns' }, { line: 8, kind: 'date' }]);
  // Looked up with data shown: 1 (ok), 2 (offline, cache shown), 4 (prefetched) of 5 seen.
  t.like(report.coverage, { visits: 5, patientsSeen: 5, patientsLookedUp: 3, rate: 0.6, meetsThreshold: true });
  const json = JSON.stringify(report);
  for (const id of seen) t.false(json.includes(id));
});

test('the reader streams rows with the emergency reason unsealed and the staff ID left sealed', (t) => {
  const { cache } = tempCache(t);
  cache.audit.append(lookupEntry('2026-10-02T01:00:00Z', syntheticId(1), { consent: 'emergency', reason: '病人昏迷，送急診' }));
  cache.audit.append(lookupEntry('2026-10-02T02:00:00Z', syntheticId(2)));
  const reader = openAuditReader(cache);
  t.teardown(() => reader.close());
  const rows = reader.rows({ from: new Date('2026-10-01T00:00:00Z') });
  const first = rows.next();
  t.false(first.done);
  t.like(first.value, { seq: 1, staffMasked: 'B12****158', reason: '病人昏迷，送急診', consent: 'emergency' });
  t.false('staffId' in (first.value as object));
  t.is([...rows].length, 1, 'the rest follows from the same cursor');
  t.is(reader.patientKeyOf(syntheticId(1)), cache.audit.forPatient(syntheticId(1))[0]?.patientKey ?? 'missing');
  const { report } = reportFromCache(cache, { from: '2026-10-01', to: '2026-10-31', by: 'day' });
  t.deepEqual(report.emergency.map((e) => e.reason), ['病人昏迷，送急診']);
});

test('a key file that does not belong to the cache is a typed wrong-key error', (t) => {
  const { cache, dir } = tempCache(t);
  cache.audit.append(lookupEntry('2026-10-02T01:00:00Z', syntheticId(1)));
  const other = join(dir, 'other.key');
  writeFileSync(other, Buffer.alloc(32, 7), { mode: 0o600 });
  const error = t.throws(() => reportFromCache({ path: cache.path, keyFile: other }, { from: '2026-10-01', to: '2026-10-31', by: 'day' }));
  t.true(error instanceof CacheError);
  t.is((error as CacheError).kind, 'wrong-key');
});

test('a cache file that is not there is a typed not-found error, and nothing is created', (t) => {
  const { dir, keyFile } = tempCache(t);
  const path = join(dir, 'absent.db');
  const error = t.throws(() => reportFromCache({ path, keyFile }, { from: '2026-10-01', to: '2026-10-31', by: 'day' }));
  t.is((error as CacheError).kind, 'not-found');
  t.false(existsSync(path));
});

test('rows appended out of time order (an injected clock) are all read, each in its own Taipei day, across pages', (t) => {
  const { cache } = tempCache(t);
  // 2,100 rows: more than one page of the reader; every tenth is stamped a day earlier.
  const when = (i: number) => (i % 10 === 0 ? '2026-10-01T03:00:00Z' : '2026-10-02T03:00:00Z');
  for (let i = 0; i < 2100; i++) cache.audit.append({ action: 'lookup-start', at: new Date(when(i)), staffMasked: 'B12****158', consent: 'pin', outcome: 'started' });
  const { report } = reportFromCache(cache, { from: '2026-10-01', to: '2026-10-02', by: 'day' });
  t.is(report.rows, 2100);
  t.deepEqual(report.cacheHit, { basis: 'kiosk', hits: 0, lookups: 2100, share: 0 });
  const reader = openAuditReader(cache);
  t.teardown(() => reader.close());
  t.is([...reader.rows({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-01T16:00:00Z') })].length, 210);
});
