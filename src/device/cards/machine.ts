// A fingerprint of this computer for the cloud SAM file's binding: NHI's SAM file may only be
// used on the PC it was first registered on (csHis 9202, research §1.7). The fingerprint is a
// salted SHA-256, so the SAM file never carries a raw machine id or MAC address.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';

const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

function rawMachineIdentity(): string {
  for (const file of MACHINE_ID_FILES) {
    try {
      const id = readFileSync(file, 'utf8').trim();
      if (id) return `machine-id:${id}`;
    } catch {
      // Not on this system (Windows, minimal containers): fall back below.
    }
  }
  const macs = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal && i.mac !== '00:00:00:00:00:00')
    .map((i) => i?.mac ?? '')
    .sort();
  return `host:${hostname()}|${[...new Set(macs)].join(',')}`;
}

export function machineFingerprint(): string {
  return createHash('sha256').update(`yaoli-sam-binding:${rawMachineIdentity()}`).digest('hex');
}
