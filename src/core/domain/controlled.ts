// Drug classes that raise a duplicate's severity or put a patient on NHI's controlled-drug
// care list. Prefixes are WHO ATC codes (NHI "ATC5" = 5 characters, or narrower); a record
// belongs to a class when any of its codes starts with one of them (SPEC §2, research §5(c)(e)).

/**
 * Controlled hypnotics and anxiolytics: benzodiazepines (N05BA, N05CD, and clonazepam, a
 * benzodiazepine WHO files under antiepileptics, N03AE01) and Z-drugs (N05CF).
 */
export const CONTROLLED_HYPNOTIC_PREFIXES: readonly string[] = ['N05BA', 'N05CD', 'N03AE01', 'N05CF'];

/** Controlled hypnotics/anxiolytics, opioids (N02A) and stimulants (N06BA): 管制藥品 classes. */
export const CONTROLLED_HYPNOTIC_OPIOID_PREFIXES: readonly string[] = [
  ...CONTROLLED_HYPNOTIC_PREFIXES,
  'N02A',
  'N06BA',
];

/** Oral anticoagulants: vitamin K antagonists, direct thrombin and factor Xa inhibitors. */
export const ANTICOAGULANT_PREFIXES: readonly string[] = ['B01AA', 'B01AE', 'B01AF'];

/** Insulins and sulfonylureas: duplicated supply means hypoglycaemia. */
export const INSULIN_SULFONYLUREA_PREFIXES: readonly string[] = ['A10A', 'A10BB'];

function startsWithAny(code: string | null | undefined, prefixes: readonly string[]): boolean {
  if (code === null || code === undefined) return false;
  const upper = code.trim().toUpperCase();
  if (upper.length === 0) return false;
  return prefixes.some((prefix) => upper.startsWith(prefix));
}

export function isControlledHypnotic(atc7: string | null | undefined): boolean {
  return startsWithAny(atc7, CONTROLLED_HYPNOTIC_PREFIXES);
}

export function isControlledHypnoticOrOpioid(atc7: string | null | undefined): boolean {
  return startsWithAny(atc7, CONTROLLED_HYPNOTIC_OPIOID_PREFIXES);
}

export function isAnticoagulant(atc7: string | null | undefined): boolean {
  return startsWithAny(atc7, ANTICOAGULANT_PREFIXES);
}

export function isInsulinOrSulfonylurea(atc7: string | null | undefined): boolean {
  return startsWithAny(atc7, INSULIN_SULFONYLUREA_PREFIXES);
}

/**
 * The classes where a same-ingredient duplicate across institutions is critical
 * (research §5(c)5): double supply of these harms within days.
 */
export function isHighRiskDuplicateClass(atc7: string | null | undefined): boolean {
  return isControlledHypnoticOrOpioid(atc7) || isAnticoagulant(atc7) || isInsulinOrSulfonylurea(atc7);
}
