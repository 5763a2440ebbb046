// Kiosk benchmarks (SPEC §4), printed as numbers and ratios measured in one run:
//   1. process start → first full frame of the built bundle in a pseudo-terminal, against a
//      minimal unbundled Ink hello-world started the same way;
//   2. card inserted → patient table on screen, on a simulator fetch and on a cache hit;
//   3. keypress → frame while scrolling a 5,000-row table, drawn as the kiosk draws (incremental,
//      maxFps 15: KIOSK_INK_OPTIONS) with keys 100 ms apart, median / p95 / p99 / max;
//   4. memory (rss, heapUsed, heapTotal, external after a GC) at session 0, 500 and 1,000 of
//      simulated patient sessions through the reducer and the screens, and its slope — with the
//      kiosk's heap limits, then with V8's default sizing.
// 2–4 run in a child process from a production bundle (React's development build and the tsx
// loader would distort time and memory) with --expose-gc (RSS after a collection, not garbage).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEntry } from '../build.mjs';

const root = join(import.meta.dirname, '..', '..');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Resident set of the program `script` runs (its child), from /proc (Linux); null elsewhere. */
function childRssMb(scriptPid: number): number | null {
  try {
    const children = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/);
    const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

let lastRss: number | null = null;

/** Start `command` under `script` (a pseudo-terminal, 80x24) and time until `marker` is on it. */
function timeToText(command: string, marker: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['pipe', 'pipe', 'ignore'] });
    let text = '';
    const timer = setTimeout(() => finish(new Error(`no ${marker.join(' + ')} after 20 s`)), 20_000);
    const finish = (result: number | Error) => {
      clearTimeout(timer);
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      if (typeof result === 'number') resolve(result);
      else reject(result);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (marker.every((m) => text.includes(m))) {
        const ms = performance.now() - started;
        lastRss = child.pid ? childRssMb(child.pid) : null;
        finish(ms);
      }
    });
    child.on('error', (error) => finish(error));
  });
}

const HELLO = `import React from 'react';
import { render, Text } from 'ink';
render(React.createElement(Text, null, 'Hello from Ink'));
`;

async function firstFrame(): Promise<void> {
  const bundle = await buildEntry(undefined, join(root, 'dist', 'bench', 'yaoli.mjs'));
  mkdirSync(join(root, 'dist', 'bench'), { recursive: true });
  const hello = join(root, 'dist', 'bench', 'ink-hello.mjs');
  writeFileSync(hello, HELLO);
  const home = mkdtempSync(join(tmpdir(), 'yaoli-bench-'));
  const kiosk: number[] = [];
  const ready: number[] = [];
  const readyRss: number[] = [];
  const naive: number[] = [];
  try {
    for (let i = 0; i < 7; i++) {
      // First full frame: the idle screen down to the key hints on its last line.
      kiosk.push(await timeToText(`node ${bundle}`, ['請插入醫事人員卡', 'F1/? 說明'], { YAOLI_HOME: home }));
      // …and with readers, SAM, simulator and cache opened behind it.
      ready.push(await timeToText(`node ${bundle}`, ['virtual: Virtual PCD'], { YAOLI_HOME: home }));
      if (lastRss !== null) readyRss.push(lastRss);
      naive.push(await timeToText(`node ${hello}`, ['Hello from Ink'], {}));
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const k = median(kiosk);
  const n = median(naive);
  console.log('| measure (median of 7, under script(1) at 80x24) | ms |');
  console.log('|---|---|');
  console.log(`| kiosk bundle: process start → first full frame | ${k.toFixed(0)} |`);
  console.log(`| kiosk bundle: process start → readers, SAM, simulator and cache open (readers listed on screen) | ${median(ready).toFixed(0)} |`);
  console.log(`| unbundled Ink hello-world: process start → first frame | ${n.toFixed(0)} |`);
  console.log(`| ratio kiosk first frame / hello-world | ${(k / n).toFixed(2)} |`);
  if (readyRss.length > 0) console.log(`| kiosk bundle RSS when ready (simulator, cache, readers open), MB | ${median(readyRss).toFixed(0)} |`);
}

export default async function kioskBench(): Promise<void> {
  await firstFrame();
  const home = mkdtempSync(join(tmpdir(), 'yaoli-bench-'));
  try {
    // The in-process driver is bundled like the product (production React, no tsx loader in
    // the process), so its memory is the kiosk's, not a development tool's.
    const driver = await buildEntry(join(root, 'scripts', 'e2e', 'kiosk-measure-main.ts'), join(root, 'dist', 'bench-measure', 'measure.mjs'));
    // The memory run gets a fresh process: RSS never shrinks after the other measurements. It
    // runs with the kiosk's heap limits (src/kiosk/heap-limits.ts, set first by the driver as
    // bin/yaoli.mjs does); the keys and the sessions then run again with V8's own sizing.
    const runs = [
      ['card,keys', '1', '0'],
      ['sessions', '', '0'],
      ['keys', '', '1'],
      ['sessions', '', '1'],
    ] as const;
    for (const [parts, header, v8Defaults] of runs) {
      if (v8Defaults === '1' && parts === 'keys') console.log("| *the same with V8's default heap sizing (no kiosk heap limits), for comparison* | |");
      const child = spawnSync(process.execPath, ['--expose-gc', driver], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '1', YAOLI_HOME: home, TZ: 'UTC', YAOLI_MEASURE: parts, YAOLI_MEASURE_HEADER: header, YAOLI_HEAP_DEFAULTS: v8Defaults },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      process.stdout.write(child.stdout);
      if (child.status !== 0) process.stderr.write(child.stderr);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
