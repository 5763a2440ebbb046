// A table's view state (cursor, scroll, sort, quick filter) as a small pure reducer, the
// @inkjs/ui pattern: the screen keeps one per tab, the keymap's table commands drive it.
import type { Column } from './columns.ts';

export interface TableView {
  cursor: number;
  offset: number;
  sortColumn: number | null;
  descending: boolean;
  filter: string;
  filtering: boolean;
}

export const INITIAL_VIEW: TableView = { cursor: 0, offset: 0, sortColumn: null, descending: false, filter: '', filtering: false };

export type TableAction =
  | { type: 'move'; by: number }
  /** PgUp/PgDn: the cursor and the window both move a page, like a pager. */
  | { type: 'page'; by: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'sort-column'; by: 1 | -1; columns: number }
  | { type: 'sort-order' }
  | { type: 'filter-start' }
  | { type: 'filter-stop'; keep: boolean }
  | { type: 'filter-text'; text: string }
  | { type: 'filter-append'; text: string }
  | { type: 'filter-erase' };

export interface TableBounds {
  /** Rows after filtering. */
  count: number;
  /** Body lines on screen (a page). */
  height: number;
}

/** Apply an action, then keep the cursor on a row and the row on screen. */
export function tableView(view: TableView, action: TableAction, bounds: TableBounds): TableView {
  const next =
    action.type === 'page'
      ? { ...view, cursor: Math.max(0, view.cursor + action.by * bounds.height), offset: Math.max(0, view.offset + action.by * bounds.height) }
      : step(view, action);
  return { ...next, ...clampView(next, bounds.count, bounds.height) };
}

function step(view: TableView, action: TableAction): TableView {
  switch (action.type) {
    case 'move':
      return { ...view, cursor: Math.max(0, view.cursor + action.by) };
    case 'page':
      return view;
    case 'home':
      return { ...view, cursor: 0 };
    case 'end':
      return { ...view, cursor: Number.MAX_SAFE_INTEGER };
    case 'sort-column': {
      const current = view.sortColumn ?? (action.by > 0 ? -1 : action.columns);
      const next = (current + action.by + action.columns) % action.columns;
      return { ...view, sortColumn: next, cursor: 0 };
    }
    case 'sort-order':
      return { ...view, descending: !view.descending, sortColumn: view.sortColumn ?? 0, cursor: 0 };
    case 'filter-start':
      return { ...view, filtering: true };
    case 'filter-stop':
      return { ...view, filtering: false, filter: action.keep ? view.filter : '', cursor: 0 };
    case 'filter-text':
      return { ...view, filter: action.text, cursor: 0, offset: 0 };
    case 'filter-append':
      return { ...view, filter: view.filter + action.text, cursor: 0, offset: 0 };
    case 'filter-erase':
      return { ...view, filter: [...view.filter].slice(0, -1).join(''), cursor: 0, offset: 0 };
  }
}

/** Cursor within the rows and the scroll offset that keeps it on screen. */
export function clampView(view: TableView, rowCount: number, height: number): { cursor: number; offset: number } {
  const cursor = rowCount === 0 ? 0 : Math.min(view.cursor, rowCount - 1);
  let offset = Math.min(view.offset, Math.max(0, rowCount - height));
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + height) offset = cursor - height + 1;
  return { cursor, offset: Math.max(0, offset) };
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-TW');
}

/** Rows after the quick filter (any cell contains the text) and the sort; stable. */
export function visibleRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], view: Pick<TableView, 'sortColumn' | 'descending' | 'filter'>): Row[] {
  const needle = view.filter.trim().toLowerCase();
  const kept = needle ? rows.filter((row) => columns.some((c) => c.text(row).toLowerCase().includes(needle))) : [...rows];
  const column = view.sortColumn === null ? undefined : columns[view.sortColumn];
  if (!column) return kept;
  const key = column.sortValue ?? column.text;
  const keyed = kept.map((row, index) => ({ row, index, value: key(row) }));
  keyed.sort((a, b) => {
    // Missing values stay at the bottom whichever the direction.
    if (a.value === null || b.value === null) return compareValues(a.value, b.value) || a.index - b.index;
    const order = compareValues(a.value, b.value);
    return (view.descending ? -order : order) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
