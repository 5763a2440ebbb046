// Public face of the kiosk flow.
export { sessionReducer } from './reducer.ts';
export { initialSession } from './state.ts';
export { validSettings } from './admin.ts';
export { careListCaveat, onCareList } from './care-list.ts';
export { sessionMessages, type SessionMessageKey } from './messages.ts';
export * from './types.ts';
export type { PatientAnalysis } from './analysis-shape.ts';
export { createSessionStore, type SessionStore, type SessionInput } from './store.ts';
