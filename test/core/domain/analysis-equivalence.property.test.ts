// The optimised analysis (records prepared once, integer day numbers, packed numeric sorts,
// shared buckets) against straightforward reference computations written here on ISO dates
// the slow, obvious way, over seeded random histories (fast-check): each record's leftover
// (the simple formula), the records table order (a plain comparator), every group's
// carry-over leftover (a naive walk, research §5(b)), carryForwardEnd, and the parts of
// analyzeHistory against the standalone functions. Histories mix same-day fills of one
// product, refill pickups, PRN / ASORDER / eye drops, combinations, R001/R003 and dose changes.
import test from 'ava';
import fc from 'fast-check';
import type { IsoDate, MedicationRecord, PatientHistory } from '../../../src/core/domain/types.ts';
import { addDays, compareIso, daysBetween, isIsoDate, isoDayNumber, isoOfDayNumber, toRocDate } from '../../../src/core/domain/dates.ts';
import { leftoverReason, recordLeftover } from '../../../src/core/domain/leftover.ts';
import { comparableIngredients } from '../../../src/core/domain/ingredients.ts';
import { carryForwardEnd, groupKey, groupLeftovers } from '../../../src/core/domain/group-leftover.ts';
import { findDuplicates } from '../../../src/core/domain/duplicates.ts';
import { elderlyCautions } from '../../../src/core/domain/elderly.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/domain/settings.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { isRefillPickup } from '../../../src/core/domain/prepare.ts';
import { carryEndDay } from '../../../src/core/domain/carry-walk.ts';
import { CLINIC_A, CLINIC_B, PHARMACY, medication } from './fixtures.ts';

const SEED = 20251103;
const BASE: IsoDate = '2025-01-01';

const PRODUCTS: Pick<MedicationRecord, 'drugCode' | 'drugName' | 'ingredients' | 'atc7' | 'isCombination' | 'unitStrengthMg'>[] = [
  { drugCode: 'AMLO5', drugName: 'AMLODIPINE 5MG', ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }], atc7: 'C08CA01', isCombination: false, unitStrengthMg: 5 },
  { drugCode: 'AMLO10', drugName: 'AMLODIPINE 10MG', ingredients: [{ name: 'AMLODIPINE BESYLATE', atc7: 'C08CA01' }], atc7: 'C08CA01', isCombination: false, unitStrengthMg: 10 },
  { drugCode: 'EXFORGE', drugName: 'EXFORGE 5/80MG', ingredients: [{ name: 'AMLODIPINE', atc7: 'C08CA01' }, { name: 'VALSARTAN', atc7: 'C09CA03' }], atc7: 'C09DB01', isCombination: true, unitStrengthMg: null },
  { drugCode: 'DIOVAN', drugName: 'DIOVAN 80MG', ingredients: [{ name: 'VALSARTAN', atc7: 'C09CA03' }], atc7: 'C09CA03', isCombination: false, unitStrengthMg: 80 },
  { drugCode: 'STILNOX', drugName: 'STILNOX 10MG', ingredients: [{ name: 'ZOLPIDEM', atc7: 'N05CF02' }], atc7: 'N05CF02', isCombination: false, unitStrengthMg: 10 },
  { drugCode: 'XANAX', drugName: 'XANAX 0.25MG', ingredients: [{ name: 'ALPRAZOLAM', atc7: 'N05BA12' }], atc7: 'N05BA12', isCombination: false, unitStrengthMg: 0.25 },
  { drugCode: 'NOSTR', drugName: 'UNKNOWN STRENGTH', ingredients: [{ name: 'GLIMEPIRIDE', atc7: 'A10BB12' }], atc7: 'A10BB12', isCombination: false, unitStrengthMg: null },
];

interface RowSpec {
  product: number;
  day: number;
  pickupAfter: number | null;
  days: number;
  perDay: number;
  frequency: string | null;
  form: MedicationRecord['dosageForm'];
  prescriber: number;
  seq: string | null;
  exception: MedicationRecord['exceptionCode'];
}

const rowArb: fc.Arbitrary<RowSpec> = fc.record({
  product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
  // Some fills on a few fixed days, so same-day fills of one group (ties of S and N) are common.
  day: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 10, 20)),
  pickupAfter: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 1 }),
  days: fc.constantFrom(1, 3, 7, 14, 28, 28, 30, 0, -2, 2.5),
  perDay: fc.constantFrom(1, 1, 2, 0.5),
  frequency: fc.constantFrom('QD', 'QD', 'BID', 'PRN', 'ASORDER', null, 'q.d.'),
  form: fc.constantFrom('oral', 'oral', 'oral', 'sublingual', 'eye', 'injection'),
  prescriber: fc.integer({ min: 0, max: 2 }),
  seq: fc.constantFrom('0001', '0002', 'IC02', 'IC03', null),
  exception: fc.constantFrom(null, null, null, null, 'R001', 'R003', 'R005'),
});

function history(rows: RowSpec[]): MedicationRecord[] {
  const prescribers = [CLINIC_A, CLINIC_B, PHARMACY];
  const records = rows.map((row, i) => {
    const product = PRODUCTS[row.product] as (typeof PRODUCTS)[number];
    const visitDate = addDays(BASE, row.day);
    return medication({
      ...product,
      id: `h${String((i * 7919) % 1000).padStart(3, '0')}`,
      atc5: product.atc7?.slice(0, 5) ?? null,
      visitDate,
      refillDate: row.pickupAfter === null ? null : addDays(visitDate, row.pickupAfter),
      // Every other pickup names its 慢箋原處方機構 (a clinic), the rest only the pharmacy's row.
      chronicOriginInstitutionId: row.pickupAfter !== null && i % 2 === 0 ? CLINIC_B.id : null,
      daysSupply: row.days,
      quantity: row.days * row.perDay,
      frequency: row.frequency,
      dosageForm: row.form,
      institution: prescribers[row.prescriber] ?? CLINIC_A,
      visitSeqNo: row.seq,
      exceptionCode: row.exception,
    });
  });
  learnOrigins(records);
  learnSharedR003(records);
  return records;
}

const historyArb = fc.tuple(fc.array(rowArb, { minLength: 5, maxLength: 40, size: 'max' }), fc.integer({ min: -5, max: 90 }));

// ---- Reference computations: ISO strings, plain comparators, no shared state. ----

const start = (r: MedicationRecord): IsoDate => r.refillDate ?? r.visitDate;

function referenceLeftover(r: MedicationRecord, today: IsoDate): number | null {
  if (leftoverReason(r) !== null || !isIsoDate(start(r))) return null;
  if (compareIso(today, start(r)) < 0) return r.daysSupply;
  return Math.max(0, daysBetween(today, addDays(start(r), r.daysSupply)));
}

function dailyAmount(r: MedicationRecord): { unit: string; perDay: number } | null {
  if (!(r.daysSupply > 0) || !(r.quantity > 0)) return null;
  const units = r.quantity / r.daysSupply;
  return r.unitStrengthMg !== null && !r.isCombination ? { unit: 'mg', perDay: units * r.unitStrengthMg } : { unit: r.drugCode, perDay: units };
}

function resets(r: MedicationRecord): boolean {
  return r.exceptionCode === 'R001' || r.exceptionCode === 'R003';
}

/**
 * Research §5(b), a start day at a time: S ascending; one visit's rows are taken together; a
 * day's records of one daily amount and prescriber stack, different amounts in one unit from one
 * prescriber are taken together (the longest lasts), other units, other prescribers and
 * unreadable amounts stack (regimensOf, togetherDays). First, what is
 * dropped: every record before the last R001/R003, and a prescriber's own records before the
 * last day their daily dose (the sum of their amounts that day, when they share a unit) differs
 * from what they gave on their previous day. Then the rest: supply starts at max(S, C). Also the
 * records counted and the day the last run began (the first day or a gap).
 */
function naiveWalk(records: MedicationRecord[]): IsoDate | null {
  return naiveRun(records).end;
}

type Regimen = { unit: string; perDay: number; days: number; prescriber: string };
/** Whose supply a record is: its prescriber; a pickup without 慢箋原處方機構, its own slip's (pharmacy and 就醫日期). */
const prescriberOf = (r: MedicationRecord) =>
  r.chronicOriginInstitutionId ?? slipOrigin.get(r) ?? (isRefillPickup(r) ? `${r.institution.id}|${r.visitDate}` : r.institution.id);

/** Per pickup without 慢箋原處方機構: the one institution of the visits (no pickups) of its drug code and 就醫日期 in its history. */
const slipOrigin = new WeakMap<MedicationRecord, string>();

/** R003 records whose visit (institution, 就醫日期, 就醫序號 or none) gave the code to two drug codes or more. */
const sharedR003 = new WeakSet<MedicationRecord>();

function learnSharedR003(records: MedicationRecord[]): void {
  const visit = (r: MedicationRecord) => `${r.institution.id}|${isIsoDate(r.visitDate) ? r.visitDate : '?'}|${visitOf(r) ?? '-'}`;
  const withCode = records.filter((r) => r.exceptionCode === 'R003');
  for (const r of withCode) {
    if (new Set(withCode.filter((o) => visit(o) === visit(r)).map((o) => o.drugCode)).size >= 2) sharedR003.add(r);
  }
}

function learnOrigins(records: MedicationRecord[]): void {
  for (const r of records) {
    if (!isRefillPickup(r) || r.chronicOriginInstitutionId !== null || !isIsoDate(r.visitDate)) continue;
    const visits = records.filter((v) => !isRefillPickup(v) && v.drugCode === r.drugCode && v.visitDate === r.visitDate);
    const institutions = new Set(visits.map((v) => v.institution.id));
    if (institutions.size === 1) slipOrigin.set(r, [...institutions][0] as string);
  }
}
const sameAmount = (a: number, b: number) => !(Math.abs(a - b) > 1e-9 * Math.max(a, b));

/** The record's 就醫序號 when it is four digits (one visit of its institution), else null. */
const visitOf = (r: MedicationRecord): string | null => (r.visitSeqNo !== null && /^\d{4}$/.test(r.visitSeqNo) ? r.visitSeqNo : null);

/**
 * A day's records as regimens and the unread days: first one visit's rows of one unit are one
 * order (amounts added, the longest days; its unreadable rows one more), a row without a known
 * visit one of its own; then orders of one amount, unit and prescriber stack into one regimen,
 * which remembers its visits. Unreadable rows without a visit only add days.
 */
function regimensOf(list: MedicationRecord[]): { regimens: (Regimen & { visits: Set<string> })[]; unreadDays: number } {
  const orders: (Regimen & { visit: string | null })[] = [];
  let unreadDays = 0;
  for (const r of list) {
    const amount = dailyAmount(r);
    const visit = visitOf(r);
    if (amount === null && visit === null) {
      unreadDays += r.daysSupply;
      continue;
    }
    const unit = amount === null ? 'unread' : amount.unit;
    const same = visit === null ? undefined : orders.find((o) => o.visit === visit && o.unit === unit && o.prescriber === prescriberOf(r));
    if (same) {
      same.perDay += amount?.perDay ?? Number.NaN;
      same.days = Math.max(same.days, r.daysSupply);
    } else orders.push({ unit, perDay: amount?.perDay ?? Number.NaN, days: r.daysSupply, prescriber: prescriberOf(r), visit });
  }
  const regimens: (Regimen & { visits: Set<string> })[] = [];
  for (const o of orders) {
    const same = o.unit === 'unread' ? undefined : regimens.find((g) => g.unit === o.unit && g.prescriber === o.prescriber && sameAmount(g.perDay, o.perDay));
    if (same) {
      same.days += o.days;
      if (o.visit !== null) same.visits.add(o.visit);
    } else regimens.push({ unit: o.unit, perDay: o.perDay, days: o.days, prescriber: o.prescriber, visits: new Set(o.visit === null ? [] : [o.visit]) });
  }
  return { regimens, unreadDays };
}

/** Regimens of one prescriber sharing a unit (not 'unread') or a visit, and so on: each such group lasts as long as its longest. */
function togetherDays(regimens: (Regimen & { visits: Set<string> })[]): number {
  const groups: (typeof regimens)[] = [];
  for (const g of regimens) {
    const linked = (h: Regimen & { visits: Set<string> }) =>
      h.prescriber === g.prescriber && ((h.unit === g.unit && g.unit !== 'unread') || [...h.visits].some((v) => g.visits.has(v)));
    const touching = groups.filter((group) => group.some(linked));
    const merged = [g, ...touching.flat()];
    for (const group of touching) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups.reduce((sum, group) => sum + Math.max(...group.map((g) => g.days)), 0);
}

function naiveRun(records: MedicationRecord[]): { end: IsoDate | null; runDay: IsoDate | null; counted: Set<MedicationRecord> } {
  const sorted = [...records].sort((a, b) => compareIso(start(a), start(b)) || b.daysSupply - a.daysSupply || compareIso(a.id, b.id));
  const days = new Map<IsoDate, MedicationRecord[]>();
  for (const r of sorted) days.set(start(r), [...(days.get(start(r)) ?? []), r]);
  let resetDay: IsoDate | null = null;
  const doseOf = new Map<string, { unit: string; perDay: number } | null>();
  const changedOn = new Map<string, IsoDate>();
  for (const [day, list] of days) {
    const fresh = new Set<string>();
    for (const prescriber of new Set(list.map(prescriberOf))) {
      const { regimens, unreadDays } = regimensOf(list.filter((r) => prescriberOf(r) === prescriber));
      const readable = unreadDays === 0 && regimens.length > 0 && regimens.every((g) => g.unit === regimens[0]?.unit && g.unit !== 'unread');
      const dose = readable ? { unit: regimens[0]?.unit as string, perDay: regimens.reduce((sum, g) => sum + g.perDay, 0) } : null;
      const before = doseOf.get(prescriber) ?? null;
      const changed = before !== null && dose !== null && before.unit === dose.unit && !sameAmount(before.perDay, dose.perDay);
      if (changed) changedOn.set(prescriber, day);
      if (changed || dose === null || before === null || before.unit !== dose.unit) fresh.add(prescriber);
      doseOf.set(prescriber, dose);
    }
    // R001 ends all; an R003 its visit gave to several drugs only where its prescriber's regimen is new.
    if (list.some((r) => resets(r) && !(sharedR003.has(r) && !fresh.has(prescriberOf(r))))) resetDay = day;
  }
  const dropped = (r: MedicationRecord) =>
    (resetDay !== null && compareIso(start(r), resetDay) < 0) || compareIso(start(r), changedOn.get(prescriberOf(r)) ?? '') < 0;
  const counted = new Set(sorted.filter((r) => !dropped(r)));
  let cursor: IsoDate | null = null;
  let runDay: IsoDate | null = null;
  for (const [day, all] of days) {
    const list = all.filter((r) => counted.has(r));
    if (list.length === 0) continue;
    const { regimens, unreadDays } = regimensOf(list);
    const restarts = cursor === null || compareIso(day, cursor) > 0;
    if (restarts) runDay = day;
    const from: IsoDate = restarts ? day : (cursor as IsoDate);
    const supply = togetherDays(regimens) + unreadDays;
    cursor = addDays(from, supply);
  }
  return { end: cursor, runDay, counted };
}

interface ReferenceGroup { leftoverDays: number; noCarryLeftoverDays: number; supplyEnd: IsoDate; ids: string[]; future: string[] }

function referenceGroups(records: MedicationRecord[], today: IsoDate): Map<string, ReferenceGroup> {
  const buckets = new Map<string, MedicationRecord[]>();
  for (const r of records) {
    if (leftoverReason(r) !== null || !isIsoDate(start(r))) continue;
    for (const ingredient of comparableIngredients(r)) {
      const list = buckets.get(groupKey(r, ingredient)) ?? [];
      if (!list.includes(r)) list.push(r);
      buckets.set(groupKey(r, ingredient), list);
    }
  }
  const out = new Map<string, ReferenceGroup>();
  for (const [key, list] of buckets) {
    const current = list.filter((r) => compareIso(start(r), today) <= 0);
    const { end, counted } = naiveRun(current);
    if (end === null) continue;
    // 單筆餘藥: the largest own leftover among the records whose supply is counted.
    const run = current.filter((r) => counted.has(r));
    const byCarry = (rs: MedicationRecord[]) =>
      // S, larger N, then input order (the lists are in input order and the sort is stable).
      [...rs].sort((a, b) => compareIso(start(a), start(b)) || b.daysSupply - a.daysSupply).map((r) => r.id);
    out.set(key, {
      leftoverDays: Math.max(0, daysBetween(today, end)),
      noCarryLeftoverDays: Math.max(0, ...run.map((r) => referenceLeftover(r, today) ?? 0)),
      supplyEnd: addDays(end, -1),
      ids: byCarry(current),
      future: byCarry(list.filter((r) => !current.includes(r))),
    });
  }
  return out;
}

function patientHistory(medications: MedicationRecord[]): PatientHistory {
  return {
    patient: { nationalId: 'A100000000', name: '測試', birthDate: '1945-03-01', sex: 'F' },
    medications, chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [],
  };
}

test('each analysed record: its leftover is the simple formula and recordLeftover; the table is newest first by a plain comparator', (t) => {
  fc.assert(
    fc.property(historyArb, ([rows, todayOffset]) => {
      const records = history(rows);
      const today = addDays(BASE, todayOffset);
      const analysis = analyzeHistory(patientHistory(records), today);
      for (const row of analysis.records) {
        // The row carries the mapped record itself, not a copy.
        const original = records.find((r) => r === row.record) as MedicationRecord;
        t.truthy(original);
        t.deepEqual(row.leftover, recordLeftover(original, today));
        t.is(row.leftover.days, referenceLeftover(original, today));
      }
      const expected = records
        .map((r, i) => ({ r, i }))
        .sort((a, b) => compareIso(start(b.r), start(a.r)) || compareIso(b.r.visitDate, a.r.visitDate) || a.i - b.i)
        .map(({ r }) => r);
      t.deepEqual(analysis.records.map((row) => row.record.id), expected.map((r) => r.id));
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('a record far off (packed keys: too wide to count) or unreadable (compared) changes no order: the records table, each elderly caution and each group, against the plain references', (t) => {
  let farInCaution = 0;
  const ids = (records: MedicationRecord[]) => records.map((r) => r.id);
  // Latest first by ISO text, the given order on ties; the table then breaks ties by visit date.
  const inOrder = (records: MedicationRecord[], compare: (a: MedicationRecord, b: MedicationRecord) => number) =>
    records.map((r, i) => ({ r, i })).sort((a, b) => compare(a.r, b.r) || a.i - b.i).map(({ r }) => r);
  const latestFirst = (a: MedicationRecord, b: MedicationRecord) => compareIso(start(b), start(a));
  const newestFirst = (a: MedicationRecord, b: MedicationRecord) => latestFirst(a, b) || compareIso(b.visitDate, a.visitDate);
  fc.assert(
    fc.property(historyArb, fc.nat(), fc.constantFrom(-30_000, 30_000), fc.constantFrom(4, 5), ([rows, todayOffset], at, farDay, product) => {
      const today = addDays(BASE, todayOffset);
      const narrow = history(rows);
      const place = at % (narrow.length + 1);
      // A Z-drug or benzodiazepine, so it joins an elderly caution's records as well as the table.
      const far = medication({ ...(PRODUCTS[product] as (typeof PRODUCTS)[number]), id: 'far', visitDate: addDays(BASE, farDay) });
      const wide = [...narrow.slice(0, place), far, ...narrow.slice(place)];
      const unreadable = [...narrow.slice(0, place), { ...far, visitDate: '2025-02-30' }, ...narrow.slice(place)];
      const tables: string[][] = [];
      for (const records of [narrow, wide, unreadable]) {
        const analysis = analyzeHistory(patientHistory(records), today);
        tables.push(analysis.records.map((row) => row.record.id));
        t.deepEqual(tables[tables.length - 1], ids(inOrder(records, newestFirst)));
        for (const caution of analysis.elderly) {
          t.deepEqual(caution.recordIds, ids(inOrder(records.filter((r) => caution.recordIds.includes(r.id)), latestFirst)));
          if (caution.recordIds.length > 1 && caution.recordIds.includes('far')) farInCaution += 1;
        }
        // Groups fill in start order (sortByStart), so their walks and record lists are the naive ones.
        if (records === unreadable) continue;
        const reference = referenceGroups(records, today);
        for (const group of analysis.groups) {
          const { leftoverDays, noCarryLeftoverDays, supplyEnd, recordIds, futureRecordIds } = group;
          t.deepEqual({ leftoverDays, noCarryLeftoverDays, supplyEnd, ids: recordIds, future: futureRecordIds }, reference.get(group.key));
        }
      }
      t.deepEqual((tables[1] as string[]).filter((id) => id !== 'far'), tables[0]);
    }),
    { seed: SEED, numRuns: 150 },
  );
  t.true(farInCaution > 50, `the far record sorted among others in ${farInCaution} cautions`);
});

test('group leftover: every K1 group equals a naive ISO-date carry-over walk', (t) => {
  fc.assert(
    fc.property(historyArb, ([rows, todayOffset]) => {
      const records = history(rows);
      const today = addDays(BASE, todayOffset);
      const groups = groupLeftovers(records, today);
      const reference = referenceGroups(records, today);
      t.deepEqual(groups.map((g) => g.key).sort(), [...reference.keys()].sort());
      for (const group of groups) {
        const expected = reference.get(group.key);
        t.deepEqual(
          { leftoverDays: group.leftoverDays, noCarryLeftoverDays: group.noCarryLeftoverDays, supplyEnd: group.supplyEnd, ids: group.recordIds, future: group.futureRecordIds },
          expected,
        );
      }
      t.deepEqual(analyzeHistory(patientHistory(records), today).groups, groups);
    }),
    { seed: SEED, numRuns: 200 },
  );
});

test('carryForwardEnd equals the naive walk over the computable records started before the day', (t) => {
  fc.assert(
    fc.property(historyArb, fc.integer({ min: 0, max: 90 }), ([rows], untilOffset) => {
      const records = history(rows);
      const until = addDays(BASE, untilOffset);
      const counted = records.filter((r) => leftoverReason(r) === null && isIsoDate(start(r)) && compareIso(start(r), until) < 0);
      t.is(carryForwardEnd(records, until), naiveWalk(counted));
    }),
    { seed: SEED, numRuns: 200 },
  );
});

test('the duplicate check\'s carry walk on positions (carryEndDay) equals the naive walk for every K1 group, whatever the order of one day\'s records', (t) => {
  fc.assert(
    fc.property(historyArb, fc.integer({ min: 0, max: 90 }), ([rows], untilOffset) => {
      const records = history(rows);
      const until = addDays(BASE, untilOffset);
      const prepared = PreparedHistory.of(records, BASE);
      const groups = new Map<string, MedicationRecord[]>();
      for (const r of records) {
        for (const ingredient of comparableIngredients(r)) {
          const list = groups.get(groupKey(r, ingredient)) ?? [];
          if (!list.includes(r)) list.push(r);
          groups.set(groupKey(r, ingredient), list);
        }
      }
      for (const members of groups.values()) {
        // The group's positions in start order, as the K1 slots hold them.
        const positions = Int32Array.from(prepared.startOrder()).filter((i) => members.includes(records[i] as MedicationRecord));
        const end = carryEndDay(positions, prepared.preparer.dayOf(until), 0, positions.length, new Int32Array(positions.length), prepared.columns);
        const expected = naiveWalk(members.filter((r) => leftoverReason(r) === null && isIsoDate(start(r)) && compareIso(start(r), until) < 0));
        t.is(end === null ? null : prepared.preparer.isoOf(end), expected);
        // One day's records in any order give the same end: each run of one start day reversed.
        const reversed = positions.slice();
        const { startDay } = prepared.columns;
        for (let from = 0; from < reversed.length; ) {
          let to = from + 1;
          while (to < reversed.length && startDay[reversed[to] as number] === startDay[reversed[from] as number]) to++;
          reversed.subarray(from, to).reverse();
          from = to;
        }
        const other = carryEndDay(reversed, prepared.preparer.dayOf(until), 0, reversed.length, new Int32Array(reversed.length), prepared.columns);
        t.is(other === null ? null : prepared.preparer.isoOf(other), expected);
      }
    }),
    { seed: SEED, numRuns: 200 },
  );
});

test('analyzeHistory shares one prepared history: its duplicates and elderly cautions equal the standalone functions', (t) => {
  fc.assert(
    fc.property(historyArb, ([rows, todayOffset]) => {
      const records = history(rows);
      const today = addDays(BASE, todayOffset);
      const analysis = analyzeHistory(patientHistory(records), today);
      t.deepEqual(analysis.duplicates, findDuplicates(records, today, DEFAULT_SETTINGS));
      t.deepEqual(analysis.elderly, elderlyCautions(patientHistory(records).patient, records, today));
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('day numbers: isoDayNumber / isoOfDayNumber agree with addDays, daysBetween and isIsoDate, and isIsoDate with a plain regex-and-calendar reading; toRocDate is yyy/MM/dd', (t) => {
  fc.assert(
    fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -400, max: 400 }), (offset, step) => {
      const day = addDays('2000-01-01', offset);
      const later = addDays(day, step);
      t.true(isIsoDate(day));
      t.is(isoDayNumber(later) - isoDayNumber(day), daysBetween(day, later));
      t.is(isoOfDayNumber(isoDayNumber(day) + step), later);
      const [year, month, dayOfMonth] = day.split('-');
      if (Number(year) > 1911) t.is(toRocDate(day), `${String(Number(year) - 1911).padStart(3, '0')}/${month}/${dayOfMonth}`);
    }),
    { seed: SEED, numRuns: 500 },
  );
  for (const text of ['2025-02-29', '2024-02-29', '2025-13-01', '2025-1-01', '', 'garbage!!!', '0000-01-01', '2025-04-31', '2025-0:-01', '2025-/1-01', '202５-01-01', '2025-01-3 ', '2025x01-01', '2025-01-01\n', '9999-12-31', '0001-01-01', '1900-02-29', '2000-02-29']) {
    t.is(isIsoDate(text), plainIsIsoDate(text), text);
  }
  // Days and near-days, some with a character changed, added or dropped.
  const nearDay = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.nat(), fc.constantFrom('', '0', '-', ':', '/', ' ', '٠', '５'), fc.constantFrom('set', 'insert', 'drop', 'none'))
    .map(([y, m, d, at, c, edit]) => {
      const text = [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')].join('-');
      const i = at % 11;
      if (edit === 'set') return text.slice(0, i) + c + text.slice(i + 1);
      if (edit === 'insert') return text.slice(0, i) + c + text.slice(i);
      return edit === 'drop' ? text.slice(0, i) + text.slice(i + 1) : text;
    });
  fc.assert(fc.property(nearDay, (text) => isIsoDate(text) === plainIsIsoDate(text) && Number.isFinite(isoDayNumber(text)) === isIsoDate(text)), { seed: SEED, numRuns: 20_000 });
});

/** The obvious reading of an ISO day, by regex and the Date calendar: isIsoDate (which reads characters) must agree. */
function plainIsIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
