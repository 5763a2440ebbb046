// The session carries core/domain's full analysis so the patient view renders without
// recomputing; the flow itself reads only `empty` (查無資料) and `alerts`.
export type { Analysis as PatientAnalysis } from '../domain/analysis.ts';
