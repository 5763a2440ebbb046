// K1 groups (same ingredient identity + same dosage form) as slices of one positions array:
// slot = identity key · formCount + form key. The records are counted into their slots, then
// placed by a stable counting pass over the start order, so each group's slice is in packed
// start order (S, larger N, input order) with no list per group. Group leftover and the
// duplicate check's L1/L2 both read their groups this way.
import type { PreparedHistory } from './prepared-history.ts';

export interface K1Slices {
  /** Slot s holds members[ends[s], ends[s + 1]). */
  readonly ends: Int32Array;
  readonly members: Int32Array;
  /** Per slot, the first input position among its records (−1 for an empty slot). */
  readonly firstIndex: Int32Array;
  readonly formCount: number;
}

export interface K1Slots extends K1Slices {
  /** The filled slots in the order they were first filled, walking the start order. */
  readonly filled: number[];
}

/**
 * The K1 slots of every record in the start order (each record whose start can be read). A
 * record is listed once per slot even if it names the ingredient twice. PreparedHistory.k1Slots
 * keeps them for the passes; filteredSlices cuts them down for one.
 */
export function k1Slots(history: PreparedHistory): K1Slots {
  const formCount = history.preparer.formCount;
  const slotCount = history.preparer.identityCount * formCount;
  const ends = new Int32Array(slotCount + 1);
  const firstIndex = new Int32Array(slotCount).fill(-1);
  const filled: number[] = [];
  const productSlots = slotsByProduct(history);
  visitSlots(history, productSlots, ends, firstIndex, filled, null);
  for (let slot = 0; slot < slotCount; slot++) ends[slot + 1] = (ends[slot + 1] as number) + (ends[slot] as number);
  const members = new Int32Array(ends[slotCount] as number);
  visitSlots(history, productSlots, ends.slice(0, slotCount), firstIndex, filled, members);
  return { ends, members, firstIndex, filled, formCount };
}

/**
 * The slices of `slots` cut down to the records whose flags have every bit of `required` and,
 * when `counted` is given, counted[position] = 1, in the order the slices hold them; each
 * slot's first input position among those left. One pass over the members.
 */
export function filteredSlices(slots: K1Slots, flags: Uint8Array, required: number, counted: Uint8Array | null): K1Slices {
  const { ends: allEnds, members: allMembers, formCount } = slots;
  const slotCount = allEnds.length - 1;
  const ends = new Int32Array(slotCount + 1);
  const members = new Int32Array(allMembers.length);
  const firstIndex = new Int32Array(slotCount).fill(-1);
  let m = 0;
  for (let slot = 0; slot < slotCount; slot++) {
    let first = -1;
    for (let k = allEnds[slot] as number; k < (allEnds[slot + 1] as number); k++) {
      const i = allMembers[k] as number;
      if (((flags[i] as number) & required) !== required || (counted !== null && counted[i] !== 1)) continue;
      members[m++] = i;
      if (first === -1 || i < first) first = i;
    }
    firstIndex[slot] = first;
    ends[slot + 1] = m;
  }
  return { ends, members: members.subarray(0, m), firstIndex, formCount };
}

/**
 * Each product's K1 slots (its distinct ingredient identities in its form), worked out once
 * per product instead of once per record: a history repeats a few dozen products.
 */
function slotsByProduct(history: PreparedHistory): number[][] {
  const preparer = history.preparer;
  const formCount = preparer.formCount;
  const out = new Array<number[]>(preparer.productCount);
  for (let product = 0; product < out.length; product++) {
    const facts = preparer.productFacts(product);
    const keys = facts.ids.keys;
    const slots: number[] = [];
    for (let j = 0; j < keys.length; j++) {
      // A record naming the ingredient twice is listed once.
      if (keys.indexOf(keys[j] as number) === j) slots.push((keys[j] as number) * formCount + facts.formKey);
    }
    out[product] = slots;
  }
  return out;
}

/**
 * Without `members`: counts each slot's records into next[slot + 1], keeps each slot's first
 * input position and the order slots are first filled in. With it: writes each position at
 * next[slot] and moves that on.
 */
function visitSlots(
  history: PreparedHistory,
  productSlots: number[][],
  next: Int32Array,
  firstIndex: Int32Array,
  filled: number[],
  members: Int32Array | null,
): void {
  const product = history.columns.product;
  const startOrder = history.startOrder();
  for (let k = 0; k < startOrder.length; k++) {
    const i = startOrder[k] as number;
    const slots = productSlots[product[i] as number] as number[];
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j] as number;
      if (members !== null) {
        members[next[slot] as number] = i;
        next[slot] = (next[slot] as number) + 1;
        continue;
      }
      if (firstIndex[slot] === -1) {
        filled.push(slot);
        firstIndex[slot] = i;
      } else if (i < (firstIndex[slot] as number)) firstIndex[slot] = i;
      next[slot + 1] = (next[slot + 1] as number) + 1;
    }
  }
}
