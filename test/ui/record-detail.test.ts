// The record detail box (Enter on a 西醫用藥 row): what NHI's own columns say about the row that
// the table leaves out, the visit kind and an inpatient order's last day on the ward among them.
import test from 'ava';
import { tabTable } from '../../src/ui/tabs/tab-tables.ts';
import { HOSPITAL, patientData, record } from './fixtures.tsx';
import type { PatientHistory } from '../../src/core/domain/types.ts';

function detailOf(history: PatientHistory, lang: 'zh-TW' | 'en'): Map<string, string> {
  const table = tabTable('records', patientData(history), lang, null);
  return new Map(table.detail(table.rows[0]));
}

test('an inpatient row names its visit kind and its stay\'s last day (住院用藥迄日); an outpatient row has no such line', (t) => {
  const ward = record({ institution: { ...HOSPITAL, visitKind: 'inpatient' }, visitDate: '2026-11-02', inpatientEndDate: '2026-11-09' });
  const base: PatientHistory = { patient: null, medications: [ward], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
  const zh = detailOf(base, 'zh-TW');
  t.is(zh.get('就醫類別'), '住診');
  t.is(zh.get('住院用藥迄日'), '115/11/09');
  const en = detailOf(base, 'en');
  t.is(en.get('Visit kind'), 'inpatient');
  t.is(en.get('Ward order to'), '2026-11-09');
  const outpatient = detailOf({ ...base, medications: [record({ institution: HOSPITAL })] }, 'zh-TW');
  t.is(outpatient.get('就醫類別'), '門診');
  t.false(outpatient.has('住院用藥迄日'));
});
