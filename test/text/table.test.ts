import test from 'ava';
import { displayWidth, padToWidth, renderTable, truncateToWidth } from '../../src/text/table.ts';

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
