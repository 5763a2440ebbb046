// One audit entry per transition: who (staff, masked), whom (patient, masked), what
// (event → phase), consent kind, outcome and latency. Never a clear ID, name or PIN.
import { maskNationalId } from '../domain/national-id.ts';
import { maskedPatientOf, type Step } from './state.ts';
import type { AuditEntry, ConsentKind, Phase, SessionEvent, SessionState } from './types.ts';

function consentOf(phase: Phase): ConsentKind | null {
  if (phase.name === 'loading' || phase.name === 'patient-view') return phase.consent;
  if (phase.name === 'consent') return phase.patient.pinSet ? 'pin' : 'verbal';
  if (phase.name === 'emergency') return 'emergency';
  return null;
}

function latencyOf(before: Phase, after: Phase, at: number): number | null {
  if (before.name === 'loading' && after.name !== 'loading') return at - before.startedAt;
  return null;
}

export function auditEntry(before: SessionState, step: Step, event: SessionEvent): AuditEntry {
  const after = step.state;
  const staff = after.staff ?? before.staff;
  return {
    at: event.at,
    action: step.audit?.action ?? event.type,
    from: before.phase.name,
    to: after.phase.name,
    staffId: staff ? maskNationalId(staff.profile.staffId) : null,
    patientMasked: maskedPatientOf(after.phase) ?? maskedPatientOf(before.phase),
    consent: consentOf(after.phase) ?? consentOf(before.phase),
    outcome: step.audit?.outcome ?? after.notice?.kind ?? null,
    latencyMs: latencyOf(before.phase, after.phase, event.at),
    reason: step.audit?.reason ?? null,
  };
}

/**
 * Events that only refresh what the screen shows (progress, device status, the idle clock,
 * stored settings): a flood of rows that say nothing about who looked at whom. They are
 * audited only when they change the phase or the staff (a tick that clears a patient is), or
 * when their step asks for a row.
 */
const QUIET = new Set<SessionEvent['type']>([
  'key-activity', 'tick', 'lookup-progress', 'devices', 'settings-loaded', 'close-overlay',
  // Records written where the work is done — the care-list open row (tab-shown), the export's one
  // `admin.export` row, failures included (the key and its answers: report-export, -exported,
  // -export-failed; a refused key asks for its own row), each admin operation's `admin.*` row
  // (admin-loaded) — and the reports screen's own view: its figures arriving and its period moving.
  'tab-shown', 'report-loaded', 'report-export', 'report-exported', 'report-export-failed', 'admin-loaded', 'report-period',
]);

/** Every transition is audited — any event that changed the state — except the quiet ones above. */
export function withAudit(before: SessionState, step: Step, event: SessionEvent): { state: SessionState; effects: Step['effects'] } {
  const phaseChanged = before.phase.name !== step.state.phase.name || before.staff !== step.state.staff;
  const changed = step.state !== before && !QUIET.has(event.type);
  if (!phaseChanged && !changed && !step.audit) return { state: step.state, effects: step.effects };
  return { state: step.state, effects: [...step.effects, { type: 'audit', entry: auditEntry(before, step, event) }] };
}
