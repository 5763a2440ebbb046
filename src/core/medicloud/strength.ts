// Strength of one unit in mg, read from the product name, for the controlled-drug care list
// (total mg = quantity × unit strength; research §5(e)). Only an unambiguous single mass
// strength is used: combinations ('5/80MG', '37.5MG/325MG'), concentrations ('5MG/ML'),
// percentages and patch release rates ('12MCG/H') have no single per-unit mg, so they give null
// rather than a number that would be wrong by a factor.

const MASS = /(\d+(?:\.\d+)?)\s*(MG|MCG|µG|ΜG|UG|MICROGRAMS?|GM|G)(?![A-Z])/g;
const TO_MG: Record<string, number> = { MG: 1, MCG: 0.001, 'µG': 0.001, ΜG: 0.001, UG: 0.001, MICROGRAM: 0.001, MICROGRAMS: 0.001, GM: 1000, G: 1000 };

export function unitStrengthMg(drugName: string): number | null {
  const name = drugName.toUpperCase();
  if (/\d\s*\/\s*\d/.test(name)) return null; // '5/80MG', '160/12.5'
  const strengths = new Set<number>();
  for (const match of name.matchAll(MASS)) {
    const after = name.slice((match.index ?? 0) + match[0].length);
    if (/^\s*\//.test(after)) return null; // per mL, per hour, per dose
    const factor = TO_MG[match[2] as string] ?? null;
    if (factor === null) return null;
    strengths.add(Math.round(Number(match[1]) * factor * 1e6) / 1e6);
  }
  if (strengths.size !== 1) return null;
  return [...strengths][0] ?? null;
}
