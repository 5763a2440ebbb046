// Administration (機構管理者 only): the staff authorization list (機構使用者) with masked IDs,
// adding a member by typed national ID + role (n) or from the staff card in the other reader
// (c), enable/disable (e), administrator on/off (m), cache purge (p expired, P all after y)
// and the audit chain check (v). The session runs each as one src/core/admin operation, which
// audits it; the answer (adminText's message) is shown under the list.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../i18n/index.ts';
import { translate } from '../../i18n/index.ts';
import { adminMessages } from '../../core/admin/messages.ts';
import { STAFF_ROLES } from '../../core/admin/staff-rules.ts';
import type { SessionInput } from '../../core/session/store.ts';
import type { AdminMessage, AdminStaffRow, AdminView } from '../../core/session/types.ts';
import { isUiKey, tr } from '../i18n/index.ts';
import { useKeyLayer, type KeyLayer } from '../key-layer.ts';
import type { CommandId, Scope } from '../keymap.ts';
import { DataTable } from '../table/data-table.tsx';
import type { Column } from '../table/columns.ts';
import { useTheme } from '../theme.ts';
import { fit, truncate } from '../text/width.ts';
import { roleFromKey, type StaffForm } from './admin-form.ts';

function roleText(lang: Lang, role: string): string {
  const key = `staff.role.${role}`;
  return isUiKey(key) ? tr(lang, key) : role;
}

function columns(lang: Lang): Column<AdminStaffRow>[] {
  const yes = (on: boolean) => tr(lang, on ? 'admin.yes' : 'admin.no');
  return [
    { id: 'id', title: 'admin.col.id', width: 11, text: (r) => r.masked },
    { id: 'name', title: 'admin.col.name', width: 8, flex: 1, text: (r) => r.name },
    { id: 'role', title: 'admin.col.role', width: 10, text: (r) => roleText(lang, r.role) },
    { id: 'enabled', title: 'admin.col.enabled', width: 7, text: (r) => yes(r.enabled) },
    { id: 'admin', title: 'admin.col.admin', width: 7, text: (r) => yes(r.admin) },
  ];
}

export function adminMessageText(message: AdminMessage, lang: Lang): string {
  if (message.key in adminMessages) return translate(adminMessages, message.key, lang, message.facts);
  return isUiKey(message.key) ? tr(lang, message.key, message.facts) : message.key;
}

export function AdminOverlay({ view, lang, width, height, send }: { view: AdminView | null; lang: Lang; width: number; height: number; send: (input: SessionInput) => void }) {
  const theme = useTheme();
  const staff = view?.staff ?? [];
  const [cursor, setCursor] = useState(0);
  const [form, setForm] = useState<StaffForm | null>(null);
  // Keys can arrive faster than renders: what the next key acts on is kept here.
  const live = useRef({ cursor, form, staff, confirm: view?.confirm ?? null });
  live.current = { ...live.current, staff, confirm: view?.confirm ?? null };
  const setLiveForm = (next: StaffForm | null) => {
    live.current.form = next;
    setForm(next);
  };

  const onText = useCallback((text: string) => {
    const f = live.current.form;
    if (!f) return;
    if (f.field === 0) setLiveForm({ ...f, id: (f.id + text.toUpperCase()).replace(/[^A-Z0-9]/g, '').slice(0, 10) });
    else setLiveForm({ ...f, role: roleFromKey(text, f.role) });
  }, []);

  const onCommand = useCallback(
    (command: CommandId): boolean => {
      const { form: f, staff: list, confirm } = live.current;
      const at = Math.min(live.current.cursor, Math.max(0, list.length - 1));
      const selected = list[at];
      const move = (by: number) => {
        const next = Math.max(0, Math.min(at + by, list.length - 1));
        live.current.cursor = next;
        setCursor(next);
      };
      if (f) {
        switch (command) {
          case 'text.submit':
            send({ type: 'admin-action', op: { kind: 'add-typed', staffId: f.id, role: STAFF_ROLES[f.role] ?? 'pharmacist' } });
            setLiveForm(null);
            return true;
          case 'text.erase':
            if (f.field === 0) setLiveForm({ ...f, id: f.id.slice(0, -1) });
            return true;
          case 'text.clear':
            setLiveForm({ ...f, id: '' });
            return true;
          case 'text.next-field':
          case 'text.prev-field':
            setLiveForm({ ...f, field: f.field === 0 ? 1 : 0 });
            return true;
          case 'session.back':
            setLiveForm(null);
            return true;
          default:
            return true;
        }
      }
      if (confirm) {
        if (command === 'admin.confirm') send({ type: 'admin-confirm', yes: true });
        else send({ type: 'admin-confirm', yes: false });
        return true;
      }
      switch (command) {
        case 'admin.up':
          return move(-1), true;
        case 'admin.down':
          return move(1), true;
        case 'admin.add':
          setLiveForm({ id: '', role: 0, field: 0 });
          return true;
        case 'admin.add-card':
          return send({ type: 'admin-action', op: { kind: 'add-card' } }), true;
        case 'admin.enable':
          if (selected) send({ type: 'admin-action', op: { kind: 'set-enabled', staffId: selected.staffId, enabled: !selected.enabled } });
          return true;
        case 'admin.toggle-admin':
          if (selected) send({ type: 'admin-action', op: { kind: 'set-admin', staffId: selected.staffId, admin: !selected.admin } });
          return true;
        case 'admin.purge':
          return send({ type: 'admin-action', op: { kind: 'purge', scope: 'expired' } }), true;
        case 'admin.purge-all':
          return send({ type: 'admin-action', op: { kind: 'purge', scope: 'all' } }), true;
        case 'admin.verify':
          return send({ type: 'admin-action', op: { kind: 'verify-audit' } }), true;
        default:
          return false;
      }
    },
    [send],
  );
  const typing = form !== null;
  const liveScopes = useCallback((): Scope[] => (live.current.form ? ['text'] : ['admin']), []);
  const layer = useMemo<KeyLayer>(() => ({ scopes: typing ? ['text'] : ['admin'], onCommand, onText, liveScopes, priority: 10 }), [typing, onCommand, onText, liveScopes]);
  useKeyLayer(layer);

  const inner = width - 4;
  // Border 2, title 1, table header 1, message 1, the form's 3 when open.
  const tableHeight = Math.max(1, height - 5 - (form ? 3 : 0));
  const at = Math.min(cursor, Math.max(0, staff.length - 1));
  const offset = Math.max(0, at - tableHeight + 1);
  const message = view?.confirm
    ? { text: tr(lang, 'admin.confirm-purge'), color: 'status.warning' as const }
    : view?.message
      ? { text: adminMessageText(view.message, lang), color: view.message.ok ? ('status.ok' as const) : ('status.error' as const) }
      : view?.busy || !view?.staff
        ? { text: tr(lang, 'admin.loading'), color: 'text.secondary' as const }
        : staff.length === 0
          ? { text: tr(lang, 'admin.empty'), color: 'text.secondary' as const }
          : null;
  return (
    <Box flexDirection="column" borderStyle={theme.borderStyle} borderColor={theme.color('border')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        {truncate(tr(lang, 'admin.title'), inner, theme.ellipsis)}
      </Text>
      <DataTable rows={staff} columns={columns(lang)} cursor={at} offset={offset} width={inner} height={tableHeight} lang={lang} sortColumn={null} descending={false} rowKey={(r) => r.staffId} rowColor={(r) => (r.enabled ? undefined : 'text.secondary')} />
      {form ? (
        <Box flexDirection="column">
          <Text bold wrap="truncate">{truncate(tr(lang, 'admin.form.title'), inner, theme.ellipsis)}</Text>
          <Text inverse={form.field === 0} wrap="truncate">{`${fit(tr(lang, 'admin.form.id'), 10)} ${form.id}${form.field === 0 ? '_' : ''}`}</Text>
          <Text inverse={form.field === 1} wrap="truncate">{truncate(`${fit(roleText(lang, STAFF_ROLES[form.role] ?? 'pharmacist'), 10)} ${tr(lang, 'admin.form.role')}`, inner, theme.ellipsis)}</Text>
        </Box>
      ) : null}
      <Text color={message ? theme.color(message.color) : undefined} wrap="truncate">
        {truncate(message?.text ?? '', inner, theme.ellipsis)}
      </Text>
    </Box>
  );
}
