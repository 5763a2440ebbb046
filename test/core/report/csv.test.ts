// CSV both ways: what we write, a spreadsheet reads back as the same cells.
import test from 'ava';
import { csvField, parseCsv, toCsv } from '../../../src/core/report/csv.ts';

test('fields are quoted only when they must be; quotes double; formulas stay text', (t) => {
  t.is(csvField('藥師'), '藥師');
  t.is(csvField('a,b'), '"a,b"');
  t.is(csvField('他說"昏迷"'), '"他說""昏迷"""');
  t.is(csvField('第一行\n第二行'), '"第一行\n第二行"');
  t.is(csvField(' leading'), '" leading"');
  t.is(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  t.is(csvField('-12'), '-12', 'a negative number stays a number');
  t.is(csvField(null), '');
  t.is(csvField(0.5), '0.5');
});

test('what toCsv writes parses back to the same cells, CRLF and all', (t) => {
  const rows = [['理由', 'n'], ['病人昏迷，送急診', 1], ['他說"頭暈"\r\n再查', 2], ['', 3]];
  const text = toCsv(rows);
  t.deepEqual(parseCsv(text).records.map((r) => r.cells), rows.map((r) => r.map(String)));
});

test('parse: BOM dropped, blank lines skipped, record line numbers count embedded newlines, an open quote is reported', (t) => {
  const parsed = parseCsv('\ufeffa,b\n\n"x\ny",z\nlast,1');
  t.deepEqual(parsed.records, [
    { line: 1, cells: ['a', 'b'] },
    { line: 3, cells: ['x\ny', 'z'] },
    { line: 5, cells: ['last', '1'] },
  ]);
  t.is(parsed.unterminated, null);
  const open = parseCsv('a,b\n"never closed,1\n2,3\n');
  t.deepEqual(open.records.map((r) => r.cells), [['a', 'b']]);
  t.is(open.unterminated, 2);
});
