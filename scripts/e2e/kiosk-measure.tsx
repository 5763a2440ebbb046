// In-process kiosk measurements for scripts/bench/kiosk.bench.ts (run in a child with
// NODE_ENV=production and --expose-gc): the real world (virtual readers, simulator, cache,
// look-up, effects runner) and the real screens, rendered into a fake 80x24 terminal whose
// writes mark when a frame reached the screen.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { analyzeHistory } from '../../src/core/domain/analysis.ts';
import type { PatientHistory } from '../../src/core/domain/types.ts';
import { historyFromParts, partsFromSnapshots } from '../../src/core/lookup/index.ts';
import { ENDPOINT_IDS } from '../../src/core/medicloud/index.ts';
import { createSessionStore, initialSession, type PatientData, type SessionStore } from '../../src/core/session/index.ts';
import { findPatient, findStaff } from '../../src/demo/deck.ts';
import { createDataset } from '../../src/sim/data/dataset.ts';
import { inkFrameStream, KIOSK_INK_OPTIONS } from '../../src/kiosk/terminal.ts';
import { openWorld } from '../../src/kiosk/world.ts';
import { App } from '../../src/ui/app.tsx';
import { ThemeContext, makeTheme } from '../../src/ui/theme.ts';

const TODAY = '2026-11-23';
const SEED = 20261123;

class Screen extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  last = '';
  waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  private pending = '';
  // On a TTY Ink wraps each frame in synchronized-output marks (BSU … ESU, DEC 2026), written
  // separately: a frame is complete at the ESU.
  write = (data: string) => {
    this.pending += data;
    if (this.pending.includes('\x1b[?2026h') && !data.includes('\x1b[?2026l')) return true;
    const frame = this.pending;
    this.pending = '';
    this.last = frame;
    this.waiters = this.waiters.filter((w) => (w.test(frame) ? (w.resolve(), false) : true));
    return true;
  };
  /** Resolves at the first write that passes `test`; a frame that never comes is an error, not a hang. */
  next(test: (frame: string) => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such frame; last:\n${this.last}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

class Keyboard extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  press(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** `maxFps` 1000 (the default) lets the card and memory runs go as fast as frames come; the key run uses the kiosk's 15. */
function mount(store: SessionStore, extra: { tray?: Parameters<typeof App>[0]['tray']; maxFps?: number } = {}) {
  const screen = new Screen();
  const keyboard = new Keyboard();
  const ink = render(
    <ThemeContext.Provider value={makeTheme({ noColor: true })}>
      <App store={store} today={() => TODAY} homeInstitutionId={null} tray={extra.tray ?? null} diagnostics={null} onQuit={() => undefined} endpoints={ENDPOINT_IDS} />
    </ThemeContext.Provider>,
    // The kiosk's own writer (src/kiosk/start.tsx): incremental, through the frame stream.
    { stdout: inkFrameStream(screen as unknown as NodeJS.WriteStream), stdin: keyboard as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, ...KIOSK_INK_OPTIONS, maxFps: extra.maxFps ?? 1000 },
  );
  return { screen, keyboard, ink };
}

async function cardToTable(report: (line: string) => void): Promise<void> {
  const clock = () => Date.now();
  let world: Awaited<ReturnType<typeof openWorld>> | null = null;
  const store = createSessionStore(initialSession(undefined, clock()), { clock, onEffect: (effect) => world?.run(effect) });
  world = await openWorld({ readers: 'virtual', cloud: null, seed: SEED, samFolder: null, store, clock, today: () => TODAY });
  const { screen, ink } = mount(store, { tray: world.tray });
  const staff = findStaff(createDatasetDeck(), 'S01');
  // Consent given the moment the consent screen is up: what is timed is cards, cloud/cache and screen.
  store.subscribe(() => {
    if (store.getState().phase.name === 'consent') store.send({ type: 'verbal-consent' });
  });
  await world.insertAtStart(['S01']);
  await waitFor(() => store.getState().phase.name === 'staff-pin');
  store.send({ type: 'staff-pin-entered', pin: staff?.pin ?? '' });
  await waitFor(() => store.getState().phase.name === 'ready');
  const fetch: number[] = [];
  const hit: number[] = [];
  const patients = ['P001', 'P003', 'P004', 'P005', 'P006', 'P007'];
  // Round 1 fetches from the simulator (empty cache); rounds 2–4 find the cache filled.
  for (const into of [fetch, hit, hit, hit]) {
    for (const id of patients) {
      const name = findPatient(createDatasetDeck(), id)?.name ?? '';
      const shown = screen.next((f) => f.includes(name) && f.includes('1 摘要'));
      const started = performance.now();
      await world.insertAtStart([id]);
      await shown;
      into.push(performance.now() - started);
      world.tray?.toggle(id);
      await waitFor(() => store.getState().phase.name === 'ready');
    }
  }
  report(`| card inserted → patient table on screen, simulator fetch (6 patients, median / max) | ${median(fetch).toFixed(1)} / ${Math.max(...fetch).toFixed(1)} |`);
  report(`| card inserted → patient table on screen, cache hit (18 inserts, median / max) | ${median(hit).toFixed(1)} / ${Math.max(...hit).toFixed(1)} |`);
  ink.unmount();
  await world.close();
}

let deckMemo: ReturnType<typeof createDataset>['deck'] | null = null;
function createDatasetDeck() {
  deckMemo ??= createDataset({ seed: SEED, today: TODAY }).deck;
  return deckMemo;
}

function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => (condition() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(poll, 1));
    poll();
  });
}

function bigData(rows: number, base: PatientHistory): PatientData {
  const template = base.medications;
  const medications = Array.from({ length: rows }, (_, i) => {
    const record = template[i % template.length];
    if (!record) throw new Error('the base history has no records');
    const day = new Date(Date.UTC(2026, 10, 20) - Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10);
    return { ...record, id: `big${i}`, visitDate: day, refillDate: null };
  });
  const history = { ...base, medications };
  return { history, analysis: analyzeHistory(history, TODAY), fetchedAt: Date.now(), source: 'cloud' };
}

function deckHistories(count: number): PatientHistory[] {
  const dataset = createDataset({ seed: SEED, today: TODAY });
  return dataset.deck.patients.slice(0, count).map((p) => {
    const snapshots = ENDPOINT_IDS.map((endpoint) => {
      const payload = dataset.payload(endpoint, p, TODAY);
      // As the simulator answers: s05 and s03 bare, the others in the {log2time, robject} envelope.
      const body = endpoint === 'imue0008s05' || endpoint === 'imue0009s03' ? payload : { log2time: '', robject: payload };
      return { endpoint, payload: body, fetchedAt: new Date() };
    });
    return historyFromParts({ nationalId: p.nationalId, name: p.name, birthDate: p.birthDate, sex: p.sex }, partsFromSnapshots(snapshots).parts);
  });
}

function openPatient(store: SessionStore, data: PatientData, reader = 'R1'): void {
  const p = data.history.patient;
  // Every measured history is a deck patient's: no made-up ID stands in.
  if (!p) throw new Error('bench history without a patient');
  store.send({ type: 'card-inserted', reader, kind: 'patient' });
  store.send({
    type: 'patient-profile-read',
    reader,
    profile: { nationalId: p.nationalId, name: p.name, birthDate: p.birthDate, sex: p.sex, cardNumber: null, pinSet: false, pinTriesLeft: 0, pinBlocked: false },
  });
  store.send({ type: 'verbal-consent' });
  store.send({ type: 'lookup-fresh', lookupId: store.getState().nextLookupId - 1, data });
}

function loggedInStore(): SessionStore {
  let now = Date.now();
  const store = createSessionStore(initialSession(), { clock: () => (now += 1), onEffect: () => undefined });
  store.send({ type: 'card-inserted', reader: 'R0', kind: 'staff' });
  const s01 = findStaff(createDatasetDeck(), 'S01');
  if (!s01) throw new Error('the demo deck has S01');
  store.send({ type: 'staff-profile-read', reader: 'R0', profile: { staffId: s01.staffId, name: s01.name, role: s01.role, admin: true, pinTriesLeft: 3 } });
  store.send({ type: 'staff-pin-entered', pin: '123456' });
  store.send({ type: 'pin-result', who: 'staff', ok: true, triesLeft: 3, blocked: false });
  return store;
}

async function keypressLatency(report: (line: string) => void, base: PatientHistory): Promise<void> {
  const store = loggedInStore();
  const { screen, keyboard, ink } = mount(store, { maxFps: KIOSK_INK_OPTIONS.maxFps });
  const data = bigData(5000, base);
  const name = data.history.patient?.name ?? '';
  const opened = screen.next((f) => f.includes(name));
  openPatient(store, data);
  await opened;
  const tab = screen.next((f) => f.includes('5000/5000'));
  keyboard.press('2');
  await tab;
  const times: number[] = [];
  // Keys 1.5 frame slots apart (1/maxFps s each; 100 ms at 15), as staff tap them: a key inside
  // the slot of the previous frame would time Ink's frame throttle, not the kiosk.
  const slot = 1.5 * (1000 / KIOSK_INK_OPTIONS.maxFps);
  let pressed = 0;
  for (let i = 0; i < 400; i++) {
    const key = i % 100 === 99 ? '\x1b[6~' : '\x1b[B';
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, pressed + slot - performance.now())));
    pressed = performance.now();
    const before = screen.last;
    const frame = screen.next((f) => f !== before);
    const started = performance.now();
    keyboard.press(key);
    await frame;
    times.push(performance.now() - started);
  }
  report(`| keypress (↓, PgDn) → frame, 5,000-row records table, 400 keys ${slot.toFixed(0)} ms apart (maxFps ${KIOSK_INK_OPTIONS.maxFps}): median / p95 / p99 / max | ${median(times).toFixed(2)} / ${pct(times, 0.95).toFixed(2)} / ${pct(times, 0.99).toFixed(2)} / ${Math.max(...times).toFixed(2)} |`);
  ink.unmount();
}

interface MemorySample {
  session: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** process.memoryUsage() in MB right after a full collection (--expose-gc): what stays, not garbage. */
function memoryAfterGc(session: number): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return { session, rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
}

/** Least-squares slope of `value` over the sessions, in MB per 100 sessions. */
function slopePer100(samples: MemorySample[], value: (s: MemorySample) => number): number {
  const n = samples.length;
  const mx = samples.reduce((sum, s) => sum + s.session, 0) / n;
  const my = samples.reduce((sum, s) => sum + value(s), 0) / n;
  const sxy = samples.reduce((sum, s) => sum + (s.session - mx) * (value(s) - my), 0);
  const sxx = samples.reduce((sum, s) => sum + (s.session - mx) ** 2, 0);
  return sxx === 0 ? 0 : (100 * sxy) / sxx;
}

async function sessionsRss(report: (line: string) => void, histories: PatientHistory[]): Promise<void> {
  const store = loggedInStore();
  const { screen, keyboard, ink } = mount(store);
  // Session 0: logged in, idle screen up; the simulator's data set (for the histories) is in here too.
  const samples: MemorySample[] = [memoryAfterGc(0)];
  const total = Number(process.env.YAOLI_SESSIONS ?? 1000);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let session = 1; session <= total; session++) {
    const recycled = histories[session % histories.length] as PatientHistory;
    // YAOLI_DISTINCT=1: every session a different patient, as at a real counter (the same records,
    // drug names led by the session number), so the records tab never repeats an earlier line:
    // Ink 6.8 keeps every text it has measured or wrapped in module-level caches with no bound.
    const history: PatientHistory = process.env.YAOLI_DISTINCT === '1'
      ? { ...recycled, medications: recycled.medications.map((m) => ({ ...m, drugName: `${session} ${m.drugName}` })) }
      : recycled;
    const data: PatientData = { history, analysis: analyzeHistory(history, TODAY), fetchedAt: Date.now(), source: 'cloud' };
    const name = history.patient?.name ?? '';
    const shown = screen.next((f) => f.includes(name));
    openPatient(store, data);
    await shown;
    // Tab switches always change the frame (arrow keys do not on an empty history, P008).
    for (const key of ['2', '3', '4', '6', '1']) {
      const before = screen.last;
      const frame = screen.next((f) => f !== before);
      keyboard.press(key);
      await frame;
    }
    const cleared = screen.next((f) => f.includes('健保卡已取出'));
    store.send({ type: 'card-removed', reader: 'R1' });
    await cleared;
    if (session % 100 === 0 || session === total) samples.push(memoryAfterGc(session));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  ink.unmount();
  const at = (n: number) => samples.find((s) => s.session === n);
  const shown = [0, Math.round(total / 2), total].map(at).filter((s): s is MemorySample => s !== undefined);
  const row = (s: MemorySample) => `${s.session}: ${s.rss.toFixed(0)} · ${s.heapUsed.toFixed(1)} · ${s.heapTotal.toFixed(0)} · ${s.external.toFixed(1)}`;
  report(`| memory MB after a GC at session N (reducer + screens, 5 tab keys each): rss · heapUsed · heapTotal · external | ${shown.map(row).join(' — ')} |`);
  // The slope leaves out the first 100 sessions, where V8 warms up (JIT code, first sizing).
  const steady = samples.filter((s) => s.session >= 100);
  report(`| slope over sessions 100–${total}: rss / heapUsed / external, MB per 100 sessions | ${slopePer100(steady, (s) => s.rss).toFixed(2)} / ${slopePer100(steady, (s) => s.heapUsed).toFixed(2)} / ${slopePer100(steady, (s) => s.external).toFixed(2)} |`);
  report(`| highest rss over the ${samples.length} samples (every 100 sessions), MB | ${Math.max(...samples.map((s) => s.rss)).toFixed(0)} |`);
  report(`| time per session (open, 5 tab keys, close): wall / CPU ms | ${(wallMs / total).toFixed(1)} / ${((cpu.user + cpu.system) / 1000 / total).toFixed(1)} |`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

export async function inProcess(): Promise<void> {
  const report = (line: string) => console.log(line);
  if (process.env.YAOLI_MEASURE_HEADER !== '') {
    report('');
    report('| in-process measure (production bundle) | value |');
    report('|---|---|');
  }
  // YAOLI_MEASURE=card,keys,sessions picks parts (all by default).
  const parts = new Set((process.env.YAOLI_MEASURE ?? 'card,keys,sessions').split(','));
  if (parts.has('card')) await cardToTable(report);
  const histories = deckHistories(20);
  const base = histories[0] as PatientHistory;
  if (parts.has('keys')) await keypressLatency(report, base);
  if (parts.has('sessions')) await sessionsRss(report, histories);
}
