// The administration overlay (機構管理者 only): the staff authorization list (機構使用者), cache
// purge and audit verification. Every change is one `admin-op` effect that src/core/admin
// performs and audits (`admin.*`); its answer comes back as `admin-loaded` with the fresh list.
// Purging every cached patient asks first (y), since it cannot be undone.
import { cleanStaffId, isStaffRole } from '../admin/staff-rules.ts';
import { notice, unchanged, type Step } from './state.ts';
import type { AdminEffectOp, AdminView, SessionEvent, SessionState } from './types.ts';

type Ev<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

function actorOf(state: SessionState): { staffId: string; role: string } | null {
  const staff = state.staff;
  return staff?.profile.admin ? { staffId: staff.profile.staffId, role: staff.profile.role } : null;
}

function refuse(state: SessionState, action: string): Step {
  return { state: { ...state, notice: notice('error.not-admin', 'not-admin') }, effects: [], audit: { action, outcome: 'not-admin' } };
}

/** Another reader holding a staff card: the new staff member's card, not the administrator's own. */
function otherStaffReader(state: SessionState): string | null {
  const own = state.staff?.reader;
  return Object.entries(state.cards).find(([reader, kind]) => kind === 'staff' && reader !== own)?.[0] ?? null;
}

export function openAdmin(state: SessionState): Step {
  const actor = actorOf(state);
  if (!actor) return refuse(state, 'admin-open');
  const view: AdminView = { staff: null, busy: true, confirm: null, message: null };
  return { state: { ...state, overlay: 'admin', admin: view }, effects: [{ type: 'admin-op', op: { kind: 'list' }, actor }], audit: { action: 'open-admin', outcome: 'ok' } };
}

function run(state: SessionState, view: AdminView, op: AdminEffectOp, actor: { staffId: string; role: string }): Step {
  return { state: { ...state, admin: { ...view, busy: true, confirm: null } }, effects: [{ type: 'admin-op', op, actor }] };
}

function answer(state: SessionState, view: AdminView, key: string, kind: string): Step {
  return { state: { ...state, admin: { ...view, confirm: null, message: { ok: false, key, facts: {} } } }, effects: [], audit: { action: 'admin-refused', outcome: kind } };
}

export function adminAction(state: SessionState, event: Ev<'admin-action'>): Step {
  const actor = actorOf(state);
  if (!actor) return refuse(state, 'admin-action');
  const view = state.admin;
  if (state.overlay !== 'admin' || !view || view.busy) return unchanged(state);
  const op = event.op;
  switch (op.kind) {
    case 'add-typed': {
      // Checked here too, so a mistyped ID is answered at once and never leaves the screen.
      const staffId = cleanStaffId(op.staffId);
      if (!staffId) return answer(state, view, 'error.invalid-staff-id', 'invalid-staff-id');
      if (!isStaffRole(op.role)) return answer(state, view, 'error.invalid-role', 'invalid-role');
      return run(state, view, { kind: 'add-typed', staffId, role: op.role }, actor);
    }
    case 'add-card': {
      const reader = otherStaffReader(state);
      if (!reader) return answer(state, view, 'admin.no-card', 'no-staff-card');
      return run(state, view, { kind: 'add-card', reader }, actor);
    }
    case 'purge':
      if (op.scope === 'all') return unchanged({ ...state, admin: { ...view, confirm: 'purge-all', message: null } });
      return run(state, view, op, actor);
    default:
      return run(state, view, op, actor);
  }
}

export function adminConfirm(state: SessionState, event: Ev<'admin-confirm'>): Step {
  const actor = actorOf(state);
  const view = state.admin;
  if (!actor || !view || view.confirm !== 'purge-all' || view.busy) return unchanged(state);
  if (!event.yes) return unchanged({ ...state, admin: { ...view, confirm: null } });
  return run(state, view, { kind: 'purge', scope: 'all' }, actor);
}

export function adminLoaded(state: SessionState, event: Ev<'admin-loaded'>): Step {
  const view = state.admin;
  if (!view) return unchanged(state);
  return unchanged({ ...state, admin: { ...view, busy: false, staff: event.staff, message: event.message ?? view.message } });
}
