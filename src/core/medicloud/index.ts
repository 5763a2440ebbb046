// MediCloud JSON → the domain's PatientHistory: zod schemas and mappers, pure (no I/O).
export { MedicloudShapeError, parseJsonText, renderShapeError, shapeMessages } from './shape-error.ts';
export type { ShapeErrorDetails, ShapeProblem } from './shape-error.ts';
export {
  ENDPOINT_IDS,
  MEDICLOUD_ENDPOINTS,
  mapAllergy,
  mapCareList,
  mapCareListSummary,
  mapChronic,
  mapMedDays,
  mapMedications,
  mapSummary,
  parseEndpoint,
  queryOf,
  STANDARD_QUERY,
  tryParseEndpoint,
} from './endpoints.ts';
export type { EndpointId, EndpointQuery, EndpointResult, ParseOutcome } from './endpoints.ts';
export { BUNDLE_KEYS, BUNDLE_PARTS, mapBundle, mapPatient, patientSchema } from './bundle.ts';
export { medicationRowSchema, medicationsSchema, mapMedicationRow } from './medications.ts';
export { chronicRowSchema, chronicSchema, groupChronicRows } from './chronic.ts';
export { medDaysRowSchema, medDaysSchema, mapMedDaysRow } from './med-days.ts';
export { careListRowSchema, careListSchema, careListSummaryRowSchema, careListSummarySchema, mapCareListRow, mapCareListSummaryRow } from './care-list.ts';
export { allergyRowSchema, allergySchema, mapAllergyRow } from './allergy.ts';
export { mapSummaryRow, mapSummaryRows, summaryRowSchema, summarySchema } from './summary.ts';
export { plainText } from './summary-text.ts';
export { dosageFormOf } from './dosage-form.ts';
export { unitStrengthMg } from './strength.ts';
export { institutionFromHosp } from './institution.ts';
export { parseYearMonth } from './fields.ts';
