// imue0008s05 慢性處方箋: `{ chrDataN: [...], chrDataY: [...] }` (no robject). Each row is one
// drug of one prescription; `sort_code` says which kind of row (research anchors 1(b), 1(c).9):
//   1 = the original visit (fill 1, `func_seq_no` 4 digits, hosp = prescriber),
//   2 = chronic metadata (`chr_days` = total days),
//   3 = a refill pickup (`chr_num` = fills allowed, `func_seq_no` IC02/IC03, `rel_date` = pickup
//       day, hosp = the pharmacy).
// Any other sort_code, or a pickup without rel_date or an ICnn number, is a shape error.
// chrDataN / chrDataY are read as "still valid" / "overdue" (HEAD docs; marked unverified).
import { z } from 'zod';
import { compareIso } from '../domain/dates.ts';
import type { ChronicPrescription, IsoDate } from '../domain/types.ts';
import { count, date, optionalCount, optionalDate, optionalDays, optionalText, rows, text } from './fields.ts';

/**
 * A pickup's 就醫序號 names its fill: 'IC02' … 'IC09', any case. 'IC2' is read too, as the
 * first reader's pattern (IC0?n) did; 'IC1' (fill 1 is the visit) and 'IC10' are not pickups.
 */
const PICKUP_SEQ_NO = /^IC0?([2-9])$/i;
/** The most fills a slip can have: its pickups are numbered IC02 … IC09. */
const MAX_FILLS = 9;

const chronicRowFields = z.object({
  sort_code: count(),
  orig_func_seq_no: optionalText(),
  /** The prescription's visit date, ROC `yyy/MM/dd`, on every row of the prescription. */
  func_date: date(),
  func_seq_no: optionalText(),
  rel_date: optionalDate(),
  chr_days: optionalDays(),
  chr_num: optionalCount(),
  overdue: optionalText(),
  order_code: text(),
  drug_ename: optionalText(),
  order_drug_day: optionalDays(),
  hosp_id: optionalText(),
  hosp_abbr: optionalText(),
  icd9cm_code: optionalText(),
  icd_cname: optionalText(),
});

type Ctx = z.core.$RefinementCtx<unknown>;

function addRowIssue(ctx: Ctx, field: string, problem: 'missing' | 'bad-value', input: unknown): void {
  ctx.addIssue({ code: 'custom', path: [field], message: problem, params: { problem, input } });
}

/**
 * Strict where a guess would change the refill answer: an unknown sort_code, or a pickup
 * without its date or fill number, used to fall back (rel_date → func_date, the pickup
 * dropped) and a too-early refill showed as eligible.
 */
export const chronicRowSchema = chronicRowFields.superRefine((row, ctx) => {
  if (row.sort_code !== 1 && row.sort_code !== 2 && row.sort_code !== 3) {
    addRowIssue(ctx, 'sort_code', 'bad-value', row.sort_code);
    return;
  }
  // Fills are numbered up to IC09: a chr_num of 3,000 is a garbled answer, and its validity ran to the year 10231.
  if (row.chr_num !== null && row.chr_num > MAX_FILLS) addRowIssue(ctx, 'chr_num', 'bad-value', row.chr_num);
  if (row.sort_code !== 3) return;
  if (row.rel_date === null) addRowIssue(ctx, 'rel_date', 'missing', null);
  if (row.func_seq_no === null) addRowIssue(ctx, 'func_seq_no', 'missing', null);
  else if (!PICKUP_SEQ_NO.test(row.func_seq_no)) addRowIssue(ctx, 'func_seq_no', 'bad-value', row.func_seq_no);
});

export const chronicSchema = z
  .object({ chrDataN: rows(chronicRowSchema).optional(), chrDataY: rows(chronicRowSchema).optional() })
  .superRefine((value, ctx) => {
    // An object with neither list is some other response, not an empty chronic history.
    if (value.chrDataN === undefined && value.chrDataY === undefined) {
      ctx.addIssue({ code: 'custom', path: ['chrDataN'], message: 'missing', params: { problem: 'missing' } });
    }
  });

export type ChronicRow = z.output<typeof chronicRowSchema>;
type TaggedRow = ChronicRow & { listedOverdue: boolean };

function addTo(groups: Map<string, TaggedRow[]>, key: string, row: TaggedRow): void {
  const group = groups.get(key);
  if (group) group.push(row);
  else groups.set(key, [row]);
}

/** 'IC02' → 2, 'IC03' → 3: which fill a pickup row is (the schema has checked the form). */
function fillNumber(row: ChronicRow): number | null {
  if (row.sort_code === 1) return 1;
  if (row.sort_code !== 3) return null;
  const match = PICKUP_SEQ_NO.exec(row.func_seq_no ?? '');
  return match ? Number(match[1]) : null;
}

/** The number the rows give (above 0); when they disagree, the largest, so the rows' order does not decide. */
function largest(values: (number | null)[]): number | null {
  let most: number | null = null;
  for (const value of values) if (value !== null && value > 0 && (most === null || value > most)) most = value;
  return most;
}

function toPrescription(group: TaggedRow[]): ChronicPrescription | null {
  const original = group.find((row) => row.sort_code === 1);
  const metadata = group.find((row) => row.sort_code === 2);
  const pickups = group.filter((row) => row.sort_code === 3);
  const head = original ?? metadata ?? group[0];
  if (!head) return null;
  // The visit row's own days per fill when it has them; else the other rows'.
  const daysPerFill = largest([original?.order_drug_day ?? null]) ?? largest(group.map((row) => row.order_drug_day));
  // M = chr_num of a pickup row; else chr_days ÷ days per fill (anchors 1(c).9). Without
  // either, or without days per fill, the cycle cannot be judged: fills is null (the analysis
  // says so: a valid slip silently missing from the list misleads), and a prescription the
  // cloud calls overdue is left out, as the reference tool does.
  const totalDays = largest(group.map((row) => row.chr_days));
  const fills =
    daysPerFill === null
      ? null
      : (largest(pickups.map((row) => row.chr_num)) ?? largest(group.map((row) => row.chr_num)) ?? (totalDays !== null ? Math.round(totalDays / daysPerFill) : null));

  const byFill = new Map<number, IsoDate>();
  for (const row of group) {
    const k = fillNumber(row);
    if (k === null) continue;
    // A pickup always has rel_date (schema); the visit row may not, and is dispensed on func_date.
    const day = row.rel_date ?? row.func_date;
    // A fill listed twice with two dates keeps the later, whatever the rows' order: the next
    // fill's window then opens no earlier than either row allows.
    const known = byFill.get(k);
    if (known === undefined || compareIso(day, known) > 0) byFill.set(k, day);
  }
  // Fill 1 is dispensed at the prescribing visit; a window that starts after it still shows
  // the metadata or pickup rows, so the visit date stands in for it.
  if (!byFill.has(1)) byFill.set(1, head.func_date);
  const fillDates = [...byFill.entries()].sort((a, b) => a[0] - b[0]).map(([, day]) => day);
  // IC03 without an IC02 row: fill 2 was taken too, its date is not known.
  const highest = Math.max(...byFill.keys());

  const seq = head.orig_func_seq_no ?? head.func_seq_no ?? '';
  // A pickup row's hosp is the pharmacy that dispensed it: a slip whose rows are all pickups
  // does not name its prescriber, and the pharmacy is not put in its place.
  const prescriber = original ?? metadata;
  const institutionId = prescriber?.hosp_id ?? '';
  // An explicit flag decides, Y over N whatever the rows' order; else the list the row came in.
  const flags = group.map((row) => row.overdue?.toUpperCase());
  const cloudExpired = flags.includes('Y') || (!flags.includes('N') && group.some((row) => row.listedOverdue));
  if (fills === null && cloudExpired) return null;
  return {
    id: `${institutionId}|${seq}|${head.func_date}|${head.order_code}`,
    prescriptionDate: head.func_date,
    institution: { id: institutionId, name: prescriber?.hosp_abbr ?? institutionId, visitKind: 'outpatient' },
    drugCode: head.order_code.toUpperCase(),
    // The visit row's name, then the metadata row's, then a pickup's: not whichever row came first.
    drugName: [original, metadata, ...pickups].map((row) => row?.drug_ename ?? null).find((name) => name !== null) ?? head.order_code,
    daysPerFill: daysPerFill ?? 0,
    fills,
    fillDates,
    ...(highest > fillDates.length ? { fillsTaken: highest } : {}),
    cloudExpired,
    diagnosis: head.icd9cm_code !== null ? { code: head.icd9cm_code, name: head.icd_cname ?? '' } : null,
  };
}

/**
 * Rows → one ChronicPrescription per (prescription, drug). The cycle key is
 * (orig_func_seq_no, func_date) without the institution, because pickup rows carry the
 * pharmacy (anchors 1(c).9); the drug code separates the drugs of one slip.
 * A pickup row without orig_func_seq_no (the schema lets it be empty) joins the one slip of
 * its date and drug when there is one: keyed by its own 'IC02' it became a second slip, still
 * 「可領第 2 次」 after fill 2 was collected. With none or several such slips, the pickups of
 * one date and drug make one slip of their own.
 */
export function groupChronicRows(data: z.output<typeof chronicSchema>): ChronicPrescription[] {
  const tagged: TaggedRow[] = [
    ...(data.chrDataN ?? []).map((row) => ({ ...row, listedOverdue: false })),
    ...(data.chrDataY ?? []).map((row) => ({ ...row, listedOverdue: true })),
  ];
  const groups = new Map<string, TaggedRow[]>();
  const unnumbered = new Map<string, TaggedRow[]>();
  /** The slips' keys by date and drug, to place the pickups that do not name their slip. */
  const slipsOfDay = new Map<string, Set<string>>();
  for (const row of tagged) {
    const day = `${row.func_date}|${row.order_code.toUpperCase()}`;
    if (row.sort_code === 3 && row.orig_func_seq_no === null) {
      addTo(unnumbered, day, row);
      continue;
    }
    const key = `${row.orig_func_seq_no ?? row.func_seq_no ?? ''}|${day}`;
    addTo(groups, key, row);
    let slips = slipsOfDay.get(day);
    if (slips === undefined) slipsOfDay.set(day, (slips = new Set()));
    slips.add(key);
  }
  for (const [day, pickups] of unnumbered) {
    const slips = slipsOfDay.get(day);
    const only = slips?.size === 1 ? groups.get([...slips][0] as string) : undefined;
    if (only !== undefined) only.push(...pickups);
    else groups.set(`?|${day}`, pickups);
  }
  const prescriptions: ChronicPrescription[] = [];
  for (const group of groups.values()) {
    const prescription = toPrescription(group);
    if (prescription) prescriptions.push(prescription);
  }
  return prescriptions.sort((a, b) => compareIso(b.prescriptionDate, a.prescriptionDate) || a.drugCode.localeCompare(b.drugCode));
}
