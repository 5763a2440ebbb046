import test from 'ava';
import { DataTable } from '../../src/ui/table/data-table.tsx';
import type { Column } from '../../src/ui/table/columns.ts';
import { visibleRows } from '../../src/ui/table/view-state.ts';
import { displayWidth } from '../../src/ui/text/width.ts';
import { KEYS, renderAt } from './harness.ts';
import { app, bigHistory, logIn, makeStore, openPatient } from './fixtures.tsx';
import { plain } from './plain.ts';

interface Row {
  institution: string;
  drug: string;
  days: number;
}

const rows: Row[] = [
  { institution: '台北榮民總醫院', drug: 'NORVASC TABLETS 5MG', days: 28 },
  { institution: '仁愛診所', drug: '脈優錠 5 毫克', days: 7 },
  { institution: 'ABC Clinic', drug: '𠮷野家止痛藥 🙂', days: 120 },
];
const columns: Column<Row>[] = [
  { id: 'institution', title: 'col.institution', width: 10, text: (r) => r.institution },
  { id: 'drug', title: 'col.drug', width: 10, flex: 1, text: (r) => r.drug },
  { id: 'days', title: 'col.days', width: 4, align: 'right', text: (r) => String(r.days), sortValue: (r) => r.days },
];

/** Display column at which `text` starts in `line`. */
function columnOf(line: string, text: string): number {
  return displayWidth(line.slice(0, line.indexOf(text)));
}

test('CJK, rare ideographs and emoji: every column starts at the same display column on every row', async (t) => {
  const r = renderAt(<DataTable rows={rows} columns={columns} cursor={0} offset={0} width={60} height={5} lang="zh-TW" sortColumn={null} descending={false} rowKey={(row) => row.drug} />, 60, 10);
  const frame = plain(await r.waitFor((f) => f.includes('ABC')));
  const lines = frame.split('\n').filter((l) => l.trim() !== '');
  t.is(lines.length, 4);
  const widths = new Set(lines.map((l) => displayWidth(l.trimEnd().length ? l : l)));
  t.is(widths.size, 1, 'every line is exactly as wide');
  t.is(columnOf(lines[1] ?? '', 'NORVASC'), columnOf(lines[2] ?? '', '脈優錠'));
  t.is(columnOf(lines[2] ?? '', '脈優錠'), columnOf(lines[3] ?? '', '𠮷野家'));
  t.true((lines[1] ?? '').includes('台北榮民…'), 'a long CJK name is cut with an ellipsis at its width');
  t.is(columnOf(lines[1] ?? '', '28') + 2, columnOf(lines[3] ?? '', '120') + 3, 'numbers are right aligned');
  r.instance.unmount();
});

test('sorting compares numbers as numbers and keeps missing values last', (t) => {
  const sorted = visibleRows(rows, columns, { sortColumn: 2, descending: false, filter: '' });
  t.deepEqual(sorted.map((r) => r.days), [7, 28, 120]);
  const down = visibleRows(rows, columns, { sortColumn: 2, descending: true, filter: '' });
  t.deepEqual(down.map((r) => r.days), [120, 28, 7]);
  t.deepEqual(visibleRows(rows, columns, { sortColumn: null, descending: false, filter: '診所' }).map((r) => r.institution), ['仁愛診所']);
});

test('a 5,000-row history renders only the rows that fit, and End reaches the last one', async (t) => {
  const { store } = makeStore();
  const r = renderAt(app(store), 80, 24);
  logIn(store);
  openPatient(store, bigHistory(5000));
  await r.press('2');
  const frame = plain(await r.waitFor((f) => f.includes('藥品第0號')));
  const lines = frame.split('\n');
  t.true(lines.length <= 23, 'the frame stays one row short of the terminal');
  const drawn = lines.filter((l) => l.includes('藥品第'));
  t.is(drawn.length, 24 - 8, 'one page of rows, no more');
  t.false(frame.includes('藥品第16號 '));
  t.true(frame.includes('5000/5000'));
  await r.press(KEYS.end);
  const end = plain(await r.waitFor((f) => f.includes('藥品第4999號')));
  t.false(end.includes('藥品第0號 '));
  await r.press(KEYS.home, KEYS.pageDown);
  const page = plain(await r.waitFor((f) => f.includes('藥品第16號') && !f.includes('藥品第0號 ')));
  t.true(page.includes('藥品第31號'));
  r.instance.unmount();
});
