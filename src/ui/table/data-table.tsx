// A virtualized table: only the rows that fit are formatted and rendered, each as one
// pre-fitted <Text> (fewer Yoga nodes, exact CJK widths). A 5,000-row history costs the
// same per keypress as a 20-row one.
import { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { useTheme, type Token } from '../theme.ts';
import { columnWidths, formatLine, type Column } from './columns.ts';

export interface DataTableProps<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  cursor: number;
  offset: number;
  width: number;
  /** Lines for the body (the header line is extra). */
  height: number;
  lang: Lang;
  sortColumn: number | null;
  descending: boolean;
  rowKey(row: Row, index: number): string;
  rowColor?(row: Row): Token | undefined;
  header?: boolean;
}

const Line = memo(function Line({ text, selected, color }: { text: string; selected: boolean; color: string | undefined }) {
  return (
    <Text inverse={selected} color={color} wrap="truncate">
      {text}
    </Text>
  );
});

export function DataTable<Row>(props: DataTableProps<Row>) {
  const theme = useTheme();
  // One gutter column marks the selected row with '>' as well as inverse video: without
  // colour support (NO_COLOR, TERM=dumb) inverse is dropped and the mark is all there is.
  const { columns, width } = props;
  const widths = useMemo(() => columnWidths(columns, width - 2), [columns, width]);
  const aligns = useMemo(() => columns.map((c) => c.align ?? 'left'), [columns]);
  // Body lines remembered per row for this layout: a ↓ moves the window by one row, so all but
  // one of the lines on screen were fitted for the last frame already (fitting cuts CJK text
  // grapheme by grapheme: most of a frame's own work and garbage on a long table).
  const lineOf = useMemo(() => {
    const fitted = new WeakMap<object, string>();
    const format = (row: Row) => formatLine(columns.map((c) => c.text(row)), widths, aligns, theme.ellipsis);
    return (row: Row): string => {
      if (typeof row !== 'object' || row === null) return format(row);
      let line = fitted.get(row);
      if (line === undefined) {
        line = format(row);
        fitted.set(row, line);
      }
      return line;
    };
  }, [columns, widths, aligns, theme.ellipsis]);
  const titles = props.columns.map((c, i) => {
    const mark = props.sortColumn === i ? (props.descending ? theme.glyph.down : theme.glyph.up) : '';
    return tr(props.lang, c.title) + mark;
  });
  const visible = props.rows.slice(props.offset, props.offset + props.height);
  const showHeader = props.header ?? true;
  return (
    <Box flexDirection="column" height={props.height + (showHeader ? 1 : 0)}>
      {showHeader ? (
        <Text bold color={theme.color('text.accent')} wrap="truncate">
          {` ${formatLine(titles, widths, aligns, theme.ellipsis)}`}
        </Text>
      ) : null}
      {visible.map((row, i) => {
        const token = props.rowColor?.(row);
        return (
          <Line
            key={props.rowKey(row, props.offset + i)}
            text={`${props.offset + i === props.cursor ? '>' : ' '}${lineOf(row)}`}
            selected={props.offset + i === props.cursor}
            color={token ? theme.color(token) : undefined}
          />
        );
      })}
    </Box>
  );
}
