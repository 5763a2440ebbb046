// Strength of one unit in mg, read from the product name, for the controlled-drug care list
// (total mg = quantity × unit strength; research §5(e)). Only an unambiguous single mass
// strength is used: combinations ('5/80MG', '37.5MG/325MG'), concentrations ('5MG/ML'),
// percentages and patch release rates ('12MCG/H') have no single per-unit mg, so they give null
// rather than a number that would be wrong by a factor.

// A match starts where a number starts: tried at every digit of a long run of digits, the scan
// took time in the square of its length (a 50,000-digit name: 7 s).
const MASS = /(?<![\d.])(\d+(?:\.\d+)?)\s*(MG|MCG|µG|ΜG|UG|MICROGRAMS?|GM|G)(?![A-Z])/g;
/** What follows a strength that makes it a rate or concentration ('/ML', '/H'), read where the match ended. */
const PER = /\s*\//y;
const TO_MG: Record<string, number> = { MG: 1, MCG: 0.001, 'µG': 0.001, ΜG: 0.001, UG: 0.001, MICROGRAM: 0.001, MICROGRAMS: 0.001, GM: 1000, G: 1000 };

export function unitStrengthMg(drugName: string): number | null {
  const name = drugName.toUpperCase();
  if (/\d\s*\/\s*\d/.test(name)) return null; // '5/80MG', '160/12.5'
  const strengths = new Set<number>();
  for (const match of name.matchAll(MASS)) {
    PER.lastIndex = (match.index ?? 0) + match[0].length;
    if (PER.test(name)) return null; // per mL, per hour, per dose
    const factor = TO_MG[match[2] as string] ?? null;
    if (factor === null) return null;
    strengths.add(Math.round(Number(match[1]) * factor * 1e6) / 1e6);
  }
  if (strengths.size !== 1) return null;
  return [...strengths][0] ?? null;
}
