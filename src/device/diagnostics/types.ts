// The vocabulary of `yaoli doctor` and the kiosk's diagnostics screen: a probe looks at one
// part of the set-up (pcscd, readers, SAM file, network, cache, terminal…) and answers with a
// check: PASS / WARN / FAIL / SKIP, what it saw, and a one-line fix hint in zh-TW and English,
// with the NHI control-software code a field technician already knows where one fits
// (research/device-pcsc-nhi-cards.md §1.6).
import type { Bilingual } from '../../i18n/index.ts';
import type { ReaderHub } from '../types.ts';

export type CheckStatus = 'PASS' | 'WARN' | 'FAIL' | 'SKIP';

export interface DiagnosticCheck {
  id: string;
  title: Bilingual;
  status: CheckStatus;
  /** What the probe saw, e.g. "pid 9757, socket /run/pcscd/pcscd.comm". */
  detail: Bilingual;
  /** One-line fix hint; empty strings when there is nothing to fix. */
  hint: Bilingual;
  /** NHI control-software code (e.g. '4061', '9200') when one means the same thing. */
  nhiCode?: string;
  /** How long the probe took, in milliseconds. */
  ms: number;
  /** Machine-readable facts (days to expiry, skew seconds, reader names…) for the JSON report. */
  data?: Record<string, unknown>;
}

export interface DiagnosticSummary {
  pass: number;
  warn: number;
  fail: number;
  skip: number;
}

export interface DiagnosticReport {
  /** yaoli's version. */
  version: string;
  /** When the run started, ISO instant. */
  at: string;
  checks: DiagnosticCheck[];
  summary: DiagnosticSummary;
}

/** What a probe returns; the runner adds id, title and ms. */
export interface ProbeOutcome {
  status: CheckStatus;
  detail: Bilingual;
  hint?: Bilingual;
  nhiCode?: string;
  data?: Record<string, unknown>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the probes look; every field has a default resolved by resolveSetup(). */
export interface DiagnosticSetup {
  samDir: string;
  logDir: string;
  cacheDb: string;
  /** The MediCloud base URL; null = the embedded simulator (no network endpoint to test). */
  cloudUrl: string | null;
  /** Why cloudUrl is null, shown in the SKIP detail. */
  cloudSkipReason?: Bilingual;
  /** Extra trusted CA certificates (PEM) for the TLS check, like NODE_EXTRA_CA_CERTS. */
  ca?: string | string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  terminal: { isTTY: boolean; columns?: number; rows?: number };
  /** pcscd's socket; pcsc-lite honours $PCSCLITE_CSOCK_NAME. */
  pcscSocket: string;
  /** smartcard_list.txt to name unknown cards. */
  smartcardList?: string;
  /** This machine's fingerprint for the SAM binding check (tests inject one). */
  machine?: string;
}

export interface ProbeContext {
  readonly setup: DiagnosticSetup;
  /** Aborted when this probe's time is up or the whole run is cancelled: close sockets then. */
  readonly signal: AbortSignal;
  /** Wall clock (TLS expiry, server clock skew). */
  readonly clock: () => Date;
  /** Monotonic milliseconds (round-trip times). */
  readonly now: () => number;
  /** The finished check of a probe named in dependsOn. */
  dependency(id: string): DiagnosticCheck | undefined;
  /** The reader hub, opened once per run (or the kiosk's own hub). */
  hub(): Promise<ReaderHub>;
}

export interface Probe {
  id: string;
  title: Bilingual;
  /** Probes whose checks this one needs; if one of them FAILs or SKIPs, this one SKIPs. */
  dependsOn?: readonly string[];
  /** Overrides the run's per-probe timeout. */
  timeoutMs?: number;
  /** NHI code to report when this probe times out (4061 for the network, 4000 for a reader). */
  timeoutNhiCode?: string;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}
