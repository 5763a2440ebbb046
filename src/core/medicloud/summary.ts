// imue2000s01 病人資訊 (the 摘要 page): `{ log2time, robject: [{ txt, img }] }`, `txt` HTML with
// `<span class='red-sign'>` around what NHI wants seen, `img` the icon that says what the
// note is about (research anchors 1(b)). The CKD note carries the latest eGFR and its sample
// date in brackets — 「最近一筆eGFR值為[34]，採檢日期為[114/02/28]」 — which the analyzer tools
// read with a regex to stage kidney function; we read both for the dosing warning.
import { z } from 'zod';
import { parseDate } from '../domain/dates.ts';
import { maskCheckedNationalIdsIn } from '../domain/national-id.ts';
import type { SummaryNote, SummaryNoteKind } from '../domain/types.ts';
import { envelope, optionalText, text } from './fields.ts';
import { plainText } from './summary-text.ts';

export const summaryRowSchema = z.object({
  txt: text(),
  img: optionalText(),
});

export const summarySchema = envelope(summaryRowSchema);

export type SummaryRow = z.output<typeof summaryRowSchema>;

const KIND_OF_ICON: Record<string, SummaryNoteKind> = {
  '3': 'ckd',
  '4': 'transplant-abroad',
  '5': 'home-care',
  '7': 'dental-implant',
};

// Read on NFKC text, so full-width digits and brackets (［３４］) match as well.
// The whole number, or none: [1234] was read as 123, [34.5.6] as 34.5 and [1,234] as 1
// (fuzzer, metamorphic review). In brackets the number must fill them; bare, it must not run on
// into more digits, a point or a thousands comma.
const EGFR = /eGFR\s*值?\s*(?:為|是|[:=])?\s*(?:\[\s*(\d{1,3}(?:\.\d+)?)\s*\]|(\d{1,3}(?:\.\d+)?)(?![\d.])(?!,\d))/i;
const EGFR_DATE = /採檢日期\s*(?:為|是|:)?\s*\[?\s*(\d{2,4}\/\d{1,2}\/\d{1,2}|\d{7,8})\s*\]?/;

/** 'summary-icon-3.png' or '/imu/assets/summary-icon-3.png' → 'summary-icon-3.png'; only a safe file name is kept. */
function iconName(img: string | null): string | null {
  const name = img?.split(/[\\/]/).pop()?.split(/[?#]/)[0]?.trim() ?? '';
  return /^[\w.-]{1,64}$/.test(name) ? name : null;
}

/** eGFR below this (mL/min/1.73 m²) is CKD stage G3a or worse (KDIGO). */
const CKD_BELOW = 60;
/** The largest eGFR read as one. */
const MOST_EGFR = 200;

function kindOf(icon: string | null, egfr: number | undefined): SummaryNoteKind {
  const code = icon === null ? undefined : /summary-icon-(\d+)/i.exec(icon)?.[1];
  const kind = code === undefined ? undefined : KIND_OF_ICON[code];
  if (kind !== undefined) return kind;
  // A note without the icon that states an eGFR below 60 (CKD stage G3a and worse) is the
  // kidney note; one of 95 was called 'impaired kidney function'.
  return egfr !== undefined && egfr < CKD_BELOW ? 'ckd' : 'other';
}

/**
 * The note, or null when nothing readable is left once the markup is gone. A national ID in
 * the note's text is masked, as everywhere on screen (SPEC §4): the kiosk, the analyze report
 * and its JSON all show the mapped note.
 */
export function mapSummaryRow(row: SummaryRow): SummaryNote | null {
  const noteText = maskCheckedNationalIdsIn(plainText(row.txt));
  if (noteText === '') return null;
  const normalised = noteText.normalize('NFKC');
  const egfrMatch = EGFR.exec(normalised);
  const egfrText = egfrMatch?.[1] ?? egfrMatch?.[2];
  // No kidney filters above 200 mL/min/1.73 m²: [999] is a garbled figure, not an eGFR.
  const egfr = egfrText === undefined || !(Number(egfrText) <= MOST_EGFR) ? undefined : Number(egfrText);
  const icon = iconName(row.img);
  const note: SummaryNote = { kind: kindOf(icon, egfr), text: noteText, icon };
  if (egfr !== undefined && Number.isFinite(egfr)) note.egfr = egfr;
  const dateText = EGFR_DATE.exec(normalised)?.[1];
  const egfrDate = dateText === undefined ? null : parseDate(dateText);
  if (egfr !== undefined && egfrDate !== null) note.egfrDate = egfrDate;
  return note;
}

export function mapSummaryRows(rows: readonly SummaryRow[]): SummaryNote[] {
  return rows.map(mapSummaryRow).filter((note) => note !== null);
}
