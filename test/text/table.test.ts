import test from 'ava';
import { displayWidth, padToWidth, renderTable, truncateToWidth } from '../../src/text/table.ts';
import stringWidth from 'string-width';
import { assertLinedUp } from './lined-up.ts';

test('CJK characters count two cells when padding and truncating', (t) => {
  t.is(displayWidth('安捷幸福診所'), 12);
  t.is(padToWidth('診所', 6), '診所  ');
  t.is(padToWidth('12', 5, 'right'), '   12');
  t.is(truncateToWidth('安捷幸福診所', 7), '安捷幸…');
  t.is(displayWidth(truncateToWidth('安捷幸福診所', 7)), 7);
  t.is(truncateToWidth('AMLODIPINE', 6), 'AMLOD…');
  t.is(truncateToWidth('short', 10), 'short');
});

test('columns line up by display width, numbers right-aligned, long cells cut', (t) => {
  const rows = [
    { name: '安捷幸福診所', days: 42 },
    { name: 'Clinic', days: 7 },
  ];
  const lines = renderTable(
    [
      { header: '來源', value: (r: (typeof rows)[number]) => r.name, maxWidth: 10 },
      { header: '餘藥', value: (r) => String(r.days), align: 'right' },
    ],
    rows,
  );
  t.deepEqual(lines, ['來源       餘藥', '─────────  ────', '安捷幸福…    42', 'Clinic        7']);
  const widths = lines.map((line) => displayWidth(line));
  t.is(widths[0], widths[2]);
  t.is(widths[2], widths[3]);
});

const visits = [
  { date: '114/10/28', place: '示範內科診所附設門診中心', drug: 'ADALAT OROS EXTENDED RELEASE TABLETS 30MG (NIFEDIPINE)', days: 28 },
  { date: '114/09/26', place: 'Clinic', drug: 'NORVASC TABLETS 5MG (AMLODIPINE)', days: 7 },
];
type Visit = (typeof visits)[number];
const visitColumns = [
  { header: '就醫日', value: (r: Visit) => r.date },
  { header: '院所', value: (r: Visit) => r.place, minWidth: 6 },
  { header: '藥品名稱', value: (r: Visit) => r.drug, minWidth: 10 },
  { header: '天數', value: (r: Visit) => String(r.days), align: 'right' as const },
];

test('a table wider than the terminal closes its gaps to one space, then cuts only the text columns, and every row still lines up', (t) => {
  const lines = renderTable(visitColumns, visits, { width: 60 });
  for (const line of lines) t.true(displayWidth(line) <= 60, line);
  t.true(lines[2]?.startsWith('114/10/28 示範'), 'the date is never cut');
  t.regex(lines[2] ?? '', /…\s+28$/, 'the drug name is cut, the days are whole');
  t.regex(lines[3] ?? '', /^114\/09\/26 Clinic\s/, 'a short institution name stays whole');
  assertLinedUp(t, lines);
  t.is(renderTable(visitColumns, visits, { width: 200 })[3], renderTable(visitColumns, visits)[3], 'a table that fits is left alone');
});

test('columns of a later cut order keep their text until the earlier ones reach their minimum', (t) => {
  const pairs = [{ pair: 'AMLODIPINE / NIFEDIPINE', drugs: 'NORVASC TABLETS 5MG (AMLODIPINE) / ADALAT OROS 30MG (NIFEDIPINE)', days: 14 }];
  type Pair = (typeof pairs)[number];
  const columns = [
    { header: 'Ingredients', value: (r: Pair) => r.pair, minWidth: 11, cutOrder: 2 },
    { header: 'Drugs', value: (r: Pair) => r.drugs, minWidth: 8 },
    { header: 'Overlap', value: (r: Pair) => String(r.days), align: 'right' as const },
  ];
  t.is(renderTable(columns, pairs, { width: 48 })[2], 'AMLODIPINE / NIFEDIPINE NORVASC TABLETS…      14');
  t.is(renderTable(columns, pairs, { width: 38 })[2], 'AMLODIPINE / NIFEDIP… NORVASC…      14');
  t.is(renderTable(columns, pairs, { width: 12 })[2], 'AML… NOR…      14', 'below every minimum: four cells each, the number whole, the line wider');
});

test('a long text is measured in pieces with the same answer, never splitting a character', (t) => {
  t.is(displayWidth('甲'.repeat(1000)), 2000);
  t.is(displayWidth('a'.repeat(1000)), 1000);
  // A combining mark, a surrogate pair and a ZWJ emoji sequence placed across every piece boundary.
  for (const tail of ['é', '😀', '👩‍⚕️', '甲']) {
    for (let pad = 58; pad <= 66; pad++) {
      const text = `${'a'.repeat(pad)}${tail}`.repeat(3);
      t.is(displayWidth(text), 3 * (pad + stringWidth(tail)), `${tail} after ${pad}`);
    }
  }
});

test('a table of 150,000 rows renders (a spread of that many widths overflowed the stack)', (t) => {
  const rows = Array.from({ length: 150_000 }, (_, i) => String(i));
  const lines = renderTable([{ header: 'n', value: (row: string) => row, align: 'right' }], rows);
  t.is(lines.length, 150_002);
  t.is(lines.at(-1), '149999');
});
