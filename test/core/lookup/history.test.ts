// Cached snapshots → PatientHistory: the 摘要 (imue2000s01) is cached and mapped like every
// other endpoint — a good raw answer becomes notes, one the schema now rejects is "missing"
// (fetched again), and a never-fetched summary is missing too.
import test from 'ava';
import { historyFromParts, partsFromSnapshots } from '../../../src/core/lookup/history.ts';
import { ENDPOINT_IDS } from '../../../src/core/medicloud/index.ts';

const fetchedAt = new Date('2026-11-23T02:00:00Z');
const summaryPayload = {
  log2time: '2026-11-23T10:00:00',
  robject: [{ txt: "此病人腎功能不佳，<span class='red-sign'>最近一筆eGFR值為[34]，採檢日期為[115/10/14]</span>", img: 'summary-icon-3.png' }],
};

test('a cached summary snapshot maps to notes with its fetch time and reaches the history', (t) => {
  const cached = partsFromSnapshots([{ endpoint: 'imue2000s01', payload: summaryPayload, fetchedAt }]);
  t.like(cached.parts.imue2000s01?.[0], { kind: 'ckd', egfr: 34, egfrDate: '2026-10-14' });
  t.is(cached.fetchedAt.imue2000s01, fetchedAt);
  t.false(cached.missing.includes('imue2000s01'));
  t.deepEqual(cached.missing, ENDPOINT_IDS.filter((id) => id !== 'imue2000s01'));
  const history = historyFromParts(null, cached.parts);
  t.is(history.summary.length, 1);
  t.deepEqual(history.medications, []);
});

test('a summary the schema rejects, or none at all, is missing and the history has no notes', (t) => {
  const bad = partsFromSnapshots([{ endpoint: 'imue2000s01', payload: { robject: [{ img: 'summary-icon-3.png' }] }, fetchedAt }]);
  t.true(bad.missing.includes('imue2000s01'));
  t.deepEqual(historyFromParts(null, bad.parts).summary, []);
  t.true(partsFromSnapshots([]).missing.includes('imue2000s01'));
});
