// What the analysis benches share: the two synthetic history shapes and the analysis's passes
// run one at a time, as analyzeHistory runs them. The timed bench (analysis.bench.ts) times
// each pass; the counter's driver (count-driver.ts) counts one.
import type { PatientHistory } from '../../src/core/domain/types.ts';
import { PreparedHistory } from '../../src/core/domain/prepared-history.ts';
import { groupsOfPrepared } from '../../src/core/domain/group-leftover.ts';
import { duplicatesOfPrepared } from '../../src/core/domain/duplicates.ts';
import { elderlyOfPrepared } from '../../src/core/domain/elderly.ts';
import { careListStats } from '../../src/core/domain/care-list.ts';
import { fillsKnown, refillStatus, sortRefills } from '../../src/core/domain/refill.ts';
import { DEFAULT_SETTINGS as settings } from '../../src/core/domain/settings.ts';
import { syntheticHistory } from './synthetic-history.ts';

/** The day every analysis bench analyses on. */
export const BENCH_TODAY = '2025-11-03';

/**
 * long: one record every ~0.6 days, the way a history grows (only the recent ones active);
 * dense: every record inside the 90-day cloud window, the worst case for duplicates.
 */
export type HistoryShape = 'long' | 'dense';

export function shapedHistory(shape: HistoryShape, records: number): PatientHistory {
  return syntheticHistory({ records, today: BENCH_TODAY, spanDays: shape === 'long' ? Math.ceil(records * 0.6) : 90 });
}

/**
 * The passes after prepare, in the order analyzeHistory runs them. The start order and the K1
 * slots are worked out once per prepared history and shared by
 * the passes after them, so they are timed as passes of their own.
 */
export const PASS_NAMES = ['start order', 'K1 slots', 'duplicates', 'elderly', 'groups', 'care list', 'refills'] as const;
export type PassName = (typeof PASS_NAMES)[number];

/** The passes on a prepared history; each answers a count so it cannot be optimised away. */
export function passesOn(history: PatientHistory, prepared: PreparedHistory): Record<PassName, () => number> {
  return {
    'start order': () => prepared.startOrder().length,
    'K1 slots': () => prepared.k1Slots().members.length,
    duplicates: () => duplicatesOfPrepared(prepared, settings).length,
    elderly: () => elderlyOfPrepared(history.patient, prepared, { elderlyAge: settings.elderlyAge }).length,
    groups: () => groupsOfPrepared(prepared).length,
    'care list': () => careListStats(history.careList, BENCH_TODAY, settings.careListMonths).length,
    refills: () => sortRefills(history.chronic.filter(fillsKnown).map((p) => refillStatus(p, BENCH_TODAY, settings.refill))).length,
  };
}

export function prepare(history: PatientHistory): PreparedHistory {
  return PreparedHistory.of(history.medications, BENCH_TODAY);
}
