// The cloud has no dosage-form field on 西醫用藥 rows, yet leftover and duplicate rules need it
// (NHI's K1 group = same ingredient + same dosage form; research §5). NHI drug names carry the
// form in English (`... F.C. TABLETS 5MG`, `... EYE DROPS 0.5%`) and sometimes in Chinese
// (錠, 膠囊, 眼藥水), so the form is read from those words. Order matters: the specific routes
// (eye ointment, nasal spray, inhalation solution, sublingual tablet) are tested before the
// generic ones (ointment → topical, tablet → oral).
import type { DosageForm } from '../domain/types.ts';

const RULES: readonly (readonly [DosageForm, RegExp])[] = [
  ['eye', /\b(EYE|OPHTHALMIC|OPHTH|OCULAR|OCUL)\b|眼/],
  ['ear', /\b(EAR|OTIC|AURICULAR)\b|耳/],
  ['nasal', /\bNASAL\b|鼻/],
  ['sublingual', /\b(SUBLINGUAL|S\.L\.|SL)\b|舌下/],
  ['inhalation', /INHAL|\b(EVOHALER|TURBUHALER|ACCUHALER|BREEZHALER|HANDIHALER|ELLIPTA|RESPIMAT|NEBULI[SZ]ER|NEBULES?|MDI)\b|吸入/],
  ['transdermal', /\b(PATCH(ES)?|TRANSDERMAL|TTS|D-TRANS)\b|貼片/],
  ['injection', /\b(INJ|INJECTION|INJECTABLE|INFUSION|I\.V\.|VIALS?|AMPOULES?|AMP|PREFILLED|FLEXPEN|FLEXTOUCH|SOLOSTAR|KWIKPEN|PENFILL)\b|INJ\.|注射/],
  ['rectal', /\b(SUPPOSITOR(Y|IES)|SUPP|RECTAL|ENEMA)\b|栓劑|肛門/],
  ['vaginal', /\b(VAGINAL|VAG)\b|陰道/],
  ['topical', /\b(CREAM|OINTMENT|OINT|GEL|JELLY|LOTION|LINIMENT|PASTE|SHAMPOO|EMULGEL|TOPICAL|EXTERNAL|CATAPLASMA?|PLASTER|POULTICE|SPRAY|EMULSION|FOAM)\b|軟膏|乳膏|凝膠|外用|貼布/],
  ['oral', /\b(TABS?|TABLETS?|CAPS?|CAPSULES?|F\.?C\.?|FILM[- ]COATED|SYRUP|SYR|ORAL|GRANULES?|POWDER|SUSPENSION|ELIXIR|SOLUTION|SOLN|DROPS|SACHETS?|CHEWABLE|DISPERSIBLE|LOZENGES?|PILLS?|DRAGEES?)\b|錠|膠囊|糖漿|口服|顆粒|散劑|內服/],
];

/** Route or meal timing in the 用法 code ('TIDPC PO', 'QDAC') means the product is swallowed. */
const ORAL_FREQUENCY = /\bPO\b|^[A-Z0-9]*(AC|PC|CC)\b/;

/**
 * The dosage form read from the product name; when the name has no form word, an oral 用法
 * ('PO', before/after meals) decides; otherwise 'other' (leftover then says 「無法試算」
 * rather than guessing a supply period).
 */
export function dosageFormOf(drugName: string, frequency: string | null = null): DosageForm {
  const name = drugName.toUpperCase();
  for (const [form, pattern] of RULES) {
    if (pattern.test(name)) return form;
  }
  // Both as written ('TID PO') and closed up ('tid pc' → 'TIDPC'): clinics space the codes.
  const code = frequency?.toUpperCase().trim() ?? '';
  if (ORAL_FREQUENCY.test(code) || ORAL_FREQUENCY.test(code.replace(/\s+/g, ''))) return 'oral';
  return 'other';
}
