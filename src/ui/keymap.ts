// The only place keys are named. Dispatch, the bottom hint bar and the `?` help overlay
// all read this table (lazygit/k9s/gemini-cli: bindings as data). Scopes are layers:
// the app asks for the scopes active right now, in priority order, and the first binding
// that matches wins. Every primary action has an F-key alias (htop), letters second.
import type { Keypress } from './input/keypress.ts';
import type { UiKey } from './i18n/index.ts';

export type Scope = 'global' | 'patient' | 'table' | 'consent' | 'text' | 'tray' | 'list' | 'report' | 'admin';

export type CommandId =
  | 'app.help' | 'app.tray' | 'app.lang' | 'app.quit' | 'app.diagnostics' | 'app.settings'
  | 'session.back' | 'session.emergency' | 'session.close' | 'session.logout' | 'session.consent'
  | 'tab.1' | 'tab.2' | 'tab.3' | 'tab.4' | 'tab.5' | 'tab.6' | 'tab.next' | 'tab.prev'
  | 'table.up' | 'table.down' | 'table.page-up' | 'table.page-down' | 'table.home' | 'table.end'
  | 'table.sort-prev' | 'table.sort-next' | 'table.sort-order' | 'table.filter' | 'table.filter-panel' | 'table.detail'
  | 'text.submit' | 'text.erase' | 'text.next-field' | 'text.prev-field' | 'text.clear'
  | 'list.up' | 'list.down' | 'list.left' | 'list.right' | 'list.toggle' | 'list.select'
  | 'app.reports' | 'app.admin'
  | 'report.prev' | 'report.next' | 'report.day' | 'report.week' | 'report.month' | 'report.export'
  | 'report.up' | 'report.down' | 'report.page-up' | 'report.page-down'
  | 'admin.up' | 'admin.down' | 'admin.add' | 'admin.add-card' | 'admin.enable' | 'admin.toggle-admin'
  | 'admin.purge' | 'admin.purge-all' | 'admin.verify' | 'admin.confirm';

export interface KeySpec {
  /** Named key from keypress.ts ('f1', 'escape', 'up'…) or a printable character. */
  key: string;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Binding {
  command: CommandId;
  scope: Scope;
  keys: KeySpec[];
  /** Short label for the hint bar. */
  label: UiKey;
  description: UiKey;
  inBar: boolean;
}

const k = (key: string, extra: Omit<KeySpec, 'key'> = {}): KeySpec => ({ key, ...extra });

export const KEYMAP: readonly Binding[] = [
  { command: 'app.help', scope: 'global', keys: [k('f1'), k('?')], label: 'key.help', description: 'desc.help', inBar: true },
  { command: 'app.tray', scope: 'global', keys: [k('f2'), k('t')], label: 'key.tray', description: 'desc.tray', inBar: true },
  { command: 'session.emergency', scope: 'global', keys: [k('f3'), k('e')], label: 'key.emergency', description: 'desc.emergency', inBar: true },
  { command: 'session.close', scope: 'global', keys: [k('f4'), k('x')], label: 'key.close', description: 'desc.close', inBar: true },
  { command: 'session.logout', scope: 'global', keys: [k('f6'), k('u')], label: 'key.logout', description: 'desc.logout', inBar: false },
  { command: 'app.settings', scope: 'global', keys: [k('f7'), k(',')], label: 'key.settings', description: 'desc.settings', inBar: false },
  { command: 'app.diagnostics', scope: 'global', keys: [k('f8'), k('D')], label: 'key.diagnostics', description: 'desc.diagnostics', inBar: false },
  // F5 is the consent key on the consent screen; the back office takes F11/F12 (letters too).
  { command: 'app.admin', scope: 'global', keys: [k('f11'), k('a')], label: 'key.admin', description: 'desc.admin', inBar: false },
  { command: 'app.reports', scope: 'global', keys: [k('f12'), k('r')], label: 'key.reports', description: 'desc.reports', inBar: false },
  { command: 'app.lang', scope: 'global', keys: [k('f9'), k('L')], label: 'key.lang', description: 'desc.lang', inBar: true },
  { command: 'app.quit', scope: 'global', keys: [k('c', { ctrl: true }), k('f10')], label: 'key.quit', description: 'desc.quit', inBar: false },
  { command: 'session.back', scope: 'global', keys: [k('escape')], label: 'key.back', description: 'desc.back', inBar: true },

  { command: 'session.consent', scope: 'consent', keys: [k('return'), k('y'), k('f5')], label: 'key.consent', description: 'desc.consent', inBar: true },

  { command: 'tab.1', scope: 'patient', keys: [k('1')], label: 'key.tabs', description: 'desc.tabs', inBar: true },
  { command: 'tab.2', scope: 'patient', keys: [k('2')], label: 'key.tabs', description: 'desc.tabs', inBar: false },
  { command: 'tab.3', scope: 'patient', keys: [k('3')], label: 'key.tabs', description: 'desc.tabs', inBar: false },
  { command: 'tab.4', scope: 'patient', keys: [k('4')], label: 'key.tabs', description: 'desc.tabs', inBar: false },
  { command: 'tab.5', scope: 'patient', keys: [k('5')], label: 'key.tabs', description: 'desc.tabs', inBar: false },
  { command: 'tab.6', scope: 'patient', keys: [k('6')], label: 'key.tabs', description: 'desc.tabs', inBar: false },
  { command: 'tab.next', scope: 'patient', keys: [k('tab'), k('right')], label: 'key.next-tab', description: 'desc.next-tab', inBar: false },
  { command: 'tab.prev', scope: 'patient', keys: [k('tab', { shift: true }), k('left')], label: 'key.prev-tab', description: 'desc.prev-tab', inBar: false },

  { command: 'table.up', scope: 'table', keys: [k('up'), k('k')], label: 'key.move', description: 'desc.move', inBar: false },
  { command: 'table.down', scope: 'table', keys: [k('down'), k('j')], label: 'key.move', description: 'desc.move', inBar: false },
  { command: 'table.page-up', scope: 'table', keys: [k('pageup')], label: 'key.page', description: 'desc.page', inBar: false },
  { command: 'table.page-down', scope: 'table', keys: [k('pagedown'), k(' ')], label: 'key.page', description: 'desc.page', inBar: false },
  { command: 'table.home', scope: 'table', keys: [k('home'), k('g')], label: 'key.ends', description: 'desc.ends', inBar: false },
  { command: 'table.end', scope: 'table', keys: [k('end'), k('G')], label: 'key.ends', description: 'desc.ends', inBar: false },
  { command: 'table.sort-prev', scope: 'table', keys: [k('<')], label: 'key.sort-column', description: 'desc.sort-column', inBar: true },
  { command: 'table.sort-next', scope: 'table', keys: [k('>')], label: 'key.sort-column', description: 'desc.sort-column', inBar: false },
  { command: 'table.sort-order', scope: 'table', keys: [k('s')], label: 'key.sort-order', description: 'desc.sort-order', inBar: true },
  { command: 'table.filter', scope: 'table', keys: [k('/')], label: 'key.filter', description: 'desc.filter', inBar: true },
  { command: 'table.filter-panel', scope: 'table', keys: [k('f')], label: 'key.filter-panel', description: 'desc.filter-panel', inBar: true },
  { command: 'table.detail', scope: 'table', keys: [k('return')], label: 'key.detail', description: 'desc.detail', inBar: true },

  { command: 'text.submit', scope: 'text', keys: [k('return')], label: 'key.submit', description: 'desc.submit', inBar: true },
  { command: 'text.erase', scope: 'text', keys: [k('backspace'), k('delete')], label: 'key.erase', description: 'desc.erase', inBar: false },
  { command: 'text.next-field', scope: 'text', keys: [k('tab'), k('down')], label: 'key.next-field', description: 'desc.next-field', inBar: false },
  { command: 'text.prev-field', scope: 'text', keys: [k('tab', { shift: true }), k('up')], label: 'key.next-field', description: 'desc.next-field', inBar: false },
  { command: 'text.clear', scope: 'text', keys: [k('u', { ctrl: true })], label: 'key.erase', description: 'desc.erase', inBar: false },

  { command: 'report.prev', scope: 'report', keys: [k('left'), k('[')], label: 'key.period', description: 'desc.period', inBar: true },
  { command: 'report.next', scope: 'report', keys: [k('right'), k(']')], label: 'key.period', description: 'desc.period', inBar: false },
  { command: 'report.day', scope: 'report', keys: [k('d')], label: 'key.span', description: 'desc.span', inBar: true },
  { command: 'report.week', scope: 'report', keys: [k('w')], label: 'key.span', description: 'desc.span', inBar: false },
  { command: 'report.month', scope: 'report', keys: [k('m')], label: 'key.span', description: 'desc.span', inBar: false },
  { command: 'report.export', scope: 'report', keys: [k('c')], label: 'key.export', description: 'desc.export', inBar: true },
  { command: 'report.up', scope: 'report', keys: [k('up'), k('k')], label: 'key.scroll', description: 'desc.scroll', inBar: true },
  { command: 'report.down', scope: 'report', keys: [k('down'), k('j')], label: 'key.scroll', description: 'desc.scroll', inBar: false },
  { command: 'report.page-up', scope: 'report', keys: [k('pageup')], label: 'key.page', description: 'desc.page', inBar: false },
  { command: 'report.page-down', scope: 'report', keys: [k('pagedown'), k(' ')], label: 'key.page', description: 'desc.page', inBar: false },

  { command: 'admin.up', scope: 'admin', keys: [k('up'), k('k')], label: 'key.move', description: 'desc.move', inBar: false },
  { command: 'admin.down', scope: 'admin', keys: [k('down'), k('j')], label: 'key.move', description: 'desc.move', inBar: false },
  { command: 'admin.add', scope: 'admin', keys: [k('n')], label: 'key.add-staff', description: 'desc.add-staff', inBar: true },
  { command: 'admin.add-card', scope: 'admin', keys: [k('c')], label: 'key.add-card', description: 'desc.add-card', inBar: true },
  { command: 'admin.enable', scope: 'admin', keys: [k('e'), k(' ')], label: 'key.enable', description: 'desc.enable', inBar: true },
  { command: 'admin.toggle-admin', scope: 'admin', keys: [k('m')], label: 'key.toggle-admin', description: 'desc.toggle-admin', inBar: true },
  { command: 'admin.purge', scope: 'admin', keys: [k('p')], label: 'key.purge', description: 'desc.purge', inBar: true },
  { command: 'admin.purge-all', scope: 'admin', keys: [k('P')], label: 'key.purge-all', description: 'desc.purge-all', inBar: false },
  { command: 'admin.verify', scope: 'admin', keys: [k('v')], label: 'key.verify', description: 'desc.verify', inBar: true },
  { command: 'admin.confirm', scope: 'admin', keys: [k('y')], label: 'key.confirm', description: 'desc.confirm', inBar: false },

  { command: 'list.up', scope: 'list', keys: [k('up'), k('k')], label: 'key.move', description: 'desc.move', inBar: true },
  { command: 'list.down', scope: 'list', keys: [k('down'), k('j')], label: 'key.move', description: 'desc.move', inBar: false },
  { command: 'list.left', scope: 'list', keys: [k('left')], label: 'key.toggle', description: 'desc.toggle', inBar: false },
  { command: 'list.right', scope: 'list', keys: [k('right')], label: 'key.toggle', description: 'desc.toggle', inBar: false },
  { command: 'list.toggle', scope: 'list', keys: [k(' ')], label: 'key.toggle', description: 'desc.toggle', inBar: false },
  { command: 'list.select', scope: 'list', keys: [k('return')], label: 'key.submit', description: 'desc.submit', inBar: true },
];

function matches(spec: KeySpec, press: Keypress): boolean {
  if ((spec.ctrl ?? false) !== press.ctrl) return false;
  if (press.name === 'char') {
    if (spec.key !== press.input) return false;
    return true;
  }
  if (spec.key !== press.name) return false;
  return (spec.shift ?? false) === press.shift;
}

/**
 * The command for a key in the active scopes (first scope first). While typing (`text`
 * scope active) printable characters are text, not commands: only named keys and Ctrl
 * combinations reach the other layers.
 */
export function commandFor(scopes: readonly Scope[], press: Keypress): CommandId | null {
  const typing = scopes.includes('text') && press.name === 'char' && !press.ctrl;
  for (const scope of scopes) {
    if (typing && scope !== 'text') continue;
    for (const binding of KEYMAP) {
      if (binding.scope === scope && binding.keys.some((spec) => matches(spec, press))) return binding.command;
    }
  }
  return null;
}

export function keyLabel(spec: KeySpec): string {
  const names: Record<string, string> = {
    escape: 'Esc', return: 'Enter', tab: 'Tab', backspace: 'Bksp', delete: 'Del', up: '↑', down: '↓', left: '←', right: '→',
    pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', ' ': 'Space',
  };
  const base = /^f\d+$/.test(spec.key) ? spec.key.toUpperCase() : (names[spec.key] ?? spec.key);
  return `${spec.ctrl ? 'Ctrl+' : ''}${spec.shift ? 'Shift+' : ''}${base}`;
}

/** Bindings shown in the bottom bar for these scopes: one per label, in table order. */
export function barBindings(scopes: readonly Scope[]): Binding[] {
  const seen = new Set<string>();
  const out: Binding[] = [];
  for (const scope of scopes) {
    for (const binding of KEYMAP) {
      if (binding.scope !== scope || !binding.inBar || seen.has(binding.label)) continue;
      seen.add(binding.label);
      out.push(binding);
    }
  }
  return out;
}
