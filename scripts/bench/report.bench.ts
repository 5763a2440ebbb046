// `yaoli report` over 100,000 audit rows (target: under 1 s on a 2-core counter PC): a
// quarter of a busy counter's log — look-up rows as the look-up writes them (full IDs sealed,
// 8 latencies), kiosk flow rows, care-list opens, emergencies with reasons, failures — in a
// real cache file, plus a 10,000-line visit list. Prints the median wall and CPU time of the whole
// reportFromCache (stream + compute) and of its parts. Synthetic IDs only.
//
// Generating 100,000 rows through cache.audit.append costs one fsync each (minutes); the rows
// are appended through the same audit code (createAuditLog: real sealing and hash chain) on a
// connection with synchronous=OFF inside one transaction, so the file is what the kiosk writes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openCache } from '../../src/core/cache/index.ts';
import type { AuditEntry } from '../../src/core/cache/index.ts';
import { createAuditLog } from '../../src/core/cache/audit.ts';
import { openAuditReader } from '../../src/core/cache/audit-query.ts';
import { deriveKeys } from '../../src/core/cache/crypto.ts';
import { readKeyFile } from '../../src/core/cache/key-file.ts';
import { nationalIdCheckDigit } from '../../src/core/domain/national-id.ts';
import { computeReport, reportFromCache } from '../../src/core/report/index.ts';

const ROWS = 100_000;
const PATIENTS = 6_000;
const VISITS = 10_000;
const RUNS = 5;
const START = Date.parse('2026-07-01T00:00:00+08:00');
const SPAN_MS = 92 * 86_400_000; // July–September at the counter
const ENDPOINTS = ['imue0008s02', 'imue0008s05', 'imue0120s01', 'imue0009s02', 'imue0009s03', 'imue0040s02'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function syntheticId(n: number, letter: string): string {
  const first9 = `${letter}${n % 2 === 0 ? '1' : '2'}${String(n).padStart(7, '0')}`;
  return `${first9}${nationalIdCheckDigit(first9)}`;
}

const STAFF = Array.from({ length: 8 }, (_, i) => syntheticId(9000 + i, 'S'));
const patientId = (n: number): string => syntheticId(n, 'Q');

function entryAt(i: number, next: () => number): AuditEntry {
  const at = START + Math.floor((i / ROWS) * SPAN_MS);
  const staffId = STAFF[Math.floor(next() * STAFF.length)] as string;
  const patient = patientId(Math.floor(next() * PATIENTS));
  const roll = next();
  if (roll < 0.68) {
    const latencies: Record<string, number> = { cache: 1 + Math.floor(next() * 4), login: 150 + Math.floor(next() * 300) };
    for (const endpoint of ENDPOINTS) latencies[endpoint] = 80 + Math.floor(next() * next() * 2000);
    latencies.total = Math.max(...Object.values(latencies)) + 20;
    const outcome = next() < 0.03 ? 'failed-timeout' : next() < 0.03 ? 'offline-network' : next() < 0.2 ? 'cached' : 'ok';
    const emergency = next() < 0.01;
    return { action: next() < 0.1 ? 'prefetch' : 'lookup', at, staffId, staffRole: 'pharmacist', patientId: patient, consent: emergency ? 'emergency' : next() < 0.4 ? 'pin' : 'verbal', latencies, outcome, reason: emergency ? '病人昏迷，家屬未帶健保卡' : null };
  }
  if (roll < 0.95) {
    const action = ['lookup-start', 'lookup-cached', 'lookup-fresh', 'pin-result', 'card-removed'][Math.floor(next() * 5)] as string;
    return { action, at, staffId: staffId.slice(0, 3) + '****' + staffId.slice(-3), patientMasked: patient.slice(0, 3) + '****' + patient.slice(-3), consent: 'pin', outcome: 'ok' };
  }
  return { action: 'care-list-open', at, staffId, staffRole: 'pharmacist', patientId: patient, outcome: 'ok' };
}

function generate(path: string, keyFile: string): void {
  openCache({ path, keyFile }).cache.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const audit = createAuditLog({ db, keys: deriveKeys(readKeyFile(keyFile)), clock: () => new Date(START), nonces: randomBytes, log: () => {}, path, keyFile });
  const next = random(7);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) audit.append(entryAt(i, next));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function visitsCsv(): string {
  const next = random(11);
  const lines = ['visit_id,date,patient,staff,care_list,five_classes'];
  for (let i = 0; i < VISITS; i++) {
    const day = new Date(START + Math.floor(next() * SPAN_MS) + 8 * 3_600_000).toISOString().slice(0, 10);
    lines.push(`V${i},${day},${patientId(Math.floor(next() * PATIENTS))},${STAFF[i % STAFF.length]},${next() < 0.05 ? 'Y' : 'N'},${next() < 0.1 ? 'Y' : 'N'}`);
  }
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall and CPU ms: on a shared 2-core machine wall time includes waiting for a core. */
function time(work: () => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    work();
    walls.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const cell = (value: { wall: number; cpu: number }): string => `${value.wall.toFixed(0).padStart(6)}  ${value.cpu.toFixed(0).padStart(6)}`;

export default async function reportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-report-bench-'));
  try {
    const path = join(dir, 'cache.db');
    const keyFile = join(dir, 'cache.key');
    const generated = performance.now();
    generate(path, keyFile);
    console.log(`generated ${ROWS.toLocaleString('en')} audit rows in ${Math.round(performance.now() - generated)} ms (setup, not measured)`);
    const options = { from: '2026-07-01', to: '2026-09-30', by: 'day' as const };
    const visits = visitsCsv();
    const { cache } = openCache({ path, keyFile, purgeOnOpen: false });
    try {
      let rows = 0;
      const read = time(() => {
        const reader = openAuditReader(cache);
        rows = 0;
        for (const _row of reader.rows()) rows++;
        reader.close();
      });
      const reader = openAuditReader(cache);
      const inMemory = [...reader.rows()];
      reader.close();
      const compute = time(() => void computeReport(inMemory, options));
      const whole = time(() => void reportFromCache(cache, options));
      const withVisits = time(() => void reportFromCache(cache, { ...options, visitsCsv: visits }));
      const { report } = reportFromCache(cache, { ...options, visitsCsv: visits });
      console.log(`rows read: ${rows.toLocaleString('en')}; report: ${report.lookups.toLocaleString('en')} lookups, ${report.patients.toLocaleString('en')} patients, ${report.periods.length} days`);
      console.log(`median of ${RUNS} runs (ms)                      wall     cpu   (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
      console.log(`  stream rows only                      ${cell(read)}`);
      console.log(`  computeReport on rows in memory       ${cell(compute)}`);
      console.log(`  reportFromCache (stream + compute)    ${cell(whole)}   target < 1000 ms → ${(whole.wall / 1000).toFixed(2)}× budget (wall)`);
      console.log(`  … with a ${VISITS.toLocaleString('en')}-line visit list       ${cell(withVisits)}`);
      console.log(`  rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
    } finally {
      cache.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
