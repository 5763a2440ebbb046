// Every probe `yaoli doctor` runs, in report order: devices first (what the technician came
// for), then the SAM file and folders, the network path to the cloud, the cache, the terminal.
import type { Probe } from '../types.ts';
import { cacheProbe } from './cache.ts';
import { cloudClockProbe } from './cloud-clock.ts';
import { cloudDnsProbe } from './cloud-dns.ts';
import { cloudHttpProbe } from './cloud-http.ts';
import { cloudTcpProbe } from './cloud-tcp.ts';
import { cloudTlsProbe } from './cloud-tls.ts';
import { logFolderProbe, samFolderProbe } from './folders.ts';
import { pcscCardsProbe } from './pcsc-cards.ts';
import { pcscLibraryProbe } from './pcsc-library.ts';
import { pcscContextProbe, pcscReadersProbe } from './pcsc-readers.ts';
import { pcscdServiceProbe } from './pcscd-service.ts';
import { samFileProbe } from './sam-file.ts';
import { localeProbe, terminalSizeProbe } from './terminal.ts';

export interface ProbeListOptions {
  /** How long to wait for pcscd's reader list (ms). */
  readerWaitMs?: number;
  /** How long pcscd gets to report cards already inserted (ms). */
  cardListenMs?: number;
}

export function defaultProbes(options: ProbeListOptions = {}): Probe[] {
  return [
    pcscdServiceProbe,
    pcscLibraryProbe,
    pcscContextProbe,
    pcscReadersProbe({ waitMs: options.readerWaitMs }),
    pcscCardsProbe({ listenMs: options.cardListenMs }),
    samFileProbe,
    samFolderProbe,
    logFolderProbe,
    cloudDnsProbe,
    cloudTcpProbe,
    cloudTlsProbe,
    cloudHttpProbe,
    cloudClockProbe,
    cacheProbe,
    terminalSizeProbe,
    localeProbe,
  ];
}

export const DEFAULT_PROBE_IDS = defaultProbes().map((p) => p.id);
