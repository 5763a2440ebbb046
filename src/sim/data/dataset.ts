// The simulator's data set: the demo deck's patients, each with a history generated on first
// use from (seed, deck id) relative to `today`, then rendered per endpoint at query time (the
// cloud computes drug_left, pres_med_day and the care list against the moment of the query).
import type { IsoDate } from '../../core/domain/types.ts';
import { demoDeck, type DemoDeck, type DemoPatient } from '../../demo/deck.ts';
import { childSeed, seededRandom } from '../../demo/random.ts';
import type { DataEndpointId } from '../endpoints.ts';
import { HistoryBuilder } from './builder.ts';
import type { PatientData } from './model.ts';
import { careDetailRows, careDispensings, careListStatus, careSummaryRows, type CareListStatus } from './render-care.ts';
import { chronicRows, countsTowardLeftover, leftoverRows, medicationRows } from './render-medication.ts';
import { allergyRows, summaryRows } from './render-other.ts';
import { tellStory } from './stories.ts';

export interface SimDataset {
  deck: DemoDeck;
  today: IsoDate;
  patientById(nationalId: string): DemoPatient | undefined;
  /** The generated history (cached after the first call). */
  history(patient: DemoPatient): PatientData;
  /** The endpoint's payload: `robject` for enveloped endpoints, the whole body for s05 and s03. */
  payload(endpoint: DataEndpointId, patient: DemoPatient, queryDate: IsoDate): unknown;
  careList(patient: DemoPatient, queryDate: IsoDate): CareListStatus;
  /** Menu nodes (research anchors 1(b) endpoint map) that have data: the JWT Permission claim. */
  permissionOf(patient: DemoPatient, queryDate: IsoDate): string[];
}

export function createDataset(options: { seed: number; today: IsoDate; deck?: DemoDeck }): SimDataset {
  const deck = options.deck ?? demoDeck(options.seed);
  const { today } = options;
  const byId = new Map(deck.patients.map((p) => [p.nationalId, p]));
  const cache = new Map<string, PatientData>();

  const history = (patient: DemoPatient): PatientData => {
    const known = cache.get(patient.deckId);
    if (known) return known;
    const builder = new HistoryBuilder(patient, deck, today, seededRandom(childSeed(deck.seed, `history:${patient.deckId}`)));
    tellStory(builder);
    const data = builder.build();
    cache.set(patient.deckId, data);
    return data;
  };

  const payload = (endpoint: DataEndpointId, patient: DemoPatient, queryDate: IsoDate): unknown => {
    const data = history(patient);
    switch (endpoint) {
      case 'imue0008s02': return medicationRows(data, queryDate);
      case 'imue0008s05': return chronicRows(data, queryDate);
      case 'imue0120s01': return leftoverRows(data, queryDate);
      case 'imue0009s02': return careDetailRows(data, queryDate);
      case 'imue0009s03': return careSummaryRows(data, queryDate);
      case 'imue0040s02': return allergyRows(data, queryDate);
      case 'imue2000s01': return summaryRows(data, queryDate);
    }
  };

  return {
    deck,
    today,
    patientById: (id) => byId.get(id),
    history,
    payload,
    careList: (patient, queryDate) => careListStatus(history(patient), queryDate),
    permissionOf(patient, queryDate) {
      // Checked on the raw history (no rendering), so login stays a few milliseconds.
      const data = history(patient);
      const visits = data.visits.filter((v) => v.date <= queryDate);
      const nodes = ['1.1'];
      if (visits.length > 0) nodes.push('2.1');
      if (careDispensings(data, queryDate).length > 0) nodes.push('2.2');
      if (data.chronic.some((rx) => rx.date <= queryDate)) nodes.push('2.3');
      if (visits.some(countsTowardLeftover)) nodes.push('2.4');
      if (data.allergies.some((a) => a.uploadDate <= queryDate)) nodes.push('5.1');
      return nodes;
    },
  };
}
