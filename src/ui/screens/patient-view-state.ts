// The patient view's own state (which tab, each tab's table view, the records filter
// panel and its draft, the detail box) as a pure reducer. Nothing here is patient data:
// the view is dropped with the screen when the session clears the patient.
import { TAB_IDS, type TabId } from '../../core/session/types.ts';
import { FILTER_FIELDS } from '../components/filter-panel.tsx';
import { NO_FILTER, SOURCES, type RecordFilter } from '../table/record-filter.ts';
import { INITIAL_VIEW, tableView, type TableAction, type TableBounds, type TableView } from '../table/view-state.ts';

export interface PatientViewState {
  tab: TabId;
  views: Record<TabId, TableView>;
  filter: RecordFilter;
  panel: { draft: RecordFilter; field: number } | null;
  detail: boolean;
}

export type PatientViewAction =
  | { type: 'tab'; tab: TabId }
  | { type: 'tab-step'; by: 1 | -1 }
  | { type: 'table'; action: TableAction; bounds: TableBounds }
  | { type: 'panel-open' }
  | { type: 'panel-close'; apply: boolean }
  | { type: 'panel-field'; by: 1 | -1 }
  | { type: 'panel-text'; text: string }
  | { type: 'panel-erase' }
  | { type: 'panel-clear' }
  | { type: 'detail'; open: boolean };

export function initialPatientView(tab: TabId): PatientViewState {
  const views = Object.fromEntries(TAB_IDS.map((id) => [id, INITIAL_VIEW])) as Record<TabId, TableView>;
  return { tab, views, filter: NO_FILTER, panel: null, detail: false };
}

function editDraft(draft: RecordFilter, field: number, edit: (text: string) => string, text: string): RecordFilter {
  const spec = FILTER_FIELDS[field];
  if (!spec) return draft;
  if (spec.field === 'source') {
    if (text !== ' ') return draft;
    const next = SOURCES[(SOURCES.indexOf(draft.source) + 1) % SOURCES.length] ?? 'all';
    return { ...draft, source: next };
  }
  if (spec.field === 'leftoverOnly') return text === ' ' ? { ...draft, leftoverOnly: !draft.leftoverOnly } : draft;
  return { ...draft, [spec.field]: edit(draft[spec.field]).slice(0, 40) };
}

export function patientView(state: PatientViewState, action: PatientViewAction): PatientViewState {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab, detail: false, panel: null };
    case 'tab-step': {
      const index = (TAB_IDS.indexOf(state.tab) + action.by + TAB_IDS.length) % TAB_IDS.length;
      return { ...state, tab: TAB_IDS[index] ?? state.tab, detail: false, panel: null };
    }
    case 'table':
      return { ...state, views: { ...state.views, [state.tab]: tableView(state.views[state.tab], action.action, action.bounds) } };
    case 'panel-open':
      return { ...state, tab: 'records', panel: { draft: state.filter, field: 0 }, detail: false };
    case 'panel-close': {
      if (!state.panel) return state;
      const filter = action.apply ? state.panel.draft : state.filter;
      const views = action.apply ? { ...state.views, records: { ...state.views.records, cursor: 0, offset: 0 } } : state.views;
      return { ...state, filter, views, panel: null };
    }
    case 'panel-field': {
      if (!state.panel) return state;
      const field = (state.panel.field + action.by + FILTER_FIELDS.length) % FILTER_FIELDS.length;
      return { ...state, panel: { ...state.panel, field } };
    }
    case 'panel-text':
      if (!state.panel) return state;
      return { ...state, panel: { ...state.panel, draft: editDraft(state.panel.draft, state.panel.field, (v) => v + action.text, action.text) } };
    case 'panel-erase':
      if (!state.panel) return state;
      return { ...state, panel: { ...state.panel, draft: editDraft(state.panel.draft, state.panel.field, (v) => [...v].slice(0, -1).join(''), '') } };
    case 'panel-clear':
      if (!state.panel) return state;
      return { ...state, panel: { ...state.panel, draft: NO_FILTER } };
    case 'detail':
      return { ...state, detail: action.open };
  }
}
