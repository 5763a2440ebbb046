// Shared bits for the diagnostics tests: a setup that points every path into a temp folder,
// a runner call for a few probes, and hand-driven timers for the timeout tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDiagnostics, type DiagnosticOptions } from '../../../src/device/diagnostics/index.ts';
import type { DiagnosticCheck, DiagnosticSetup, Probe, Timers } from '../../../src/device/diagnostics/types.ts';

export function tempFolder(prefix = 'yaoli-doctor-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testSetup(overrides: Partial<DiagnosticSetup> = {}): Partial<DiagnosticSetup> {
  const dir = tempFolder();
  return {
    samDir: join(dir, 'sam'),
    logDir: join(dir, 'logs'),
    cacheDb: join(dir, 'cache.db'),
    cloudUrl: null,
    env: { LANG: 'zh_TW.UTF-8' },
    platform: process.platform,
    terminal: { isTTY: true, columns: 80, rows: 24 },
    machine: 'a'.repeat(64),
    ...overrides,
  };
}

/** Runs `probes` and returns their checks by id. */
export async function runProbes(probes: Probe[], setup: Partial<DiagnosticSetup>, extra: Partial<DiagnosticOptions> = {}): Promise<Map<string, DiagnosticCheck>> {
  const report = await runDiagnostics({ probes, setup, ...extra });
  return new Map(report.checks.map((c) => [c.id, c]));
}

export function checkOf(checks: Map<string, DiagnosticCheck>, id: string): DiagnosticCheck {
  const found = checks.get(id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** Timers that fire only when the test says so; `scheduled` resolves at each new timer. */
export class ManualTimers implements Timers {
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private nextId = 1;
  private waiters: (() => void)[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { callback, ms });
    for (const wake of this.waiters.splice(0)) wake();
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /** Resolves once at least `count` timers are pending. */
  async scheduled(count = 1): Promise<void> {
    while (this.pending.size < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}
