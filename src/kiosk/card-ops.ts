// The card operations the session's effects need, over whichever reader hub is open. The
// staff card's connection stays open while staff are logged in: its PIN state (verified)
// must survive until the three-card login signs with it. Results come back as the
// session's own shapes; a PIN is handed to the card and not kept.
import { CardError } from '../device/cards/errors.ts';
import { patientPinStatus, readPatientProfile, verifyPatientPin } from '../device/cards/patient-card.ts';
import type { PinCheck, PinStatus } from '../device/cards/pin.ts';
import { readStaffProfile, readStaffPublicKey, staffPinStatus, staffSign, verifyStaffPin } from '../device/cards/staff-card.ts';
import type { CardSession, ReaderHub } from '../device/types.ts';
import type { PatientCardProfile, StaffProfile } from '../core/session/types.ts';
import type { Signer } from '../core/cloud/index.ts';

/** Staff and patient cards of this profile start with 3 tries (research §1.4). */
const DEFAULT_TRIES = 3;

export interface PinOutcome {
  ok: boolean;
  triesLeft: number;
  blocked: boolean;
}

export interface CardOps {
  readStaff(reader: string): Promise<StaffProfile>;
  readPatient(reader: string): Promise<PatientCardProfile>;
  verify(who: 'staff' | 'patient', reader: string, pin: string): Promise<PinOutcome>;
  /** The logged-in staff card as a signer for the cloud login, with its public key. */
  staffSigner(reader: string): Promise<{ signer: Signer; publicKey: Uint8Array }>;
  /** Forget the connection to a reader whose card left. */
  forget(reader: string): void;
  close(): Promise<void>;
}

function triesOf(status: PinStatus): { triesLeft: number; blocked: boolean; set: boolean } {
  switch (status.state) {
    case 'required':
      return { triesLeft: status.triesLeft, blocked: false, set: true };
    case 'verified':
      return { triesLeft: DEFAULT_TRIES, blocked: false, set: true };
    case 'blocked':
      return { triesLeft: 0, blocked: true, set: true };
    case 'not-set':
      return { triesLeft: 0, blocked: false, set: false };
  }
}

function outcomeOf(check: PinCheck): PinOutcome {
  switch (check.state) {
    case 'verified':
      return { ok: true, triesLeft: DEFAULT_TRIES, blocked: false };
    case 'wrong':
      return { ok: false, triesLeft: check.triesLeft, blocked: check.triesLeft === 0 };
    case 'blocked':
      return { ok: false, triesLeft: 0, blocked: true };
    case 'not-set':
      throw check.error;
  }
}

export function createCardOps(hub: ReaderHub, options: { isAdmin: (staffId: string) => boolean; timeoutMs?: number }): CardOps {
  const sessions = new Map<string, Promise<CardSession>>();
  const session = (reader: string): Promise<CardSession> => {
    let open = sessions.get(reader);
    if (!open) {
      open = hub.connect(reader, { timeoutMs: options.timeoutMs ?? 5000 });
      sessions.set(reader, open);
      open.catch(() => sessions.delete(reader));
    }
    return open;
  };
  return {
    async readStaff(reader) {
      const channel = await session(reader);
      const profile = await readStaffProfile(channel);
      const pin = triesOf(await staffPinStatus(channel));
      return { staffId: profile.staffId, name: profile.name, role: profile.role, admin: options.isAdmin(profile.staffId), pinTriesLeft: pin.triesLeft };
    },
    async readPatient(reader) {
      const channel = await session(reader);
      const basic = await readPatientProfile(channel);
      const pin = triesOf(await patientPinStatus(channel));
      return {
        nationalId: basic.nationalId,
        name: basic.name,
        birthDate: basic.birthDate,
        sex: basic.sex,
        cardNumber: basic.cardNumber,
        pinSet: pin.set,
        pinTriesLeft: pin.triesLeft,
        pinBlocked: pin.blocked,
      };
    },
    async verify(who, reader, pin) {
      const channel = await session(reader);
      return outcomeOf(who === 'staff' ? await verifyStaffPin(channel, pin) : await verifyPatientPin(channel, pin));
    },
    async staffSigner(reader) {
      const channel = await session(reader);
      const publicKey = await readStaffPublicKey(channel);
      return { signer: { sign: (message) => staffSign(channel, message) }, publicKey };
    },
    forget(reader) {
      const open = sessions.get(reader);
      sessions.delete(reader);
      open?.then((s) => s.close()).catch(() => undefined);
    },
    async close() {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(open.map(async (s) => (await s).close()));
    },
  };
}

/** A card failure as the session's error value: the kind and the NHI code technicians know. */
export function cardErrorValue(error: unknown): { kind: string } {
  // 'reader-timeout:4000': a token the audit log accepts, with the code technicians know.
  if (error instanceof CardError) return { kind: error.nhiCode === null ? error.kind : `${error.kind}:${error.nhiCode}` };
  return { kind: 'card-error' };
}
