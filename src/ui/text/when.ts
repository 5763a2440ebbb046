// Display forms of dates and instants. Taiwan keeps UTC+8 all year (no DST), so an
// instant's Taipei wall-clock time is a fixed offset, whatever the machine's TZ.
import { taipeiDateOf, toRocDate } from '../../core/domain/dates.ts';
import type { IsoDate } from '../../core/domain/types.ts';

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function rocDate(iso: IsoDate | null | undefined): string {
  return iso ? toRocDate(iso) : '';
}

/** '114/11/23 14:05' in Taipei time. */
export function rocDateTime(ms: number): string {
  const local = new Date(ms + TAIPEI_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${toRocDate(taipeiDateOf(new Date(ms)))} ${hh}:${mm}`;
}
