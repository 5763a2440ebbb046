// One schema + mapper per MediCloud endpoint, keyed by the endpoint id, so the cloud client
// validates every response the same way: `parseEndpoint('imue0008s02', json)` gives mapped
// records or throws a MedicloudShapeError naming the endpoint, row and field.
import type { z } from 'zod';
import type {
  AllergyRecord,
  CareListDispensing,
  CareListMonthSummary,
  ChronicPrescription,
  CloudGroupLeftover,
  MedicationRecord,
  SummaryNote,
} from '../domain/types.ts';
import { allergySchema, mapAllergyRow } from './allergy.ts';
import { careListSchema, careListSummarySchema, mapCareListRow, mapCareListSummaryRow } from './care-list.ts';
import { chronicSchema, groupChronicRows } from './chronic.ts';
import { mapMedDaysRow, medDaysSchema } from './med-days.ts';
import { mapMedicationRows, medicationsSchema } from './medications.ts';
import { MedicloudShapeError, shapeErrorFrom } from './shape-error.ts';
import { mapSummaryRows, summarySchema } from './summary.ts';
import { withoutExactRepeats } from './repeated-rows.ts';

/**
 * The query string the MediCloud page sends for an endpoint, in its order: fixed parameters,
 * then `cli_datetime` (the counter's Taipei wall clock), then `insert_log=true` when the page
 * asks NHI to log the access.
 */
export interface EndpointQuery {
  params: Readonly<Record<string, string>>;
  cliDatetime: boolean;
  insertLog: boolean;
}

/** `?cli_datetime=…&insert_log=true`: what the page sends for most data endpoints. */
export const STANDARD_QUERY: EndpointQuery = { params: {}, cliDatetime: true, insertLog: true };

interface Endpoint<S extends z.ZodType, T> {
  id: string;
  /** Path under https://medcloud2.nhi.gov.tw/imu/api/ (research anchors 1(b) endpoint map). */
  path: string;
  title: { 'zh-TW': string; en: string };
  /** STANDARD_QUERY when absent. */
  query?: EndpointQuery;
  schema: S;
  map: (data: z.output<S>) => T;
}

function endpoint<S extends z.ZodType, T>(spec: Endpoint<S, T>): Endpoint<S, T> {
  return spec;
}

export const MEDICLOUD_ENDPOINTS = {
  imue0008s02: endpoint({
    id: 'imue0008s02',
    path: 'imue0008/imue0008s02/get-data',
    title: { 'zh-TW': '西醫用藥紀錄', en: 'medication records' },
    schema: medicationsSchema,
    map: (data): MedicationRecord[] => mapMedicationRows(data.robject),
  }),
  imue0008s05: endpoint({
    id: 'imue0008s05',
    path: 'imue0008/imue0008s05/get-data',
    title: { 'zh-TW': '慢性處方箋', en: 'chronic refill prescriptions' },
    schema: chronicSchema,
    map: (data): ChronicPrescription[] => groupChronicRows(data),
  }),
  imue0120s01: endpoint({
    id: 'imue0120s01',
    path: 'imue0120/imue0120s01/pres-med-day',
    title: { 'zh-TW': '門診藥品餘藥日數', en: 'leftover days per drug group' },
    schema: medDaysSchema,
    map: (data): CloudGroupLeftover[] => data.robject.map(mapMedDaysRow),
  }),
  imue0009s02: endpoint({
    id: 'imue0009s02',
    path: 'imue0009/imue0009s02/get-data',
    title: { 'zh-TW': '特定管制用藥(關懷名單)明細', en: 'controlled-drug care list, dispensings' },
    schema: careListSchema,
    map: (data): CareListDispensing[] => data.robject.map(mapCareListRow),
  }),
  imue0009s03: endpoint({
    id: 'imue0009s03',
    path: 'imue0009/imue0009s03/get-data',
    title: { 'zh-TW': '特定管制用藥情形統計', en: 'controlled-drug care list, monthly summary' },
    // The page calls it with no query at all (anchors 1(b) map).
    query: { params: {}, cliDatetime: false, insertLog: false },
    schema: careListSummarySchema,
    map: (data): CareListMonthSummary[] => data.robject.map(mapCareListSummaryRow),
  }),
  imue0040s02: endpoint({
    id: 'imue0040s02',
    path: 'imue0040/imue0040s02/get-data',
    title: { 'zh-TW': '過敏紀錄', en: 'allergy records' },
    schema: allergySchema,
    map: (data): AllergyRecord[] => withoutExactRepeats(data.robject).map(mapAllergyRow).filter((row) => row !== null),
  }),
  imue2000s01: endpoint({
    id: 'imue2000s01',
    path: 'imue2000/imue2000s01/get-summary',
    title: { 'zh-TW': '病人資訊（摘要）', en: 'patient summary notes' },
    // Exactly the page's call (the analyzer tools copy it): these four switches, then
    // cli_datetime, and no insert_log — the summary is not a logged query of its own.
    query: {
      params: { drug_phet: 'false', drug_hemo: 'false', ctmri_assay: 'false', ctmri_dent: 'true' },
      cliDatetime: true,
      insertLog: false,
    },
    schema: summarySchema,
    map: (data): SummaryNote[] => mapSummaryRows(withoutExactRepeats(data.robject)),
  }),
} as const;

export type EndpointId = keyof typeof MEDICLOUD_ENDPOINTS;
export type EndpointResult<E extends EndpointId> = ReturnType<(typeof MEDICLOUD_ENDPOINTS)[E]['map']>;

export const ENDPOINT_IDS = Object.keys(MEDICLOUD_ENDPOINTS) as EndpointId[];

/** Validates and maps one response; throws MedicloudShapeError on a shape it cannot trust. */
export function parseEndpoint<E extends EndpointId>(id: E, json: unknown): EndpointResult<E> {
  const spec = MEDICLOUD_ENDPOINTS[id] as unknown as Endpoint<z.ZodType, EndpointResult<E>>;
  const parsed = spec.schema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const error = shapeErrorFrom(id, parsed.error);
    // A bare-array response (imue0009s03) has no `robject`; name the row as the data has it.
    if (Array.isArray(json) && error.details.path.startsWith('robject')) {
      throw new MedicloudShapeError({ ...error.details, path: error.details.path.slice('robject'.length) });
    }
    throw error;
  }
  return spec.map(parsed.data);
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: MedicloudShapeError };

/** parseEndpoint as a value, for callers that branch instead of catching. */
export function tryParseEndpoint<E extends EndpointId>(id: E, json: unknown): ParseOutcome<EndpointResult<E>> {
  try {
    return { ok: true, value: parseEndpoint(id, json) };
  } catch (error) {
    if (error instanceof MedicloudShapeError) return { ok: false, error };
    throw error;
  }
}

export const mapMedications = (json: unknown): MedicationRecord[] => parseEndpoint('imue0008s02', json);
export const mapChronic = (json: unknown): ChronicPrescription[] => parseEndpoint('imue0008s05', json);
export const mapMedDays = (json: unknown): CloudGroupLeftover[] => parseEndpoint('imue0120s01', json);
export const mapCareList = (json: unknown): CareListDispensing[] => parseEndpoint('imue0009s02', json);
export const mapCareListSummary = (json: unknown): CareListMonthSummary[] => parseEndpoint('imue0009s03', json);
export const mapAllergy = (json: unknown): AllergyRecord[] => parseEndpoint('imue0040s02', json);
export const mapSummary = (json: unknown): SummaryNote[] => parseEndpoint('imue2000s01', json);

/** The query an endpoint is called with. */
export function queryOf(id: EndpointId): EndpointQuery {
  return MEDICLOUD_ENDPOINTS[id].query ?? STANDARD_QUERY;
}
