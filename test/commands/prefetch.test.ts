// `yaoli prefetch` end to end: a small CSV (with bad lines) against the simulator, the deck's
// virtual staff card and SAM signing each login, a real SQLite cache; an interrupted run
// resumes from the progress file; every patient leaves a `prefetch` audit row.
import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openCache } from '../../src/core/cache/index.ts';
import { ENDPOINT_IDS } from '../../src/core/medicloud/index.ts';
import { runPrefetch, type PrefetchRunOptions } from '../../src/commands/prefetch.ts';
import { DEFAULT_DEMO_SEED, demoDeck, findPatient } from '../../src/demo/deck.ts';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.ts';
import { toRoc7 } from '../../src/core/domain/dates.ts';

const TODAY = '2026-11-23';
const deck = demoDeck(DEFAULT_DEMO_SEED);
let sim: RunningSimulator;
test.before(async () => {
  sim = await startSimulator({ today: TODAY, seed: DEFAULT_DEMO_SEED });
});
test.after.always(async () => {
  await sim.close();
});

/** Collects stderr lines; `onLine` may abort the run (a Ctrl-C after k patients). */
function stderrSink(onLine: (line: string) => void = () => {}): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        lines.push(line);
        onLine(line);
      }
      callback();
    },
  });
  return { stream, lines };
}

function setup(handles: string[], extraLines: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-prefetch-'));
  const list = join(dir, 'refills.csv');
  const rows = handles.map((handle, index) => {
    const p = findPatient(deck, handle)!;
    // Alternate ISO and ROC 7-digit birth dates, as lists exported from different HIS do.
    return `${p.nationalId},${index % 2 === 0 ? p.birthDate : toRoc7(p.birthDate)}`;
  });
  writeFileSync(list, ['身分證號,生日', ...rows, ...extraLines].join('\n'));
  const base = (stderr: Writable, overrides: Partial<PrefetchRunOptions> = {}): PrefetchRunOptions => ({
    list,
    staff: 'S01',
    concurrency: 2,
    cloud: sim.url,
    restart: false,
    maxAgeHours: 0,
    seed: DEFAULT_DEMO_SEED,
    today: TODAY,
    cachePath: join(dir, 'cache.db'),
    keyFile: join(dir, 'cache.key'),
    stderr,
    ...overrides,
  });
  return { dir, list, base };
}

test.serial('a small list with bad lines: good ones fetched and cached, bad ones reported by line, all audited', async (t) => {
  const { base } = setup(['P001', 'P002', 'P003', 'P008'], ['A123456788,1956-07-11', 'not,a,valid,line']);
  const { stream, lines } = stderrSink();
  const { code, summary } = await runPrefetch(base(stream));
  t.is(code, 1, 'exit 1: some lines were bad');
  t.like(summary, { total: 4, fetched: 4, failed: 0, skipped: 0, aborted: false });
  t.true(lines.some((l) => l.includes('第 6 行') && l.includes('line 6: national ID')));
  t.true(lines.some((l) => l.includes('第 7 行') && l.includes('line 7: expected')));
  t.true(lines.some((l) => /下載 4.*fetched 4/.test(l)), lines.join('\n'));
  t.false(lines.some((l) => l.includes(findPatient(deck, 'P001')!.nationalId)), 'IDs only masked on stderr');

  const { cache } = openCache({ path: base(stream).cachePath, keyFile: base(stream).keyFile });
  for (const handle of ['P001', 'P002', 'P003', 'P008']) t.is(cache.getSnapshots(findPatient(deck, handle)!.nationalId).length, ENDPOINT_IDS.length, handle);
  const rows = cache.audit.tail(10);
  t.is(rows.length, 4);
  t.true(rows.every((r) => r.action === 'prefetch' && r.outcome === 'ok' && r.staffRole === 'pharmacist'));
  t.true(cache.audit.verify().ok);
  cache.close();
});

test.serial('interrupted after 2 patients → rerun skips them and fetches the rest; --restart starts over', async (t) => {
  const handles = ['P001', 'P002', 'P003', 'P004', 'P005'];
  const { base } = setup(handles);
  const controller = new AbortController();
  let done = 0;
  const first = stderrSink((line) => {
    if (/ fetched \d+ ms$/.test(line) && ++done === 2) controller.abort();
  });
  const interrupted = await runPrefetch(base(first.stream, { concurrency: 1, signal: controller.signal }));
  t.is(interrupted.code, 130);
  t.like(interrupted.summary, { fetched: 2, aborted: true });
  t.true(first.lines.some((l) => l.includes('--restart')), 'tells how to resume');

  const second = stderrSink();
  const resumed = await runPrefetch(base(second.stream));
  t.is(resumed.code, 0);
  t.like(resumed.summary, { total: 5, skipped: 2, fetched: 3, failed: 0 });
  t.true(second.lines.some((l) => l.includes('已完成 2 位')));

  const third = stderrSink();
  const restarted = await runPrefetch(base(third.stream, { restart: true, maxAgeHours: 12 }));
  t.like(restarted.summary, { skipped: 0, cached: 5, fetched: 0 }, 'a young complete cache is not fetched again');

  const { cache } = openCache({ path: base(second.stream).cachePath, keyFile: base(second.stream).keyFile });
  t.deepEqual(
    cache.audit.tail(20).map((r) => r.outcome),
    ['ok', 'ok', 'ok', 'ok', 'ok', 'cached', 'cached', 'cached', 'cached', 'cached'],
    'one audit row per patient looked up; skipped ones are not looked up again',
  );
  cache.close();
});

test.serial('embedded default: no --cloud starts an in-process simulator; an unauthorized staff card stops the batch', async (t) => {
  const { base } = setup(['P001', 'P002', 'P003']);
  const ok = stderrSink();
  // A terminal gets one redrawn progress bar instead of a line per patient.
  const tty = Object.assign(ok.stream, { isTTY: true });
  t.like((await runPrefetch(base(tty, { cloud: null }))).summary, { fetched: 3 });
  t.true(ok.lines.some((l) => l.includes('\r[') && l.endsWith('3/3  下載 fetched 3  快取 cached 0  失敗 failed 0')), ok.lines.join('|'));
  t.false(ok.lines.some((l) => / fetched \d+ ms$/.test(l)));

  const denied = stderrSink();
  const { code, summary } = await runPrefetch(base(denied.stream, { staff: 'S06', restart: true, concurrency: 1 }));
  t.is(code, 1);
  t.is(summary?.stoppedBy, 'forbidden');
  t.is(summary?.failed, 1, 'stopped after the first refusal instead of trying everyone');
  t.true(denied.lines.some((l) => l.includes('醫事人員卡登入被拒')));
});
