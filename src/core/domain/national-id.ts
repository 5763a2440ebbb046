// 身分證統一編號: one letter (household registration area), a sex digit (1 male, 2 female;
// 8/9 in the 2021 resident-certificate format), seven serial digits and a check digit.

const AREA_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1];

/** The check digit for a letter + 8 digits (sex digit and seven serial digits). */
export function nationalIdCheckDigit(first9: string): number | null {
  if (!/^[A-Z][0-9]{8}$/.test(first9)) return null;
  const area = AREA_CODES[first9[0] as string];
  if (area === undefined) return null;
  let sum = Math.floor(area / 10) + (area % 10) * 9;
  for (let i = 0; i < 8; i++) sum += Number(first9[i + 1]) * (WEIGHTS[i] as number);
  return (10 - (sum % 10)) % 10;
}

export function isValidNationalId(id: string): boolean {
  if (!/^[A-Z][1289][0-9]{8}$/.test(id)) return false;
  return nationalIdCheckDigit(id.slice(0, 9)) === Number(id[9]);
}

/** `A12****789`: what the screen and the audit log show (SPEC §4 privacy). */
export function maskNationalId(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}

/**
 * Anything shaped like a national or resident ID inside a text: a letter and nine digits, or
 * two letters (the second A–D) and eight digits.
 */
const ID_SHAPED = /[A-Z][0-9A-D]\d{8}/gi;

/**
 * An old-format resident certificate number (居留證: two letters, eight digits): the second letter counts by
 * the last digit of its area code (A → 0, B → 1, C → 2, D → 3) in the check-digit sum.
 */
function isValidOldResidentNumber(id: string): boolean {
  if (!/^[A-Z][A-D][0-9]{8}$/.test(id)) return false;
  const second = (AREA_CODES[id[1] as string] as number) % 10;
  return nationalIdCheckDigit(`${id[0] as string}${second}${id.slice(2, 9)}`) === Number(id[9]);
}

/**
 * A text with every real national or resident ID masked: shaped like one and its check digit
 * right. For free text a pharmacist reads (the cloud's summary notes), where an NHI drug code
 * (two letters and eight digits, or a letter, 0 and eight digits) or an order number has the
 * same shape but should stay as written.
 */
export function maskCheckedNationalIdsIn(text: string): string {
  return text.replace(ID_SHAPED, (found) => {
    const id = found.toUpperCase();
    return isValidNationalId(id) || isValidOldResidentNumber(id) ? maskNationalId(found) : found;
  });
}

/** A text with every ID-shaped part masked, for messages that quote what they were given. */
export function maskNationalIdsIn(text: string): string {
  return text.replace(ID_SHAPED, maskNationalId);
}
