// The analyze bundle: one patient's MediCloud responses saved side by side, each exactly as
// the real API returns it, plus the card's patient profile:
//   { patient?: {id, name, birthDate, sex}, medications?, chronic?, medDays?, careList?,
//     careListSummary?, allergy?, summary? }
// Absent parts are empty lists; a malformed part is a MedicloudShapeError naming its endpoint.
// Any other key is refused (a typo, 'medication', would read as "no medications"), except
// keys starting with '_', which carry notes ('_note' in examples/).
import { z } from 'zod';
import { maskNationalIdsIn } from '../domain/national-id.ts';
import type { Patient, PatientHistory } from '../domain/types.ts';
import { withoutControlCharacters } from './control-characters.ts';
import { parseEndpoint, type EndpointId } from './endpoints.ts';
import { date, optionalText, text } from './fields.ts';
import { MedicloudShapeError, shapeErrorFrom } from './shape-error.ts';

/** Bundle key → the endpoint whose response it holds. */
export const BUNDLE_PARTS = {
  medications: 'imue0008s02',
  chronic: 'imue0008s05',
  medDays: 'imue0120s01',
  careList: 'imue0009s02',
  careListSummary: 'imue0009s03',
  allergy: 'imue0040s02',
  summary: 'imue2000s01',
} as const satisfies Record<string, EndpointId>;

export const patientSchema = z.object({
  id: text(),
  name: optionalText(),
  /** ISO or the card's ROC `yyyMMdd`. */
  birthDate: date(),
  sex: optionalText().transform((value, ctx): 'M' | 'F' => {
    const sex = { M: 'M', F: 'F', 男: 'M', 女: 'F', '1': 'M', '2': 'F' }[value?.toUpperCase() ?? ''];
    if (sex === 'M' || sex === 'F') return sex;
    ctx.addIssue({ code: 'custom', message: 'bad-value', params: { problem: value === null ? 'missing' : 'bad-value', input: value } });
    return z.NEVER;
  }),
});

export function mapPatient(json: unknown): Patient {
  // quiet: identity fields are never echoed into an error message.
  const parsed = patientSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw shapeErrorFrom('patient', parsed.error, true);
  const { id, name, birthDate, sex } = parsed.data;
  return { nationalId: id.toUpperCase(), name: name ?? '', birthDate, sex };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every key a bundle may hold, in the order the docs list them. */
export const BUNDLE_KEYS: readonly string[] = ['patient', ...Object.keys(BUNDLE_PARTS)];

const MAX_KEY_CHARS = 40;

/** A key as the error shows it: one line, short, and a national ID in it masked. */
function keyForMessage(key: string): string {
  const line = maskNationalIdsIn(withoutControlCharacters(key));
  return line.length > MAX_KEY_CHARS ? `${line.slice(0, MAX_KEY_CHARS)}…` : line;
}

function refuseUnknownKeys(bundle: Record<string, unknown>): void {
  const unknown = Object.keys(bundle).find((key) => !key.startsWith('_') && !BUNDLE_KEYS.includes(key));
  if (unknown === undefined) return;
  const key = keyForMessage(unknown);
  throw new MedicloudShapeError({ endpoint: 'bundle', path: key, row: null, field: key, problem: 'unknown-key', value: BUNDLE_KEYS.join(', ') });
}

export function mapBundle(bundle: unknown): PatientHistory {
  if (!isPlainObject(bundle)) {
    throw new MedicloudShapeError({ endpoint: 'bundle', path: '', row: null, field: null, problem: 'not-an-object', value: null });
  }
  refuseUnknownKeys(bundle);
  const part = <E extends EndpointId>(key: keyof typeof BUNDLE_PARTS, id: E) =>
    bundle[key] === undefined ? [] : parseEndpoint(id, bundle[key]);
  return {
    patient: bundle.patient === undefined || bundle.patient === null ? null : mapPatient(bundle.patient),
    medications: part('medications', BUNDLE_PARTS.medications),
    chronic: part('chronic', BUNDLE_PARTS.chronic),
    cloudLeftover: part('medDays', BUNDLE_PARTS.medDays),
    careList: part('careList', BUNDLE_PARTS.careList),
    careListSummary: part('careListSummary', BUNDLE_PARTS.careListSummary),
    allergies: part('allergy', BUNDLE_PARTS.allergy),
    summary: part('summary', BUNDLE_PARTS.summary),
  };
}
