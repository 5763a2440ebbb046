// The kiosk flow's vocabulary: what the counter is doing (phase), what happened (events)
// and what must be done outside the pure reducer (effects). Every event carries `at`
// (ms since the epoch, from the runner's clock) so the reducer never reads a clock.
import type { Lang } from '../../i18n/index.ts';
import type { IsoDate, PatientHistory, Sex } from '../domain/types.ts';
import type { HolidayWindow } from '../domain/refill.ts';
import type { StaffAccess } from '../admin/staff-rules.ts';
import type { Granularity, Report } from '../report/types.ts';
import type { PatientAnalysis } from './analysis-shape.ts';
import type { AdminEffectOp, AdminMessage, AdminOp, AdminStaffRow, ReportsView, AdminView } from './office-types.ts';

export type * from './office-types.ts';

export type CardKind = 'patient' | 'staff' | 'sam' | 'unknown';
export type ConsentKind = 'pin' | 'verbal' | 'emergency';
export type TabId = 'summary' | 'records' | 'leftover' | 'refills' | 'controlled' | 'allergies';
export const TAB_IDS: readonly TabId[] = ['summary', 'records', 'leftover', 'refills', 'controlled', 'allergies'];

/** An error or notice as a value: `kind` goes to the audit log, `key` picks the message. */
export interface SessionError {
  kind: string;
  key: string;
  facts?: Record<string, string | number>;
}

export interface KioskSettings {
  lang: Lang;
  /** Patient data leaves the screen after this long without a key (default 90 s). */
  idleTimeoutSeconds: number;
  refillWindowDays: number;
  /** The year's NHIA holiday rule for chronic refills; null when none is set. */
  refillHoliday: HolidayWindow | null;
  duplicateThresholdDays: number;
  defaultTab: TabId;
}

export const DEFAULT_KIOSK_SETTINGS: KioskSettings = {
  lang: 'zh-TW',
  idleTimeoutSeconds: 90,
  refillWindowDays: 10,
  refillHoliday: null,
  duplicateThresholdDays: 10,
  defaultTab: 'summary',
};

export interface StaffProfile {
  staffId: string;
  name: string;
  role: string;
  /** 機構管理者: may open settings. */
  admin: boolean;
  /**
   * What this kiosk's authorization list (機構使用者) says about the holder, when the kiosk
   * keeps one (src/core/admin staffAccess): 'first-setup' makes them the first administrator
   * after a valid PIN; 'disabled' and 'not-listed' are refused at login. Absent: no local list.
   */
  access?: StaffAccess;
  /** PIN tries left as the card reports them; 0 = locked. */
  pinTriesLeft: number;
}

export interface PatientCardProfile {
  nationalId: string;
  name: string;
  birthDate: IsoDate;
  sex: Sex;
  cardNumber: string | null;
  /** The patient set a card PIN: consent is given by typing it. */
  pinSet: boolean;
  pinTriesLeft: number;
  pinBlocked: boolean;
}

/** Who the lookup is for: from the card, or typed by staff in emergency mode. */
export interface LookupTarget {
  nationalId: string;
  birthDate: IsoDate;
  name: string | null;
  sex: Sex | null;
  cardNumber: string | null;
}

export type EndpointState = 'waiting' | 'loading' | 'done' | 'failed' | 'cached';

/**
 * Whether the patient is on the 特定管制用藥 care list, from NHI's care-list Web API (isCareList,
 * exeURL) asked during this look-up; 'rows' when it failed: the imue0009s02/s03 rows decide.
 */
export type CareListStatus = { source: 'api'; onList: boolean; exeUrl: string | null } | { source: 'rows'; failure: string };

export interface PatientData {
  history: PatientHistory;
  analysis: PatientAnalysis;
  /** The care-list Web API's answer; absent when not asked (cached data, an older client). */
  careList?: CareListStatus;
  /** When the cloud produced these data (ms); a cache hit shows its age. */
  fetchedAt: number;
  source: 'cloud' | 'cache';
}

export interface DeviceStatus {
  backend: string;
  readers: string[];
  readersOk: boolean;
  readerMessage: string | null;
  sam: boolean;
  network: 'unknown' | 'online' | 'offline';
  cache: 'unknown' | 'ok' | 'failed';
}

export interface StaffSession {
  reader: string;
  profile: StaffProfile;
}

export type Phase =
  | { name: 'idle' }
  | { name: 'staff-reading'; reader: string }
  | { name: 'staff-pin'; reader: string; profile: StaffProfile; verifying: boolean }
  | { name: 'staff-locked'; reader: string }
  | { name: 'ready' }
  | { name: 'patient-reading'; reader: string }
  | { name: 'consent'; reader: string; patient: PatientCardProfile; verifying: boolean }
  | { name: 'emergency' }
  | { name: 'loading'; lookupId: number; target: LookupTarget; consent: ConsentKind; reader: string | null; startedAt: number; progress: Record<string, EndpointState> }
  | {
      name: 'patient-view';
      lookupId: number;
      target: LookupTarget;
      consent: ConsentKind;
      reader: string | null;
      data: PatientData;
      /** Offline: the cache is all there is; the banner says how old it is. */
      offline: SessionError | null;
      /** Still fetching fresh data behind a cached view. */
      refreshing: boolean;
    }
  | { name: 'lookup-failed'; target: LookupTarget; reader: string | null; error: SessionError }
  | { name: 'staff-refused'; error: SessionError };

export type PhaseName = Phase['name'];

export type OverlayId = 'settings' | 'diagnostics' | 'reports' | 'admin';

export interface SessionState {
  settings: KioskSettings;
  devices: DeviceStatus;
  /** Cards present now, by reader, so a patient card inserted first is read after login. */
  cards: Record<string, CardKind>;
  staff: StaffSession | null;
  phase: Phase;
  /** The latest error or notice for the screen (wrong PIN, card removed, timed out…). */
  notice: SessionError | null;
  /** Settings, diagnostics, reports or administration over the flow; the flow keeps running underneath. */
  overlay: OverlayId | null;
  /** The reports overlay's period and figures (機構管理者 only); null when it is closed. */
  reports: ReportsView | null;
  /** The administration overlay's staff list and last result; null when it is closed. */
  admin: AdminView | null;
  /** The look-up whose 特定管制用藥 tab was already audited as opened (once per staff, patient and visit). */
  careListOpenedFor: number | null;
  /** Taipei day number of the last daily purge of expired cache snapshots. */
  purgeDay: number | null;
  nextLookupId: number;
  /** Last key press or flow step (ms); the idle timeout counts from here. */
  lastActivityAt: number;
}

export interface LookupErrorValue {
  /** e.g. 'staff-unauthorized' (HTTP 403), 'patient-unknown', 'network', 'timeout'. */
  kind: string;
  key?: string;
}

export type SessionEvent =
  | { type: 'devices'; at: number; status: Partial<DeviceStatus> }
  | { type: 'card-inserted'; at: number; reader: string; kind: CardKind }
  | { type: 'card-removed'; at: number; reader: string }
  | { type: 'staff-profile-read'; at: number; reader: string; profile: StaffProfile }
  | { type: 'card-read-failed'; at: number; reader: string; error: LookupErrorValue }
  | { type: 'staff-pin-entered'; at: number; pin: string }
  | { type: 'pin-result'; at: number; who: 'staff' | 'patient'; ok: boolean; triesLeft: number; blocked: boolean }
  | { type: 'patient-profile-read'; at: number; reader: string; profile: PatientCardProfile }
  | { type: 'patient-pin-entered'; at: number; pin: string }
  | { type: 'verbal-consent'; at: number }
  | { type: 'cancel'; at: number }
  | { type: 'close-patient'; at: number }
  | { type: 'logout'; at: number }
  | { type: 'emergency-open'; at: number }
  | { type: 'emergency-submit'; at: number; nationalId: string; birthDate: string; reason: string }
  | { type: 'lookup-progress'; at: number; lookupId: number; endpoint: string; state: EndpointState }
  | { type: 'lookup-cached'; at: number; lookupId: number; data: PatientData }
  | { type: 'lookup-fresh'; at: number; lookupId: number; data: PatientData }
  | { type: 'lookup-offline'; at: number; lookupId: number; error: LookupErrorValue }
  | { type: 'lookup-failed'; at: number; lookupId: number; error: LookupErrorValue }
  | { type: 'key-activity'; at: number }
  | { type: 'tick'; at: number }
  /** `today` (the kiosk's day, which a demo may pin) sets the reports' default period. */
  | { type: 'open-overlay'; at: number; overlay: OverlayId; today?: IsoDate }
  | { type: 'close-overlay'; at: number }
  | { type: 'settings-save'; at: number; settings: KioskSettings }
  /** The stored settings, read at start-up (not an admin action: no permission check). */
  | { type: 'settings-loaded'; at: number; settings: KioskSettings }
  /** The patient view shows this tab (the 特定管制用藥 tab counts toward NHI's 開啟率). */
  | { type: 'tab-shown'; at: number; tab: TabId }
  | { type: 'report-period'; at: number; span?: Granularity; move?: -1 | 1 }
  | { type: 'report-loaded'; at: number; from: IsoDate; to: IsoDate; report: Report }
  | { type: 'report-failed'; at: number; kind: string }
  | { type: 'report-export'; at: number; lang: Lang }
  | { type: 'report-exported'; at: number; dir: string; files: number }
  /** The export could not be written (`write-<code>`, or the cache's kind); the back office audited it. */
  | { type: 'report-export-failed'; at: number; kind: string }
  | { type: 'admin-action'; at: number; op: AdminOp }
  /** The purge-all question answered (y) or not. */
  | { type: 'admin-confirm'; at: number; yes: boolean }
  | { type: 'admin-loaded'; at: number; staff: AdminStaffRow[]; message: AdminMessage | null };

export type SessionEventType = SessionEvent['type'];

/** What the audit log records: never a clear national ID, never a name, never a PIN. */
export interface AuditEntry {
  at: number;
  action: string;
  from: PhaseName;
  to: PhaseName;
  staffId: string | null;
  patientMasked: string | null;
  consent: ConsentKind | null;
  outcome: string | null;
  latencyMs: number | null;
  reason: string | null;
}

export type SessionEffect =
  | { type: 'read-staff-card'; reader: string }
  | { type: 'read-patient-card'; reader: string }
  /** The only place a PIN leaves the input: one VERIFY, then it is gone. */
  | { type: 'verify-pin'; who: 'staff' | 'patient'; reader: string; pin: string }
  | { type: 'start-lookup'; lookupId: number; target: LookupTarget; consent: ConsentKind; staffReader: string; patientReader: string | null }
  | { type: 'cancel-lookup'; lookupId: number }
  | { type: 'save-settings'; settings: KioskSettings }
  | { type: 'load-report'; from: IsoDate; to: IsoDate; by: Granularity }
  /** `report`: the figures on screen when they are this period's, so the export need not compute them again. */
  | { type: 'export-report'; from: IsoDate; to: IsoDate; by: Granularity; lang: Lang; actor: { staffId: string; role: string }; report: Report | null }
  /** One admin operation (src/core/admin) by the logged-in administrator; answered by admin-loaded. */
  | { type: 'admin-op'; op: AdminEffectOp; actor: { staffId: string; role: string } }
  /** NHI 開啟率: the 特定管制用藥 tab was shown with data for a care-list patient. */
  | { type: 'care-list-open'; at: number; staff: { staffId: string; role: string }; patientId: string }
  /** Once a Taipei day: drop cached snapshots past their time to live. */
  | { type: 'purge-expired' }
  | { type: 'audit'; entry: AuditEntry };

export interface Transition {
  state: SessionState;
  effects: SessionEffect[];
}
