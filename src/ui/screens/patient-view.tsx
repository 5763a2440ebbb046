// The patient view: header, six tabs, one virtualized table per tab with sort, quick
// filter (/), the records filter panel (f) and a detail box (Enter). Keys arrive through
// the app's dispatcher as commands; this screen maps them to its view reducer.
import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLiveReducer } from '../use-live-reducer.ts';
import { TAB_IDS, type TabId } from '../../core/session/types.ts';
import { tr } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId, Scope } from '../keymap.ts';
import { useTheme } from '../theme.ts';
import { DataTable } from '../table/data-table.tsx';
import { isFiltering, recordMatches } from '../table/record-filter.ts';
import { clampView, visibleRows, type TableAction } from '../table/view-state.ts';
import { truncate } from '../text/width.ts';
import { tabTable } from '../tabs/tab-tables.ts';
import { PatientHeader } from '../components/patient-header.tsx';
import { TabBar } from '../components/tab-bar.tsx';
import { FilterPanel } from '../components/filter-panel.tsx';
import { DetailBox } from '../components/detail-box.tsx';
import type { AnalyzedRecord } from '../../core/domain/analysis.ts';
import { initialPatientView, patientView, type PatientViewState } from './patient-view-state.ts';
import type { ScreenProps } from './props.ts';

/**
 * The tabs read from medication records and chronic prescriptions: 查無資料 when the cloud has
 * none. The care list covers six months and allergies have no window, so their tabs still show
 * what they hold.
 */
const MEDICATION_TABS: ReadonlySet<TabId> = new Set<TabId>(['records', 'leftover', 'refills']);

/** Lines around the table body: header 2, tabs 1, table header 1, status 1, notice 1, hints 1, and the spare bottom row. */
export const CHROME_LINES = 8;

const TABLE_COMMANDS: Partial<Record<CommandId, () => TableAction>> = {
  'table.up': () => ({ type: 'move', by: -1 }),
  'table.down': () => ({ type: 'move', by: 1 }),
  'table.page-up': () => ({ type: 'page', by: -1 }),
  'table.page-down': () => ({ type: 'page', by: 1 }),
  'table.home': () => ({ type: 'home' }),
  'table.end': () => ({ type: 'end' }),
};

function scopesOf(view: PatientViewState): Scope[] {
  if (view.panel) return ['text'];
  return view.views[view.tab].filtering ? ['text', 'table', 'patient'] : ['table', 'patient'];
}

export function PatientViewScreen({ state, lang, size, send, homeInstitutionId }: ScreenProps & { homeInstitutionId: string | null }) {
  const theme = useTheme();
  const phase = state.phase;
  const [view, dispatch, liveView] = useLiveReducer(patientView, () => initialPatientView(state.settings.defaultTab));
  const data = phase.name === 'patient-view' ? phase.data : null;
  const table = useMemo(() => (data ? tabTable(view.tab, data, lang, homeInstitutionId) : null), [data, view.tab, lang, homeInstitutionId]);
  // The session decides whether showing this tab counts as opening the care list (NHI 開啟率).
  useEffect(() => {
    if (data) send({ type: 'tab-shown', tab: view.tab });
  }, [data, view.tab, send]);
  const tv = view.views[view.tab];
  const base = useMemo(() => {
    if (!table) return [];
    if (view.tab !== 'records' || !isFiltering(view.filter)) return table.rows;
    return table.rows.filter((r) => recordMatches(r as AnalyzedRecord, view.filter, homeInstitutionId));
  }, [table, view.tab, view.filter, homeInstitutionId]);
  const rows = useMemo(
    () => (table ? visibleRows(base, table.columns, { sortColumn: tv.sortColumn, descending: tv.descending, filter: tv.filter }) : []),
    [base, table, tv.sortColumn, tv.descending, tv.filter],
  );
  const bodyHeight = Math.max(3, size.rows - CHROME_LINES + (table?.header === false ? 1 : 0));
  const { cursor, offset } = clampView(tv, rows.length, bodyHeight);

  // Row count and page size as last rendered (the view itself is read live from liveView).
  const live = useRef({ rows, bodyHeight, table });
  live.current = { rows, bodyHeight, table };

  const onText = useCallback((text: string) => {
    const v = liveView.current;
    if (v.panel) dispatch({ type: 'panel-text', text });
    else if (v.views[v.tab].filtering) dispatch({ type: 'table', action: { type: 'filter-append', text }, bounds: { count: live.current.rows.length, height: live.current.bodyHeight } });
  }, [dispatch, liveView]);

  const onCommand = useCallback((command: CommandId): boolean => {
    const v = liveView.current;
    const { rows: r, bodyHeight: height, table: t } = live.current;
    const bounds = { count: r.length, height };
    const tableAction = (action: TableAction) => dispatch({ type: 'table', action, bounds });
    if (v.panel) {
      const panelCommands: Partial<Record<CommandId, () => void>> = {
        'session.back': () => dispatch({ type: 'panel-close', apply: false }),
        'text.submit': () => dispatch({ type: 'panel-close', apply: true }),
        'text.next-field': () => dispatch({ type: 'panel-field', by: 1 }),
        'text.prev-field': () => dispatch({ type: 'panel-field', by: -1 }),
        'text.erase': () => dispatch({ type: 'panel-erase' }),
        'text.clear': () => dispatch({ type: 'panel-clear' }),
      };
      const run = panelCommands[command];
      run?.();
      return run !== undefined;
    }
    if (v.detail) {
      if (command === 'session.back' || command === 'table.detail') dispatch({ type: 'detail', open: false });
      return command === 'session.back' || command === 'table.detail' || command.startsWith('table.');
    }
    const current = v.views[v.tab];
    if (current.filtering) {
      if (command === 'text.submit') return tableAction({ type: 'filter-stop', keep: true }), true;
      if (command === 'session.back') return tableAction({ type: 'filter-stop', keep: false }), true;
      if (command === 'text.erase') return tableAction({ type: 'filter-erase' }), true;
      if (command === 'text.clear') return tableAction({ type: 'filter-text', text: '' }), true;
    }
    if (command.startsWith('tab.')) {
      const index = Number(command.slice(4));
      if (Number.isInteger(index) && index >= 1) dispatch({ type: 'tab', tab: TAB_IDS[index - 1] ?? v.tab });
      else dispatch({ type: 'tab-step', by: command === 'tab.next' ? 1 : -1 });
      return true;
    }
    const move = TABLE_COMMANDS[command];
    if (move) return tableAction(move()), true;
    switch (command) {
      case 'table.sort-next':
      case 'table.sort-prev':
        if (t?.sortable) tableAction({ type: 'sort-column', by: command === 'table.sort-next' ? 1 : -1, columns: t.columns.length });
        return true;
      case 'table.sort-order':
        if (t?.sortable) tableAction({ type: 'sort-order' });
        return true;
      case 'table.filter':
        tableAction({ type: 'filter-start' });
        return true;
      case 'table.filter-panel':
        dispatch({ type: 'panel-open' });
        return true;
      case 'table.detail':
        if (r.length > 0) dispatch({ type: 'detail', open: true });
        return true;
      case 'session.back':
        // Esc first clears an applied quick filter; otherwise the app decides.
        if (current.filter) return tableAction({ type: 'filter-stop', keep: false }), true;
        return false;
      default:
        return false;
    }
  }, [dispatch, liveView]);

  const scopeKey = scopesOf(view).join(',');
  const liveScopes = useCallback(() => scopesOf(liveView.current), [liveView]);
  const layer = useMemo<KeyLayer>(() => ({ scopes: scopeKey.split(',') as Scope[], onCommand, onText, liveScopes }), [scopeKey, onCommand, onText, liveScopes]);
  useKeyLayer(layer);

  if (phase.name !== 'patient-view' || !table || !data) return null;
  const counts = { summary: data.analysis.alerts.length, records: data.analysis.records.length, leftover: data.analysis.groups.length, refills: data.analysis.refills.length, controlled: data.analysis.careList.length, allergies: data.analysis.allergies.length };
  const selected = rows[cursor];
  const sortTitle = tv.sortColumn === null ? null : table.columns[tv.sortColumn]?.title;
  const status = [
    tr(lang, 'view.rows', { shown: rows.length, total: table.rows.length }),
    sortTitle ? tr(lang, 'view.sort', { column: tr(lang, sortTitle), dir: tv.descending ? theme.glyph.down : theme.glyph.up }) : '',
    tv.filtering || tv.filter ? `${tr(lang, 'filter.prompt')}${tv.filter}${tv.filtering ? '_' : ''}` : '',
    view.tab === 'records' && isFiltering(view.filter) ? `${tr(lang, 'filter.title')}${theme.glyph.ok}` : '',
    table.footnote ?? '',
  ].filter(Boolean).join('  ');
  return (
    <Box flexDirection="column">
      <PatientHeader view={phase} lang={lang} width={size.columns} />
      <TabBar active={view.tab} lang={lang} counts={counts} width={size.columns} />
      {view.panel ? (
        <FilterPanel draft={view.panel.draft} field={view.panel.field} lang={lang} width={Math.min(size.columns - 1, 60)} />
      ) : view.detail && selected !== undefined ? (
        <DetailBox fields={table.detail(selected)} lang={lang} width={size.columns - 1} height={bodyHeight + 1} />
      ) : data.analysis.empty && MEDICATION_TABS.has(view.tab) ? (
        <Box height={bodyHeight + 1}>
          <Text color={theme.color('status.warning')}>{tr(lang, 'view.no-data')}</Text>
        </Box>
      ) : (
        <DataTable
          rows={rows}
          columns={table.columns}
          cursor={cursor}
          offset={offset}
          width={size.columns}
          height={bodyHeight}
          lang={lang}
          sortColumn={tv.sortColumn}
          descending={tv.descending}
          rowKey={table.rowKey}
          {...(table.rowColor ? { rowColor: table.rowColor } : {})}
          header={table.header}
        />
      )}
      <Text color={theme.color('text.secondary')} wrap="truncate">
        {truncate(status, size.columns - 1, theme.ellipsis)}
      </Text>
    </Box>
  );
}
