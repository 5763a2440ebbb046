// The back-office overlays' state (機構管理者 only): the reports screen's period and figures,
// and the administration screen's staff list, pending question and last result. Plain data:
// the kiosk's effects fetch it from the cache and feed it back as events.
import type { Facts } from '../../i18n/index.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Granularity, Report } from '../report/types.ts';

export interface ReportsView {
  /** First and last Asia/Taipei day shown. */
  from: IsoDate;
  to: IsoDate;
  /** The period is one day, one ISO week (Monday–Sunday) or one calendar month. */
  span: Granularity;
  /** Waiting for the figures of this period. */
  loading: boolean;
  report: Report | null;
  /** A cache failure's kind while loading or exporting. */
  error: string | null;
  /** Where the last CSV export went, and how many files. */
  exported: { dir: string; files: number } | null;
}

/**
 * A staff member as the admin screen lists them. The screen shows `masked` only; `staffId` is
 * what enable/disable and administrator on/off act on, since two members can share a mask.
 */
export interface AdminStaffRow {
  staffId: string;
  masked: string;
  name: string;
  role: string;
  enabled: boolean;
  admin: boolean;
}

/** An admin operation's answer (src/core/admin AdminResult): its message key and facts. */
export interface AdminMessage {
  ok: boolean;
  key: string;
  facts: Facts;
}

export type AdminOp =
  /** Typed by the administrator: the national ID (check digit verified) and the role. */
  | { kind: 'add-typed'; staffId: string; role: string }
  /** The staff card in a reader other than the administrator's own. */
  | { kind: 'add-card' }
  | { kind: 'set-enabled'; staffId: string; enabled: boolean }
  | { kind: 'set-admin'; staffId: string; admin: boolean }
  | { kind: 'purge'; scope: 'expired' | 'all' }
  | { kind: 'verify-audit' };

/** What the admin-op effect carries: add-card resolved to the reader holding the card. */
export type AdminEffectOp =
  | Exclude<AdminOp, { kind: 'add-card' }>
  | { kind: 'add-card'; reader: string }
  | { kind: 'list' }
  /** First set-up: the card holder just logged in (valid PIN) becomes the first administrator. */
  | { kind: 'bootstrap'; name: string };

export interface AdminView {
  staff: AdminStaffRow[] | null;
  /** An operation is running; further ones wait. */
  busy: boolean;
  /** 'purge-all' asks for y before every cached patient is dropped. */
  confirm: 'purge-all' | null;
  message: AdminMessage | null;
}
