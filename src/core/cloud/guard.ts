// Which patient is at the counter now. A fetch takes a ticket when it starts; when the card
// is swapped (「換卡」) or removed, the guard moves on and every answer still in flight for the
// old ticket is dropped instead of being shown next to the new patient's name.

export interface PatientTicket {
  /** The key the fetch was started for (e.g. the cache's patient key or a session id). */
  readonly patientKey: string;
  /** Still the patient at the counter? */
  isCurrent(): boolean;
}

export interface PatientGuard {
  /** A new patient (or a fresh look-up of the same one): older tickets stop being current. */
  start(patientKey: string): PatientTicket;
  /** Card removed / idle timeout: nobody is current. */
  clear(): void;
  current(): string | null;
}

export function createPatientGuard(): PatientGuard {
  let generation = 0;
  let currentKey: string | null = null;
  return {
    start(patientKey) {
      generation++;
      currentKey = patientKey;
      const mine = generation;
      return { patientKey, isCurrent: () => generation === mine && currentKey === patientKey };
    },
    clear() {
      generation++;
      currentKey = null;
    },
    current: () => currentKey,
  };
}
