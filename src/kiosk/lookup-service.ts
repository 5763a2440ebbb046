// Starts one cache-first look-up (G's lookupPatient) for a `start-lookup` effect: builds the
// three-card login from the SAM, the logged-in staff card and the patient, and turns each
// look-up event into session events stamped with the lookupId. A cancelled or superseded
// look-up is aborted and its late answers never reach the session.
import { serialSigner, type CloudClient, type Signer } from '../core/cloud/index.ts';
import { lookupPatient, toSessionEvents, type LookupCache } from '../core/lookup/index.ts';
import type { AnalysisSettings } from '../core/domain/settings.ts';
import type { IsoDate, Patient, Sex } from '../core/domain/types.ts';
import type { SessionEffect, SessionEvent, StaffSession } from '../core/session/types.ts';
import type { CardOps } from './card-ops.ts';

export interface SamSigner {
  hospId: string;
  samId: string;
  signer: Signer;
}

export interface LookupServiceDeps {
  cards: CardOps;
  client: Pick<CloudClient, 'login' | 'fetchAll'>;
  cache: LookupCache;
  /** The SAM, once known (file at start, or a SAM card inserted later). */
  sam: () => SamSigner | null;
  today: () => IsoDate;
  clock: () => number;
  settings: () => AnalysisSettings;
  /** Emergency look-ups have no card: the embedded demo knows the deck's card numbers. */
  cardNumberFor: (nationalId: string) => string | null;
  dispatch: (event: SessionEvent) => void;
  onWarning?: (error: Error) => void;
}

type StartLookup = Extract<SessionEffect, { type: 'start-lookup' }>;

/** 身分證 second digit: 1 (or 8, resident certificate) male, 2 (or 9) female. */
function sexOfId(nationalId: string): Sex {
  return nationalId[1] === '2' || nationalId[1] === '9' ? 'F' : 'M';
}

export function createLookupService(deps: LookupServiceDeps) {
  let current: { lookupId: number; abort: AbortController } | null = null;
  const signers = new Map<string, Promise<{ signer: Signer; publicKey: Uint8Array }>>();

  function staffSigner(reader: string) {
    let found = signers.get(reader);
    if (!found) {
      // One card answers one command sequence at a time: serialise its signatures.
      found = deps.cards.staffSigner(reader).then(({ signer, publicKey }) => ({ signer: serialSigner(signer), publicKey }));
      signers.set(reader, found);
      found.catch(() => signers.delete(reader));
    }
    return found;
  }

  async function run(effect: StartLookup, staff: StaffSession): Promise<void> {
    const abort = new AbortController();
    current?.abort.abort();
    current = { lookupId: effect.lookupId, abort };
    const isCurrent = () => current?.lookupId === effect.lookupId && !abort.signal.aborted;
    const fail = (kind: string) => isCurrent() && deps.dispatch({ type: 'lookup-failed', at: deps.clock(), lookupId: effect.lookupId, error: { kind } });
    const sam = deps.sam();
    if (!sam) return void fail('sam-missing');
    const target = effect.target;
    const patient: Patient = { nationalId: target.nationalId, name: target.name ?? '', birthDate: target.birthDate, sex: target.sex ?? sexOfId(target.nationalId) };
    let staffCard;
    try {
      staffCard = await staffSigner(effect.staffReader);
    } catch {
      return void fail('staff-pin-not-verified');
    }
    let shown = false;
    const result = await lookupPatient({
      patient,
      cache: deps.cache,
      client: deps.client,
      credentials: {
        hospId: sam.hospId,
        samId: sam.samId,
        sam: sam.signer,
        staffId: staff.profile.staffId,
        staffPublicKey: staffCard.publicKey,
        staff: staffCard.signer,
        patientId: target.nationalId,
        patientBirthday: target.birthDate,
        patientCardNumber: target.cardNumber ?? deps.cardNumberFor(target.nationalId) ?? '',
      },
      today: deps.today(),
      isCurrent,
      onEvent: (event) => {
        for (const sessionEvent of toSessionEvents(event, effect.lookupId, deps.clock(), shown)) {
          if (sessionEvent.type === 'lookup-cached' || sessionEvent.type === 'lookup-fresh') shown = true;
          deps.dispatch(sessionEvent);
        }
      },
      staff: { staffId: staff.profile.staffId, role: staff.profile.role },
      consent: effect.consent,
      settings: deps.settings(),
      signal: abort.signal,
    });
    for (const warning of result.warnings) deps.onWarning?.(warning);
  }

  return {
    start(effect: StartLookup, staff: StaffSession): void {
      run(effect, staff).catch((error: unknown) => {
        deps.onWarning?.(error instanceof Error ? error : new Error(String(error)));
        if (current?.lookupId === effect.lookupId) deps.dispatch({ type: 'lookup-failed', at: deps.clock(), lookupId: effect.lookupId, error: { kind: 'unexpected' } });
      });
    },
    cancel(lookupId: number): void {
      if (current?.lookupId !== lookupId) return;
      current.abort.abort();
      current = null;
    },
    /** The staff card left: its signer is gone with it. */
    forgetStaff(reader: string): void {
      signers.delete(reader);
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
