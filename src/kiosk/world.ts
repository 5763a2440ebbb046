// Everything behind the screen, opened once: reader hub, cache (+ audit, staff list,
// settings), MediCloud client (the embedded simulator by default), SAM, the look-up and
// the effects runner, the demo tray and the diagnostics. `close()` undoes it all.
import { dirname, join } from 'node:path';
import { staffAccess, type StaffAccess } from '../core/admin/index.ts';
import { openCache, type Cache } from '../core/cache/index.ts';
import { createCloudClient } from '../core/cloud/index.ts';
import type { LookupCache } from '../core/lookup/index.ts';
import type { IsoDate } from '../core/domain/types.ts';
import type { CloudTimeouts, Readers } from '../core/config.ts';
import { defaultCachePaths } from '../core/paths.ts';
import type { SessionEffect, SessionStore } from '../core/session/index.ts';
import { deckFor } from '../device/virtual/deck-cards.ts';
import { openReaderHub } from '../device/open-hub.ts';
import { VirtualReaderHub, VIRTUAL_READERS } from '../device/virtual/hub.ts';
import { startSimulator } from '../sim/server.ts';
import type { DemoTray, Diagnostics } from '../ui/ports.ts';
import { createBackOffice } from './back-office.ts';
import { createCardOps } from './card-ops.ts';
import { createDemoTray } from './demo-tray.ts';
import { kioskDiagnostics } from './diagnostics.ts';
import { createEffectsRunner } from './effects.ts';
import { bridgeHub } from './hub-bridge.ts';
import { createLookupService, type SamSigner } from './lookup-service.ts';
import { demoSam, fileSam, watchSamCards } from './sam-source.ts';
import { analysisSettings, loadSettings, saveSettings } from './settings-store.ts';

export interface World {
  run(effect: SessionEffect): void;
  tray: DemoTray | null;
  diagnostics: Diagnostics;
  homeInstitutionId: string | null;
  insertAtStart(deckIds: string[]): Promise<void>;
  warnings(): string[];
  close(): Promise<void>;
}

export interface WorldOptions {
  readers: Readers;
  cloud: string | null;
  seed: number;
  samFolder: string | null;
  /** From core/config; default: the data folder's cache.db and cache.key. */
  cachePath?: string;
  keyFile?: string;
  timeouts?: CloudTimeouts;
  store: SessionStore;
  clock: () => number;
  today: () => IsoDate;
  /**
   * The demo deck's staff flags stand in for NHI's registration (S01 is the 機構管理者; the
   * embedded cloud answers 403 for S06). Default: with the virtual readers. false: this kiosk's
   * own authorization list alone decides, first set-up included, as on a real kiosk.
   */
  deckStaff?: boolean;
}

/** When the cache cannot open, look-ups still run; nothing is cached and the idle screen says so. */
const NO_CACHE: LookupCache = { getSnapshots: () => [], putSnapshots: () => undefined, audit: { append: () => undefined } };

export async function openWorld(options: WorldOptions): Promise<World> {
  const { store, clock } = options;
  const warnings: string[] = [];
  const warn = (error: Error) => {
    if (warnings.length < 50) warnings.push(error.message);
  };
  const deck = deckFor(options.seed);

  // 'auto' falls back to the virtual readers (and says why in the hub status) when pcscd is not there.
  const hub = options.readers === 'virtual' ? new VirtualReaderHub({ seed: options.seed }) : await openReaderHub({ backend: options.readers, virtual: { seed: options.seed } });
  const embedded = hub instanceof VirtualReaderHub;

  let cache: Cache | null = null;
  try {
    const paths = defaultCachePaths();
    // The cache stamps audit rows and snapshots with the kiosk's own clock (a test or a pinned demo day moves both).
    cache = openCache({ path: options.cachePath ?? paths.db, keyFile: options.keyFile ?? paths.keyFile, clock: () => new Date(clock()) }).cache;
    store.send({ type: 'devices', status: { cache: 'ok' } });
    store.send({ type: 'settings-loaded', settings: loadSettings(cache) });
  } catch (error) {
    warn(error as Error);
    store.send({ type: 'devices', status: { cache: 'failed' } });
  }

  const simulator = options.cloud ? null : await startSimulator({ port: 0, host: '127.0.0.1', seed: options.seed, today: options.today() });
  const baseUrl = options.cloud ?? (simulator as { url: string }).url;
  const client = createCloudClient({ baseUrl, ...(options.timeouts ? { timeouts: options.timeouts } : {}) });
  // The embedded simulator is on loopback: reachable by construction.
  if (simulator) store.send({ type: 'devices', status: { network: 'online' } });

  let sam: SamSigner | null = null;
  const samReady = (found: SamSigner) => {
    sam = found;
    store.send({ type: 'devices', status: { sam: true } });
  };
  let stopSamWatch = () => undefined as void;
  if (embedded) samReady(await demoSam(options.seed));
  else {
    if (options.samFolder !== null) await fileSam(options.samFolder).then(samReady, warn);
    stopSamWatch = watchSamCards(hub, samReady, warn);
  }

  const accessOf = (staffId: string): StaffAccess | undefined => {
    if (!cache) return undefined;
    if (!(options.deckStaff ?? embedded)) return staffAccess(cache, staffId);
    // The demo deck plays NHI's registration: S01 is the 機構管理者 and the embedded cloud
    // answers for the others (403 for S06) unless this kiosk's list says otherwise.
    const member = cache.staff.get(staffId);
    if (member) return member.enabled ? (member.admin ? 'admin' : 'user') : 'disabled';
    return deck.staff.some((s) => s.staffId === staffId && s.admin) ? 'admin' : 'user';
  };
  const cardOps = createCardOps(hub, { isAdmin: () => false });
  const cards: typeof cardOps = {
    ...cardOps,
    async readStaff(reader) {
      const profile = await cardOps.readStaff(reader);
      let access: StaffAccess | undefined;
      try {
        access = accessOf(profile.staffId);
      } catch (error) {
        // The list cannot be read (cache failing under the kiosk): no administrator rights, and
        // the cloud's own 機構使用者 check (403) still stands between the card and patient data.
        warn(error as Error);
      }
      return access ? { ...profile, access, admin: access === 'admin' } : profile;
    },
  };
  // Training: the embedded cloud's 機構使用者 list follows this kiosk's, as the real one follows
  // what the 機構管理者 sets on NHI's VPN site. Staff the kiosk lists are authorized while enabled.
  const deckAuthorized = new Map(simulator?.deck.staff.map((s) => [s.staffId, s.authorized]) ?? []);
  const mirrorStaff = () => {
    if (!simulator || !cache) return;
    for (const member of simulator.deck.staff) simulator.setStaffAuthorized(member.staffId, cache.staff.get(member.staffId)?.enabled ?? deckAuthorized.get(member.staffId) ?? false);
  };
  try {
    mirrorStaff();
  } catch (error) {
    warn(error as Error);
  }
  const lookups = createLookupService({
    cards,
    client,
    cache: cache ?? NO_CACHE,
    sam: () => sam,
    today: options.today,
    clock,
    settings: () => analysisSettings(store.getState().settings),
    cardNumberFor: (nationalId) => (embedded ? (deck.patients.find((p) => p.nationalId === nationalId)?.cardNumber ?? null) : null),
    dispatch: (event) => {
      if (event.type === 'lookup-fresh') store.send({ type: 'devices', status: { network: 'online' } });
      if (event.type === 'lookup-offline') store.send({ type: 'devices', status: { network: 'offline' } });
      store.dispatch(event);
    },
    onWarning: warn,
  });
  const run = createEffectsRunner({
    cards,
    lookups,
    state: store.getState,
    dispatch: store.dispatch,
    clock,
    audit: (entry) =>
      cache?.audit.append({ action: entry.action, at: entry.at, staffMasked: entry.staffId, patientMasked: entry.patientMasked, consent: entry.consent, outcome: entry.outcome, reason: entry.reason, ...(entry.latencyMs === null ? {} : { latencies: { total: entry.latencyMs } }) }),
    saveSettings: (settings) => cache && saveSettings(cache, settings),
    backOffice: cache ? createBackOffice({ cache, cards, exportsDir: join(dirname(cache.path), 'exports'), visitsFile: join(dirname(cache.path), 'visits.csv'), dispatch: store.dispatch, clock, onStaffChanged: mirrorStaff, onWarning: warn }) : null,
    onWarning: warn,
  });
  const unbridge = bridgeHub(hub, { cards, dispatch: store.dispatch, clock, onStaffCardGone: lookups.forgetStaff });
  // The idle timeout is a comparison in the reducer; this only tells it the time.
  const ticker = setInterval(() => store.send({ type: 'tick' }), 1000);
  ticker.unref();

  const tray = hub instanceof VirtualReaderHub ? createDemoTray(hub, deck, warn) : null;
  return {
    run,
    tray,
    diagnostics: kioskDiagnostics({ hub, cloudUrl: options.cloud, cacheDb: cache?.path ?? options.cachePath ?? defaultCachePaths().db, samFolder: options.samFolder }),
    homeInstitutionId: sam ? (sam as SamSigner).hospId : embedded ? deck.home.id : null,
    async insertAtStart(deckIds) {
      for (const id of deckIds) await tray?.insert(id.toUpperCase()).catch(warn);
    },
    warnings: () => warnings,
    async close() {
      clearInterval(ticker);
      unbridge();
      stopSamWatch();
      await cards.close();
      await hub.close().catch(warn);
      await client.close().catch(warn);
      await simulator?.close().catch(warn);
      cache?.close();
    },
  };
}

export { VIRTUAL_READERS };
