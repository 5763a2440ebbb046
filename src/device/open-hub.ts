// Which hub the kiosk gets: PC/SC when pcsclite loads and pcscd answers, else the in-process
// virtual readers, with the reason in the hub's status so the screen can say so
// (ARCHITECTURE: "pcsclite optional; yaoli then runs with virtual readers and says so").
import { CardError } from './cards/errors.ts';
import { PcscReaderHub, type PcscHubOptions } from './pcsc/hub.ts';
import type { HubEvent, ReaderHub } from './types.ts';
import { VirtualReaderHub, type VirtualHubOptions } from './virtual/hub.ts';
import { waitForEvent } from './wait.ts';

export interface OpenHubOptions extends PcscHubOptions {
  /** 'auto' (default): PC/SC if it works now, else virtual. */
  backend?: 'auto' | 'pcsc' | 'virtual';
  virtual?: VirtualHubOptions;
}

export async function openReaderHub(options: OpenHubOptions = {}): Promise<ReaderHub> {
  const backend = options.backend ?? 'auto';
  if (backend === 'virtual') return new VirtualReaderHub(options.virtual);
  let pcsc: PcscReaderHub;
  try {
    pcsc = await PcscReaderHub.start(options);
  } catch (error) {
    if (backend === 'pcsc') throw error;
    return new VirtualReaderHub({ ...options.virtual, reason: reasonOf(error) });
  }
  if (backend === 'pcsc' || pcsc.status().ok) return pcsc;
  // The first probe ran synchronously in start(); a failed one means pcscd is down right now.
  const status = pcsc.status();
  await pcsc.close();
  return new VirtualReaderHub({ ...options.virtual, reason: status.error ? reasonOf(status.error) : status.message });
}

function reasonOf(error: unknown): string {
  if (error instanceof CardError) return error.kind === 'no-pcsc' ? 'pcscd 未啟動 pcscd not running' : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Resolves when the PC/SC hub has listed its readers (first 'reader-added') or the time is up. */
export async function settle(hub: ReaderHub, timeoutMs: number): Promise<void> {
  if (hub.readers().length > 0 || !hub.status().ok) return;
  await waitForEvent(hub, (e: HubEvent) => e.type === 'reader-added', { timeoutMs }).catch(() => undefined);
}
